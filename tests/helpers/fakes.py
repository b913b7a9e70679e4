"""Test doubles and set-ups: a fake clock, a CLI runner, stores with the safety check answered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tui.cli import main
from tui.model.records import SafetyCheck
from tui.store.documents import Records
from tui.store.store import Store

START = 1000.0
BASE = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
"""The source articles the catalogue was written from, when this checkout has them."""


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


def answered_safety_check(store: Store) -> Store:
    """The store with the red-flag questions answered "no", so the app skips them.

    Dated at the fake wall clock's start (an answer from the tests' future would not be
    trusted: see ``tui.history.safety.safety_due``).
    """
    store.save_safety(SafetyCheck(answered_at=BASE, any_yes=False))
    return store


def said_yes_to_a_red_flag(store: Store, when: datetime, flag: str = "red-flag-fever") -> Store:
    """The store with the red-flag questions answered at ``when``, "yes" to ``flag``.

    Sessions are stopped (see ``tui.history.safety.sessions_stopped``) and the answers are not
    due again for 30 days after ``when``.
    """
    store.save_safety(SafetyCheck(answered_at=when, any_yes=True, yes_to=(flag,)))
    return store


def counted_decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys of the sessions the store decodes from now on, in order (its decoder watched)."""
    decoded: list[str] = []
    real = Records.decode

    def counting(self: Records, table: str, key: str, *args: Any) -> Any:
        decoded.append(key)
        return real(self, table, key, *args)

    monkeypatch.setattr(Records, "decode", counting)
    return decoded
