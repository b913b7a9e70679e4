"""The checked catalogue, kept between starts so lumbar does not parse its TOML every time.

Parsing and checking the catalogue's TOML files takes a good part of lumbar's start-up (see
BENCHMARKS.md); the result is the same until a file changes. So the checked catalogue, with the
problems of any user file that was skipped, is kept in the user's cache folder together with
the name, size and modification time of every file it was made from and lumbar's version. On
the next start, if every file is as it was, the cache is read instead (a few milliseconds).

- **Never stale.** Any file added, removed, resized or touched makes a new key. A file changed
  less than two seconds before it was read might be changed again within the same tick of the
  file system's clock without its time changing, so no cache is kept while any file is that
  fresh (git does the same for its index).
- **Never in the way.** A cache that cannot be read, or was written by another version, is
  ignored and made again; one that cannot be written is skipped. The catalogue itself is what
  counts: a bundled catalogue with a problem is never cached, and stops lumbar as before.
"""

from __future__ import annotations

import contextlib
import stat
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgspec
import platformdirs

from tui import __version__
from tui.catalogue.files import Loaded, bundled_dir, toml_files
from tui.model import decode_hook, encode_toml_range
from tui.store import StoreError, write_atomic

MAX_CACHE_BYTES = 16 * 1024 * 1024
"""A cache larger than this is not lumbar's (it is about 100 KB): it is ignored and made again."""
FRESH_SECONDS = 2.0
"""A file changed more recently than this is not cached (its time may not show a new change)."""

FileKey = tuple[str, int, int]
"""A file's path, size in bytes and modification time in nanoseconds."""


class Cached(msgspec.Struct, frozen=True):
    """What the cache file holds: the key it was made for, and what was loaded."""

    version: str
    files: tuple[FileKey, ...]
    loaded: Loaded


def _encode(value: Any) -> Any:
    """Paths as text, ranges as TOML writes them."""
    return str(value) if isinstance(value, Path) else encode_toml_range(value)


def _decode(kind: type, value: Any) -> Any:
    """Paths from text, ranges as TOML writes them."""
    return Path(value) if kind is Path else decode_hook(kind, value)


_DECODER = msgspec.msgpack.Decoder(Cached, dec_hook=_decode)
_ENCODER = msgspec.msgpack.Encoder(enc_hook=_encode)


def cache_path() -> Path:
    """Where the cache lives: the user's cache folder (safe to delete at any time)."""
    return platformdirs.user_cache_path("lumbar") / "catalogue.msgpack"


def file_keys(folders: Sequence[Path]) -> tuple[FileKey, ...] | None:
    """The key of every TOML file in ``folders``; ``None`` if one cannot be looked at."""
    paths, problems = toml_files([folder for folder in folders if folder.is_dir()])
    if problems:
        return None
    keys = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            return None
        keys.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(keys)


def read_cache(path: Path, version: str, files: tuple[FileKey, ...]) -> Loaded | None:
    """The catalogue kept at ``path``, if it was made by this version from these very files."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHE_BYTES:
            return None  # a FIFO, a device such as /dev/zero, or a giant: never read
        cached = _DECODER.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError):
        return None  # none yet, or unreadable, or another version's: it is made again
    if cached.version != version or cached.files != files:
        return None
    return cached.loaded


def write_cache(path: Path, version: str, files: tuple[FileKey, ...], loaded: Loaded) -> None:
    """Keep ``loaded`` at ``path`` (written as the data file is), unless a file is too fresh."""
    newest = max((mtime for _, _, mtime in files), default=0)
    if time.time_ns() - newest < FRESH_SECONDS * 1e9:
        return
    with contextlib.suppress(StoreError, OSError):  # a convenience: lumbar works without it
        write_atomic(path, _ENCODER.encode(Cached(version, files, loaded)))


def load_cached_catalogue(
    user: Path | None = None, bundled: Path | None = None, cache: Path | None = None
) -> Loaded:
    """The catalogue as :func:`~tui.catalogue.load.load_catalogue` gives it, cached if fresh.

    Raises CatalogueError, as ``load_catalogue`` does, when the bundled catalogue is unusable.
    """
    bundled = bundled or bundled_dir()
    cache = cache or cache_path()
    files = file_keys([bundled] if user is None else [bundled, user])
    if files is not None and (loaded := read_cache(cache, __version__, files)) is not None:
        return loaded
    from tui.catalogue.load import load_catalogue  # parsing and checking: only when stale

    loaded = load_catalogue(bundled, user)
    if files is not None:
        write_cache(cache, __version__, files, loaded)
    return loaded
