"""Fit an exercise's lead-in to the move before it, and to the user who starts it with a key.

A lead-in is longer when the starting position changes (the extra seconds are lumbar's own
choice: see :mod:`tui.model.positions`), and its cue says what to do first ("Get down on the
floor: lie on your back"). With "wait for me" on, it has no deadline: like a counted rep, it lasts
until the user presses a key, while its estimate keeps the session's planned length honest.
The first exercise's get-ready is left as the user set it. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.model import Position, position_change_seconds, position_change_words

if TYPE_CHECKING:  # the timeline imports this module: its types only for the checker
    from tui.session.timeline import Step


def fit_lead_in(
    steps: list[Step], before: Position | None, after: Position, *, wait: bool = False
) -> list[Step]:
    """An exercise's ``steps`` with the lead-in (if first) fitted to the move from ``before``.

    ``before`` is the position of the exercise played just before (None for the first: its
    get-ready is left alone); ``wait``: the lead-in waits for the user's key instead of a
    deadline.
    """
    if before is None or not steps or not steps[0].kind.is_lead_in:
        return steps
    lead = steps[0]
    extra = position_change_seconds(before, after)
    words = position_change_words(before, after)
    fitted = replace(
        lead,
        cue=f"{words}. {lead.cue}" if words else lead.cue,
        duration=None if wait or lead.duration is None else lead.duration + extra,
        estimate=lead.estimate + extra,
    )
    return [fitted, *steps[1:]]
