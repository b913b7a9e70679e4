"""Changes to the settings, made on the UI's thread and written on another, in the order made.

The settings screen and the theme each add the fields they change, at once; a worker thread
then writes whatever is waiting in one read-modify-write. Whichever write runs first takes every
change made so far, so a later change is never overwritten by an earlier one however the
threads are scheduled. A write that fails puts its changes back (under any made since), so the
next write tries them again; the error says why. Nothing here imports Textual.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

import msgspec

from tui.model import Settings


class SettingsStore(Protocol):
    """Where the settings are kept: a :class:`tui.store.store.Store`, or anything like one."""

    def settings(self) -> Settings:
        """The stored settings."""

    def save_settings(self, settings: Settings) -> None:
        """Replace the stored settings."""


class SettingsChanges:
    """Settings fields waiting to be written, from any thread, written in the order made."""

    def __init__(self, store: SettingsStore) -> None:
        """Write the changes into ``store``."""
        self.store = store
        self._waiting: dict[str, Any] = {}
        self._in_flight: dict[str, Any] = {}  # taken by the write under way
        self._lock = threading.Lock()  # held only to read or swap ``_waiting``: never waits long
        self._writing = threading.Lock()  # one write at a time (each may wait for the file)

    def add(self, **fields: Any) -> None:
        """Change these fields (names of :class:`~tui.model.records.Settings`) at the next write."""
        unknown = set(fields) - set(Settings.__struct_fields__)
        if unknown:
            raise TypeError(f"no such settings: {sorted(unknown)}")
        with self._lock:
            self._waiting.update(fields)

    def current(self) -> Settings:
        """The stored settings with every change not yet written applied (this reads the store)."""
        with self._lock:
            fields = {**self._in_flight, **self._waiting}
        return msgspec.structs.replace(self.store.settings(), **fields)

    @property
    def waiting(self) -> bool:
        """True while some change is not written yet."""
        with self._lock:
            return bool(self._waiting)

    def write(self) -> None:
        """Write every change waiting (this blocks: call it off the UI's thread).

        StoreError says why a write failed; its changes then wait for the next write.
        """
        with self._writing:
            with self._lock:
                fields, self._waiting = self._waiting, {}
                self._in_flight = fields
            if not fields:
                return  # an earlier write took them
            try:
                current = self.store.settings()
                updated = msgspec.structs.replace(current, **fields)
                if updated != current:
                    self.store.save_settings(updated)
            except BaseException:
                with self._lock:
                    self._waiting = {**fields, **self._waiting}
                raise
            finally:
                with self._lock:
                    self._in_flight = {}
