"""The progress screen's exercises table and totals in words: columns, cells, notes, hours.

What :mod:`tui.screens.progress` puts in its table and the lines around it, from the rows
:mod:`tui.history.progress` worked out. Cells are plain text, never markup.
"""

from __future__ import annotations

from rich.text import Text

from tui.history import SORTS, ExerciseRow, SortColumn
from tui.model import plural

EXERCISE_COLUMNS: tuple[tuple[SortColumn, str], ...] = (
    ("name", "Exercise"),
    ("done", "Done"),
    ("easy", "Easy"),
    ("right", "Right"),
    ("hard", "Hard"),
    ("hurt", "Hurt"),
    ("flags", "Flags"),
    ("last", "Last"),
)
"""The per-exercise table's columns (their keys are the sort columns), left to right. The dose
each last played at is in the line under the table: as a column it would push the table past 80
columns."""
SORT_CYCLE: tuple[SortColumn, ...] = ("done", "flags", "hurt", "hard", "easy", "last", "name")
"""The order the sort key steps through."""


def hours_text(minutes: float) -> str:
    """``45 min`` or ``14 h 20 min``."""
    whole = round(minutes)
    hours, rest = divmod(whole, 60)
    return f"{hours} h {rest} min" if hours else f"{rest} min"


def exercise_cells(row: ExerciseRow) -> tuple[Text, ...]:
    """One exercise as the table's cells, plain text (a table parses a ``str`` as markup)."""
    last = f"{row.last.day} {row.last:%b}" if row.last else "-"
    counts = (row.done, row.easy, row.right, row.hard, row.hurt, row.flags)
    cells = (row.name, *(str(count) for count in counts), last)
    return tuple(Text(cell, no_wrap=True, end="") for cell in cells)


def exercise_note(row: ExerciseRow) -> str:
    """The line under the table about the highlighted exercise."""
    flags = f"in {plural(row.flags, 'session')} with a pain flag"
    cut = f", {row.cut} cut short" if row.cut else ""
    skipped = f", {row.skipped} skipped" if row.skipped else ""
    return f"{row.name}: {row.done} done in full{cut}{skipped}; {flags}. Last played: {row.dose}."


def sort_text(column: SortColumn, flipped: bool) -> str:
    """``Sorted by times done, largest first.``: the order the table is in."""
    name, _, reverse = SORTS[column]
    order = "largest first" if reverse != flipped else "smallest first"
    if column in ("name", "last"):
        order = {"name": ("A to Z", "Z to A"), "last": ("latest first", "oldest first")}[column][
            flipped
        ]
    return f"Sorted by {name}, {order}."
