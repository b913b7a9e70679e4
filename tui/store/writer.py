"""Writing the data file from its documents: the same bytes as encoding it whole, a piece at a time.

The documents of a save are the file's as they were, with one put in or replaced. Those left on
disk (:mod:`tui.store.on_disk`) lie one after the other in the old file, each after its
``,"id":``, as lumbar writes them; such a stretch is copied from the old file as it is (by the
kernel where it can: ``os.copy_file_range``), not read into memory and written out again, so a
save of ten years of sessions costs little more than writing the bytes. A file laid out by
another hand (spaces, new lines) is copied a document at a time, its own layout left behind.
Every file written is laid out as lumbar lays it out. Nothing here imports Textual.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import BinaryIO, cast

import msgspec

from tui.store.on_disk import Document, OnDisk, Source, copy_span

Places = dict[str, dict[str, tuple[int, int]]]
"""Where each document of a written file lies: table -> id -> (offset, length) in bytes."""

Entries = Sequence[tuple[str, Document]]
Run = Sequence[tuple[str, OnDisk]]
"""Entries whose documents are all in one old file, in its order."""

_ENCODER = msgspec.json.Encoder()
_copy_file_range = getattr(os, "copy_file_range", None)


class _Output:
    """A file being written, and how many bytes have gone into it."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.written = 0
        self._kernel = _copy_file_range is not None

    def put(self, data: bytes | bytearray | memoryview) -> None:
        """Write ``data``."""
        self.file.write(data)
        self.written += len(data)

    def copy(self, source: Source, start: int, end: int) -> None:
        """Write the bytes of ``source`` from ``start`` to ``end``."""
        if self._kernel and _copy_file_range is not None:
            self.file.flush()
            try:
                while start < end:
                    copied: int = _copy_file_range(
                        source.descriptor, self.file.fileno(), end - start, start
                    )
                    if copied <= 0:
                        break
                    start += copied
                    self.written += copied
            except OSError:  # not between these files (another file system, say): by hand
                self._kernel = False
        for piece in copy_span(source, start, end):
            self.put(piece)


def write_raw_tables(file: BinaryIO, tables: Mapping[str, Mapping[str, Document]]) -> Places:
    """Write a database file made of raw documents to ``file``, the same bytes as encoding it.

    Returns where each document landed, for the next reads to find it. Raises OSError if the
    file written is not as long as what was put in it.
    """
    out = _Output(file)
    places: Places = {}
    out.put(b"{")
    for number, (name, documents) in enumerate(tables.items()):
        if number:
            out.put(b",")
        out.put(_ENCODER.encode(name) + b":{")
        places[name] = _write_table(out, name, list(documents.items()))
        out.put(b"}")
    out.put(b"}\n")
    file.flush()
    try:
        size = os.fstat(file.fileno()).st_size
    except OSError:  # not a file of the system's (in memory): nothing was copied by the kernel
        return places
    if size != out.written:
        raise OSError(f"the file written is {size} bytes long, not the {out.written} put in it")
    return places


def _write_table(out: _Output, table: str, entries: Entries) -> dict[str, tuple[int, int]]:
    """Write one table's entries (``"id":{...}`` separated by commas); where each document is.

    Ten years of sessions are some 3,650 entries a save, so the loops are kept lean.
    """
    where: dict[str, tuple[int, int]] = {}
    encode = _ENCODER.encode
    at, count = 0, len(entries)
    while at < count:
        key, document = entries[at]
        head = (b"," if at else b"") + encode(key) + b":"
        if isinstance(document, OnDisk):
            end = at + 1
            source = document.source
            while end < count and _of(entries[end][1], source):
                end += 1
            run = cast(Run, entries[at:end])
            if table in source.laid_out:
                _write_run(out, head, run, where)
            else:
                _write_checked(out, head, run, where)
            at = end
            continue
        out.put(head)
        content = memoryview(document)
        where[key] = (out.written, len(content))
        out.put(content)
        at += 1
    return where


def _of(document: Document, source: Source) -> bool:
    """Whether ``document`` lies in ``source``'s file."""
    return type(document) is OnDisk and document.source is source


def _write_run(out: _Output, head: bytes, run: Run, where: dict[str, tuple[int, int]]) -> None:
    """Write entries that follow each other in an old file, as the bytes they are there."""
    first, last = run[0][1], run[-1][1]
    out.put(head)
    shift = out.written - first.offset
    out.copy(first.source, first.offset, last.offset + last.length)
    where.update((key, (shift + doc.offset, doc.length)) for key, doc in run)


def _write_checked(out: _Output, head: bytes, run: Run, where: dict[str, tuple[int, int]]) -> None:
    """Write entries of a file laid out by another hand: stretches without spaces copied whole."""
    encode = _ENCODER.encode
    start = 0
    for number in range(1, len(run) + 1):
        if number < len(run):
            before, after = run[number - 1][1], run[number][1]
            gap = len(encode(run[number][0])) + 2  # ,"id":
            if after.offset == before.offset + before.length + gap:
                continue
        _write_run(out, head, run[start:number], where)
        if number < len(run):
            head = b"," + encode(run[number][0]) + b":"
        start = number
