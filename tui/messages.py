"""Messages the screens post up to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.catalogue import Draft
from tui.model import Routine


@dataclass
class PlayRoutine(Message):
    """The user chose a routine to play now; the app opens the player with it."""

    routine: Routine
    phase: str | None = None


@dataclass
class BuildRoutine(Message):
    """The user wants to build a routine (or edit a saved one); the app opens the builder."""

    start: Draft


@dataclass
class DeleteRoutine(Message):
    """The user confirmed deleting a saved custom routine; the app deletes it from the store."""

    routine: Routine


@dataclass
class RoutineDeleted(Message):
    """A custom routine was deleted from the store (posted from a worker's thread)."""

    routine: Routine


@dataclass
class Failed(Message):
    """Something the user asked for could not be done; the app reports it (any thread may post).

    ``error``'s text is told as it is (never read as markup), then ``advice``.
    """

    title: str
    error: BaseException
    advice: str = ""
    timeout: float | None = None
