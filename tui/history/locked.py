"""Doses a clinician locked: progression leaves them alone, pain still lowers them.

An item of a prescription that says ``locked = true`` (see :mod:`tui.model.prescription`)
plays at the prescribed dose, the low end of its ranges, and never above it: its ladder is cut
at rung 0. Safety still wins: after pain it steps down and holds as any dose does, and two good
sessions in a row bring it back up, but only as far as the prescribed dose. Only the clinician's
next prescription changes it. Pure functions: no clock, no I/O, no Textual.
"""

from __future__ import annotations

from tui.model import Catalogue, Ladder

Key = tuple[str, str]
"""A routine id and an exercise id."""

LOCKED = "locked by your clinician at the prescribed dose"
AT_TOP = f"{LOCKED}: lumbar never raises it"
NEW = f"{LOCKED}: it plays as prescribed"


def locked_keys(catalogue: Catalogue) -> frozenset[Key]:
    """The routine and exercise of every locked item in the catalogue."""
    return frozenset(
        (routine.id, item.exercise)
        for routine in catalogue.routines.values()
        for item in routine.items
        if item.locked
    )


def capped(steps: Ladder) -> Ladder:
    """A ladder that stops at the prescribed dose (rung 0); the steps below it stay."""
    return Ladder(steps.up[:1], steps.down)


def lowered(why: str) -> str:
    """Why a locked dose stepped down after pain, and how far it may come back."""
    return f"{LOCKED}; lowered after pain: {why}; it comes back up to it, never past it"


def back_up(why: str) -> str:
    """Why a locked dose that pain lowered stepped back up (never past the prescribed dose)."""
    return f"{LOCKED}; {why}, no further than the prescribed dose"
