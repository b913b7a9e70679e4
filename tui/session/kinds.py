"""The kinds of step a timeline is made of, and the parts of a rep's movement.

Nothing here imports Textual.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

Shift = Literal["into", "between", "out", "switch"]
"""Which movement a SHIFT step is: into a hold, from one position to the next, out of a hold,
or across to the other side between alternating paced reps."""


class StepKind(StrEnum):
    """What a step asks of the user."""

    GET_READY = "get-ready"
    TRANSITION = "transition"
    HOLD = "hold"
    MOVE = "move"
    COUNTED = "counted"
    SHIFT = "shift"
    REST = "rest"
    SET_REST = "set-rest"
    SWITCH_SIDE = "switch-side"
    GATE = "gate"
    """A stage's gate question (see :class:`tui.model.Gate`): it waits for yes or no."""

    @property
    def is_lead_in(self) -> bool:
        """True for the steps that lead into an exercise (get ready, transition)."""
        return self in (StepKind.GET_READY, StepKind.TRANSITION)

    @property
    def is_rep(self) -> bool:
        """True for the steps that count toward a rep (hold, move, counted).

        A SHIFT (moving into, between or out of a hold) is part of a rep's movement but not
        its work: a rep is done when its holds are, whatever became of the moves around them.
        """
        return self in (StepKind.HOLD, StepKind.MOVE, StepKind.COUNTED)


def switch_cue(side: str) -> str:
    """The cue to change sides, ``side`` being the one to work now ("left" or "right").

    "Your right side" would read as lying on it; the steps say which limb a side means.
    """
    return f"Switch sides: now the {side}"
