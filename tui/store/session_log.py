"""The file's sessions, oldest first, each decoded only when it is read and never kept.

Ten years of daily sessions are 9 MB of JSON in the file but some 18 MB of decoded records
(66 small objects a session). The store leaves the documents in the file (:mod:`tui.store.on_disk`)
and hands the history over as a :class:`SessionLog`: walking it reads and decodes one session at
a time, so a replay of the whole history holds one session, not ten years. Its order is worked
out once per file state from each document's start alone (noted as the file is read, by a
decoder that skips every other field). Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import overload

import msgspec
from msgspec import Raw, Struct

from tui.model import Session, SessionHistory
from tui.store.on_disk import Document, OnDisk, noted

Decode = Callable[[str, Document], Session]
"""Decodes one session's document (its key names it in a message if it is damaged)."""


class _Start(Struct):
    """A session document's start, the only field its order needs."""

    started_at: datetime


_starts = msgspec.json.Decoder(_Start)
_ENCODER = msgspec.json.Encoder()


def started(document: Raw) -> datetime | None:
    """When the session in ``document`` started (``None`` if it cannot be told: the checks say why).

    It is the note kept of each session left on disk (:mod:`tui.store.on_disk`), taken the first
    time the log is put in order (perhaps before the sessions are checked), so putting it in
    order again reads nothing from the file.
    """
    try:
        return _starts.decode(document).started_at
    except (msgspec.DecodeError, RecursionError):
        return None


def _start_of(document: Document) -> datetime:
    """When the session in ``document`` started: noted once if it is on disk, else decoded."""
    if isinstance(document, OnDisk):
        start = noted(document, started)
        if isinstance(start, datetime):
            return start
        document = Raw(bytes(document))
    return _starts.decode(document).started_at


class SessionLog(SessionHistory):
    """Sessions oldest first, by start then id; each decoded as it is read (see the module)."""

    def __init__(self, documents: Sequence[tuple[str, Document]], decode: Decode) -> None:
        """Sessions from ``documents`` (key and raw JSON, already in order) and their decoder."""
        self._documents = documents
        self._decode = decode
        self._slices: dict[tuple[int, int, int], SessionLog] = {}

    @classmethod
    def of(cls, documents: dict[str, Document], decode: Decode) -> SessionLog:
        """The log of a table's documents, put in order by each one's start, then its id.

        The documents must have been checked: an unreadable start raises msgspec's error.
        """
        ordered = sorted(documents.items(), key=lambda item: (_start_of(item[1]), item[0]))
        return cls(tuple(ordered), decode)

    def __len__(self) -> int:
        """How many sessions the file holds."""
        return len(self._documents)

    @overload
    def __getitem__(self, index: int) -> Session: ...

    @overload
    def __getitem__(self, index: slice) -> SessionLog: ...

    def __getitem__(self, index: int | slice) -> Session | SessionLog:
        """One session, decoded now; or a slice of the log, still undecoded (the same each time)."""
        if isinstance(index, slice):
            # The same slice of the same log is the same object: what was worked out from it
            # (a replay of the sessions before an unfinished one) is found again.
            bounds = index.indices(len(self._documents))
            found = self._slices.get(bounds)
            if found is None:
                found = self._slices[bounds] = SessionLog(self._documents[index], self._decode)
            return found
        key, document = self._documents[index]
        return self._decode(key, document)

    def __iter__(self) -> Iterator[Session]:
        """Each session in turn, decoded as it is reached and not kept here."""
        decode = self._decode
        for key, document in self._documents:
            yield decode(key, document)

    def fingerprints(self, *counts: int) -> tuple[str, ...]:
        """A digest of the first ``count`` documents, for each count, in one read of them.

        Each document's key and bytes go into it, in the log's order: the same sessions stored
        alike give the same digest, whichever version of the file holds them and wherever.
        """
        import hashlib  # only for the progress screen: OpenSSL's library is 0.5 MB at the player

        digest = hashlib.sha1(usedforsecurity=False)
        found: dict[int, str] = {}
        done = 0
        for count in sorted(set(counts)):
            for key, document in self._documents[done:count]:
                digest.update(_ENCODER.encode(key))
                digest.update(bytes(document))
            found[count], done = digest.hexdigest(), count
        return tuple(found[count] for count in counts)

    def __repr__(self) -> str:
        """Its length, not its contents (they are decoded only when read)."""
        return f"<SessionLog of {len(self)} sessions>"
