"""How a rep moves: into and out of a hold, between its positions, and the beats of a paced rep.

A held rep is more than its hold: the person moves into position, holds, then comes out of it
("curl up, hold, slowly lower"). A paced rep (one with a tempo) is all movement, and says how
it moves in its own words and beats ("back, middle, forward, middle" for the pelvic clock).

No article gives a number for the movement around a hold: ``MOVE_SECONDS`` is lumbar's own
choice, and an exercise whose movement is long (sliding down a wall, rising from a chair) sets
its own in the catalogue. Nothing here imports Textual.
"""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta, Struct

MOVE_SECONDS = 2
"""Lumbar's own default: seconds to move into a hold, again to come out of it, to move from
one position to the next, and to cross to the other side between alternating paced reps."""

Cue = Annotated[str, Meta(min_length=1, max_length=100)]
MoveSeconds = Annotated[int, Meta(ge=0, le=30)]
Beat = Annotated[str, Meta(min_length=1, max_length=20)]


class Movement(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """How an exercise's reps move (every field optional; lumbar's defaults otherwise).

    ``seconds`` is the time to move into each hold and again to come out of it; ``between``
    the time to move from one position of a rep to the next (0 leaves those steps out, for a
    hold that needs no getting into); ``into`` and ``out`` say how (generic words if missing).
    ``cue`` and ``beats`` belong to a paced rep: what to do, and the words of the beats spread
    over its tempo.
    """

    seconds: MoveSeconds = MOVE_SECONDS
    between: MoveSeconds = MOVE_SECONDS
    into: Cue | None = None
    out: Cue | None = None
    cue: Cue | None = None
    beats: tuple[Beat, ...] = ()

    def per_set(self, *, reps: int, sides: str, hold: int, tempo: int, positions: int) -> int:
        """The seconds of movement one set adds to its holds (or to its alternating paced reps).

        Each held rep on each side moves in and out, and between its positions; an alternating
        paced rep crosses to the other side between reps. Counted reps and other paced reps
        are paced by the person or by the tempo itself: nothing is added.
        """
        played = reps * (1 if sides == "none" else 2)
        if hold > 0:
            return played * (2 * self.seconds + (max(1, positions) - 1) * self.between)
        if tempo > 0 and sides == "alternate":
            return (played - 1) * self.seconds
        return 0


STILL = Movement()
"""The movement of an exercise that says nothing of its own: lumbar's defaults."""
