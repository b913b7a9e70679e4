"""The data file's bytes as tables of documents and back (msgspec JSON), or a clear refusal.

Reading decodes straight into the shape TinyDB expects (tables of documents), so a file of any
other shape is refused at once; documents may also be kept as raw JSON (:data:`RawTables`),
decoded only when read.
"""

from __future__ import annotations

import mmap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from tui.store.errors import UnusableFileError
from tui.store.on_disk import Document, OnDisk

Tables = dict[str, dict[str, dict[str, Any]]]
"""The whole database as TinyDB sees it: table name -> document id -> document."""

RawTables = dict[str, dict[str, Document]]
"""The whole database with every document still as JSON (decoded only when read): in memory,
or left in the file to be read when wanted (:mod:`tui.store.on_disk`)."""

FileBytes = bytes | bytearray | mmap.mmap
"""A file's bytes as read (a large file in memory of its own: ``files.read_apart``)."""

InMemory = dict[str, dict[str, msgspec.Raw]]
"""A file's tables just read: every document as its JSON, pieces of the file's bytes."""

_RAW_DECODER = msgspec.json.Decoder(InMemory)
_BRACE = ord("{")
_ENCODER = msgspec.json.Encoder()

TOO_DEEP = "it is nested too deeply to be a lumbar file (lists or tables inside each other)"
"""Why a file of JSON nested thousands deep is refused (decoding it would overflow)."""


def decode_tables(raw: FileBytes, path: Path) -> Tables:
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


def split_tables(raw: FileBytes, path: Path) -> InMemory:
    """Split a file's bytes into its documents, each kept as JSON; refused as by ``decode_tables``.

    Only the outline is decoded: tables of documents, each document a JSON object (its syntax
    checked, its fields not). Any fault is reported by ``decode_tables``, in its words.
    """
    try:
        tables = _RAW_DECODER.decode(raw) if raw else None
    except (msgspec.DecodeError, RecursionError):  # ValidationError is a DecodeError too
        tables = None
    if tables is None or any(
        memoryview(document)[0] != _BRACE
        for documents in tables.values()
        for document in documents.values()
    ):
        decode_tables(raw, path)  # raises, saying what is wrong
        raise UnusableFileError(path, "it is not a lumbar database")  # pragma: no cover
    return tables


def _check_syntax(raw: FileBytes, path: Path) -> None:
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
        name: {
            key: msgspec.json.decode(bytes(document) if isinstance(document, OnDisk) else document)
            for key, document in documents.items()
        }
        for name, documents in tables.items()
    }


def encode_tables(tables: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> bytes:
    """The bytes of a database file: compact JSON (it is rewritten whole on every save)."""
    return msgspec.json.encode(tables) + b"\n"


def encode_document(document: Mapping[str, Any]) -> msgspec.Raw:
    """One document as the JSON bytes it is kept as in ``RawTables``."""
    return msgspec.Raw(_ENCODER.encode(document))
