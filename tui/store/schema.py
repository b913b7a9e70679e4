"""The file's layout: its tables and documents, its schema version and the migrations between.

A record becomes a JSON-ready document and back (ranges in their TOML form); a file declares its
schema version in its ``meta`` table, and an older one is brought up to date one step at a time.
Anything that does not fit raises :class:`~tui.store.storage.UnusableFileError`. Nothing here
imports Textual.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import msgspec
from msgspec import Struct

from tui.model import (
    SCHEMA_VERSION,
    ExerciseResult,
    RoadmapState,
    Routine,
    SafetyCheck,
    Session,
    Settings,
    decode_hook,
    encode_toml_range,
    visible_data,
)
from tui.store.storage import NewerSchemaError, Tables, UnusableFileError

SINGLE = {"meta": "schema", "settings": "current", "safety": "latest", "roadmap": "state"}
"""Tables that hold one record, and the document id it is kept under."""

KEYED = ("sessions", "routines")
"""Tables that hold records by their own id."""

KINDS: dict[str, type[Struct]] = {
    "sessions": Session,
    "routines": Routine,
    "settings": Settings,
    "safety": SafetyCheck,
    "roadmap": RoadmapState,
}
"""The record type of every table but ``meta``, in the order a check decodes them."""

Migration = Callable[[Tables], Tables]
"""Turns the tables of schema version N into those of version N + 1."""


def _without_defaults(tables: Tables) -> Tables:
    """1 to 2: every session stored again without the fields that hold their default value."""
    sessions = tables.get("sessions", {})
    for key, document in sessions.items():
        # A damaged one is left as it is, for the check after the migrations to name it.
        with contextlib.suppress(msgspec.ValidationError):
            sessions[key] = to_stored(from_document(visible_data(document), Session))
    return tables


MIGRATIONS: dict[int, Migration] = {1: _without_defaults}
"""Migration from each schema version N to N + 1."""

R = TypeVar("R", bound=Struct)


def to_document(record: Struct) -> dict[str, Any]:
    """A record as a JSON-ready document (datetimes as ISO 8601 with their offset)."""
    document: dict[str, Any] = msgspec.to_builtins(record, enc_hook=encode_toml_range)
    return document


def to_stored(record: Struct) -> dict[str, Any]:
    """A record as the data file keeps it: :func:`to_document`, sessions made smaller.

    A session leaves out the fields (at any depth) that hold their default value, which they
    decode back to: a third of ten years' file (see ``tests/unit/test_record_defaults.py``).
    """
    if not isinstance(record, Session):
        return to_document(record)
    document: dict[str, Any] = msgspec.to_builtins(_compact(record), enc_hook=encode_toml_range)
    return document


@functools.cache
def _defaults(kind: type[Struct]) -> tuple[tuple[str, object], ...]:
    """Each field of a struct type, in order: its name in JSON and its default (or none)."""
    found = []
    for field in msgspec.structs.fields(kind):  # slow (it reads the annotations): once a type
        default = field.default
        if field.default_factory is not msgspec.NODEFAULT:
            default = field.default_factory()
        found.append((field.encode_name, default))
    return tuple(found)


_NESTED = (Struct, tuple, list)
_NO_DEFAULT = msgspec.NODEFAULT


def _compact(value: Any) -> Any:
    """``value`` with every struct in it as a dict of its fields that differ from their default.

    It runs at every save (some 170 fields a session), so it is kept lean: the fields' values
    are taken at once (``astuple``), plain values are not called into, and an exercise's result
    already made compact (saved after the exercise before) is not made again.
    """
    if isinstance(value, Struct):
        if type(value) is ExerciseResult:
            return _compact_result(value)
        return _kept_fields(value)
    if isinstance(value, tuple | list):
        return [_compact(item) if isinstance(item, _NESTED) else item for item in value]
    return value


def _kept_fields(value: Struct) -> dict[str, Any]:
    """A struct's fields that differ from their default, by their JSON names, made compact."""
    return {
        encoded: _compact(item) if isinstance(item, _NESTED) else item
        for (encoded, default), item in zip(
            _defaults(type(value)), msgspec.structs.astuple(value), strict=True
        )
        if default is _NO_DEFAULT or item != default
    }


_RESULTS: dict[int, tuple[ExerciseResult, dict[str, Any]]] = {}
"""Results made compact lately, by identity (each kept, so its id is not reused meanwhile)."""

KEPT_RESULTS = 64
"""How many: more than a routine's exercises, the most a session saves again and again."""


def _compact_result(result: ExerciseResult) -> dict[str, Any]:
    """An exercise's result made compact, once for each result saved again and again."""
    found = _RESULTS.get(id(result))
    if found is not None and found[0] is result:
        return found[1]
    compact = _kept_fields(result)
    if len(_RESULTS) >= KEPT_RESULTS:
        _RESULTS.clear()
    _RESULTS[id(result)] = (result, compact)
    return compact


def from_document(document: Mapping[str, Any], kind: type[R]) -> R:
    """A document back as a record of ``kind``; msgspec.ValidationError if it does not fit."""
    return msgspec.convert(dict(document), kind, dec_hook=decode_hook)


def decode_record(
    document: Mapping[str, Any], kind: type[R], path: Path, table: str, key: str
) -> R:
    """Decode one stored document; UnusableFileError names the file, table and record if bad."""
    try:
        record = from_document(visible_data(document), kind)  # nothing obeyed
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
