"""A small history for the report's tests, every figure worked out by hand (see test_report)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tui.model.records import ExerciseResult, Feedback, Outcome, Session, SessionStatus, StagePlan

TILT, CAT = "pelvic-tilt", "cat-cow"
MONDAY = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
"""Monday 3 March 2025, 08:00: the first session of the report's two weeks."""
UNTIL = date(2025, 3, 16)


def result(
    exercise: str,
    day: int,
    reps: int,
    done: int,
    outcome: Outcome = "done",
    feedback: Feedback | None = "right",
) -> ExerciseResult:
    """One result ``day`` days after MONDAY: ``done`` of ``reps`` planned reps (hold 5 s)."""
    when = MONDAY + timedelta(days=day)
    return ExerciseResult(
        exercise=exercise,
        planned=(StagePlan(reps=reps, hold=5),),
        reps_done=done,
        outcome=outcome,
        feedback=feedback,
        started_at=when,
        ended_at=when + timedelta(minutes=2),
    )


def session(
    day: int,
    pain: tuple[int | None, int | None],
    *results: ExerciseResult,
    status: SessionStatus = "complete",
    note: str = "",
) -> Session:
    """A Quick 10 session ``day`` days after MONDAY lasting 10 minutes."""
    when = MONDAY + timedelta(days=day)
    return Session(
        id=f"day-{day}",
        routine="quick-10",
        routine_name="Quick 10 minutes",
        started_at=when,
        ended_at=when + timedelta(minutes=10),
        status=status,
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=results,
        note=note,
    )


def two_weeks() -> list[Session]:
    """Four sessions over two weeks (see tests/unit/test_report.py for the figures).

    Mon: pain 4 -> 3, the tilt (10 reps) rated easy and the cat-cow (8) right, both in full.
    Wed: the same with pain 3 -> 2. Fri: pain 3 -> 5; the tilt (12 reps now) hurt after 4 reps,
    the cat-cow skipped. Next Tue, partial: pain 2 before, none after; the tilt in full, rated
    right; the cat-cow stopped after 3 reps, and a note.
    """
    return [
        session(0, (4, 3), result(TILT, 0, 10, 10, feedback="easy"), result(CAT, 0, 8, 8)),
        session(2, (3, 2), result(TILT, 2, 10, 10, feedback="easy"), result(CAT, 2, 8, 8)),
        session(
            4,
            (3, 5),
            result(TILT, 4, 12, 4, "hurt", None),
            result(CAT, 4, 8, 0, "skipped", None),
        ),
        session(
            8,
            (2, None),
            result(TILT, 8, 12, 12),
            result(CAT, 8, 8, 3, "stopped", None),
            status="partial",
            note="Knee felt odd <b>kneeling</b>",
        ),
    ]
