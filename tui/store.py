"""The progress store: the user's sessions, custom routines and settings in one TinyDB file.

``Store.open(path)`` checks the whole file (and upgrades an older schema) before anything else
happens; every write is one read-modify-write of the file under the inter-process lock, written
atomically by :mod:`tui.storage`. Reads go through TinyDB's tables; writes go through the same
storage but change the tables in one step (``Store.update``), because TinyDB's own table
operations each read and write the file separately, and an import must land all at once. A file
that cannot be used raises :class:`~tui.storage.StoreError` and is never written. Nothing here
imports Textual.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import platformdirs
from msgspec import Struct
from tinydb import TinyDB
from tinydb.table import Table

from tui.model import Range, Routine, decode_hook
from tui.records import SCHEMA_VERSION, RoadmapState, SafetyCheck, Session, Settings
from tui.storage import (
    AtomicStorage,
    Tables,
    normalize,
    read_tables,
    stale_temp_files,
    write_atomic,
)
from tui.storage import NewerSchemaError as NewerSchemaError
from tui.storage import StoreError as StoreError
from tui.storage import UnusableFileError as UnusableFileError

ENV_VAR = "LUMBAR_DB"
"""The environment variable that names the database file (``--db`` beats it)."""

SINGLE = {"meta": "schema", "settings": "current", "safety": "latest", "roadmap": "state"}
"""Tables that hold one record, and the document id it is kept under."""

KEYED = ("sessions", "routines")
"""Tables that hold records by their own id."""

Migration = Callable[[Tables], Tables]
"""Turns the tables of schema version N into those of version N + 1."""

MIGRATIONS: dict[int, Migration] = {}
"""Migration from each schema version N to N + 1; there are none yet (version 1 is the first)."""

R = TypeVar("R", bound=Struct)


def default_db_path() -> Path:
    """Where the database lives unless told otherwise: the user's data directory."""
    return platformdirs.user_data_path("lumbar") / "lumbar.json"


def resolve_db_path(cli_value: str | Path | None, environ: Mapping[str, str]) -> Path:
    """The database path: ``--db PATH`` beats ``LUMBAR_DB``, which beats the default."""
    chosen = cli_value or environ.get(ENV_VAR) or None
    return Path(chosen).expanduser() if chosen else default_db_path()


def _encode_range(value: Any) -> Any:
    """Write a range as TOML does (a number or ``[low, high]``), the form ``decode_hook`` reads."""
    if isinstance(value, Range):
        return [value.low, value.high] if value.is_range else value.low
    raise NotImplementedError(f"no encoder for {type(value)!r}")


def to_document(record: Struct) -> dict[str, Any]:
    """A record as a JSON-ready document (datetimes as ISO 8601 with their offset)."""
    document: dict[str, Any] = msgspec.to_builtins(record, enc_hook=_encode_range)
    return document


def from_document(document: Mapping[str, Any], kind: type[R]) -> R:
    """A document back as a record of ``kind``; msgspec.ValidationError if it does not fit."""
    return msgspec.convert(dict(document), kind, dec_hook=decode_hook)


def decode_record(
    document: Mapping[str, Any], kind: type[R], path: Path, table: str, key: str
) -> R:
    """Decode one stored document; UnusableFileError names the file, table and record if bad."""
    try:
        record = from_document(document, kind)
    except msgspec.ValidationError as error:
        raise UnusableFileError(
            path, f"the record {key!r} in table {table!r} is damaged ({error})"
        ) from error
    if getattr(record, "id", key) != key:
        raise UnusableFileError(path, f"the record {key!r} in table {table!r} has another id")
    return record


def schema_version(tables: Tables, path: Path) -> int | None:
    """The schema version a file declares; ``None`` for an empty file with no tables at all."""
    meta = tables.get("meta")
    if meta is None:
        _refuse_foreign(tables, path)
        if any(tables.values()):
            raise UnusableFileError(path, "it holds records but no schema version (no meta table)")
        return None
    version = meta.get(SINGLE["meta"], {}).get("version")
    if set(meta) != {SINGLE["meta"]} or not isinstance(version, int) or isinstance(version, bool):
        raise UnusableFileError(path, "its schema version (the meta table) is missing or damaged")
    return version


def _refuse_foreign(tables: Tables, path: Path) -> None:
    foreign = sorted(set(tables) - set(SINGLE) - set(KEYED))
    if foreign:
        raise UnusableFileError(
            path, f"it has tables lumbar does not know ({', '.join(foreign)}), so it is not ours"
        )


def check_current(tables: Tables, path: Path) -> None:
    """Refuse foreign tables and any schema version but this lumbar's (a cheap check)."""
    _refuse_foreign(tables, path)
    version = schema_version(tables, path)
    if version is not None and version > SCHEMA_VERSION:
        raise NewerSchemaError(
            path,
            f"it was written by a newer lumbar (schema version {version}; this lumbar knows "
            f"up to {SCHEMA_VERSION})",
            "Upgrade lumbar to use it, or open another file with --db PATH.",
        )
    if version is not None and version < SCHEMA_VERSION:
        raise UnusableFileError(
            path,
            f"it was changed to an older schema (version {version}) while lumbar was running",
            "Close lumbar and start it again to upgrade the file.",
        )


def migrate(tables: Tables, path: Path) -> Tables:
    """Bring tables of any older schema version up to this one, one MIGRATIONS step at a time."""
    version = schema_version(tables, path)
    if version is None or version == SCHEMA_VERSION:
        return tables
    if version > SCHEMA_VERSION:
        check_current(tables, path)
    for step in range(version, SCHEMA_VERSION):
        migration = MIGRATIONS.get(step)
        if migration is None:
            raise UnusableFileError(
                path, f"its schema version {version} is too old: lumbar cannot upgrade it"
            )
        try:
            tables = migration(tables)
        except (KeyError, TypeError, ValueError) as error:
            raise UnusableFileError(
                path, f"upgrading it from schema version {step} failed ({error!r})"
            ) from error
        tables["meta"] = {SINGLE["meta"]: {"version": step + 1}}
    return tables


class Snapshot(Struct, kw_only=True, frozen=True):
    """Everything a store holds, as records: what export writes and import merges."""

    sessions: tuple[Session, ...] = ()
    routines: tuple[Routine, ...] = ()
    settings: Settings | None = None
    safety: SafetyCheck | None = None
    roadmap: RoadmapState | None = None


def _sorted_sessions(sessions: list[Session]) -> list[Session]:
    return sorted(sessions, key=lambda session: (session.started_at, session.id))


def snapshot_of(tables: Tables, path: Path) -> Snapshot:
    """Decode every record of current-schema tables; UnusableFileError names any that do not fit."""
    check_current(tables, path)

    def decode(table: str, key: str, kind: type[R]) -> R:
        return decode_record(tables[table][key], kind, path, table, key)

    for table, key in SINGLE.items():
        extra = sorted(set(tables.get(table, {})) - {key})
        if extra:
            raise UnusableFileError(path, f"table {table!r} has unknown records {extra}")

    def single(table: str, kind: type[R]) -> R | None:
        return (
            decode(table, SINGLE[table], kind) if SINGLE[table] in tables.get(table, {}) else None
        )

    sessions = [decode("sessions", key, Session) for key in tables.get("sessions", {})]
    return Snapshot(
        sessions=tuple(_sorted_sessions(sessions)),
        routines=tuple(decode("routines", key, Routine) for key in tables.get("routines", {})),
        settings=single("settings", Settings),
        safety=single("safety", SafetyCheck),
        roadmap=single("roadmap", RoadmapState),
    )


def check_file(path: Path) -> Snapshot | None:
    """Check a file without changing it: ``None`` if nothing is there, else what it holds.

    An older schema is upgraded in memory only; UnusableFileError says what is wrong.
    """
    tables = read_tables(path)
    return None if tables is None else snapshot_of(migrate(tables, path), path)


class _StrIdTable(Table):
    """A TinyDB table whose document ids are the records' own string ids."""

    # TinyDB documents this extension point; its type hints only allow int ids.
    document_id_class = str  # type: ignore[assignment]


class _Database(TinyDB):
    """TinyDB with string document ids."""

    table_class = _StrIdTable


class Store:
    """The user's progress, in one TinyDB file; build it with :meth:`Store.open`."""

    def __init__(self, path: Path) -> None:
        """Wrap the file at ``path`` without reading it (use ``Store.open`` to check it first)."""
        self.path = path
        self._storage = AtomicStorage(path, check=lambda tables: check_current(tables, path))
        self._db = _Database(storage=lambda: self._storage)
        self._swept = False

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (and check, and if older upgrade) the database at ``path``.

        Nothing at ``path`` is fine: the file and its folders are created on the first write.
        Anything there that cannot be used raises StoreError and is left untouched.
        """
        store = cls(normalize(path))
        tables = store._storage.load()
        if tables is None:
            return store
        version = schema_version(tables, store.path)
        if version is not None and version < SCHEMA_VERSION:
            store._upgrade()
        else:
            snapshot_of(tables, store.path)
        return store

    def _upgrade(self) -> None:
        """Migrate an older file under the lock, keeping a copy of the original beside it."""
        with self._storage.lock:
            tables = read_tables(self.path)
            if tables is None:
                return
            original = self.path.read_bytes()
            version = schema_version(tables, self.path)
            tables = migrate(tables, self.path)
            snapshot_of(tables, self.path)
            stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
            write_atomic(
                self.path.with_name(f"{self.path.name}.schema-{version}-{stamp}"), original
            )
            self._storage.write(tables)

    # --- reads -----------------------------------------------------------------------------

    def _all(self, table: str, kind: type[R]) -> list[R]:
        documents = self._db.table(table).all()
        return [decode_record(doc, kind, self.path, table, str(doc.doc_id)) for doc in documents]

    def _one(self, table: str, key: str, kind: type[R]) -> R | None:
        document = self._db.table(table).get(doc_id=key)  # type: ignore[call-overload]
        if document is None or isinstance(document, list):
            return None
        return decode_record(document, kind, self.path, table, key)

    def sessions(self) -> list[Session]:
        """Every session, oldest first."""
        return _sorted_sessions(self._all("sessions", Session))

    def session(self, session_id: str) -> Session | None:
        """The session with this id, or ``None``."""
        return self._one("sessions", session_id, Session)

    def routines(self) -> list[Routine]:
        """The user's custom routines, by name."""
        return sorted(
            self._all("routines", Routine), key=lambda routine: (routine.name, routine.id)
        )

    def routine(self, routine_id: str) -> Routine | None:
        """The custom routine with this id, or ``None``."""
        return self._one("routines", routine_id, Routine)

    def settings(self) -> Settings:
        """The user's settings (the defaults until some are saved)."""
        return self._one("settings", SINGLE["settings"], Settings) or Settings()

    def safety(self) -> SafetyCheck | None:
        """The latest answers to the red-flag questions, or ``None`` if never asked."""
        return self._one("safety", SINGLE["safety"], SafetyCheck)

    def roadmap_state(self) -> RoadmapState:
        """The user's roadmap choices (an empty state until some are saved)."""
        return self._one("roadmap", SINGLE["roadmap"], RoadmapState) or RoadmapState()

    def snapshot(self) -> Snapshot:
        """Everything in the store, decoded and checked, in one read."""
        tables = self._storage.read()
        return Snapshot() if tables is None else snapshot_of(tables, self.path)

    # --- writes ----------------------------------------------------------------------------

    def update(self, change: Callable[[Tables], bool]) -> None:
        """One read-modify-write of the raw tables under the lock, written at once or not at all.

        ``change`` edits the tables in place and returns True if they must be written. The file
        is checked in full first, so a damaged one is never rewritten. For changes that must
        land together (an import); everyday saves use the typed methods.
        """
        with self._storage.lock:
            if not self._swept:
                # Under the lock no one else is writing, so any temp file is a dead writer's.
                for leftover in stale_temp_files(self.path):
                    with contextlib.suppress(OSError):
                        leftover.unlink()
                self._swept = True
            tables = self._storage.read() or {}
            snapshot_of(tables, self.path)  # never rewrite a file holding a damaged record
            if change(tables):
                tables["meta"] = {SINGLE["meta"]: {"version": SCHEMA_VERSION}}
                self._storage.write(tables)

    def _put(self, table: str, key: str, record: Struct) -> None:
        document = to_document(record)

        def put(tables: Tables) -> bool:
            tables.setdefault(table, {})[key] = document
            return True

        self.update(put)

    def save_session(self, session: Session) -> None:
        """Insert or replace the session with this id (saved after each exercise and at the end)."""
        self._put("sessions", session.id, session)

    def save_routine(self, routine: Routine) -> None:
        """Insert or replace a custom routine (its kind must be ``custom``)."""
        if routine.kind != "custom":
            raise ValueError(f"only custom routines are stored, not {routine.kind!r} ones")
        self._put("routines", routine.id, routine)

    def delete_routine(self, routine_id: str) -> bool:
        """Delete a custom routine; True if there was one with this id."""
        found = False

        def delete(tables: Tables) -> bool:
            nonlocal found
            found = tables.get("routines", {}).pop(routine_id, None) is not None
            return found

        self.update(delete)
        return found

    def save_settings(self, settings: Settings) -> None:
        """Replace the user's settings."""
        self._put("settings", SINGLE["settings"], settings)

    def save_safety(self, check: SafetyCheck) -> None:
        """Keep these answers to the red-flag questions as the latest."""
        self._put("safety", SINGLE["safety"], check)

    def save_roadmap_state(self, state: RoadmapState) -> None:
        """Replace the user's roadmap choices."""
        self._put("roadmap", SINGLE["roadmap"], state)
