"""Changing a dose in the routine builder: one step up or down in its sets, reps or hold.

How far a dose may be changed
-----------------------------
Only three parts of a dose change here: the sets, the reps and the hold. The rest (the tempo of a
moving rep, the rests, the sides, the positions) describes how the exercise is done, and a
multi-stage dose (lie face down, then on the elbows, then press-ups) is kept as its article gives
it. Each part stays within :func:`tui.catalogue.limits.limits`: from half the least the articles
give for the exercise up to the most any of them gives, never more. Going from one set to several
adds a 30 s rest between them, the rest the articles give between sets; going back to one set
drops it.

Holds move in steps a person can feel: 1 s under 10 s, 5 s under 2 min, 30 s above.

Ranges stay ranges
------------------
Where an article gives a range ("hold 15 to 30 seconds") lumbar starts at the low end and moves
the user toward the high end as their sessions go well (and back down after pain). Changing a
dose shifts the whole range, keeping its width: one step down from 15-30 s is 10-25 s. So the
user's own routine still progresses, still backs off after pain, and still spans the distance
the article thought sensible. A fixed value stays fixed. A changed dose loses the article's
note about it, whose numbers no longer hold. At a limit the range stops moving (a range whose
top is already the articles' largest moves only down); it is never squeezed into a fixed value
behind the user's back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import msgspec

from tui.catalogue.limits import PARTS, Bounds, Part, limits, value_of
from tui.model import Catalogue, Dose, Range, RoutineItem

SET_REST_SECONDS = 30
"""The rest the articles give between sets, added when a one-set dose gains a second set."""

R = TypeVar("R", bound=Range)


def parts(dose: Dose) -> tuple[Part, ...]:
    """The parts of this dose that may change: none for a multi-stage dose, a hold if it has one."""
    if dose.stages:
        return ()
    return tuple(part for part in PARTS if value_of(dose, part) is not None)


def item_parts(catalogue: Catalogue, item: RoutineItem) -> tuple[Part, ...]:
    """The parts of an item's dose that may change (none if its exercise is gone)."""
    if item.exercise not in catalogue.exercises:
        return ()
    return parts(catalogue.dose_for(item))


def hold_step(seconds: int) -> int:
    """One step of a hold at ``seconds``: 1 s under 10 s, 5 s under 2 min, else 30 s."""
    if seconds < 10:
        return 1
    return 5 if seconds < 120 else 30


def next_value(part: Part, value: int, direction: int) -> int:
    """The value one step up (direction 1) or down (-1) from ``value``, on the step grid."""
    if part != "hold":
        return value + direction
    if direction > 0:
        step = hold_step(value)
        return (value // step + 1) * step
    step = hold_step(value - 1)
    return ((value - 1) // step) * step


def shifted(value: R, part: Part, direction: int, bounds: Bounds) -> R:
    """The value (a range keeps its width) one step up or down, stopped at the bounds."""
    delta = next_value(part, value.low, direction) - value.low
    if delta > 0:
        delta = max(0, min(delta, bounds.high - value.high))
    else:
        delta = min(0, max(delta, bounds.low - value.low))
    return value if delta == 0 else type(value)(value.low + delta, value.high + delta)


@dataclass(frozen=True)
class Adjusted:
    """The outcome of one step on a dose: the item now, and whether anything changed."""

    item: RoutineItem
    changed: bool


def adjust(catalogue: Catalogue, item: RoutineItem, part: Part, direction: int) -> Adjusted:
    """One step up (1) or down (-1) in one part of an item's dose, within the limits.

    A changed dose drops its note, which speaks of the article's numbers ("build from 10 toward
    15 seconds"), and the changed number is no longer marked as lumbar's choice (it is the
    user's); a dose that ends up the same as the exercise's own is stored as no override.
    """
    if part not in item_parts(catalogue, item):
        return Adjusted(item, changed=False)
    dose = catalogue.dose_for(item)
    value = value_of(dose, part)
    bounds = limits(catalogue, item.exercise, part)
    if value is None or bounds is None:
        return Adjusted(item, changed=False)
    new = shifted(value, part, direction, bounds)
    if new == value:
        return Adjusted(item, changed=False)
    changes: dict[str, object] = {part: new, "note": ""}
    chosen = [name for name in dose.chosen if name != part]  # the new number is the user's
    if part == "sets":
        changes["rest_sets"] = rest = _rest_for(new, dose.rest_sets)
        chosen = [name for name in chosen if name != "rest_sets" or rest]
        if rest and not dose.rest_sets:
            chosen.append("rest_sets")  # lumbar's rest between the sets just added
    changes["chosen"] = tuple(chosen)
    updated = msgspec.structs.replace(dose, **changes)
    own = catalogue.exercise(item.exercise).dose
    bare = {"note": "", "chosen": ()}  # the numbers alone decide whether it is the same
    same = msgspec.structs.replace(updated, **bare) == msgspec.structs.replace(own, **bare)
    return Adjusted(msgspec.structs.replace(item, dose=None if same else updated), changed=True)


def _rest_for(sets: Range, rest: int) -> int:
    if sets.high <= 1:
        return 0
    return rest or SET_REST_SECONDS


def part_text(dose: Dose, part: Part) -> str:
    """One part of a dose in words: ``3 sets``, ``8-12 reps``, ``hold 15-30 s``."""
    value = value_of(dose, part)
    if value is None:
        return f"no {part}"
    text = f"{value.low}-{value.high}" if value.is_range else str(value.low)
    if part == "hold":
        return f"hold {text} s"
    single = not value.is_range and value.low == 1
    return f"{text} {part[:-1] if single else part}"
