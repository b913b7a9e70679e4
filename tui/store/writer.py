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
from collections.abc import Mapping
from itertools import groupby
from typing import BinaryIO, cast

import msgspec
from msgspec import Raw

from tui.store.on_disk import Document, OnDisk, Source, copy_span

Places = dict[str, list[int]]
"""Where each document of a written file begins: table -> offsets, in the table's order."""

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
        places[name] = _write_table(out, name, list(documents), list(documents.values()))
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


def _write_table(out: _Output, table: str, keys: list[str], documents: list[Document]) -> list[int]:
    """Write one table's entries (``"id":{...}`` separated by commas); where each document is.

    Ten years of sessions are some 3,650 entries a save, so the documents are taken in runs
    from one old file (``groupby``), not one by one.
    """
    offsets: list[int] = []
    encode = _ENCODER.encode
    sources = [d.source if type(d) is OnDisk else None for d in documents]
    for source, group in groupby(range(len(documents)), sources.__getitem__):
        numbers = list(group)
        if source is None:
            for number in numbers:
                out.put((b"," if number else b"") + encode(keys[number]) + b":")
                content = memoryview(cast(Raw, documents[number]))
                offsets.append(out.written)
                out.put(content)
            continue
        start, end = numbers[0], numbers[-1] + 1
        head = (b"," if start else b"") + encode(keys[start]) + b":"
        run = cast(list[OnDisk], documents[start:end])
        if table in source.laid_out:
            offsets += _write_run(out, head, run)
        else:
            offsets += _write_checked(out, head, keys[start:end], run)
    return offsets


def _write_run(out: _Output, head: bytes, run: list[OnDisk]) -> list[int]:
    """Write entries that follow each other in an old file, as the bytes they are there."""
    first, last = run[0], run[-1]
    out.put(head)
    shift = out.written - first.offset
    out.copy(first.source, first.offset, last.offset + last.length)
    return [shift + document.offset for document in run]


def _write_checked(out: _Output, head: bytes, keys: list[str], run: list[OnDisk]) -> list[int]:
    """Write entries of a file laid out by another hand: stretches without spaces copied whole."""
    encode = _ENCODER.encode
    offsets: list[int] = []
    start = 0
    for number in range(1, len(run) + 1):
        if number < len(run):
            before, after = run[number - 1], run[number]
            gap = len(encode(keys[number])) + 2  # ,"id":
            if after.offset == before.offset + before.length + gap:
                continue
        offsets += _write_run(out, head, run[start:number])
        if number < len(run):
            head = b"," + encode(keys[number]) + b":"
        start = number
    return offsets
