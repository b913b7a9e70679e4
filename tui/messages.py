"""Messages the screens post up to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.model import Routine


@dataclass
class PlayRoutine(Message):
    """The user chose a routine to play now; the app opens the player with it.

    ``pain_before`` is the pain score already given (the player asks for none then): the gentle
    routine chosen instead at a flare-up.
    """

    routine: Routine
    phase: str | None = None
    pain_before: int | None = None


@dataclass
class ResumeSession(Message):
    """The user chose to continue the unfinished session; the app opens the player on it."""


@dataclass
class RoutinesChanged(Message):
    """The user saved or deleted a routine of theirs; the app reads their routines again.

    ``highlight`` is the id of the routine to put the cursor on (the one saved), if any.
    """

    highlight: str | None = None


@dataclass
class Failed(Message):
    """Something the user asked for could not be done; the app reports it (any thread may post).

    ``error``'s text is told as it is (never read as markup), then ``advice``.
    """

    title: str
    error: BaseException
    advice: str = ""
    timeout: float | None = None
