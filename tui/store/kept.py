"""Figures kept between starts beside a data file: a cache in the user's cache folder.

What is worked out from a long history (the progress screen's figures: see
:mod:`tui.history.tally`) can be carried on from at the next start instead of worked out again.
It is kept in the user's cache folder, one file per data file and kind, never in the data file:

- **Never needed.** Deleting it, or a cache that cannot be read, was written by another version
  of lumbar or is not lumbar's, costs one walk of the history; it is made again. One that cannot
  be written is skipped.
- **Never trusted for more than it says.** What is kept carries its own key (a digest of the
  sessions it was worked out from); whoever reads it checks that key against the file.
- **Written after the figures are shown**: :meth:`KeptFile.keep` only takes the value;
  :meth:`KeptFile.write` writes it, off the screen's way.

Nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
import hashlib
import stat
import threading
from pathlib import Path
from typing import Generic, TypeVar

import msgspec
import platformdirs

from tui import __version__
from tui.store.errors import StoreError
from tui.store.files import write_atomic

T = TypeVar("T")

MAX_KEPT_BYTES = 64 * 1024 * 1024
"""A kept file larger than this is not lumbar's (ten years of figures are about 1 MB)."""


class _Kept(msgspec.Struct, Generic[T]):
    """What a kept file holds: the version of lumbar that wrote it, and the value."""

    version: str
    value: T


def kept_folder() -> Path:
    """Where kept figures live: the user's cache folder (safe to delete at any time)."""
    return platformdirs.user_cache_path("lumbar") / "kept"


class KeptFile(Generic[T]):
    """One value of type ``kind`` kept for one data file (see the module)."""

    def __init__(
        self, data_file: Path, name: str, kind: type[T], folder: Path | None = None
    ) -> None:
        """Keep ``name`` figures for the data file at ``data_file`` (its cache in ``folder``)."""
        key = hashlib.sha1(str(data_file.resolve()).encode(), usedforsecurity=False).hexdigest()
        self.path = (folder or kept_folder()) / f"{name}-{key[:16]}.msgpack"
        self._decoder = msgspec.msgpack.Decoder(_Kept[kind])  # type: ignore[valid-type]
        self._pending: T | None = None
        self._lock = threading.Lock()

    def read(self) -> T | None:
        """The value kept, if this version of lumbar wrote it; None otherwise."""
        try:
            info = self.path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_KEPT_BYTES:
                return None  # a FIFO, a device or a giant: never read
            kept = self._decoder.decode(self.path.read_bytes())
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None  # none yet, unreadable or not lumbar's: worked out again
        return kept.value if kept.version == __version__ else None

    def keep(self, value: T) -> None:
        """Take ``value`` to write at the next :meth:`write` (in place of one not yet written)."""
        with self._lock:
            self._pending = value

    def write(self) -> None:
        """Write the value taken by :meth:`keep`, if any (quietly skipped if it cannot be)."""
        with self._lock:
            value, self._pending = self._pending, None
        if value is None:
            return
        data = msgspec.msgpack.encode(_Kept(__version__, value))
        with contextlib.suppress(StoreError, OSError):  # a convenience: lumbar works without it
            write_atomic(self.path, data)
