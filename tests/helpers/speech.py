"""A fake speech command: a small script that writes down what it was asked to say.

It stands in for espeak-ng in tests: it appends its argument to a file, then may sleep (to
show nobody waits for it) or end with a failing status.
"""

from __future__ import annotations

import shlex
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FakeSpeech:
    """A speech command in a test's folder, and the file of what it was asked to say."""

    command: Path
    said: Path

    def spoken(self) -> list[str]:
        """Every line it was asked to say, in order."""
        return self.said.read_text().splitlines() if self.said.exists() else []


def fake_speech(
    folder: Path, name: str = "espeak-ng", *, sleep: float = 0, status: int = 0
) -> FakeSpeech:
    """Write a fake speech command called ``name`` in ``folder``.

    It records its argument, sleeps ``sleep`` seconds, prints a complaint and ends with
    ``status`` when that is not 0.
    """
    said = folder / f"{name}.said"
    command = folder / name
    record = f'printf "%s\\n" "$*" >> {shlex.quote(str(said))}'
    if status:
        ending = f"sleep {sleep}; echo 'no audio device' >&2; exit {status}"
    else:  # the sleep replaces the shell, so stopping the cue stops the sleep too
        ending = f"exec sleep {sleep}"
    command.write_text(f"#!/bin/sh\n{record}\n{ending}\n")
    command.chmod(command.stat().st_mode | stat.S_IXUSR)
    return FakeSpeech(command, said)
