"""How far a dose may go: never past the largest the articles give for the exercise.

The limits for an exercise come from what the articles give for it: its own dose and the dose
of every article's routine that has it (``kind = "article"``), stages included. Routines lumbar
composed, phase routines, a user's own routines and anything in a user's file never raise them;
an exercise from a user's file has its own dose as its limit.

- **The largest dose** (:func:`largest_dose`): the most sets, the most reps and the longest hold
  any of those doses gives, each on its own. Nothing lumbar plays or keeps goes past it: ``+`` in
  the player stops a hold there, the builder stops each part there, and a routine in a user's
  file that asks for more is refused, naming the file and the field. Lower is always allowed.
- **The builder's bounds** (:func:`limits`): from half the least the articles give (room for a
  sore day, never under 1) to that largest; a part the dose does not have does not change.

Nothing here imports Textual.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, NamedTuple

import msgspec

from tui.model import Catalogue, Counts, Dose, Range

Part = Literal["sets", "reps", "hold"]
PARTS: tuple[Part, ...] = ("sets", "reps", "hold")
"""The parts of a dose with a limit, in the order the builder offers them."""

UNITS: dict[Part, tuple[str, str]] = {"sets": (" set", " sets"), "reps": (" rep", " reps")}
"""How a number of sets or reps is said (a hold is in seconds)."""


class Largest(NamedTuple):
    """The largest sets, reps and hold (in seconds; 0 for none) the articles give an exercise."""

    sets: int
    reps: int
    hold: int

    def of(self, part: Part) -> int:
        """The largest value of one part."""
        value: int = getattr(self, part)
        return value


@dataclass(frozen=True)
class Bounds:
    """The lowest and the highest value (both included) a part of a dose may take."""

    low: int
    high: int

    def __str__(self) -> str:
        """``5 to 60``."""
        return f"{self.low} to {self.high}"


def article_doses(catalogue: Catalogue, exercise_id: str) -> list[Dose]:
    """The doses the articles give an exercise: its own, and each article routine's for it.

    A routine from a user's file never counts, whatever kind it says it is.
    """
    doses = [catalogue.exercise(exercise_id).dose]
    for routine in catalogue.routines.values():
        if routine.kind != "article" or routine.id in catalogue.user_ids:
            continue
        doses += [i.dose for i in routine.items if i.exercise == exercise_id and i.dose]
    return doses


def value_of(counts: Counts, part: Part) -> Range | None:
    """One part of a dose (or of a stage): its range, or None for a dose with no hold."""
    value: Range | None = getattr(counts, part)
    return value


def largest_dose(catalogue: Catalogue, exercise_id: str) -> Largest:
    """The most sets, reps and hold seconds any article gives the exercise (0: no hold at all)."""
    stages = [counts for dose in article_doses(catalogue, exercise_id) for counts in dose.plan()]
    most = [max((v.high for c in stages if (v := value_of(c, part))), default=0) for part in PARTS]
    return Largest(*most)


def amount(part: Part, value: int) -> str:
    """A value of a part in words: ``30 s``, ``3 sets``, ``1 rep``."""
    if part == "hold":
        return f"{value} s"
    one, many = UNITS[part]
    return f"{value}{one if value == 1 else many}"


def over_largest(counts: Counts, largest: Largest) -> list[tuple[Part, str]]:
    """Each part of a dose (or stage) past the largest, with why in words; empty when within."""
    found: list[tuple[Part, str]] = []
    for part in PARTS:
        value = value_of(counts, part)
        most = largest.of(part)
        if value is None or value.high <= most:
            continue
        if part == "hold" and most == 0:
            found.append((part, "the articles give no hold for this exercise"))
        else:
            found.append(
                (part, f"{value.high} is past {amount(part, most)}, the most any article gives")
            )
    return found


def capped(dose: Dose, largest: Largest) -> Dose:
    """The dose with every part past the largest brought down to it.

    A range keeps its width where it can. A dose in stages, or a part the articles never give,
    is left as it is.
    """
    changes: dict[str, Range] = {}
    for part in PARTS if not dose.stages else ():
        value, most = value_of(dose, part), largest.of(part)
        if value is None or most == 0 or value.high <= most:
            continue
        changes[part] = type(value)(max(type(value).minimum, value.low - value.high + most), most)
    return msgspec.structs.replace(dose, **changes) if changes else dose


def hold_extension(largest: Largest, length: float | None, wanted: int) -> tuple[int, str]:
    """How many of ``wanted`` seconds + may add to a hold now ``length`` s long, and what to say.

    Never past the largest hold the articles give (a note says so when it stops + short, or
    refuses it); ``length`` None is a rep that is not a hold (a move or a counted rep): + adds
    nothing to it. The note is empty when all ``wanted`` seconds are added.
    """
    if largest.hold == 0:
        return 0, "The articles give no hold for this exercise, so + does nothing here."
    if length is None:
        return 0, "This rep is a movement, not a hold: + does nothing here."
    room = max(0, math.floor(largest.hold - length + 1e-9))
    limit = f"The articles go up to {largest.hold} s for this hold."
    if room == 0:
        return 0, limit
    if room < wanted:
        return room, f"{limit} Held {room} s longer."
    return wanted, ""


def limits(catalogue: Catalogue, exercise_id: str, part: Part) -> Bounds | None:
    """How far this part of this exercise's dose may go in the builder, or None if it has none.

    From half the least the articles give (never under 1) to the most; see the module docstring.
    Only doses without stages set the low end: a stage's counts are not what the builder changes.
    """
    plain = [d for d in article_doses(catalogue, exercise_id) if not d.stages]
    values = [v for d in plain if (v := value_of(d, part))]
    if not values:
        return None
    least = min(v.low for v in values)
    most = largest_dose(catalogue, exercise_id).of(part)
    return Bounds(max(1, math.ceil(least / 2)), most)


def bounds_text(bounds: Bounds, part: Part) -> str:
    """The limits of a part in words: ``5 to 60 s``, ``1 to 3 sets``, ``only 1 rep``."""
    if bounds.low == bounds.high:
        return f"only {amount(part, bounds.low)}"
    return f"{bounds} s" if part == "hold" else f"{bounds} {part}"


def limit_text(catalogue: Catalogue, exercise_id: str, part: Part, direction: int) -> str:
    """What the builder says when a part will not go further: the top comes from the articles."""
    bounds = limits(catalogue, exercise_id, part)
    if bounds is None:
        return "This dose stays as it is."
    name = catalogue.exercise(exercise_id).name
    allowed = f"{part} can be {bounds_text(bounds, part)}"
    if direction > 0 and exercise_id in catalogue.user_ids:
        return f"Your own dose for {name} goes up to {amount(part, bounds.high)}: {allowed}."
    if direction > 0:
        return f"The articles go up to {amount(part, bounds.high)} for {name}: {allowed}."
    return f"That is the least: {allowed}."
