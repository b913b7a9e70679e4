"""The data file's records, decoded from their JSON: the few kept, the many decoded as read.

The storage keeps each document as raw JSON (:data:`tui.store.storage.RawTables`), the sessions'
left in the file until read (:mod:`tui.store.on_disk`). The settings,
the safety answers, the roadmap and the user's routines are read often and are few:
:meth:`Records.get` decodes one the first time its bytes are seen and hands back the same
(immutable) record after that. The sessions are many (ten years of them decode to some 18 MB):
:meth:`Records.decode` decodes one each time it is read and keeps nothing, so they are in
memory only while something walks them (:mod:`tui.store.session_log`). Nothing here imports
Textual.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import msgspec
from msgspec import Struct

from tui.model import decode_hook, visible_json
from tui.store.on_disk import Document
from tui.store.storage import RawTables, UnusableFileError

R = TypeVar("R", bound=Struct)


class Records:
    """Typed records decoded from raw documents, remembered by table and id with their bytes."""

    def __init__(self, path: Path) -> None:
        """Records of the file at ``path`` (named in the message when one is damaged)."""
        self.path = path
        self._known: dict[tuple[str, str], tuple[Document, Struct]] = {}
        self._decoders: dict[type[Any], msgspec.json.Decoder[Any]] = {}

    def get(self, table: str, key: str, document: Document, kind: type[R]) -> R:
        """The record ``document`` holds: decoded once, then remembered while its bytes stay.

        Raises UnusableFileError naming the file, the table and the record if it is damaged.
        """
        known = self._known.get((table, key))
        if known is not None and (known[0] is document or known[0] == document):
            record = known[1]
            if isinstance(record, kind):
                return record
        record = self.decode(table, key, document, kind)
        self._known[(table, key)] = (document, record)
        return record

    def keep_only(self, tables: RawTables) -> None:
        """Forget the records that are no longer in the file."""
        self._known = {
            place: known
            for place, known in self._known.items()
            if place[1] in tables.get(place[0], {})
        }

    def decode(self, table: str, key: str, document: Document, kind: type[R]) -> R:
        """The record ``document`` holds, decoded now and not remembered (the sessions').

        Raises UnusableFileError naming the file, the table and the record if it is damaged.
        """
        decoder = self._decoders.get(kind)
        if decoder is None:
            decoder = self._decoders[kind] = msgspec.json.Decoder(kind, dec_hook=decode_hook)
        try:
            record: R = decoder.decode(visible_json(bytes(document)))  # nothing obeyed
        except (msgspec.DecodeError, RecursionError) as error:
            raise UnusableFileError(
                self.path, f"the record {key!r} in table {table!r} is damaged ({error})"
            ) from error
        if getattr(record, "id", key) != key:
            raise UnusableFileError(
                self.path, f"the record {key!r} in table {table!r} has another id"
            )
        return record
