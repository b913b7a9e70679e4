"""Test doubles shared by the test modules: a fake clock and a CLI runner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from tui.cli import main

START = 1000.0
BASE = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@dataclass
class FakeClock:
    """A monotonic clock that moves only when told to, and the wall clock that goes with it."""

    now: float = START

    def __call__(self) -> float:
        return self.now

    def wall(self) -> datetime:
        return BASE + timedelta(seconds=self.now)

    def at(self, seconds: float) -> datetime:
        """The wall time of a clock reading."""
        return BASE + timedelta(seconds=seconds)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``lumbar ARGV`` in-process: the exit status, stdout and stderr."""
    try:
        status = main(list(argv))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err
