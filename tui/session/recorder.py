"""Save a session as it goes: when it starts, after every exercise, and when it ends.

The engine reports events; the recorder turns the ones that change the record into saves, so
a crash, a kill or a dropped link loses at most the exercise in progress. In the app the saves
go to a :class:`~tui.store.saver.SessionSaver`, which writes them on its own thread, so the screen
never waits for the disk; given a plain store, the recorder saves at once. Nothing here imports
Textual.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.session.engine import Engine
from tui.session.events import Event, ExerciseDone, SessionDone, SessionEnded
from tui.store import SessionSaver, SessionStore

SAVED_ON = (ExerciseDone, SessionDone, SessionEnded)


class SessionRecorder:
    """Keeps the store's copy of the engine's session up to date."""

    def __init__(self, engine: Engine, store: SessionStore) -> None:
        """Record this engine's session into this store (or background saver)."""
        self.engine = engine
        self.store = store
        self.saves = 0

    def handle(self, events: Iterable[Event]) -> bool:
        """Save when any event changed the record; True when it saved."""
        if any(isinstance(event, SAVED_ON) for event in events):
            self.save()
            return True
        return False

    def save(self) -> None:
        """Save the session as it stands (also after feedback or a pain score changes it)."""
        self.store.save_session(self.engine.session())
        self.saves += 1

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the saves handed to a background saver are written; True if they are."""
        if isinstance(self.store, SessionSaver):
            return self.store.flush(timeout)
        return True
