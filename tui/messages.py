"""Messages the screens post up to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.model import Routine


@dataclass
class PlayRoutine(Message):
    """The user chose a routine to play now; the app opens the player with it."""

    routine: Routine
    phase: str | None = None
