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
class SaveFailed(Message):
    """A session could not be saved (posted from the saver's thread); the app says so."""

    reason: str
