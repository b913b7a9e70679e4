"""Spoken cues: finding the speech command, SSH, speaking in the background, failing quietly."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FakeSpeech, fake_speech
from tui.session.speech import (
    NOT_FOUND,
    OVER_SSH,
    SAMPLE,
    Speaker,
    SpeechSystem,
    find_speech_command,
    over_ssh,
    speech_argv,
    try_speech,
)


class Spawned:
    """subprocess.Popen, keeping every process it starts (so a test can wait for them)."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        process: subprocess.Popen[bytes] = subprocess.Popen(*args, **kwargs)
        self.processes.append(process)
        return process

    def finish(self) -> None:
        """Wait for every process started (a few seconds at most)."""
        for process in self.processes:
            process.wait(5)


@pytest.fixture
def spawned() -> Iterator[Spawned]:
    """A spawner whose processes are all ended after the test."""
    spawn = Spawned()
    yield spawn
    for process in spawn.processes:
        if process.poll() is None:
            process.kill()
            process.wait(5)


def speaker_of(fake: FakeSpeech, spawn: Spawned) -> Speaker:
    return Speaker(str(fake.command), spawn=spawn)


def test_espeak_ng_is_chosen_before_the_others() -> None:
    """With every speech command on PATH, espeak-ng speaks."""
    found = find_speech_command(lambda name: f"/usr/bin/{name}")
    assert found == "/usr/bin/espeak-ng"


def test_spd_say_is_found_when_espeak_ng_is_missing() -> None:
    """spd-say comes next when espeak-ng is not there."""
    paths = {"spd-say": "/usr/bin/spd-say", "say": "/usr/bin/say"}
    assert find_speech_command(paths.get) == "/usr/bin/spd-say"


def test_no_speech_command_is_found_on_an_empty_path() -> None:
    """No command on PATH: None, and the reason says what to install."""
    system = SpeechSystem.detect({}, lambda name: None)
    assert (system.command, system.why_off) == (None, NOT_FOUND)
    assert "espeak-ng" in NOT_FOUND


@pytest.mark.parametrize("variable", ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"])
def test_any_ssh_variable_means_over_ssh(variable: str) -> None:
    """SSH_CONNECTION, SSH_CLIENT or SSH_TTY says lumbar runs at the far end of a link."""
    assert over_ssh({variable: "10.0.0.1 5555 10.0.0.2 22"})


def test_a_local_terminal_is_not_over_ssh() -> None:
    """Without the SSH variables (or with them empty) lumbar runs locally."""
    assert not over_ssh({"TERM": "xterm", "SSH_TTY": ""})


def test_over_ssh_there_is_no_speaker_and_the_reason_says_why() -> None:
    """Over SSH speech would play on the server: no speaker, and the reason names the server."""
    system = SpeechSystem("/usr/bin/espeak-ng", ssh=True)
    assert system.speaker() is None
    assert system.why_off == OVER_SSH
    assert "server" in OVER_SSH and "desktop notices" in OVER_SSH


def test_the_command_line_drops_control_characters_and_leading_dashes() -> None:
    """A name from a user's file cannot pass an option or an escape to the command."""
    assert speech_argv("espeak-ng", "--rm\x1b[2J it") == ["espeak-ng", "rm [2J it"]


def test_the_speaker_says_the_text(tmp_path: Path, spawned: Spawned) -> None:
    """The command is asked to say exactly the cue."""
    fake = fake_speech(tmp_path)
    speaker_of(fake, spawned).say("Bird dog. Hold 5 seconds.")
    spawned.finish()
    assert fake.spoken() == ["Bird dog. Hold 5 seconds."]


def test_the_speaker_does_not_wait_for_the_voice(tmp_path: Path, spawned: Spawned) -> None:
    """A command that takes 5 s to speak leaves say() at once."""
    fake = fake_speech(tmp_path, sleep=5)
    began = time.monotonic()
    speaker_of(fake, spawned).say("Rest.")
    assert time.monotonic() - began < 1


def test_a_new_cue_stops_the_one_still_speaking(tmp_path: Path, spawned: Spawned) -> None:
    """The first, still speaking, is stopped: no backlog of old cues."""
    fake = fake_speech(tmp_path, sleep=5)
    speaker = speaker_of(fake, spawned)
    speaker.say("Rest.")
    speaker.say("Switch sides: now the right.")
    first, second = spawned.processes
    assert first.wait(5) != 0
    assert second.poll() is None


def test_a_stopped_cue_is_not_a_failure(tmp_path: Path, spawned: Spawned) -> None:
    """Stopping a cue to say a newer one is not told as speech failing."""
    fake = fake_speech(tmp_path, sleep=5)
    speaker = speaker_of(fake, spawned)
    speaker.say("Rest.")
    speaker.say("Switch sides: now the right.")
    spawned.processes[0].wait(5)
    assert speaker.new_problem() is None


def test_a_missing_command_never_raises_and_is_told_once(tmp_path: Path) -> None:
    """A command that has gone: say() carries on, and the problem is told the first time only."""
    speaker = Speaker(str(tmp_path / "espeak-ng"))
    speaker.say("Rest.")
    speaker.say("Switch side.")
    problem = speaker.new_problem()
    assert problem is not None and "espeak-ng could not start" in problem
    assert speaker.new_problem() is None


def test_a_failing_command_is_told_once(tmp_path: Path, spawned: Spawned) -> None:
    """A command that ends with a failing status: told with its status, then not again."""
    fake = fake_speech(tmp_path, status=3)
    speaker = speaker_of(fake, spawned)
    speaker.say("Rest.")
    spawned.finish()
    problem = speaker.new_problem()
    assert problem is not None and "status 3" in problem
    speaker.say("Rest.")
    spawned.finish()
    assert speaker.new_problem() is None


def test_a_working_command_has_no_problem_to_tell(tmp_path: Path, spawned: Spawned) -> None:
    """A cue spoken in full leaves nothing to tell."""
    speaker = speaker_of(fake_speech(tmp_path), spawned)
    speaker.say("Rest.")
    spawned.finish()
    assert speaker.new_problem() is None


def test_trying_speech_speaks_the_sample_and_says_with_what(tmp_path: Path) -> None:
    """Try it: the sample is spoken, and the answer names the command."""
    fake = fake_speech(tmp_path)
    trial = try_speech(SpeechSystem(str(fake.command)))
    assert trial.spoken
    assert trial.message.startswith("Spoken with espeak-ng")
    assert fake.spoken() == [SAMPLE]


def test_trying_speech_without_a_command_says_what_to_install() -> None:
    """Try it with no command: not spoken, and the answer says to install espeak-ng."""
    trial = try_speech(SpeechSystem())
    assert (trial.spoken, trial.message) == (False, NOT_FOUND)


def test_trying_speech_over_ssh_says_why_it_is_off(tmp_path: Path) -> None:
    """Try it over SSH: nothing runs, and the answer says it would play on the server."""
    fake = fake_speech(tmp_path)
    trial = try_speech(SpeechSystem(str(fake.command), ssh=True))
    assert (trial.spoken, trial.message) == (False, OVER_SSH)
    assert fake.spoken() == []


def test_trying_a_failing_command_says_how_it_failed(tmp_path: Path) -> None:
    """Try it with a command that fails: its status and its complaint."""
    fake = fake_speech(tmp_path, status=3)
    trial = try_speech(SpeechSystem(str(fake.command)))
    assert not trial.spoken
    assert trial.message == "espeak-ng failed with status 3: no audio device."


def test_trying_a_command_that_hangs_gives_up(tmp_path: Path) -> None:
    """Try it with a command that does not finish: it gives up after the time allowed."""
    fake = fake_speech(tmp_path, sleep=5)
    trial = try_speech(SpeechSystem(str(fake.command)), timeout=0.2)
    assert not trial.spoken
    assert "did not finish within 0.2 s" in trial.message


def test_trying_a_command_that_cannot_start_says_so(tmp_path: Path) -> None:
    """Try it with a command that is not there (any more): could not start."""
    trial = try_speech(SpeechSystem(str(tmp_path / "espeak-ng")))
    assert not trial.spoken
    assert trial.message.startswith("espeak-ng could not start")
