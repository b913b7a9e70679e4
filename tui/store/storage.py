"""A TinyDB storage that never loses or half-writes the user's file, and the lock that guards it.

Decisions, one line each (the atomic write is :mod:`tui.store.files`'s, the JSON codec
:mod:`tui.store.codec`'s, the errors :mod:`tui.store.errors`'; their names are re-exported here):

- **Atomic write.** TinyDB's ``JSONStorage`` truncates and rewrites the file in place, so a crash
  mid-write leaves half a file; every write here replaces the file whole, by a rename.
- **Raw documents.** Ten years of daily sessions make a file of about 10 MB. Decoding all of it
  and encoding it again on every save would cost many times the write itself, so the storage
  keeps the file as it last saw it: each document still as JSON (:class:`FileState`), the few
  small ones in memory, the sessions left in the file and read back when wanted
  (:mod:`tui.store.on_disk`). A save puts one new document among the others and writes the lot,
  which costs little more than writing the bytes. The file is read again (and checked again)
  only when it is no longer the file remembered, because another lumbar wrote it.
- **Changed or not, by ``stat``.** Whether the file is still the one remembered is told by its
  device, inode, size and times (:data:`Stamp`), not by reading it again and comparing 10 MB.
  Every lumbar replaces the file by a rename, so a write by another gives a new inode; the file
  last read or written is held open, so its inode cannot be reused by a new file while it is
  remembered. The bytes themselves are not kept beside the documents.
- **Refuse, never reset.** A file that exists but cannot be used raises
  :class:`UnusableFileError`; ``read`` returns ``None`` (an empty database) only when nothing
  exists at the path. Nothing here ever writes over a file it could not read.
- **Lock.** ``fcntl.flock`` on a lock file beside the database (``lumbar.json.lock``), taken
  as ``filelock`` takes it on POSIX (``filelock`` itself on Windows): reentrant within a store
  (so a read-modify-write can call ``write`` while holding the lock), one thread at a time, and
  released by the kernel when a process dies, even by ``kill -9`` (:mod:`tui.store.lock`).
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from msgspec import Raw

from tui.store.codec import TOO_DEEP as TOO_DEEP
from tui.store.codec import InMemory
from tui.store.codec import RawTables as RawTables
from tui.store.codec import Tables as Tables
from tui.store.codec import decode_raw as decode_raw
from tui.store.codec import decode_tables as decode_tables
from tui.store.codec import encode_document as encode_document
from tui.store.codec import encode_tables as encode_tables
from tui.store.codec import split_tables as split_tables
from tui.store.errors import NewerSchemaError as NewerSchemaError
from tui.store.errors import StoreError as StoreError
from tui.store.errors import UnusableFileError as UnusableFileError
from tui.store.errors import move_aside_advice as move_aside_advice
from tui.store.errors import reason
from tui.store.files import FILE_MODE as FILE_MODE
from tui.store.files import Stamp as Stamp
from tui.store.files import look_at as look_at
from tui.store.files import open_file as open_file
from tui.store.files import read_apart
from tui.store.files import read_bytes as read_bytes
from tui.store.files import stale_temp_files as stale_temp_files
from tui.store.files import stamp_of as stamp_of
from tui.store.files import write_atomic as write_atomic
from tui.store.lock import FileBusyError, LockFile
from tui.store.on_disk import Note, Source, leave_on_disk, placed
from tui.store.paths import lock_path
from tui.store.writer import Places, write_raw_tables

LOCK_TIMEOUT = 15.0
"""Seconds to wait for another lumbar to finish a write before giving up."""

OUTLINE = ""
"""In ``FileState.checked``: the file's tables, their ids and its schema version are good."""


class StoreLock:
    """The inter-process lock of one database file, as a reentrant context manager."""

    def __init__(self, path: Path, timeout: float | None = None) -> None:
        self.path = path
        self.timeout = LOCK_TIMEOUT if timeout is None else timeout
        self._lock = LockFile(lock_path(path), FILE_MODE)

    def __enter__(self) -> StoreLock:
        """Wait for the lock (up to the timeout); raise StoreError if it cannot be had."""
        try:
            self._lock.acquire(self.timeout)
        except FileBusyError:
            raise StoreError(
                f"another lumbar has been writing {self.path} for more than "
                f"{self.timeout:g} seconds. Close the other lumbar, or wait and try again.",
                self.path,
            ) from None
        except OSError as error:
            raise StoreError(
                f"lumbar cannot lock {self.path} for writing ({reason(error)} on "
                f"{error.filename or lock_path(self.path)}). Check that its folder is yours and "
                "writable, or open another file with --db PATH.",
                self.path,
            ) from error
        return self

    def __exit__(self, *exc: object) -> None:
        """Release the lock (once per ``__enter__``)."""
        self._lock.release()


def read_tables(path: Path) -> Tables | None:
    """Read and decode the whole file: ``None`` if nothing exists at ``path``, else its tables.

    Raises UnusableFileError (never returns empty data) for anything that exists but cannot be
    used: a directory, an unreadable or empty file, bad JSON, JSON of another shape.
    """
    raw = read_bytes(path)
    return None if raw is None else decode_tables(raw, path)


@dataclass(frozen=True)
class FileState:
    """The database file as it was last read or written: its stamp and its raw documents.

    Never changed in place (a save makes a new one), so one thread may read it while another
    saves. ``checked`` names the tables whose every record has been decoded and found good
    (with ``OUTLINE`` once the file's shape and schema are); the store checks a table the
    first time it is read, and every table before a write.
    """

    stamp: Stamp
    tables: RawTables
    checked: frozenset[str] = frozenset()

    @property
    def size(self) -> int:
        """The file's size in bytes."""
        return self.stamp[2]


class AtomicStorage:
    """TinyDB storage on one JSON file: whole-file msgspec reads, atomic locked writes.

    TinyDB takes any class with ``read``, ``write`` and ``close`` as a storage (it checks no
    base class), so this one does not derive from ``tinydb.storages.Storage``: importing tinydb
    for its base class alone cost 0.4 MB at the player (a test opens the file with TinyDB
    through this storage).

    ``check`` (if given) is run on every read, so a file another process changed into
    something unusable is refused on the next read too, not just when it is first opened.
    :meth:`current` and :meth:`write_raw` are the fast path the store uses: the file's raw
    documents, remembered as long as the file is the same (see :data:`Stamp`).
    """

    def __init__(
        self,
        path: Path,
        check: Callable[[Tables], None] | None = None,
        on_disk: Mapping[str, Note] | None = None,
    ) -> None:
        """The storage of the file at ``path``.

        ``on_disk`` names the tables whose documents are left in the file and read when
        wanted, each with what to note of every document.
        """
        self.path = path
        self.lock = StoreLock(path)
        self._check = check
        self._on_disk: Mapping[str, Note] = on_disk or {}
        self._state: FileState | None = None
        self._held: Source | None = None

    def current(self) -> FileState | None:
        """The file as it is now (``None`` if nothing is there), read again only if it changed.

        Raises UnusableFileError as ``read_tables`` does. A write by another process always
        changes the stamp: it replaces the file by a rename, and the inode remembered cannot be
        reused while the file is held open here.
        """
        info = look_at(self.path)
        known = self._state
        if info is None:
            self._hold(None, None)
            return None
        if known is not None and known.stamp == stamp_of(info):
            return known
        opened = open_file(self.path)
        if opened is None:
            self._hold(None, None)
            return None
        source = Source(opened)
        raw = read_apart(opened, self.path)
        state = FileState(
            stamp_of(os.fstat(opened.fileno())),
            self._kept(raw, split_tables(raw, self.path), source),
        )
        self._hold(source, state)
        return state

    def _kept(self, raw: bytes | mmap.mmap, tables: InMemory, source: Source) -> RawTables:
        """A file's documents as kept: the big tables' left on disk, the others copied.

        A document decoded from ``raw`` holds on to all of it, so the small ones are copied out.
        """
        kept: RawTables = {}
        for name, documents in tables.items():
            if name in self._on_disk:
                kept[name], laid_out = leave_on_disk(raw, documents, source)
                if laid_out:
                    source.laid_out |= {name}
            else:
                kept[name] = {key: Raw(bytes(document)) for key, document in documents.items()}
        return kept

    def _hold(self, source: Source | None, state: FileState | None) -> None:
        """Remember ``state``, and hold ``source`` (its file) open in place of the one held.

        The one let go of is closed when no document of it is wanted any more (see
        :class:`~tui.store.on_disk.Source`), not here: a walk of the history may still be
        reading it on another thread.
        """
        self._held, self._state = source, state

    def close(self) -> None:
        """Let go of the file held open (a later read opens it again)."""
        self._hold(None, None)

    def remember(self, state: FileState) -> None:
        """Keep ``state`` (say, now checked) as what the file holds, if it is still the latest."""
        known = self._state
        if known is None or known.stamp == state.stamp:
            self._state = state

    def write_raw(self, tables: RawTables, *, checked: frozenset[str]) -> FileState:
        """Write raw documents atomically, under the lock, and remember them as the file.

        The documents of the big tables are then remembered where the new file has them.
        """
        places: Places = {}
        with self.lock:
            self._hold(None, None)
            write_atomic(self.path, lambda file: places.update(write_raw_tables(file, tables)))
            opened = open_file(self.path)  # ours: no other lumbar writes while the lock is held
            if opened is None:  # pragma: no cover - removed by hand under our lock
                return FileState((0, 0, 0, 0, 0), tables, checked)
            source = Source(opened)
            source.laid_out = frozenset(self._on_disk)  # as lumbar writes every file
            kept = {
                name: (
                    placed(documents, places[name], source, self._on_disk[name])
                    if name in self._on_disk
                    else documents
                )
                for name, documents in tables.items()
            }
            state = FileState(stamp_of(os.fstat(opened.fileno())), kept, checked)
            self._hold(source, state)
        return state

    def load(self) -> Tables | None:
        """Read the file as it is, without the extra check: ``None`` when nothing is there."""
        return read_tables(self.path)

    def read(self) -> Tables | None:
        """Read and check the whole file (TinyDB calls this before every operation)."""
        tables = self.load()
        if tables is not None and self._check is not None:
            self._check(tables)
        return tables

    def write(self, data: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> None:
        """Write the whole database atomically, under the inter-process lock."""
        with self.lock:
            self._hold(None, None)
            write_atomic(self.path, encode_tables(data))
