"""The lock file's lock: ``flock`` on POSIX, one thread of this process at a time, reentrant.

A save takes the lock twice (the read-modify-write, then the write inside it); ``filelock``'s
bookkeeping for that cost 0.4 ms a save, as much as the write of a small file itself, so on
POSIX the lock is taken here with ``fcntl.flock``, as ``filelock`` takes it there: the same lock
on the same file, so lumbars of either kind keep each other out, and the kernel lets go of it
when a process dies, even by ``kill -9``. Elsewhere (Windows) ``filelock`` does it. Nothing here
imports Textual.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from filelock import FileLock

POLL = 0.005
"""Seconds between tries while another process holds the lock (writes are short)."""


class FileBusyError(TimeoutError):
    """Another process held the lock for the whole of the time allowed."""


class LockFile:
    """An exclusive lock on ``path`` (created ``mode`` if missing), reentrant in one thread."""

    def __init__(self, path: Path, mode: int) -> None:
        self.path = path
        self.mode = mode
        self._threads = threading.RLock()
        self._depth = 0
        self._descriptor = -1
        self._fallback: FileLock | None = None

    def acquire(self, timeout: float) -> None:
        """Hold the lock, waiting up to ``timeout`` seconds: FileBusyError, or OSError."""
        deadline = time.monotonic() + timeout
        if not self._threads.acquire(timeout=timeout):
            raise FileBusyError(self.path)
        try:
            if self._depth == 0:
                self._take(deadline)
        except BaseException:
            self._threads.release()
            raise
        self._depth += 1

    def release(self) -> None:
        """Let go once (the lock itself at the last release)."""
        self._depth -= 1
        try:
            if self._depth == 0:
                self._give_back()
        finally:
            self._threads.release()

    def _take(self, deadline: float) -> None:
        if fcntl is None:  # pragma: no cover - Windows
            self._take_elsewhere(deadline)
            return
        while True:
            descriptor = self._open()
            try:
                if self._locked(descriptor, deadline):
                    self._descriptor = descriptor
                    return
            except BaseException:
                os.close(descriptor)
                raise
            os.close(descriptor)  # the lock file was replaced while we waited: lock the new one

    def _open(self) -> int:
        """The lock file opened (and its folder made, the first time it is missing)."""
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
        try:
            return os.open(self.path, flags, self.mode)
        except FileNotFoundError:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return os.open(self.path, flags, self.mode)

    def _locked(self, descriptor: int, deadline: float) -> bool:
        """Lock ``descriptor``: True once held on the file still at the path, else False."""
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise FileBusyError(self.path) from None
                time.sleep(POLL)
        with contextlib.suppress(FileNotFoundError):
            if os.stat(self.path).st_ino == os.fstat(descriptor).st_ino:
                return True
        return False

    def _give_back(self) -> None:
        if self._fallback is not None:  # pragma: no cover - Windows
            self._fallback.release()
            return
        descriptor, self._descriptor = self._descriptor, -1
        try:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
        finally:
            os.close(descriptor)

    def _take_elsewhere(self, deadline: float) -> None:  # pragma: no cover - Windows
        import filelock

        if self._fallback is None:
            self._fallback = filelock.FileLock(self.path, mode=self.mode)
        try:
            self._fallback.acquire(
                timeout=max(0.0, deadline - time.monotonic()), poll_interval=POLL
            )
        except filelock.Timeout:
            raise FileBusyError(self.path) from None
