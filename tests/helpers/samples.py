"""Sample content: a user's routine and a catalogue file with nothing wrong in it."""

from __future__ import annotations

import msgspec

from tui.model import Movement
from tui.model.catalogue import Catalogue, Dose, Routine, RoutineItem, Seconds

EVENING = Routine(
    id="evening",
    name="Evening",
    kind="custom",
    description="Mine.",
    items=(
        RoutineItem(exercise="plank", dose=Dose(hold=Seconds(5, 25))),
        RoutineItem(exercise="childs-pose"),
    ),
)
"""A routine of the user's own: a plank held 5 to 25 s (one step under its own), child's pose."""

GOOD = """\
[[exercise]]
id = "towel-stretch"
name = "Towel stretch"
category = "stretch"
position = "lying-on-back"
summary = "Stretches the back of the thigh."
steps = ["Lie on your back.", "Loop a towel round one foot.", "Straighten the leg gently."]
sources = ["spinenation"]

[exercise.dose]
hold = 20
reps = 2
sides = "each"
"""
"""A catalogue file with one exercise and no problem (the broken ones are edits of it)."""


def without_movement(catalogue: Catalogue) -> Catalogue:
    """The catalogue with no move into, out of or between any hold, nor across sides.

    For the tests of the engine's timing, written in holds and rests: every exercise's
    movement is 0 s, which leaves those steps out (a user may write the same).
    """
    still = Movement(seconds=0, between=0)
    exercises = {
        key: msgspec.structs.replace(exercise, movement=still)
        for key, exercise in catalogue.exercises.items()
    }
    return msgspec.structs.replace(catalogue, exercises=exercises)
