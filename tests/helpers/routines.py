"""Small routines written in tests, laid out as timelines."""

from __future__ import annotations

from typing import Any

import msgspec

from tui.model.catalogue import Catalogue, Dose, Routine, RoutineItem, decode_hook
from tui.session.timeline import Timeline, build_timeline


def dosed(exercise: str, **dose: Any) -> RoutineItem:
    """A routine item with its own dose, written as it would be in TOML."""
    return RoutineItem(
        exercise=exercise, dose=msgspec.convert(dose, Dose, dec_hook=decode_hook, strict=True)
    )


def timeline_of(catalogue: Catalogue, *items: RoutineItem, **pacing: Any) -> Timeline:
    """The timeline of a test routine of these items (``pacing`` goes to build_timeline)."""
    routine = Routine(id="test", name="Test", kind="custom", description="A test.", items=items)
    return build_timeline(catalogue, routine, **pacing)
