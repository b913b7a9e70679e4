"""The status files beside the data file, and the one test of whether they can be trusted.

Beside ``lumbar.json`` lumbar keeps two small files, rewritten atomically after every save and
change of settings (:mod:`tui.cli_status` writes them):

- ``lumbar.json.status``: the status line alone, for shell prompts, starship and tmux to read
  without running Python (``lumbar: due today · 3-week streak``);
- ``lumbar.json.status.json``: the same as JSON, for ``lumbar status --json`` and scripts. Its
  first field, ``stamp``, says what it was worked out from: the day (local date) and the data
  file's modification time and size then; its next two are ``remind`` and ``line``.

They are trusted only when the stamp matches today and the data file as it is now, the JSON
begins exactly as lumbar writes it, and the line file holds the same line; anything else
(missing, damaged, another day, a data file changed since) is worked out again from the data
file. This module uses the standard library alone (``os`` and ``time``), so the console script
can answer ``lumbar status`` from it before anything else is imported (:mod:`tui.quick`).
"""

import os
import time

LINE_SUFFIX = ".status"
"""The line file's name is the data file's with this added: ``lumbar.json.status``."""
JSON_SUFFIX = ".status.json"
"""The JSON file's: ``lumbar.json.status.json``."""
LARGEST = 4096
"""Bytes read of a status file at most: lumbar's own are a few hundred."""


class StatusPaths:
    """The two status files of one data file (a plain class: ``typing`` costs 6 ms to import)."""

    __slots__ = ("json", "line")

    def __init__(self, line: str, json: str) -> None:
        """The line file's path and the JSON file's."""
        self.line = line
        self.json = json


class Fresh:
    """What trusted status files say: the line, whether to remind, and the JSON as written."""

    __slots__ = ("json", "line", "remind")

    def __init__(self, line: str, remind: bool, json: bytes) -> None:
        """The line, the ``remind`` flag and the JSON file's bytes."""
        self.line = line
        self.remind = remind
        self.json = json


def status_paths(data: str) -> StatusPaths:
    """The status files beside the data file at ``data`` (an absolute path)."""
    return StatusPaths(data + LINE_SUFFIX, data + JSON_SUFFIX)


def local_day() -> str:
    """Today's date on this machine's clock and time zone, as ``2025-03-01``."""
    return time.strftime("%Y-%m-%d")


def stamp_of(data: str, day: str) -> str | None:
    """The stamp of status worked out on ``day`` from the data file as it is (None: no file)."""
    try:
        info = os.stat(data)
    except OSError:
        return None
    return f"{day} {info.st_mtime_ns} {info.st_size}"


def json_head(stamp: str | None) -> str:
    """How the JSON file begins, as lumbar writes it, up to the value of ``remind``."""
    stamp_value = "null" if stamp is None else f'"{stamp}"'
    return '{"stamp":' + stamp_value + ',"remind":'


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as file:
            return file.read(LARGEST + 1)
    except OSError:
        return None


def read_fresh(data: str, day: str) -> Fresh | None:
    """What the status files say, if they were worked out on ``day`` from the data file as it is.

    None when either is missing, unreadable, damaged, of another day or of an older data file,
    or when there is no data file: then the status must be worked out again.
    """
    stamp = stamp_of(data, day)
    paths = status_paths(data)
    raw = _read(paths.json)
    if stamp is None or raw is None or len(raw) > LARGEST:
        return None
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        return None
    head = json_head(stamp)
    if not text.startswith(head) or not text.endswith("}\n"):
        return None
    rest = text[len(head) :]
    remind = rest.startswith("true,")
    rest = rest.removeprefix("true," if remind else "false,")
    if not rest.startswith('"line":"'):
        return None
    line, quote, _ = rest[len('"line":"') :].partition('"')
    # A line lumbar writes has no quote, backslash or control character to escape.
    if not quote or "\\" in line or not line.isprintable() or not line.startswith("lumbar: "):
        return None
    if _read(paths.line) != (line + "\n").encode():
        return None
    return Fresh(line, remind, raw)
