"""Dose levels from the history: how far up its ranges each exercise is played.

A level is a fraction from 0.0 (the low end of every range in a dose) to 1.0 (the high end),
fed to ``Range.at``. It belongs to the exercise, not to a routine: the pelvic tilt climbs the
same way whichever routine it was done in. Every exercise starts at 0.0 and moves in steps of
``STEP`` (0, .25, .5, .75, 1). Sessions are replayed in the order they started, partial ones
included for the results they recorded. For each exercise in each session:

- Pain flag: a result for it has ``.hurt`` (outcome "hurt" or feedback "hurt"), or the
  session's ``pain_after`` is higher than its ``pain_before`` (both recorded).
- "This hurts" (a result with ``.hurt``): the level steps back one step, never below 0.0.
- Pain rose over the session: the level stays, for every exercise of that session.
- Otherwise, when every result for it in the session was done (outcome "done") and rated "easy"
  or "right": the level moves up one step, never above 1.0.
- Anything else stays: rated "hard", not rated, skipped or stopped early.

A session moves an exercise by one step at most, even when it was done twice. So a level never
goes up in a session with a pain flag for that exercise, and the next session starts from
there. Pure functions: no clock, no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from tui.model import ExerciseResult, Session

STEPS = 4
"""How many steps lead from the low end of a range (0.0) to its high end (1.0)."""
STEP = 1 / STEPS
"""How far one step moves a level."""
GOOD_FEEDBACK = frozenset({"easy", "right"})
"""The ratings that let a dose move up."""

Change = Literal["up", "down", "stay"]


@dataclass(frozen=True)
class LevelChange:
    """What one session did to one exercise's level, and why, in plain words."""

    day: date
    session: str
    change: Change
    before: float
    after: float
    reason: str


def chronological(sessions: Iterable[Session]) -> list[Session]:
    """The sessions in the order they started (ties keep their given order)."""
    return sorted(sessions, key=lambda session: session.started_at)


def pain_rose(session: Session) -> bool:
    """True when the session's pain after is higher than its pain before (both recorded)."""
    before, after = session.pain_before, session.pain_after
    return before is not None and after is not None and after > before


def pain_flag(session: Session, exercise_id: str) -> bool:
    """True when the session carries a pain flag for this exercise (see the module docstring)."""
    return pain_rose(session) or any(
        result.hurt for result in session.exercises if result.exercise == exercise_id
    )


def session_pain_flag(session: Session) -> bool:
    """True when any exercise of the session hurt or pain rose over it."""
    return pain_rose(session) or session.hurt


def done_well(result: ExerciseResult) -> bool:
    """True when the exercise was done in full and rated "easy" or "right"."""
    return result.outcome == "done" and result.feedback in GOOD_FEEDBACK


def verdict(session: Session, exercise_id: str) -> Change | None:
    """Which way this session pushes the exercise (None when the session did not record it)."""
    results = [result for result in session.exercises if result.exercise == exercise_id]
    if not results:
        return None
    return _judge(session, results)[0]


def levels(sessions: Iterable[Session]) -> dict[str, float]:
    """Each exercise's level after the whole history (an exercise not in it is at 0.0)."""
    found: dict[str, float] = {}
    for exercise_id, step in _replay(sessions):
        found[exercise_id] = step.after
    return found


def explain(sessions: Iterable[Session], exercise_id: str) -> list[LevelChange]:
    """Every session that recorded this exercise, oldest first, with what it did to the level."""
    return [step for found, step in _replay(sessions) if found == exercise_id]


def _judge(session: Session, results: Sequence[ExerciseResult]) -> tuple[Change, str]:
    """The direction one session pushes one exercise, before the ends of the range are applied."""
    if any(result.hurt for result in results):
        return "down", "you said it hurt"
    if pain_rose(session):
        return "stay", (
            f"your pain rose from {session.pain_before} to {session.pain_after} that session"
        )
    if all(done_well(result) for result in results):
        ratings = " and ".join(sorted({str(result.feedback) for result in results}))
        return "up", f"done, rated {ratings}, with no pain"
    for result in results:
        if result.outcome == "skipped":
            return "stay", "skipped"
        if result.outcome == "stopped":
            return "stay", "stopped early"
        if result.feedback == "hard":
            return "stay", "you found it hard"
    return "stay", "not rated"


def _replay(sessions: Iterable[Session]) -> Iterator[tuple[str, LevelChange]]:
    """Replay the history, yielding each exercise's change session by session."""
    steps: dict[str, int] = {}
    for session in chronological(sessions):
        grouped: dict[str, list[ExerciseResult]] = {}
        for result in session.exercises:
            grouped.setdefault(result.exercise, []).append(result)
        for exercise_id, results in grouped.items():
            before = steps.get(exercise_id, 0)
            change, reason = _judge(session, results)
            after = before
            if change == "up" and before >= STEPS:
                change, reason = "stay", f"{reason}; already at the top of the range"
            elif change == "down" and before <= 0:
                change, reason = "stay", f"{reason}; already at the start of the range"
            elif change == "up":
                after = before + 1
            elif change == "down":
                after = before - 1
            steps[exercise_id] = after
            yield (
                exercise_id,
                LevelChange(
                    day=session.started_at.date(),
                    session=session.id,
                    change=change,
                    before=before / STEPS,
                    after=after / STEPS,
                    reason=reason,
                ),
            )
