"""The progress store: the user's sessions, custom routines and settings in one TinyDB file.

``Store.open(path)`` checks the whole file (and upgrades an older schema) before anything else
happens; every write is one read-modify-write of the file under the inter-process lock, written
atomically by :mod:`tui.store.storage`. The file is TinyDB's (tables of documents by id) and its
storage is a TinyDB storage, but the store reads and writes the documents itself: TinyDB's
tables decode the whole file on every read and re-encode it on every write, which with years
of history costs far more than the write. Here a save puts one encoded document among the raw
others (``Store.save_session``); the few settings-like records are decoded once and kept
(:mod:`tui.store.documents`), and the sessions are handed over as a log that decodes each one as
it is read (:mod:`tui.store.session_log`), so years of them are never all in memory at once;
changes that must land together (an import) use ``Store.update`` on decoded tables. A file
that cannot be used raises :class:`~tui.store.storage.StoreError` and is never written. Nothing here
imports Textual.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import msgspec
from msgspec import Struct

from tui.model import SCHEMA_VERSION, RoadmapState, Routine, SafetyCheck, Session, Settings
from tui.store.documents import Records
from tui.store.on_disk import Document
from tui.store.paths import normalize
from tui.store.schema import KEYED as KEYED
from tui.store.schema import KINDS as KINDS
from tui.store.schema import SINGLE as SINGLE
from tui.store.schema import check_current as check_current
from tui.store.schema import decode_record as decode_record
from tui.store.schema import from_document as from_document
from tui.store.schema import migrate as migrate
from tui.store.schema import schema_version as schema_version
from tui.store.schema import to_document as to_document
from tui.store.schema import to_stored as to_stored
from tui.store.session_log import SessionLog, started
from tui.store.storage import (
    OUTLINE,
    AtomicStorage,
    FileState,
    RawTables,
    Tables,
    decode_raw,
    encode_document,
    read_tables,
    stale_temp_files,
    write_atomic,
)
from tui.store.storage import NewerSchemaError as NewerSchemaError
from tui.store.storage import StoreError as StoreError
from tui.store.storage import UnusableFileError as UnusableFileError

R = TypeVar("R", bound=Struct)


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


_EMPTY: dict[str, Any] = {}


def outline(tables: RawTables) -> Tables:
    """Raw tables with every document left empty but the schema's: enough for ``check_current``."""
    shape: Tables = {name: {key: _EMPTY for key in docs} for name, docs in tables.items()}
    if "meta" in tables:
        meta = tables["meta"].items()
        shape["meta"] = {key: msgspec.json.decode(bytes(doc)) for key, doc in meta}
    return shape


EVERY_TABLE = frozenset(KINDS)
"""Every table of records: all are checked before any write."""

META = encode_document({"version": SCHEMA_VERSION})
"""The schema document every write stores."""


class Store:
    """The user's progress, in one TinyDB file; build it with :meth:`Store.open`."""

    def __init__(self, path: Path) -> None:
        """Wrap the file at ``path`` without reading it (use ``Store.open`` to check it first)."""
        self.path = path
        self._storage = AtomicStorage(
            path,
            check=lambda tables: check_current(tables, path),
            on_disk={"sessions": started},  # years of them: read from the file when wanted
        )
        self._records = Records(path)
        self._swept = False
        self._checking = threading.Lock()
        self._logging = threading.Lock()
        self._known_log: tuple[dict[str, Document], SessionLog] | None = None
        self.after_write: Callable[[], None] | None = None
        """Called after each write of the file (the status files' writer); it must not raise."""

    @classmethod
    def open(cls, path: str | Path, *, check_sessions: bool = True) -> Store:
        """Open (and check, and if older upgrade) the database at ``path``.

        Nothing at ``path`` is fine: the file and its folders are created on the first write.
        Anything there that cannot be used raises StoreError and is left untouched. With
        ``check_sessions=False`` the sessions (years of them, perhaps) are checked when they
        are first read, by :meth:`check`, or before any write, rather than now: the app opens
        its first screen without waiting for them, then checks them.
        """
        store = cls(normalize(path))
        state = store._storage.current()
        if state is None:
            return store
        version = schema_version(outline(state.tables), store.path)
        if version is not None and version < SCHEMA_VERSION:
            store._upgrade()
        else:
            store._checked(state, EVERY_TABLE if check_sessions else EVERY_TABLE - {"sessions"})
        return store

    def check(self) -> None:
        """Check every record in the file now; UnusableFileError names any that is damaged."""
        self._current()

    def _checked(self, state: FileState, tables: frozenset[str] = EVERY_TABLE) -> FileState:
        """``state``, once every record of ``tables`` in it is known good.

        The file's outline (its tables, ids and schema) is checked the first time; then each
        table named the first time. UnusableFileError names anything damaged.
        """
        wanted = tables | {OUTLINE}
        if wanted <= state.checked:
            return state
        documents = state.tables
        if OUTLINE not in state.checked:
            check_current(outline(documents), self.path)
            for table, key in SINGLE.items():
                extra = sorted(set(documents.get(table, {})) - {key})
                if extra:
                    raise UnusableFileError(
                        self.path, f"table {table!r} has unknown records {extra}"
                    )
            self._records.keep_only(documents)
        for table in sorted(wanted - state.checked - {OUTLINE}):
            kind = KINDS[table]
            read = self._records.decode if table == "sessions" else self._records.get
            for key, document in documents.get(table, {}).items():
                read(table, key, document, kind)  # the sessions decoded, checked and let go
        checked = dataclasses.replace(state, checked=state.checked | wanted)
        self._storage.remember(checked)
        return checked

    def _current(self, tables: frozenset[str] = EVERY_TABLE) -> RawTables:
        """The file's raw documents as they are now, ``tables`` checked (empty if no file).

        One thread checks at a time: two workers reading years of sessions at start (the
        app's check and the select screen's plans) would otherwise each decode them all.
        """
        state = self._storage.current()
        if state is None:
            return {}
        if tables | {OUTLINE} <= state.checked:
            return state.tables
        with self._checking:
            state = self._storage.current()
            return {} if state is None else self._checked(state, tables).tables

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

    def _all(self, table: str, kind: type[R], tables: RawTables | None = None) -> list[R]:
        if tables is None:
            tables = self._current(frozenset({table}))
        documents = tables.get(table, {})
        return [self._records.get(table, key, doc, kind) for key, doc in documents.items()]

    def _one(
        self, table: str, key: str, kind: type[R], tables: RawTables | None = None
    ) -> R | None:
        if tables is None:
            tables = self._current(frozenset({table}))
        document = tables.get(table, {}).get(key)
        return None if document is None else self._records.get(table, key, document, kind)

    def sessions(self) -> SessionLog:
        """Every session, oldest first, each decoded as it is read (the same log until a write)."""
        return self._log(self._current(frozenset({"sessions"})))

    def _log(self, tables: RawTables) -> SessionLog:
        """The log of these tables' sessions: one object for one version of the file.

        Made under a lock: two threads asking at once (the start-up's check and the select
        screen's plans) would each make one, and what was worked out from the one (the dose
        replay) would not be found again from the other (Enter replayed ten years).
        """
        documents = tables.get("sessions", {})
        known = self._known_log
        if known is not None and known[0] is documents:
            return known[1]
        with self._logging:
            known = self._known_log
            if known is not None and known[0] is documents:
                return known[1]
            log = SessionLog.of(documents, self._decode_session)
            self._known_log = (documents, log)
            return log

    def _decode_session(self, key: str, document: Document) -> Session:
        return self._records.decode("sessions", key, document, Session)

    def session(self, session_id: str) -> Session | None:
        """The session with this id, or ``None``."""
        document = self._current(frozenset({"sessions"})).get("sessions", {}).get(session_id)
        return None if document is None else self._decode_session(session_id, document)

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
        tables = self._current()

        def single(table: str, kind: type[R]) -> R | None:
            return self._one(table, SINGLE[table], kind, tables)

        return Snapshot(
            sessions=tuple(self._log(tables)),
            routines=tuple(self._all("routines", Routine, tables)),
            settings=single("settings", Settings),
            safety=single("safety", SafetyCheck),
            roadmap=single("roadmap", RoadmapState),
        )

    # --- writes ----------------------------------------------------------------------------

    def update(self, change: Callable[[Tables], bool]) -> None:
        """One read-modify-write of the raw tables under the lock, written at once or not at all.

        ``change`` edits the tables in place and returns True if they must be written. The file
        is checked in full first, so a damaged one is never rewritten. For changes that must
        land together (an import); everyday saves use the typed methods.
        """
        with self._storage.lock:
            self._sweep()
            state = self._storage.current()
            if state is not None:
                self._checked(state)  # never rewrite a file holding a damaged record
            # Decoded afresh: ``change`` may edit them half way and then fail.
            tables = {} if state is None else decode_raw(state.tables)
            written = change(tables)
            if written:
                tables["meta"] = {SINGLE["meta"]: {"version": SCHEMA_VERSION}}
                self._storage.write(tables)
        if written:
            self._written()

    def _sweep(self) -> None:
        """Once, under the lock: remove temp files a killed writer left (no one else writes)."""
        if not self._swept:
            for leftover in stale_temp_files(self.path):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            self._swept = True

    def _put(self, table: str, key: str, record: Struct) -> None:
        """Insert or replace one record: its document encoded, the others written as they are."""
        document = encode_document(to_stored(record))
        with self._storage.lock:
            self._sweep()
            current = self._current()  # checked: a damaged file is never rewritten
            tables = {**current, table: {**current.get(table, {}), key: document}}
            tables["meta"] = {SINGLE["meta"]: META}
            self._storage.write_raw(tables, checked=EVERY_TABLE | {OUTLINE})
        self._written()

    def _written(self) -> None:
        """Tell ``after_write`` the file was written (outside the lock: it reads the file)."""
        if self.after_write is not None:
            self.after_write()

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
