"""At a glance: which exercises go well and which hurt, from the progress screen's rows.

The 10 Best Exercises article advises keeping a log of "which movements help and which cause
discomfort"; :mod:`tui.history.progress` counts it per exercise, and these pick out the two
ends of it for the overview. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from tui.history.progress import ExerciseRow

GOING_WELL_AFTER = 3
"""How many times an exercise must be done in full before it can be said to go well."""


def going_well(rows: Iterable[ExerciseRow]) -> list[ExerciseRow]:
    """Exercises done in full at least 3 times and never with a pain flag, best rated first.

    Best rated is the largest share of "easy" and "right" among the times done; then the most
    done, then by name.
    """
    found = [row for row in rows if row.done >= GOING_WELL_AFTER and not row.flags]
    return sorted(found, key=lambda row: (-(row.easy + row.right) / row.done, -row.done, row.name))


def hurt_most(rows: Iterable[ExerciseRow]) -> list[ExerciseRow]:
    """Exercises that hurt at least once: most often first, then the most recent."""
    found = [row for row in rows if row.hurt]
    by_recent = sorted(found, key=lambda row: row.last or date.min, reverse=True)
    return sorted(by_recent, key=lambda row: row.hurt, reverse=True)


def names_line(label: str, rows: Sequence[ExerciseRow], width: int) -> str:
    """``Label: A, B, C``, as many names as fit in ``width`` (one at least)."""
    line = f"{label}: {rows[0].name}" if rows else ""
    for row in rows[1:]:
        longer = f"{line}, {row.name}"
        if len(longer) > width:
            break
        line = longer
    return line


def glance_lines(rows: Sequence[ExerciseRow], width: int) -> tuple[str, str]:
    """What goes well and what hurt, a line each (before any session, what will show here)."""
    if not rows:
        return "Rate each exercise when the player asks: what goes well shows here.", ""
    well = names_line("Going well", going_well(rows), width)
    hurt = names_line("It hurt", hurt_most(rows), width) or "Nothing has hurt so far."
    return well, hurt
