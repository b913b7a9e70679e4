"""Save sessions on a thread of their own, in order: a slow disk or a busy lock never stops the UI.

One thread writes; the player hands it snapshots of its session and goes on at once. A snapshot
still waiting is replaced by a later one of the same session (the later one holds everything
the earlier did), so however slow the store, at most one snapshot per session waits, and the
latest is always written last: an earlier snapshot never overwrites a later one. ``flush``
waits until everything handed over is on disk (the app calls it on a hang-up and before it
exits). A failed save is handed to ``on_error`` (the app shows it) and tried again at the next
save or flush. Nothing here imports Textual.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

from tui.model import Session


class SessionStore(Protocol):
    """Where sessions go: a :class:`tui.store.store.Store`, or anything that saves like one."""

    def save_session(self, session: Session) -> None:
        """Insert or replace the session with this id."""


class SessionSaver:
    """An ordered, coalescing background writer of sessions into a store."""

    def __init__(
        self, store: SessionStore, on_error: Callable[[Exception], None] | None = None
    ) -> None:
        """Write into ``store``; tell ``on_error`` (on the writer thread) of each failed save."""
        self.store = store
        self.on_error = on_error
        self._condition = threading.Condition()
        self._waiting: dict[str, tuple[int, Session]] = {}  # id -> (number, snapshot) to write
        self._failed: dict[str, tuple[int, Session]] = {}  # id -> the last snapshot that failed
        self._writing: str | None = None  # the id being written now
        self._number = 0  # snapshots handed over so far
        self._thread: threading.Thread | None = None
        self._closed = False
        self.written = 0
        """How many snapshots reached the store."""

    def save_session(self, session: Session) -> None:
        """Hand over a snapshot to be written soon and return at once.

        After ``close``, once the thread has stopped, the snapshot is written now, on the
        caller's thread (the app is going away; nothing must wait in a queue no one reads).
        """
        with self._condition:
            now = self._closed and self._thread is None
            if not now:
                self._number += 1
                self._failed.pop(session.id, None)  # this one supersedes it
                self._retry_failed()
                self._waiting[session.id] = (self._number, session)
                self._start()
                self._condition.notify_all()
        if now:
            self.store.save_session(session)
            self.written += 1

    @property
    def busy(self) -> bool:
        """True while a snapshot waits or is being written."""
        with self._condition:
            return bool(self._waiting) or self._writing is not None

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every snapshot handed over is written (failed ones are tried once more).

        True when nothing is left to write; False if ``timeout`` seconds passed first, or a
        save failed again (``on_error`` heard why).
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._condition:
            self._retry_failed()
            if self._waiting:
                self._start()
                self._condition.notify_all()
            while self._waiting or self._writing is not None:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._condition.wait(left)
            return not self._failed

    def unsaved(self) -> list[Session]:
        """The latest snapshot of each session not yet on disk (failed, or still waiting)."""
        with self._condition:
            entries = {**self._failed, **self._waiting}
            return [session for _, session in sorted(entries.values(), key=lambda e: e[0])]

    def close(self, timeout: float | None = None) -> bool:
        """Flush, then stop the thread; later saves are written at once, on the caller's thread."""
        flushed = self.flush(timeout)
        with self._condition:
            self._closed = True
            self._condition.notify_all()
            thread = self._thread
        if thread is not None and flushed:
            thread.join(timeout)
        return flushed

    def _retry_failed(self) -> None:
        """Put the snapshots that failed back in line (the caller holds the condition)."""
        for session_id, entry in self._failed.items():
            waiting = self._waiting.get(session_id)
            if waiting is None or waiting[0] < entry[0]:
                self._waiting[session_id] = entry
        self._failed.clear()

    def _start(self) -> None:
        """Start the writer thread if it is not running (the caller holds the condition)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="lumbar-saver", daemon=True)
            self._thread.start()

    def _next(self) -> tuple[int, Session] | None:
        """Wait for the oldest snapshot in line and take it; None once closed and empty."""
        with self._condition:
            while not self._waiting:
                if self._closed:
                    self._thread = None  # under the lock: a later save writes at once
                    return None
                self._condition.wait()
            session_id = next(iter(self._waiting))
            self._writing = session_id
            return self._waiting.pop(session_id)

    def _run(self) -> None:
        """The writer thread: write snapshots one at a time, oldest first."""
        while (entry := self._next()) is not None:
            number, session = entry
            error: Exception | None = None
            try:
                self.store.save_session(session)
            except Exception as failure:  # reported to the user through on_error, never dropped
                error = failure
            with self._condition:
                self._writing = None
                if error is None:
                    self.written += 1
                elif session.id not in self._waiting:  # no later snapshot to supersede it
                    self._failed[session.id] = (number, session)
                self._condition.notify_all()
            if error is not None and self.on_error is not None:
                self.on_error(error)
