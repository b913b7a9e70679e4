"""Documents left in the file: the sessions are read from disk when wanted, not kept in memory.

Ten years of daily sessions are 9 MB of JSON. Kept in memory as the file's bytes, they were most
of what lumbar's memory grew by with a long history. Instead, once the file has been read and
split into documents, each session is remembered by where it lies in the file (:class:`OnDisk`:
an offset and a length, in a :class:`Source`, the file held open) and read back, a few kB at a
time, when something walks the history. The bytes read are the very bytes the file held: a
reader never sees a later version, because every write replaces the file by a rename and the
source keeps the old one open for as long as a document of it is wanted. A source is closed by
the last document that lets go of it, never while one may still read it (a closed descriptor's
number could be reused by another file). This leans on POSIX renames (a file open for reading
may be replaced; Windows refuses that). Nothing here imports Textual.
"""

from __future__ import annotations

import mmap
import os
import threading
from collections.abc import Callable, Iterator
from typing import BinaryIO

import msgspec
from msgspec import Raw

Note = Callable[[Raw], object]
"""What to remember of each document left on disk (the sessions': their start), from its JSON."""

SPAN = 96 << 10
"""The most bytes read at once when a stretch of the file is copied: a buffer the C library
serves from its heap and uses again, so a save leaves no large block behind in the process."""

_pread = getattr(os, "pread", None)
_ENCODER = msgspec.json.Encoder()


class Source:
    """One version of the data file, held open so that its documents can be read back."""

    def __init__(self, file: BinaryIO) -> None:
        """Read from ``file`` (opened for reading; closed when this source is let go of)."""
        self.file = file
        self.descriptor = file.fileno()
        self.laid_out: frozenset[str] = frozenset()
        """The tables whose documents lie one after the other, each after its ``,"id":``."""
        self._lock = threading.Lock()

    def read(self, offset: int, length: int) -> bytes:
        """The ``length`` bytes at ``offset`` (safe from any thread: a positioned read)."""
        if _pread is not None:
            data: bytes = _pread(self.descriptor, length, offset)
        else:  # pragma: no cover - Windows has no pread
            with self._lock:
                self.file.seek(offset)
                data = self.file.read(length)
        if len(data) != length:
            raise OSError(f"the data file ended early ({len(data)} of {length} bytes read)")
        return data

    def __del__(self) -> None:
        """Close the file once nothing can read from it any more."""
        self.file.close()


class OnDisk(msgspec.Struct, gc=False):
    """A document still in the file: where it lies, and a note of it (``None`` until taken).

    A struct (made in C): a save of ten years makes some 3,650 of them.
    """

    source: Source
    offset: int
    length: int
    note: object = None

    def __bytes__(self) -> bytes:
        """The document's JSON, read from the file now."""
        return self.source.read(self.offset, self.length)

    def __repr__(self) -> str:
        """Where it lies, not what it holds."""
        return f"<OnDisk {self.length} bytes at {self.offset}>"


Document = Raw | OnDisk
"""A document of the file: its JSON in memory, or where to read it."""


def copy_span(source: Source, start: int, end: int) -> Iterator[bytes]:
    """The bytes of ``source`` from ``start`` to ``end``, a piece at a time."""
    while start < end:
        size = min(SPAN, end - start)
        yield source.read(start, size)
        start += size


def leave_on_disk(data: bytes | mmap.mmap, documents: dict[str, Raw], source: Source) -> Laid:
    """``documents`` (decoded from ``data``, the file's bytes, in file order) left on disk.

    Each document is looked for where lumbar would have put it, just after the one before and
    its ``,"id":``, then anywhere (a file laid out by another hand, or holding an id twice):
    each is a piece of ``data``, so it is found, and wherever it is found its bytes are its own.
    Also says whether every one was where lumbar puts it. Their notes are taken when first
    wanted (:func:`noted`), not here: this runs before lumbar's first screen.
    """
    kept: dict[str, Document] = {}
    end = None
    laid_out = True
    encode = _ENCODER.encode
    for key, document in documents.items():
        text = bytes(document)
        at = -1 if end is None else end + len(encode(key)) + 2
        if at < 0 or data[at : at + len(text)] != text:
            at = data.find(text, end or 0)
            if at < 0:
                at = data.find(text)
            laid_out = laid_out and end is None
        kept[key] = OnDisk(source, at, len(text), None)
        end = at + len(text)
    return kept, laid_out


Laid = tuple[dict[str, Document], bool]
"""A table's documents left on disk, and whether they lie as lumbar lays them out."""


def noted(document: OnDisk, note: Note) -> object:
    """The note of ``document``, taken (from the file) the first time it is wanted."""
    if document.note is None:
        document.note = note(Raw(bytes(document)))
    return document.note


def placed(
    documents: dict[str, Document], offsets: list[int], source: Source, note: Note
) -> dict[str, Document]:
    """``documents`` once written to ``source``'s file, each at its offset there (in order).

    Each keeps the note it had; a document that was in memory has its note taken now.
    """
    return {
        key: (
            OnDisk(source, offset, document.length, document.note)
            if isinstance(document, OnDisk)
            else OnDisk(source, offset, len(memoryview(document)), note(document))
        )
        for (key, document), offset in zip(documents.items(), offsets, strict=True)
    }
