"""Getting the user's data out and back in, and looking after the file itself.

Export; import; moving an unusable database aside (the history as a table, JSON or CSV is
:mod:`tui.store.listing`'s, its names re-exported here).

An export (JSON) holds everything the store holds, with the schema version it was written in,
so an export from an older lumbar is upgraded by the store's migrations on import. Import merges
by id and is idempotent (see :meth:`tui.store.store.Store.merge`). Nothing here imports Textual.
"""

from __future__ import annotations

import os
import stat
from dataclasses import astuple, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec
from msgspec import Struct

from tui.model import (
    SCHEMA_VERSION,
    plural,
)
from tui.store.listing import CSV_COLUMNS as CSV_COLUMNS
from tui.store.listing import history_json as history_json
from tui.store.listing import history_table as history_table
from tui.store.listing import note_line as note_line
from tui.store.listing import sessions_csv as sessions_csv
from tui.store.listing import spreadsheet_safe as spreadsheet_safe
from tui.store.paths import normalize
from tui.store.storage import (
    TOO_DEEP,
    StoreError,
    StoreLock,
    Tables,
    UnusableFileError,
    write_atomic,
)
from tui.store.store import (
    KEYED,
    SINGLE,
    Snapshot,
    Store,
    check_file,
    migrate,
    snapshot_of,
    to_document,
    to_stored,
)

EXPORT_FORMAT = "lumbar-export"
"""The ``format`` field every JSON export carries."""

_SINGLE_NAMES = ("settings", "safety answers", "roadmap state")
_EXPORT_FIELDS = {"format", "schema_version", "exported_at", *Snapshot.__struct_fields__}


class ImportFileError(UnusableFileError):
    """A file given to ``lumbar import`` is not an export lumbar can read; nothing was imported."""

    def __init__(self, path: Path, problem: str, *, exists: bool = True) -> None:
        super().__init__(
            path,
            problem,
            "Nothing was imported. Give `lumbar import` a .json file made by `lumbar export`.",
            exists=exists,
        )


def export_json(snapshot: Snapshot, now: datetime) -> bytes:
    """The bytes of a JSON export: everything, with the schema version and when it was made."""
    data = {
        "format": EXPORT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": now.isoformat(),
        "sessions": [to_document(session) for session in snapshot.sessions],
        "routines": [to_document(routine) for routine in snapshot.routines],
        "settings": to_document(snapshot.settings) if snapshot.settings else None,
        "safety": to_document(snapshot.safety) if snapshot.safety else None,
        "roadmap": to_document(snapshot.roadmap) if snapshot.roadmap else None,
    }
    return msgspec.json.format(msgspec.json.encode(data), indent=2) + b"\n"


def export(store: Store, path: Path, now: datetime | None = None) -> str:
    """Write everything (``.json``) or the sessions (``.csv``) to ``path`` atomically; say what."""
    kind = path.suffix.lower()
    if kind not in (".json", ".csv"):
        raise StoreError(
            f"lumbar cannot export to {path}: the name must end in .json (everything, for "
            "`lumbar import`) or .csv (the sessions, for a spreadsheet).",
            path,
        )
    if path.expanduser().resolve() == store.path.resolve():
        raise StoreError(f"{path} is lumbar's database itself: export to another file.", path)
    snapshot = store.snapshot()
    if kind == ".csv":
        write_atomic(path, sessions_csv(snapshot.sessions).encode())
        rows = sum(len(session.exercises) or 1 for session in snapshot.sessions)
        return f"Exported {plural(len(snapshot.sessions), 'session')} ({rows} rows) to {path}."
    write_atomic(path, export_json(snapshot, now or datetime.now().astimezone()))
    parts = [plural(len(snapshot.sessions), "session")]
    parts.append(plural(len(snapshot.routines), "custom routine"))
    singles = (snapshot.settings, snapshot.safety, snapshot.roadmap)
    parts += [name for name, record in zip(_SINGLE_NAMES, singles, strict=True) if record]
    return f"Exported {', '.join(parts)} to {path}."


def _keyed(path: Path, items: object, what: str) -> dict[str, dict[str, Any]]:
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ImportFileError(path, f"its {what!r} is not a list of records")
    keyed: dict[str, dict[str, Any]] = {}
    for item in items:
        key = item.get("id")
        if not isinstance(key, str) or key in keyed:
            raise ImportFileError(path, f"a record in {what!r} has a missing or repeated id")
        keyed[key] = item
    return keyed


def read_export(path: Path) -> Snapshot:
    """Read, check and (if older) upgrade a JSON export; ImportFileError says what is wrong."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(path, "there is no such file", exists=False) from None
    except OSError as error:
        raise ImportFileError(path, f"it cannot be read ({error.strerror})") from error
    try:
        data = msgspec.json.decode(raw, type=dict[str, Any])
    except (msgspec.DecodeError, msgspec.ValidationError) as error:
        raise ImportFileError(path, f"it is not a JSON object ({str(error).lower()})") from error
    except RecursionError as error:
        raise ImportFileError(path, TOO_DEEP) from error
    if data.get("format") != EXPORT_FORMAT:
        raise ImportFileError(path, f'it is not a lumbar export (no "format": "{EXPORT_FORMAT}")')
    unknown = sorted(set(data) - _EXPORT_FIELDS)
    if unknown:
        raise ImportFileError(path, f"it has fields lumbar does not know: {', '.join(unknown)}")
    tables: dict[str, dict[str, dict[str, Any]]] = {
        "meta": {"schema": {"version": data.get("schema_version")}},
        "sessions": _keyed(path, data.get("sessions", []), "sessions"),
        "routines": _keyed(path, data.get("routines", []), "routines"),
    }
    for table, key in (("settings", "current"), ("safety", "latest"), ("roadmap", "state")):
        record = data.get(table)
        if record is not None and not isinstance(record, dict):
            raise ImportFileError(path, f"its {table!r} is not a record")
        tables[table] = {key: record} if record is not None else {}
    try:
        snapshot = snapshot_of(migrate(tables, path), path)
    except UnusableFileError as error:
        raise ImportFileError(path, error.problem) from error
    for routine in snapshot.routines:
        if routine.kind != "custom":
            raise ImportFileError(
                path,
                f"its routine {routine.id!r} says it is one of lumbar's own ({routine.kind}); "
                "an export holds only routines you built",
            )
    return snapshot


@dataclass(frozen=True)
class MergeReport:
    """What an import added to the store."""

    sessions_added: int = 0
    sessions_completed: int = 0
    routines_added: int = 0
    settings: bool = False
    safety: bool = False
    roadmap: bool = False

    @property
    def changed(self) -> bool:
        """True when the import added or completed anything."""
        return any(astuple(self))


def _merge_into(tables: Tables, incoming: Snapshot) -> MergeReport:
    sessions = tables.setdefault("sessions", {})
    added = completed = 0
    for session in incoming.sessions:
        stored = sessions.get(session.id)
        if stored is None:
            added += 1
        elif stored.get("status", "partial") == "partial" and session.status == "complete":
            completed += 1  # (a stored session leaves out its status while it is the default)
        else:
            continue
        sessions[session.id] = to_stored(session)
    routines = tables.setdefault("routines", {})
    new_routines = [r for r in incoming.routines if r.id not in routines]
    routines.update((r.id, to_document(r)) for r in new_routines)
    singles: dict[str, Struct | None] = {
        "settings": incoming.settings,
        "safety": incoming.safety,
        "roadmap": incoming.roadmap,
    }
    taken = {name: bool(record and not tables.get(name)) for name, record in singles.items()}
    for name, record in singles.items():
        if record is not None and taken[name]:
            tables[name] = {SINGLE[name]: to_document(record)}
    return MergeReport(added, completed, len(new_routines), **taken)


def merge(store: Store, incoming: Snapshot) -> MergeReport:
    """Merge records into the store in one atomic write, idempotently; what was added.

    Sessions and custom routines are added by id; a stored session is kept unless it is
    partial and the incoming one complete. Settings, safety answers and roadmap state are
    taken only when the store has none.
    """
    report = MergeReport()

    def change(tables: Tables) -> bool:
        nonlocal report
        report = _merge_into(tables, incoming)
        return report.changed

    store.update(change)
    return report


def import_file(store: Store, path: Path) -> MergeReport:
    """Merge a JSON export into the store (all or nothing); what was added."""
    if path.suffix.lower() == ".csv":
        raise ImportFileError(path, "a CSV export holds only part of the data and cannot go back")
    return merge(store, read_export(path))


def describe(report: MergeReport, path: Path) -> str:
    """What an import did, in a sentence or two."""
    if not report.changed:
        return f"Nothing new in {path}: everything in it is already here."
    parts = [
        plural(report.sessions_added, "session"),
        plural(report.routines_added, "custom routine"),
    ]
    singles = (report.settings, report.safety, report.roadmap)
    parts += [name for name, taken in zip(_SINGLE_NAMES, singles, strict=True) if taken]
    text = f"Imported from {path}: {', '.join(parts)}."
    if report.sessions_completed:
        text += f" Completed {plural(report.sessions_completed, 'partial session')}."
    return text


LOOKED_AT = 65536
"""How much of a file is read to tell whether it is lumbar's (its first tables' names)."""


def recognisable(path: Path) -> bool:
    """True when ``path`` is a regular file that begins as a lumbar database does.

    A JSON object naming one of lumbar's tables near its start: a file cut short still is; a
    directory, a device, another program's JSON or a text file is not.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as file:
            head = file.read(LOOKED_AT)
    except OSError:
        return False
    tables = (*SINGLE, *KEYED)
    return head.lstrip().startswith(b"{") and any(f'"{t}"'.encode() in head for t in tables)


def move_aside(path: Path, now: datetime | None = None, confirmed: Path | None = None) -> Path:
    """Rename an unusable database to ``<name>.unusable-<YYYYmmddTHHMMSS>`` beside it.

    Returns the new path. A usable file, or nothing at ``path``, raises StoreError instead:
    this only ever moves a file lumbar cannot use, so that a fresh one can start. A file that
    does not look like lumbar's (``/etc/hosts`` given as ``--db``) is moved only when
    ``confirmed`` names the very same path.
    """
    path = normalize(path)
    if not os.path.lexists(path):
        raise StoreError(f"There is nothing at {path} to move aside.", path)
    if not recognisable(path) and (confirmed is None or normalize(confirmed) != path):
        raise StoreError(
            f"{path} does not look like a lumbar file, so lumbar left it where it is. If you "
            f"are sure it is yours to move aside, say so with its path: "
            f"`lumbar --db {path} db move-aside --confirm {path}`.",
            path,
        )
    with StoreLock(path):
        try:
            check_file(path)
        except UnusableFileError:
            stamp = (now or datetime.now()).strftime("%Y%m%dT%H%M%S")
            target = path.with_name(f"{path.name}.unusable-{stamp}")
            number = 2
            while os.path.lexists(target):
                target = path.with_name(f"{path.name}.unusable-{stamp}-{number}")
                number += 1
            try:
                os.rename(path, target)
            except OSError as error:
                raise StoreError(
                    f"lumbar could not rename {path} to {target} ({error.strerror}). "
                    "Rename or move it yourself, or open another file with --db PATH.",
                    path,
                ) from error
            return target
    raise StoreError(
        f"{path} is usable, so lumbar left it where it is (`lumbar db check` tells what it holds).",
        path,
    )
