"""Sensible first sessions: a routine new to the user starts short, then grows by the usual rules.

A routine may give ``start_minutes`` (the roadmap's phase routines give 15: ten-best, article
002, tells a beginner to start with 10 to 15 minute sessions). Played at the articles' doses,
ALIGN takes about 28 minutes and STABILIZE about 30, so each exercise of such a routine that is
new to the user starts a few steps below the article's dose, the same number of steps for every
exercise (:mod:`tui.model.dosing`), the fewest that let the whole session fit. The warm-up is
not counted: it is its own routine, played before (on by default).

From there each exercise grows as every dose does (:mod:`tui.history.levels`): one step up
after two comfortable, complete sessions in a row, never after pain. Those are lumbar's own
rules, not the article's; the reason each dose gives says so. Pure functions: no clock, no I/O,
no Textual.
"""

from __future__ import annotations

from tui.model import (
    MOST_STEPS_DOWN,
    SETUP_SECONDS,
    Catalogue,
    Routine,
    ladder,
    plan_seconds,
    position_change_seconds,
)


def session_seconds(catalogue: Catalogue, routine: Routine, rung: int) -> int:
    """Roughly how long the routine plays with every exercise ``rung`` steps from its low end.

    As ``lumbar plan`` counts it: each dose with its moves, a set-up before each exercise, and
    more where the starting position changes.
    """
    seconds = sum(
        SETUP_SECONDS
        + plan_seconds(
            ladder(catalogue.dose_for(item)).at(rung), catalogue.movement_of(item.exercise)
        )
        for item in routine.items
    )
    positions = [
        catalogue.exercises[item.exercise].position
        for item in routine.items
        if item.exercise in catalogue.exercises
    ]
    return seconds + sum(map(position_change_seconds, positions, positions[1:]))


def start_rung(catalogue: Catalogue, routine: Routine) -> int:
    """The rung a new exercise of ``routine`` starts at: 0, or below so the session fits.

    0 (the article's dose) when the routine gives no ``start_minutes`` or fits them already.
    """
    if routine.start_minutes is None:
        return 0
    budget = routine.start_minutes * 60
    for rung in range(0, -MOST_STEPS_DOWN - 1, -1):
        if session_seconds(catalogue, routine, rung) <= budget:
            return rung
    return -MOST_STEPS_DOWN


def start_rungs(catalogue: Catalogue) -> dict[str, int]:
    """The start rung of every routine that starts below the article's doses, by routine id."""
    rungs = {
        routine.id: start_rung(catalogue, routine)
        for routine in catalogue.routines.values()
        if routine.start_minutes is not None
    }
    return {routine: rung for routine, rung in rungs.items() if rung < 0}


def start_why(routine: Routine, rung: int) -> str:
    """Why a new exercise of ``routine`` starts ``rung`` (below 0) steps down, in plain words."""
    steps = "1 step" if rung == -1 else f"{-rung} steps"
    return (
        f"new to {routine.name.split(':')[0]}: it starts {steps} below the article's dose, so "
        f"the session fits in {routine.start_minutes} minutes, the warm-up not counted "
        f"(ten-best: 10 to 15 minutes for a beginner); it grows one step after two "
        f"comfortable, complete sessions in a row, never after pain (lumbar's own rule)"
    )
