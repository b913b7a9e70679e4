"""Data files for the benchmarks: no history, or years of daily sessions (``tests.demo``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import msgspec

from tests.demo import years_of_sessions
from tui.catalogue.load import load_catalogue
from tui.model.records import SafetyCheck, Session
from tui.store.storage import Tables
from tui.store.store import Store, to_stored


def now() -> datetime:
    """The wall clock, in the local time zone (what lumbar itself uses)."""
    return datetime.now().astimezone()


def write_history(path: Path, years: int, when: datetime | None = None) -> Path:
    """A data file at ``path`` with ``years`` of daily sessions and a fresh safety check.

    The safety check is answered, so lumbar opens on its first screen, not on the questions.
    """
    when = when or now()
    sessions = years_of_sessions(load_catalogue().catalogue, when, years=years) if years else []
    store = Store.open(path)

    def put(tables: Tables) -> bool:
        table = tables.setdefault("sessions", {})
        for session in sessions:
            table[session.id] = to_stored(session)  # as the player saves it
        return True

    store.update(put)
    store.save_safety(SafetyCheck(answered_at=when, any_yes=False))
    return path


def todays_session(when: datetime | None = None) -> Session:
    """A session of today, as the player saves it: one of a routine's worth of exercises."""
    (last,) = years_of_sessions(load_catalogue().catalogue, when or now(), years=1)[-1:]
    return msgspec.structs.replace(last, id="today", status="partial", ended_at=None)
