"""Building a custom routine: its id, its items, each dose within the articles', and its checks.

The rules the builder screen follows, kept free of Textual so they can be tested on their own.
A :class:`Draft` is the routine being built (immutable: every change returns a new draft), and
``Draft.routine`` turns it into the :class:`~tui.model.catalogue.Routine` the store keeps.

Drafts, ids and checks are here; how one step changes a dose (within the articles' limits, a
range keeping its width) is in :mod:`tui.catalogue.adjusting`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import msgspec

from tui.catalogue.limits import capped, largest_dose
from tui.model import Catalogue, Exercise, Routine, RoutineItem

NAME_MAX = 60
"""The longest routine name (it has to fit the lists and the player's title)."""

ITEMS_MAX = 30
"""The most exercises in one routine: more than any article's routine, by far."""

DESCRIPTION = "Your own routine, built in lumbar."
"""The description of a routine built here (the store needs one; the user never types it)."""


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
