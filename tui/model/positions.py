"""Getting from one exercise's starting position to the next: the extra time, and what to do.

The articles give no figures for this; every number here is lumbar's own choice. Getting down to
the floor or back up from it (from standing or sitting to lying, kneeling or all fours, or the
other way) takes the longest, especially with a sore back; changing position on the floor
(turning over, coming onto all fours) or between sitting and standing takes a little longer than
staying put. Nothing here imports Textual.
"""

from __future__ import annotations

from tui.model.catalogue import Position

UPRIGHT: frozenset[Position] = frozenset({"standing", "seated"})
"""The positions off the floor; every other one is on the floor (the mat)."""

DOWN_OR_UP_SECONDS = 15
"""Extra seconds to get down to the floor or back up from it (lumbar's own choice)."""
CHANGE_SECONDS = 5
"""Extra seconds to change position on the floor, or between sitting and standing (lumbar's)."""

GET_INTO: dict[Position, str] = {
    "lying-on-back": "lie on your back",
    "face-down": "lie face down",
    "all-fours": "come onto your hands and knees",
    "kneeling": "kneel",
    "standing": "stand",
    "seated": "sit on a chair",
    "side-lying": "lie on your side",
}
"""What to do to be in each position, in the imperative."""


def on_floor(position: Position) -> bool:
    """True for the positions on the floor (lying, kneeling, all fours)."""
    return position not in UPRIGHT


def position_change_seconds(before: Position | None, after: Position) -> int:
    """The extra seconds a lead-in needs to go from ``before`` to ``after`` (None: 0).

    0 when the position stays the same or there is no exercise before.
    """
    if before is None or before == after:
        return 0
    if on_floor(before) != on_floor(after):
        return DOWN_OR_UP_SECONDS
    return CHANGE_SECONDS


def position_change_words(before: Position | None, after: Position) -> str:
    """What to do between the two positions: ``Get down on the floor: lie on your back``.

    Empty when the position stays the same or there is no exercise before.
    """
    if before is None or before == after:
        return ""
    into = GET_INTO[after]
    if on_floor(after) and not on_floor(before):
        return f"Get down on the floor: {into}"
    if on_floor(before) and not on_floor(after):
        return f"Get up from the floor: {into}"
    return into[:1].upper() + into[1:]


def position_change_note() -> str:
    """The rule in one line, for the help and ``lumbar plan``."""
    return (
        f"Between exercises, {DOWN_OR_UP_SECONDS} s more to get down to the floor or up from it "
        f"and {CHANGE_SECONDS} s more for another change of position (lumbar's own choice)."
    )
