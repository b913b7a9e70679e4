"""The select list's routine rows: the active prescription first, with its review date.

Kept apart from :mod:`tui.screens.select` (near its size limit): the order and the prompt of a
routine's row, as plain content (a name is the user's or a clinician's text, never markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content

from tui.model import Catalogue, Routine, list_line


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
