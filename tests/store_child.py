"""Record factories for the store tests, and a child program that saves sessions to a file.

Run as ``python -m tests.store_child DB PREFIX COUNT``: it imports everything, opens the store,
prints ``ready``, waits for a line on stdin (so a parent can start it early and say when), then
saves sessions ``PREFIX-0``, ``PREFIX-1``... each first as partial and then as complete,
printing ``ID STATUS`` and flushing after every ``save_session`` returns. COUNT 0 means forever
(until killed).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta, timezone
from itertools import count
from typing import Any

import msgspec

from tui.model.records import ExerciseResult, Session, SessionStatus, StagePlan
from tui.store.store import Store

RECORD_BASE = datetime(2025, 3, 1, 7, 30, tzinfo=timezone(timedelta(hours=2)))


def make_result(exercise: str = "bird-dog", minute: int = 0, **changes: Any) -> ExerciseResult:
    """An exercise result that started ``minute`` minutes after RECORD_BASE and took a minute.

    Done in full: every planned rep (2 sets of 6 on alternate sides) held its 5 s.
    """
    result = ExerciseResult(
        exercise=exercise,
        level=0.25,
        planned=(StagePlan(sets=2, reps=6, hold=5, sides="alternate"),),
        reps_done=24,
        seconds_held=120,
        outcome="done",
        feedback="right",
        started_at=RECORD_BASE + timedelta(minutes=minute),
        ended_at=RECORD_BASE + timedelta(minutes=minute + 1),
    )
    return msgspec.structs.replace(result, **changes)


def make_session(
    session_id: str = "s-1",
    status: SessionStatus = "complete",
    day: int = 0,
    exercises: int = 2,
    **changes: Any,
) -> Session:
    """A session ``day`` days after RECORD_BASE with ``exercises`` results."""
    start = RECORD_BASE + timedelta(days=day)
    session = Session(
        id=session_id,
        routine="quick-10",
        routine_name="Quick 10",
        phase="align",
        started_at=start,
        ended_at=start + timedelta(minutes=exercises) if status == "complete" else None,
        status=status,
        pain_before=5,
        pain_after=3 if status == "complete" else None,
        exercises=tuple(
            make_result(minute=m, started_at=start + timedelta(minutes=m)) for m in range(exercises)
        ),
    )
    return msgspec.structs.replace(session, **changes)


def main(argv: list[str]) -> int:
    """Save sessions into ``argv[0]`` as described in the module docstring."""
    path, prefix, limit = argv[0], argv[1], int(argv[2])
    store = Store.open(path)
    print("ready", flush=True)
    sys.stdin.readline()
    now = datetime.now(UTC)
    for number in count():
        if limit and number >= limit:
            return 0
        session_id = f"{prefix}-{number}"
        partial = make_session(session_id, "partial", exercises=1, started_at=now)
        store.save_session(partial)
        print(session_id, "partial", flush=True)
        store.save_session(make_session(session_id, "complete", exercises=2, started_at=now))
        print(session_id, "complete", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
