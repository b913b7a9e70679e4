"""The last few results worked out from the history, found again by what they were made of.

The store hands back the same history object while its file is unchanged, and the same slice
of it (the sessions before an unfinished one) each time, so a result worked out in a worker
(the select screen's plans, the resume offer's) is found again when a session starts, and ten
years are not walked again on the screen's thread. Two are kept: the whole history's and the
one before an unfinished session. A result asked for while another thread is working it out
is waited for, not worked out twice (:meth:`Recent.made`). Pure: no clock, no I/O, no Textual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")

KEPT = 2
"""How many results are kept: the whole history's, and the one before an unfinished session."""


class Recent(Generic[K, V]):
    """The latest results by key, newest first; ``same`` says when two keys are one."""

    def __init__(self, same: Callable[[K, K], bool], kept: int = KEPT) -> None:
        """Keep up to ``kept`` results, their keys compared with ``same``."""
        self._same = same
        self._kept = kept
        self._entries: tuple[tuple[K, V], ...] = ()
        self._making = threading.Lock()

    def find(self, key: K) -> V | None:
        """The result kept for ``key``, or None."""
        for known, value in self._entries:  # a tuple replaced whole: safe across threads
            if self._same(known, key):
                return value
        return None

    def keep(self, key: K, value: V) -> None:
        """Keep ``value`` for ``key`` as the newest; the oldest beyond ``kept`` is let go."""
        self._entries = ((key, value), *self._entries)[: self._kept]

    def made(self, key: K, make: Callable[[], V]) -> V:
        """The result kept for ``key``, else ``make()``'s, kept.

        One result is made at a time: a thread that asks while another makes one waits for it,
        then finds it if it was for the same key (ten years walked once, not twice at once on
        two threads that share one interpreter lock).
        """
        found = self.find(key)
        if found is not None:
            return found
        with self._making:
            found = self.find(key)
            if found is None:
                found = make()
                self.keep(key, found)
        return found
