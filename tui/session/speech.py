"""Spoken cues through the machine's own speech command (espeak-ng, spd-say or say).

Speech plays on the machine lumbar runs on, so over SSH it would speak in the server room, not
where the user is: there it is off, and the terminal's own cues (the bell, desktop
notifications) are what reaches them. A cue never blocks the interface: the command starts in
the background and nobody waits for it; a new cue stops one still speaking rather than queueing
behind it (with spd-say the speech-dispatcher daemon keeps its own queue). A command that is
missing, cannot start or fails is told once and never stops the session. Nothing here imports
Textual.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tui.model import controls_as_spaces

SPEECH_COMMANDS = ("espeak-ng", "spd-say", "say")
"""The speech commands lumbar looks for on PATH, in this order: the first found speaks."""
SSH_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")
"""Any of these in the environment means lumbar runs at the far end of an SSH link."""
SAMPLE = "Bird dog. Hold 5 seconds."
"""What "Try it" says."""
TRIAL_SECONDS = 15
"""How long "Try it" waits for the command to finish speaking the sample."""
OVER_SSH = (
    "Speech is off over SSH: it would play on the server, not where you are. "
    "The bell and desktop notices reach your own terminal."
)
NOT_FOUND = "No speech command found: install espeak-ng (or spd-say, or say on a Mac)."

Spawn = Callable[..., Any]
"""Starts a process without waiting for it: subprocess.Popen, or a fake in tests."""


def over_ssh(environ: Mapping[str, str]) -> bool:
    """True when ``environ`` says lumbar runs over SSH."""
    return any(environ.get(name) for name in SSH_VARIABLES)


def find_speech_command(which: Callable[[str], str | None] = shutil.which) -> str | None:
    """The path of the first speech command on PATH (``which`` finds one), or None."""
    return next((found for name in SPEECH_COMMANDS if (found := which(name))), None)


def command_name(command: str) -> str:
    """A command's name without its folder: ``/usr/bin/espeak-ng`` -> ``espeak-ng``."""
    return os.path.basename(command)


def speech_argv(command: str, text: str) -> list[str]:
    """The command line that speaks ``text``: control characters and leading dashes go."""
    words = controls_as_spaces(text).strip().lstrip("-").strip()
    return [command, words]


@dataclass(frozen=True)
class SpeechSystem:
    """What this machine offers for speech: the command found, and whether lumbar runs over SSH.

    The default is a machine with neither: no speech, whatever the settings say.
    """

    command: str | None = None
    ssh: bool = False

    @classmethod
    def detect(
        cls, environ: Mapping[str, str], which: Callable[[str], str | None] = shutil.which
    ) -> SpeechSystem:
        """Look at ``environ`` for SSH and on PATH (through ``which``) for a speech command."""
        return cls(find_speech_command(which), over_ssh(environ))

    @property
    def name(self) -> str:
        """The speech command's name (empty when there is none)."""
        return command_name(self.command) if self.command is not None else ""

    @property
    def why_off(self) -> str | None:
        """Why speech cannot be used here (over SSH, no command), or None when it can."""
        if self.ssh:
            return OVER_SSH
        return NOT_FOUND if self.command is None else None

    def speaker(self, spawn: Spawn = subprocess.Popen) -> Speaker | None:
        """A speaker on this machine's command, or None when speech cannot be used here."""
        if self.command is None or self.why_off is not None:
            return None
        return Speaker(self.command, spawn=spawn)


class Speaker:
    """Speaks cues through one command in the background: the newest cue wins, failures once."""

    def __init__(self, command: str, *, spawn: Spawn = subprocess.Popen) -> None:
        """Speak through ``command``, starting it with ``spawn`` (never waited for)."""
        self.command = command
        self._spawn = spawn
        self._speaking: Any = None  # the process of the latest cue
        self._stopped: list[Any] = []  # cues cut short, polled until they are gone
        self.problem: str | None = None
        """What went wrong the first time speech failed (None while it works)."""
        self._told = False

    @property
    def name(self) -> str:
        """The command's name, as the user knows it."""
        return command_name(self.command)

    def say(self, text: str) -> None:
        """Speak ``text`` now, stopping a cue still speaking; never waits, never raises OSError."""
        self._look_back(stop=True)
        try:
            self._speaking = self._spawn(
                speech_argv(self.command, text),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl+C in the terminal is lumbar's, not the voice's
            )
        except OSError as error:
            self._speaking = None
            self._fail(f"{self.name} could not start ({error.strerror or error})")

    def new_problem(self) -> str | None:
        """The failure to tell the user, the first time only (then None: told once is enough)."""
        self._look_back(stop=False)
        if self.problem is None or self._told:
            return None
        self._told = True
        return f"Speech failed: {self.problem}. The session goes on without it."

    def _look_back(self, *, stop: bool) -> None:
        """Note a failed cue, let go of those that have ended, and (``stop``) stop one speaking."""
        speaking = self._speaking
        if speaking is not None:
            code = speaking.poll()
            if code is not None:
                self._speaking = None
                if code != 0:
                    self._fail(f"{self.name} ended with status {code}")
            elif stop:
                speaking.terminate()  # superseded: the newest cue is the one that matters
                self._stopped.append(speaking)
                self._speaking = None
        self._stopped = [process for process in self._stopped if process.poll() is None]

    def _fail(self, problem: str) -> None:
        """Keep the first problem (the one told)."""
        if self.problem is None:
            self.problem = problem


@dataclass(frozen=True)
class Trial:
    """What "Try it" did: spoken or not, and a sentence saying so."""

    spoken: bool
    message: str


def try_speech(
    system: SpeechSystem,
    text: str = SAMPLE,
    *,
    run: Callable[..., subprocess.CompletedProcess[bytes]] = subprocess.run,
    timeout: float = TRIAL_SECONDS,
) -> Trial:
    """Speak ``text`` and wait for the command to finish (call it on a worker thread)."""
    why = system.why_off
    if why is not None or system.command is None:
        return Trial(False, why or NOT_FOUND)
    name = system.name
    try:
        done = run(
            speech_argv(system.command, text),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Trial(
            False, f"{name} did not finish within {timeout:g} s: speech may not work here."
        )
    except OSError as error:
        return Trial(False, f"{name} could not start ({error.strerror or error}).")
    if done.returncode != 0:
        detail = first_line(done.stderr)
        said = f": {detail}" if detail else ""
        return Trial(False, f"{name} failed with status {done.returncode}{said}.")
    return Trial(True, f'Spoken with {name}: "{text}" (nothing heard? check the sound).')


def first_line(output: bytes | str | None) -> str:
    """The first non-empty line of a command's output, cleaned of control characters."""
    if not output:
        return ""
    text = output.decode(errors="replace") if isinstance(output, bytes) else output
    lines: Sequence[str] = [line.strip() for line in text.splitlines() if line.strip()]
    return controls_as_spaces(lines[0])[:100] if lines else ""
