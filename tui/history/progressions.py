"""A phase's progressions, walked through the history: where the user stands on each.

A ladder (lumbo-pelvic control, then march, then double knee tuck) is climbed one rung at a
time; a sequence (unlock before stretch) is done once each of its exercises is. The rules are
lumbar's own (the article gives none) and are listed in :mod:`tui.history.roadmap`, whose
:func:`~tui.history.roadmap.standing` calls these for each phase. Also here: which sessions
count for a phase, and what counts as an exercise done. Pure functions of records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.history.levels import held_because
from tui.model import Phase, Progression, Session

Flags = dict[str, tuple[str, ...]]
"""Each session's pain flags, by session id."""

CLIMB_AFTER = 2
"""How many good counting sessions in a row move a ladder up one rung."""


@dataclass(frozen=True)
class ProgressionStatus:
    """Where the user stands on one progression of a phase."""

    progression: Progression
    rung: int
    """Ladders: the index of the current rung. Sequences: how many exercises are done."""
    current: str | None
    """Ladders: the rung exercise to play. Sequences: the next one not done (None when done)."""
    good_in_a_row: int
    """Ladders: good counting sessions in a row on the current rung. Sequences: 0."""
    done_exercises: tuple[str, ...]
    """The progression's exercises done at least once in a counting session, in its order."""
    done: bool
    """Ladders: on the top rung and done there. Sequences: every exercise done."""

    @property
    def is_ladder(self) -> bool:
        """True for a ladder, False for a sequence."""
        return self.progression.mode == "ladder"


def counts_for(phase: Phase, session: Session) -> bool:
    """True when the session belongs to the phase (by phase id or by the phase's routine)."""
    return session.phase == phase.id or session.routine == phase.routine


def done_in(session: Session, exercise_id: str) -> bool:
    """True when the session recorded the exercise as done, and not as hurting."""
    return any(
        result.exercise == exercise_id and result.outcome == "done" and not result.hurt
        for result in session.exercises
    )


def ladder_status(
    progression: Progression, phase: Phase, ordered: Sequence[Session], flags: Flags
) -> ProgressionStatus:
    """Climb the ladder through the history, oldest first; pain in any routine holds it."""
    top = len(progression.exercises) - 1
    rung, good, top_done = 0, 0, False
    done: set[str] = set()
    for session in ordered:
        if not counts_for(phase, session):
            good = 0 if flags[session.id] else good
            continue
        exercise = progression.exercises[rung]
        results = [result for result in session.exercises if result.exercise == exercise]
        if session.status == "complete":
            done.update(e for e in progression.exercises if done_in(session, e))
        if any(result.hurt for result in results):
            rung, good, top_done = max(rung - 1, 0), 0, False
        elif rung == top:
            top_done = top_done or (session.status == "complete" and done_in(session, exercise))
        elif results and held_because(results, session, flags[session.id]) is None:
            good += 1
            if good >= CLIMB_AFTER:
                rung, good = rung + 1, 0
        else:
            good = 0
    return ProgressionStatus(
        progression=progression,
        rung=rung,
        current=progression.exercises[rung],
        good_in_a_row=good,
        done_exercises=tuple(e for e in progression.exercises if e in done),
        done=rung == top and top_done,
    )


def sequence_status(progression: Progression, mine: Sequence[Session]) -> ProgressionStatus:
    """Which exercises of an unlock-then-stretch sequence have been done."""
    complete = [session for session in mine if session.status == "complete"]
    done = tuple(
        exercise
        for exercise in progression.exercises
        if any(done_in(session, exercise) for session in complete)
    )
    missing = [exercise for exercise in progression.exercises if exercise not in done]
    return ProgressionStatus(
        progression=progression,
        rung=len(done),
        current=missing[0] if missing else None,
        good_in_a_row=0,
        done_exercises=done,
        done=not missing,
    )
