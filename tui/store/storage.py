"""A TinyDB storage that never loses or half-writes the user's file, and the lock that guards it.

Decisions, one line each:

- **Atomic write.** TinyDB's ``JSONStorage`` truncates and rewrites the file in place, so a crash
  mid-write leaves half a file. Here every write goes to a temporary file in the same directory,
  is flushed and fsynced, replaces the old file with ``os.replace`` (atomic on POSIX and
  Windows) and then the directory is fsynced, so the rename itself survives a power cut. A new
  file is created ``0600`` (it holds health data); an existing file keeps its permissions.
- **Codec.** ``msgspec.json`` reads and writes the whole file; reading decodes straight into the
  shape TinyDB expects (tables of documents), so a file of any other shape is refused at once.
- **Raw documents.** Ten years of daily sessions make a file of about 10 MB. Decoding all of it
  and encoding it again on every save would cost many times the write itself, so the storage
  also keeps the file as it last saw it: its bytes and each document still as JSON
  (:class:`FileState`). A save puts one new document among the others and writes the lot,
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
- **Lock.** ``filelock`` (a small, widely used library, on PyPI) rather than a hand-rolled
  ``fcntl.flock``: the same code locks on Linux, macOS and Windows, it is reentrant within a
  lock object (so a read-modify-write can call ``write`` while holding the lock), and the kernel
  releases it when a process dies, even by ``kill -9``. The lock file sits beside the database
  (``lumbar.json.lock``).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import msgspec
from tinydb.storages import Storage

from tui.store.paths import lock_path

if TYPE_CHECKING:
    from filelock import FileLock

Tables = dict[str, dict[str, dict[str, Any]]]
"""The whole database as TinyDB sees it: table name -> document id -> document."""

RawTables = dict[str, dict[str, msgspec.Raw]]
"""The whole database with every document still as its JSON bytes (decoded only when read)."""

_RAW_DECODER = msgspec.json.Decoder(RawTables)
_ENCODER = msgspec.json.Encoder()

LOCK_TIMEOUT = 15.0
"""Seconds to wait for another lumbar to finish a write before giving up."""

FILE_MODE = 0o600
"""Permissions of a newly created database or export: the user's alone."""

_TEMP_SUFFIX = ".tmp"

TOO_DEEP = "it is nested too deeply to be a lumbar file (lists or tables inside each other)"
"""Why a file of JSON nested thousands deep is refused (decoding it would overflow)."""

OUTLINE = ""
"""In ``FileState.checked``: the file's tables, their ids and its schema version are good."""


class StoreError(Exception):
    """Something the user can act on went wrong with lumbar's data file; the message says what."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class UnusableFileError(StoreError):
    """A file exists at the database path but lumbar cannot use it; it was left untouched."""

    def __init__(
        self, path: Path, problem: str, advice: str | None = None, *, exists: bool = True
    ) -> None:
        self.problem = problem
        self.advice = advice if advice is not None else move_aside_advice(path)
        kept = "The file was left exactly as it was. " if exists else ""
        super().__init__(f"lumbar cannot use {path}: {problem}.\n{kept}{self.advice}", path)


class NewerSchemaError(UnusableFileError):
    """The file was written by a newer lumbar, with a schema this one does not know."""


def move_aside_advice(path: Path) -> str:
    """What the user can do about an unusable database file at ``path``."""
    return (
        "To go on: restore a backup of it, open another file with --db PATH, or run "
        f"`lumbar --db {shlex.quote(str(path))} db move-aside` to keep this file under a new "
        "name and start fresh."
    )


class StoreLock:
    """The inter-process lock of one database file, as a reentrant context manager.

    ``filelock`` is imported at the first write, not with lumbar: most starts write nothing
    before the first screen, and its import costs more than the rest of the store's.
    """

    def __init__(self, path: Path, timeout: float | None = None) -> None:
        self.path = path
        self.timeout = LOCK_TIMEOUT if timeout is None else timeout
        self._lock: FileLock | None = None

    def __enter__(self) -> StoreLock:
        """Wait for the lock (up to the timeout); raise StoreError if it cannot be had."""
        import filelock

        if self._lock is None:
            self._lock = filelock.FileLock(
                lock_path(self.path), timeout=self.timeout, mode=FILE_MODE
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire(poll_interval=0.005)  # writes are short: check often
        except filelock.Timeout:
            raise StoreError(
                f"another lumbar has been writing {self.path} for more than "
                f"{self.timeout:g} seconds. Close the other lumbar, or wait and try again.",
                self.path,
            ) from None
        except OSError as error:
            raise StoreError(
                f"lumbar cannot lock {self.path} for writing ({_reason(error)} on "
                f"{error.filename or lock_path(self.path)}). Check that its folder is yours and "
                "writable, or open another file with --db PATH.",
                self.path,
            ) from error
        return self

    def __exit__(self, *exc: object) -> None:
        """Release the lock (once per ``__enter__``)."""
        if self._lock is not None:
            self._lock.release()


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def read_tables(path: Path) -> Tables | None:
    """Read and decode the whole file: ``None`` if nothing exists at ``path``, else its tables.

    Raises UnusableFileError (never returns empty data) for anything that exists but cannot be
    used: a directory, an unreadable or empty file, bad JSON, JSON of another shape.
    """
    raw = read_bytes(path)
    return None if raw is None else decode_tables(raw, path)


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes: ``None`` if nothing exists at ``path``; UnusableFileError if unreadable."""
    opened = open_file(path)
    if opened is None:
        return None
    with opened as file:
        return read_open(file, path)


def look_at(path: Path) -> os.stat_result | None:
    """``stat`` of the file at ``path``: ``None`` if nothing is there.

    Raises UnusableFileError if it cannot be looked at or is not a regular file.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UnusableFileError(path, f"it cannot be looked at ({_reason(error)})") from error
    if stat.S_ISDIR(info.st_mode):
        raise UnusableFileError(path, "it is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnusableFileError(path, "it is not a regular file")
    return info


def open_file(path: Path) -> BinaryIO | None:
    """The regular file at ``path`` opened for reading (``None`` if nothing is there)."""
    if look_at(path) is None:
        return None
    try:
        return path.open("rb")
    except FileNotFoundError:
        return None  # replaced by a rename and gone between the two looks
    except PermissionError as error:
        raise UnusableFileError(
            path, "it cannot be read: permission denied (check its owner and permissions)"
        ) from error
    except OSError as error:
        raise UnusableFileError(path, f"it cannot be read ({_reason(error)})") from error


def read_open(file: BinaryIO, path: Path) -> bytes:
    """The whole of an opened database file; UnusableFileError naming ``path`` if unreadable."""
    try:
        return file.read()
    except OSError as error:
        raise UnusableFileError(path, f"it cannot be read ({_reason(error)})") from error


Stamp = tuple[int, int, int, int, int]
"""A file's device, inode, size, and times of last change (content and inode) in nanoseconds."""


def stamp_of(info: os.stat_result) -> Stamp:
    """The :data:`Stamp` of a ``stat`` result."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def decode_tables(raw: bytes | bytearray, path: Path) -> Tables:
    """Decode a database file's bytes into tables, or raise UnusableFileError naming ``path``."""
    if not raw:
        raise UnusableFileError(path, "it is empty (0 bytes), perhaps cut short by a failed copy")
    try:
        tables: Tables = msgspec.json.decode(raw, type=Tables)
    except msgspec.ValidationError as error:
        # The typed decoder can stop at a wrong shape before it reaches a syntax error.
        _check_syntax(raw, path)
        raise UnusableFileError(
            path, f"it is JSON but not a lumbar database ({_shape_message(error)})"
        ) from error
    except msgspec.DecodeError as error:
        raise _not_json(path, error) from error
    except RecursionError as error:
        raise UnusableFileError(path, TOO_DEEP) from error
    return tables


def split_tables(raw: bytes | bytearray, path: Path) -> RawTables:
    """Split a file's bytes into its documents, each kept as JSON; refused as by ``decode_tables``.

    Only the outline is decoded: tables of documents, each document a JSON object (its syntax
    checked, its fields not). Any fault is reported by ``decode_tables``, in its words.
    """
    try:
        tables = _RAW_DECODER.decode(raw) if raw else None
    except (msgspec.DecodeError, RecursionError):  # ValidationError is a DecodeError too
        tables = None
    if tables is None or any(
        bytes(memoryview(document)[:1]) != b"{"
        for documents in tables.values()
        for document in documents.values()
    ):
        decode_tables(raw, path)  # raises, saying what is wrong
        raise UnusableFileError(path, "it is not a lumbar database")  # pragma: no cover
    return tables


def _check_syntax(raw: bytes | bytearray, path: Path) -> None:
    try:
        msgspec.json.decode(raw)
    except msgspec.DecodeError as error:
        raise _not_json(path, error) from error
    except RecursionError as error:
        raise UnusableFileError(path, TOO_DEEP) from error


def _not_json(path: Path, error: msgspec.DecodeError) -> UnusableFileError:
    return UnusableFileError(
        path, f"it is not valid JSON, or it was cut short ({str(error).lower()})"
    )


def _shape_message(error: msgspec.ValidationError) -> str:
    text = str(error).replace("`object`", "a JSON object").replace("`array`", "a list")
    return text.replace("$[...][...]", "a document").replace("$[...]", "a table")


def decode_raw(tables: RawTables) -> Tables:
    """Raw documents decoded into plain tables: a copy the caller may change as it likes."""
    return {
        name: {key: msgspec.json.decode(document) for key, document in documents.items()}
        for name, documents in tables.items()
    }


def encode_tables(tables: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> bytes:
    """The bytes of a database file: compact JSON (it is rewritten whole on every save)."""
    return msgspec.json.encode(tables) + b"\n"


def encode_document(document: Mapping[str, Any]) -> msgspec.Raw:
    """One document as the JSON bytes it is kept as in ``RawTables``."""
    return msgspec.Raw(_ENCODER.encode(document))


def encode_raw_tables(tables: RawTables, size_hint: int = 0) -> bytearray:
    """The bytes of a database file made of raw documents: each copied as it is, not re-encoded.

    ``size_hint`` (the file's last size) lets the buffer be allocated once rather than grown.
    """
    data = bytearray(size_hint + 4096)
    _ENCODER.encode_into(tables, data)
    data += b"\n"
    return data


def write_atomic(path: Path, data: bytes | bytearray) -> None:
    """Replace ``path`` with ``data`` all at once: temp file, fsync, rename, fsync the directory.

    Creates missing parent directories. A new file is created 0600; an existing one keeps its
    permissions. On failure the old file is untouched, the temp file removed, and StoreError
    says what happened.
    """
    mode = _writable_mode(path)
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        descriptor, temp_name = tempfile.mkstemp(
            dir=directory, prefix=f".{path.name}.", suffix=_TEMP_SUFFIX
        )
    except OSError as error:
        raise _write_error(path, error) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            if mode is not None:
                os.chmod(temp, mode)
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise _write_error(path, error) from error
        raise
    _fsync_directory(directory)


def _writable_mode(path: Path) -> int | None:
    """The permissions of the file at ``path``, for its replacement (None: nothing there yet).

    Raises StoreError if its owner may not write it: it is left as it is (a rename would replace
    it all the same, and root may write anything, so the mode is read, not tried).
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # nothing there yet (or not to be looked at: the write says what is wrong)
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise StoreError(
            f"{path} is read-only, so lumbar did not change it. To let lumbar save to it, make "
            f"it writable (chmod u+w {path}), or open another file with --db PATH.",
            path,
        )
    return stat.S_IMODE(mode)


def _write_error(path: Path, error: OSError) -> StoreError:
    return StoreError(
        f"lumbar could not save to {path} ({_reason(error)}). The file was not changed. "
        "Free some disk space or check the folder's permissions, then try again.",
        path,
    )


def _fsync_directory(directory: Path) -> None:
    """Make a rename durable; directories cannot be opened or fsynced on Windows."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def stale_temp_files(path: Path) -> Iterator[Path]:
    """Temp files a killed writer left beside ``path`` (only safe to remove under the lock)."""
    with contextlib.suppress(OSError):
        yield from path.parent.glob(f".{path.name}.*{_TEMP_SUFFIX}")


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


class AtomicStorage(Storage):
    """TinyDB storage on one JSON file: whole-file msgspec reads, atomic locked writes.

    ``check`` (if given) is run on every read, so a file another process changed into
    something unusable is refused on the next read too, not just when it is first opened.
    :meth:`current` and :meth:`write_raw` are the fast path the store uses: the file's raw
    documents, remembered as long as the file is the same (see :data:`Stamp`).
    """

    def __init__(self, path: Path, check: Callable[[Tables], None] | None = None) -> None:
        self.path = path
        self.lock = StoreLock(path)
        self._check = check
        self._state: FileState | None = None
        self._held: BinaryIO | None = None

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
        raw = read_open(opened, self.path)
        state = FileState(stamp_of(os.fstat(opened.fileno())), split_tables(raw, self.path))
        self._hold(opened, state)
        return state

    def _hold(self, file: BinaryIO | None, state: FileState | None) -> None:
        """Remember ``state`` and keep ``file`` (its file) open in place of the one held."""
        held, self._held, self._state = self._held, file, state
        if held is not None:
            held.close()

    def close(self) -> None:
        """Let go of the file held open (a later read opens it again)."""
        self._hold(None, None)

    def remember(self, state: FileState) -> None:
        """Keep ``state`` (say, now checked) as what the file holds, if it is still the latest."""
        known = self._state
        if known is None or known.stamp == state.stamp:
            self._state = state

    def write_raw(self, tables: RawTables, *, checked: frozenset[str]) -> FileState:
        """Write raw documents atomically, under the lock, and remember them as the file."""
        known = self._state
        data = encode_raw_tables(tables, known.size if known is not None else 0)
        with self.lock:
            self._hold(None, None)
            write_atomic(self.path, data)
            del data  # the documents are kept; the bytes written are not
            opened = open_file(self.path)  # ours: no other lumbar writes while the lock is held
            if opened is None:  # pragma: no cover - removed by hand under our lock
                return FileState((0, 0, 0, 0, 0), tables, checked)
            state = FileState(stamp_of(os.fstat(opened.fileno())), tables, checked)
            self._hold(opened, state)
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
