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
import os
import time
from collections.abc import Sequence
from pathlib import Path

import msgspec
import platformdirs

from tui import __version__
from tui.catalogue import Loaded, bundled_dir, load_catalogue, toml_files
from tui.model import Catalogue, decode_hook, encode_toml_range
from tui.problems import Problem

FRESH_SECONDS = 2.0
"""A file changed more recently than this is not cached (its time may not show a new change)."""

FileKey = tuple[str, int, int]
"""A file's path, size in bytes and modification time in nanoseconds."""


class CachedProblem(msgspec.Struct, frozen=True):
    """A :class:`~tui.problems.Problem`, with its path as text."""

    file: str
    message: str
    hint: str
    where: str
    line: int | None


class Cached(msgspec.Struct, frozen=True):
    """What the cache file holds: the key it was made for, the catalogue and the problems."""

    version: str
    files: tuple[FileKey, ...]
    catalogue: Catalogue
    problems: tuple[CachedProblem, ...]


_DECODER = msgspec.msgpack.Decoder(Cached, dec_hook=decode_hook)
_ENCODER = msgspec.msgpack.Encoder(enc_hook=encode_toml_range)


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
        cached = _DECODER.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError):
        return None  # none yet, or unreadable, or another version's: it is made again
    if cached.version != version or cached.files != files:
        return None
    problems = tuple(
        Problem(Path(p.file), p.message, p.hint, p.where, p.line) for p in cached.problems
    )
    return Loaded(cached.catalogue, problems)


def write_cache(path: Path, version: str, files: tuple[FileKey, ...], loaded: Loaded) -> None:
    """Keep ``loaded`` at ``path`` (atomically), unless a file is too fresh to be trusted."""
    newest = max((mtime for _, _, mtime in files), default=0)
    if time.time_ns() - newest < FRESH_SECONDS * 1e9:
        return
    problems = tuple(
        CachedProblem(str(p.file), p.message, p.hint, p.where, p.line) for p in loaded.problems
    )
    data = _ENCODER.encode(Cached(version, files, loaded.catalogue, problems))
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, path)  # readers see the old cache or the new one, never half of one
    except OSError:
        with contextlib.suppress(OSError):  # a cache is a convenience: lumbar works without it
            temp.unlink(missing_ok=True)


def load_cached_catalogue(
    user: Path | None = None, bundled: Path | None = None, cache: Path | None = None
) -> Loaded:
    """The catalogue as :func:`~tui.catalogue.load_catalogue` gives it, from the cache if fresh.

    Raises CatalogueError, as ``load_catalogue`` does, when the bundled catalogue is unusable.
    """
    bundled = bundled or bundled_dir()
    cache = cache or cache_path()
    files = file_keys([bundled] if user is None else [bundled, user])
    if files is not None and (loaded := read_cache(cache, __version__, files)) is not None:
        return loaded
    loaded = load_catalogue(bundled, user)
    if files is not None:
        write_cache(cache, __version__, files, loaded)
    return loaded
