"""``lumbar status``, ``lumbar remind`` and ``lumbar break``, and the status files' writer.

The writer (:class:`StatusWriter`) is the store's ``after_write``: after every save, change of
settings or red-flag answer it works the status out (:func:`tui.history.status.status_of`) and
rewrites the two status files beside the data file (:mod:`tui.status_file`), each atomically
with the store's own :func:`~tui.store.write_atomic`. A file it cannot write (a read-only
folder, a read-only status file) never fails the save that called it: lumbar says why once, and
``lumbar status`` works the status out each time instead. ``status`` and ``remind`` answer from
the files when they are fresh (the console script does that before importing any of this, see
:mod:`tui.quick`), else work the status out again and rewrite them.
"""

from __future__ import annotations

import argparse
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TextIO

import msgspec

from tui import history  # its names are imported when first used: start-up time
from tui.status_file import read_fresh, stamp_of, status_paths
from tui.store import Store, StoreError, resolve_db_path, write_atomic

STATUS_COMMANDS = ("status", "remind")
"""The sub-commands that read (and if need be rewrite) the status files."""

DESK_BREAK = "desk-break"
"""The routine ``lumbar break`` plays: the Desk break, standing and seated moves only."""


def local_now() -> datetime:
    """The wall clock now, in this machine's time zone (the user's local day)."""
    return datetime.now().astimezone()


def encode_status(stamp: str | None, fields: Mapping[str, object]) -> bytes:
    """The JSON status file's bytes: the stamp first, then the fields in their order."""
    return msgspec.json.encode({"stamp": stamp, **fields}) + b"\n"


class StatusWriter:
    """Works the status out from a store and keeps the status files beside its data file."""

    def __init__(self, store: Store, now: Callable[[], datetime] = local_now) -> None:
        """Write the status of ``store``'s file as of ``now()`` (the wall clock, local time)."""
        self.store = store
        self.now = now
        self.problem: str | None = None
        """Why the status files could not be written, the first time they could not."""
        self._told = False
        self._lock = threading.Lock()  # saves come from the saver's thread and from workers

    def __call__(self) -> None:
        """The store's ``after_write``: refresh the files; a failure is kept, never raised."""
        with self._lock:
            try:
                self.refresh()
            except StoreError as error:  # the store changed under us into something unusable
                self._keep_problem(str(error))

    def refresh(self) -> bytes:
        """Work the status out now, write the files if there is a data file, return the JSON.

        A file that cannot be written is kept as :attr:`problem`; StoreError if the data file
        cannot be read.
        """
        now = self.now()
        data = str(self.store.path)
        stamp = stamp_of(data, now.date().isoformat())  # before reading: a later write shows
        # The history walked once, each session decoded as it is reached (never all at once).
        sessions, settings = self.store.sessions(), self.store.settings()
        status = history.status_of(sessions, settings, self.store.safety(), now)
        fields = history.status_fields(status, settings)
        encoded = encode_status(stamp, fields)
        if stamp is not None:
            paths = status_paths(data)
            try:
                write_atomic(Path(paths.json), encoded)
                write_atomic(Path(paths.line), f"{fields['line']}\n".encode())
            except StoreError as error:
                self._keep_problem(str(error))
        return encoded

    def _keep_problem(self, reason: str) -> None:
        if self.problem is None:
            self.problem = (
                f"lumbar: no status file for your prompt this time: {reason}\n"
                "Your sessions are saved as usual; `lumbar status` works the status out each time."
            )

    def tell(self, err: TextIO) -> None:
        """Say why the status files could not be written, once (nothing if they could)."""
        if self.problem is not None and not self._told:
            print(self.problem, file=err)
            self._told = True


def attach_status(store: Store, now: Callable[[], datetime] = local_now) -> StatusWriter:
    """A writer of ``store``'s status files, called by the store after each of its writes."""
    writer = StatusWriter(store, now)
    store.after_write = writer
    return writer


def add_status_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``status``, ``remind`` and ``break``."""
    status = commands.add_parser(
        "status",
        help="print one line: due today, done today, rest day, or a red flag",
        description=(
            "Print the status line (`lumbar: due today · 3-week streak`) from the status file "
            "beside your data file, working it out again if it is missing, damaged or stale. "
            "Shell prompts can read the file directly: see the README."
        ),
    )
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    commands.add_parser(
        "remind",
        help="print one line if a session is due today, nothing otherwise",
        description=(
            "For a shell's start, an MOTD or cron: one line when a session is due today, else "
            "nothing; never on a rest day or the days the settings leave out. Exits 0 either way."
        ),
    )
    commands.add_parser(
        "break",
        help="play the Desk break now: standing and seated moves only",
        description=(
            "Play the Desk break routine straight away (as `lumbar play desk-break` does), for "
            "the 30 to 45 minutes of sitting the articles warn about."
        ),
    )


def run_status_command(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    environ: Mapping[str, str],
    now: Callable[[], datetime] = local_now,
) -> int:
    """``lumbar status [--json]`` or ``lumbar remind``: from fresh files, else worked out again."""
    path = resolve_db_path(args.db, environ)
    fresh = read_fresh(str(path), now().date().isoformat())
    if fresh is not None:
        encoded, line, remind = fresh.json, fresh.line, fresh.remind
    else:
        try:
            writer = StatusWriter(Store.open(path), now)
            encoded = writer.refresh()
        except StoreError as error:
            print(error, file=err)
            return 1
        if args.command == "status":
            writer.tell(err)  # remind stays silent: it runs at every shell's start
        decoded = msgspec.json.decode(encoded)
        line, remind = decoded["line"], decoded["remind"]
    if args.command == "remind":
        if remind:
            print(line, file=out)
    elif args.json:
        out.write(encoded.decode())
    else:
        print(line, file=out)
    return 0
