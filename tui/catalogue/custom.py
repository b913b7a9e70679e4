"""Building a custom routine: its id, its items, each dose within the articles', and its checks.

The rules the builder screen follows, kept free of Textual so they can be tested on their own.
A :class:`Draft` is the routine being built (immutable: every change returns a new draft), and
``Draft.routine`` turns it into the :class:`~tui.model.catalogue.Routine` the store keeps.

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

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TypeVar

import msgspec

from tui.catalogue.limits import PARTS, Bounds, Part, capped, largest_dose, limits, value_of
from tui.model import Catalogue, Dose, Exercise, Range, Routine, RoutineItem

NAME_MAX = 60
"""The longest routine name (it has to fit the lists and the player's title)."""

ITEMS_MAX = 30
"""The most exercises in one routine: more than any article's routine, by far."""

SET_REST_SECONDS = 30
"""The rest the articles give between sets, added when a one-set dose gains a second set."""

DESCRIPTION = "Your own routine, built in lumbar."
"""The description of a routine built here (the store needs one; the user never types it)."""

R = TypeVar("R", bound=Range)


class DraftError(ValueError):
    """The draft cannot be saved yet; ``problems`` says why, one sentence each."""

    def __init__(self, problems: list[str]) -> None:
        """Keep the problems; the message is all of them."""
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Draft:
    """A routine being built: a name and the items in order; ``routine_id`` once it is saved."""

    name: str = ""
    items: tuple[RoutineItem, ...] = ()
    routine_id: str | None = None
    description: str = field(default=DESCRIPTION, compare=False)

    @classmethod
    def of(cls, routine: Routine) -> Draft:
        """A saved custom routine, to edit under the same id."""
        return cls(routine.name, routine.items, routine.id, routine.description)

    @classmethod
    def copy_of(cls, routine: Routine) -> Draft:
        """A new routine starting from another's exercises and doses."""
        return cls(f"{routine.name} (my copy)"[:NAME_MAX], routine.items)

    @classmethod
    def starting_with(cls, exercise_id: str) -> Draft:
        """A new routine with one exercise in it, at that exercise's own dose."""
        return cls(items=(RoutineItem(exercise=exercise_id),))

    def named(self, name: str) -> Draft:
        """The draft under another name."""
        return replace(self, name=name)

    def adding(self, exercise_id: str, at: int | None = None) -> Draft:
        """The draft with an exercise (at its own dose) inserted at ``at``, or at the end."""
        items = list(self.items)
        items.insert(len(items) if at is None else at, RoutineItem(exercise=exercise_id))
        return replace(self, items=tuple(items))

    def inserting(self, item: RoutineItem, at: int) -> Draft:
        """The draft with ``item`` (its dose as it was) put back at ``at``."""
        return replace(self, items=(*self.items[:at], item, *self.items[at:]))

    def removing(self, index: int) -> Draft:
        """The draft without the item at ``index``."""
        return replace(self, items=self.items[:index] + self.items[index + 1 :])

    def moving(self, index: int, offset: int) -> tuple[Draft, int]:
        """The draft with the item at ``index`` moved by ``offset`` places, and where it is now.

        An item already first (or last) stays where it is.
        """
        target = min(max(index + offset, 0), len(self.items) - 1)
        items = list(self.items)
        items.insert(target, items.pop(index))
        return replace(self, items=tuple(items)), target

    def replacing(self, index: int, item: RoutineItem) -> Draft:
        """The draft with the item at ``index`` replaced."""
        return replace(self, items=(*self.items[:index], item, *self.items[index + 1 :]))

    def problems(self) -> list[str]:
        """What stops the draft being saved, one sentence each (nothing when it is fine)."""
        found = []
        name = self.name.strip()
        if not name:
            found.append("Give the routine a name.")
        elif len(name) > NAME_MAX:
            found.append(f"Keep the name to {NAME_MAX} characters (it has {len(name)}).")
        if not self.items:
            found.append("Add at least one exercise.")
        elif len(self.items) > ITEMS_MAX:
            found.append(f"A routine holds at most {ITEMS_MAX} exercises; remove some.")
        return found

    def routine(self, catalogue: Catalogue, taken: Iterable[str] = ()) -> Routine:
        """The custom routine to save; DraftError if it is not ready.

        A new routine gets an id made from its name, unique against ``taken`` and everything in
        the catalogue; an edited one keeps its id, so its history stays with it.
        """
        problems = self.problems()
        unknown = sorted({i.exercise for i in self.items} - set(catalogue.exercises))
        if unknown:
            problems.append(
                f"These exercises are no longer in the catalogue: {', '.join(unknown)}."
            )
        if problems:
            raise DraftError(problems)
        routine_id = self.routine_id or new_routine_id(self.name, used_ids(catalogue, taken))
        return Routine(
            id=routine_id,
            name=self.name.strip(),
            kind="custom",
            description=self.description or DESCRIPTION,
            items=self.items,
        )


def draft_seconds(catalogue: Catalogue, draft: Draft) -> int:
    """Roughly how long the draft plays, as ``Catalogue.routine_seconds`` counts a routine."""
    known = tuple(item for item in draft.items if item.exercise in catalogue.exercises)
    sketch = Routine(id="draft", name="draft", kind="custom", description=DESCRIPTION, items=known)
    return catalogue.routine_seconds(sketch)


def alone(exercise: Exercise) -> Routine:
    """An exercise played on its own: a routine of that one exercise, under the exercise's id."""
    return Routine(
        id=exercise.id,
        name=exercise.name,
        kind="custom",
        description=exercise.summary,
        items=(RoutineItem(exercise=exercise.id),),
    )


def used_ids(catalogue: Catalogue, taken: Iterable[str] = ()) -> set[str]:
    """Ids a new routine must not take: every routine's and every exercise's, and ``taken``.

    Exercise ids are kept out too: a session of one exercise played on its own is recorded
    under the exercise's id, and a routine sharing it would mix the two in the history.
    """
    return set(catalogue.routines) | set(catalogue.exercises) | set(taken)


def slug(name: str) -> str:
    """A name in kebab-case ASCII: ``Morning, gentle!`` becomes ``morning-gentle``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def new_routine_id(name: str, taken: Iterable[str]) -> str:
    """A fresh id for a routine called ``name``: its slug, numbered when already taken."""
    used = set(taken)
    base = slug(name)[:40].strip("-") or "my-routine"
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


# --- doses -----------------------------------------------------------------------------------


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


def playable(catalogue: Catalogue, routine: Routine) -> tuple[Routine | None, list[str]]:
    """The routine without items whose exercise the catalogue no longer has, and those ids.

    A user's own exercise file may be removed after a routine was built on it: the routine
    stays in the store untouched, and plays without that exercise until it is back. None when
    nothing of it is left to play.
    """
    kept = tuple(item for item in routine.items if item.exercise in catalogue.exercises)
    gone = [item.exercise for item in routine.items if item.exercise not in catalogue.exercises]
    if not gone:
        return routine, []
    if not kept:
        return None, gone
    return msgspec.structs.replace(routine, items=kept), gone


def within_limits(catalogue: Catalogue, routine: Routine) -> tuple[Routine, list[str]]:
    """The routine with every dose past the articles' largest brought down to it, and which.

    Only a routine built by an older lumbar (whose builder allowed twice the articles' dose), or
    imported from one, can go past it; it plays within the limit, and the store keeps it as it
    is until the user edits it.
    """
    items, lowered = [], []
    for item in routine.items:
        if item.dose is None or item.exercise not in catalogue.exercises:
            items.append(item)
            continue
        dose = capped(item.dose, largest_dose(catalogue, item.exercise))
        if dose != item.dose:
            lowered.append(catalogue.exercise(item.exercise).name)
        items.append(msgspec.structs.replace(item, dose=dose))
    if not lowered:
        return routine, []
    return msgspec.structs.replace(routine, items=tuple(items)), lowered


def with_custom_routines(
    catalogue: Catalogue, stored: Iterable[Routine]
) -> tuple[Catalogue, list[str]]:
    """The catalogue with the routines the user built (``stored``, from the store) added to it.

    Also what to tell the user about routines naming exercises the catalogue no longer has:
    those play without them (or are left out if nothing is left); and about doses past the most
    the articles give: those play at that most. The store keeps them as they are.
    """
    custom: dict[str, Routine] = {}
    notes = []
    for own in stored:
        if own.id in catalogue.routines and own.id not in catalogue.user_ids:
            notes.append(
                f"Your routine {own.name!r} has the id {own.id!r} of one of lumbar's own "
                "routines, so it is hidden: lumbar's plays instead. Rename it in the builder "
                "(or import it again under another id) to play it."
            )
            continue
        routine, gone = playable(catalogue, own)
        if routine is not None:
            routine, lowered = within_limits(catalogue, routine)
            custom[routine.id] = routine
            if lowered:
                notes.append(
                    f"Your routine {own.name!r} asks more of {', '.join(lowered)} than the "
                    "articles give: it plays at their most. Edit and save it to keep it so."
                )
        if gone:
            missing = ", ".join(gone)
            then = "It plays without it until it is back." if routine else "It is hidden till then."
            notes.append(
                f"Your routine {own.name!r} names {missing}, not in the catalogue now (was a "
                f"file of yours removed or renamed?). {then}"
            )
    if not custom:
        return catalogue, notes
    routines = {**catalogue.routines, **custom}
    merged = msgspec.structs.replace(
        catalogue, routines=routines, user_ids=catalogue.user_ids | set(custom)
    )
    return merged, notes
