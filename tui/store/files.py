"""The data file on disk: read it whole, tell whether it changed, replace it atomically.

- **Atomic write.** Every write goes to a temporary file in the same directory, is flushed and
  fsynced, replaces the old file with ``os.replace`` (atomic on POSIX and Windows) and then the
  directory is fsynced, so the rename itself survives a power cut. A new file is created
  ``0600`` (it holds health data); an existing file keeps its permissions, and a read-only one
  is refused, not replaced.
- **Changed or not, by ``stat``** (:data:`Stamp`): device, inode, size and times, which every
  rename by another lumbar changes.
"""

from __future__ import annotations

import contextlib
import io
import mmap
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from tui.store.errors import StoreError, UnusableFileError, reason

FILE_MODE = 0o600
"""Permissions of a newly created database or export: the user's alone."""

_TEMP_SUFFIX = ".tmp"


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
        raise UnusableFileError(path, f"it cannot be looked at ({reason(error)})") from error
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
        raise UnusableFileError(path, f"it cannot be read ({reason(error)})") from error


def read_open(file: BinaryIO, path: Path) -> bytes:
    """The whole of an opened database file; UnusableFileError naming ``path`` if unreadable."""
    try:
        return file.read()
    except OSError as error:
        raise UnusableFileError(path, f"it cannot be read ({reason(error)})") from error


def read_apart(file: BinaryIO, path: Path) -> bytes | mmap.mmap:
    """The whole of an opened database file, in memory of its own that is given back at once.

    A large file is read into an anonymous mapping, not a Python ``bytes``: the C library
    hands a large block back to the system when it is freed, but then raises the size it
    serves from the heap to that block's, so after a 9 MB read every later allocation up to
    9 MB stayed in the process once freed (8 MB more resident after a first save, measured).
    A small file, or one that changes size while it is read, is read as ``bytes``.
    """
    try:
        size = os.fstat(file.fileno()).st_size
        if size < APART:
            return file.read()
        flags = mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | getattr(mmap, "MAP_POPULATE", 0)
        data = mmap.mmap(-1, size, flags=flags)  # private: a shared one is slower to fill
        read = cast(io.BufferedIOBase, file).readinto(data)
        if read != size or file.read(1):  # written to as it was read: read it as it is now
            file.seek(0)
            return file.read()
    except OSError as error:
        raise UnusableFileError(path, f"it cannot be read ({reason(error)})") from error
    return data


APART = 1 << 20
"""Files from this size up are read into memory of their own (:func:`read_apart`)."""


Stamp = tuple[int, int, int, int, int]
"""A file's device, inode, size, and times of last change (content and inode) in nanoseconds."""


def stamp_of(info: os.stat_result) -> Stamp:
    """The :data:`Stamp` of a ``stat`` result."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def write_atomic(path: Path, data: bytes | bytearray | Callable[[BinaryIO], None]) -> None:
    """Replace ``path`` with ``data`` all at once: temp file, fsync, rename, fsync the directory.

    ``data`` is the bytes, or a function that writes them to the file it is given (so a large
    file need not be built in memory first).

    Creates missing parent directories. A new file is created 0600; an existing one keeps its
    permissions. On failure the old file is untouched, the temp file removed, and StoreError
    says what happened.
    """
    mode = _writable_mode(path)
    directory = path.parent
    try:
        descriptor, temp_name = _temp_file(path)
    except OSError as error:
        raise _write_error(path, error) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            if mode is not None and mode != _TEMP_MODE:
                os.chmod(temp, mode)
            if callable(data):
                data(file)
            else:
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


_TEMP_MODE = 0o600
"""What ``mkstemp`` creates a file with."""


def _temp_file(path: Path) -> tuple[int, str]:
    """A new temp file beside ``path`` (its folders made if they are missing): descriptor, name."""
    try:
        return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TEMP_SUFFIX)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TEMP_SUFFIX)


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
        f"lumbar could not save to {path} ({reason(error)}). The file was not changed. "
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
