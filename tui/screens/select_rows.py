"""The select list's rows: routines (the prescription first), then exercises, under headings.

A prescribed routine's row shows its review date. Kept apart from :mod:`tui.screens.select` (near
its size limit): what the list holds for a query, as plain content (a name is the user's or a
clinician's text, never markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content
from textual.widgets.option_list import Option

from tui.catalogue import exercise_matches, routine_matches
from tui.model import Catalogue, Exercise, Routine, list_line

ROUTINE = "routine:"
EXERCISE = "exercise:"
"""The prefixes of option ids: a routine and an exercise may share an id, their options may not."""


def first_choice(options: Sequence[Option]) -> int | None:
    """The index of the first option that can be chosen (not a heading), if any."""
    return next((i for i, option in enumerate(options) if not option.disabled), None)


def in_order(catalogue: Catalogue, routines: Sequence[Routine]) -> list[Routine]:
    """The routines with the active prescription first, the others as they were."""
    prescribed = catalogue.prescribed()
    first = prescribed[0].id if prescribed is not None else None
    return sorted(routines, key=lambda routine: routine.id != first)


def routine_prompt(catalogue: Catalogue, routine: Routine, mark: str, today: date) -> Content:
    """A routine's row: its name and ``mark``; a prescription's review date on a second line."""
    prescription = catalogue.prescriptions.get(routine.id)
    if prescription is None:
        return Content(f"  {routine.name}{mark}")
    return Content(f"  {routine.name} (prescribed)\n    {list_line(prescription, today)}")


def listed(
    catalogue: Catalogue, custom: frozenset[str], query: str, today: date
) -> tuple[list[Option], dict[str, Routine | Exercise]]:
    """The options for the routines and exercises that match ``query``, and what each stands for.

    ``custom`` are the ids of the user's own routines: they, and exercises and routines from the
    user's files, are marked ``(yours)``. What each option stands for is keyed by option id.
    """

    def yours(record_id: str) -> str:
        return " (yours)" if record_id in custom or record_id in catalogue.user_ids else ""

    routines = in_order(
        catalogue, [r for r in catalogue.routines.values() if routine_matches(catalogue, r, query)]
    )
    exercises = [e for e in catalogue.exercises.values() if exercise_matches(catalogue, e, query)]
    records: dict[str, Routine | Exercise] = {f"{ROUTINE}{r.id}": r for r in routines}
    records |= {f"{EXERCISE}{e.id}": e for e in exercises}
    options = [Option(Content(f"Routines ({len(routines)})"), disabled=True)]
    options += [
        Option(routine_prompt(catalogue, r, yours(r.id), today), id=f"{ROUTINE}{r.id}")
        for r in routines
    ]
    options.append(Option(Content(f"Exercises ({len(exercises)})"), disabled=True))
    options += [
        Option(Content(f"  {e.name}{yours(e.id)}"), id=f"{EXERCISE}{e.id}") for e in exercises
    ]
    return options, records
