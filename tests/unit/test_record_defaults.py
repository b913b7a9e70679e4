"""The defaults of the records a session is stored as are pinned: they are file format.

The data file leaves out a session's fields that hold their default, so a change to one would
change what every stored session says.

Changing a default here needs a schema migration that writes the old default into every stored
record first; then update this list.
"""

from __future__ import annotations

import msgspec

from tui.model.records import ExerciseResult, GateAnswer, Resumption, Session, StagePlan

PINNED: dict[type[msgspec.Struct], dict[str, object]] = {
    StagePlan: {
        "name": "",
        "sets": 1,
        "reps": 1,
        "hold": 0,
        "sides": "none",
        "rest_reps": 0,
        "rest_sets": 0,
        "tempo": 0,
        "positions": (),
    },
    ExerciseResult: {
        "routine": None,
        "level": 0.0,
        "rung": None,
        "reps_done": 0,
        "seconds_held": 0,
        "seconds_added": 0,
        "holds_cut": 0,
        "feedback": None,
        "gates": (),
    },
    Session: {
        "phase": None,
        "ended_at": None,
        "status": "partial",
        "pain_before": None,
        "pain_after": None,
        "exercises": (),
        "resumed": (),
        "note": "",
    },
    GateAnswer: {},
    Resumption: {},
}


def defaults(kind: type[msgspec.Struct]) -> dict[str, object]:
    """Every field of ``kind`` that has a default, with it."""
    found: dict[str, object] = {}
    for field in msgspec.structs.fields(kind):
        if field.default is not msgspec.NODEFAULT:
            found[field.name] = field.default
        elif field.default_factory is not msgspec.NODEFAULT:
            found[field.name] = field.default_factory()
    return found


def test_the_defaults_of_stored_sessions_never_change() -> None:
    """Each default of a session, its results and plans is the one its stored records assume."""
    for kind, pinned in PINNED.items():
        found = defaults(kind)
        assert {name: found[name] for name in pinned} == pinned, kind.__name__


def test_a_new_field_with_a_default_is_pinned_too() -> None:
    """A field added to a stored record gets its default pinned here (it becomes format)."""
    for kind, pinned in PINNED.items():
        assert set(defaults(kind)) == set(pinned), kind.__name__
