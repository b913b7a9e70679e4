"""Store: saving a session against writing the same bytes raw (temp file, fsync, rename).

For each history (none, one year, ten years of daily sessions) a store is opened on a copy of
the file, as lumbar opens it; then, turn about, a session is saved through the store and the
bytes the store wrote are written raw to another file in the same folder. Medians of many
turns; the ratio is store / raw. The raw write is the issue's: temp file, fsync, rename and
the directory fsync that makes the rename itself durable (lumbar does all four); the figure
without the directory fsync is printed beside it.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import msgspec

from tests.benchmarks.history import todays_session, write_history
from tests.benchmarks.report import Figure, print_figures
from tui.store.store import Store

TURNS = 25
HISTORIES = {"empty history": 0, "1 year": 1, "10 years": 10}
TARGET = 1.5


def raw_write(path: Path, data: bytes, *, sync_directory: bool = False) -> None:
    """The baseline: write to a temp file beside ``path``, fsync it, rename it over ``path``."""
    temp = path.with_name(f".{path.name}.raw.tmp")
    with open(temp, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temp, path)
    if sync_directory:
        descriptor = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` took."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(folder: Path, years: int, turns: int = TURNS) -> tuple[float, float, float, int]:
    """Median seconds of a store save, a raw write, a raw write with directory fsync; bytes."""
    db = write_history(folder / f"lumbar-{years}.json", years)
    store = Store.open(db)
    session = todays_session()
    saves, raws, synced = [], [], []
    for turn in range(turns):
        # A new snapshot of the same session each time, as the player saves after each exercise.
        session = msgspec.structs.replace(session, pain_after=turn % 10)
        saves.append(timed(partial(store.save_session, session)))
        data = db.read_bytes()
        raws.append(timed(partial(raw_write, folder / "raw.json", data)))
        synced.append(timed(partial(raw_write, folder / "raw.json", data, sync_directory=True)))
    size = db.stat().st_size
    return statistics.median(saves), statistics.median(raws), statistics.median(synced), size


def figures() -> list[Figure]:
    """One figure per history size."""
    found = []
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-", dir=Path.home()) as name:
        for label, years in HISTORIES.items():
            save, raw, synced, size = measure(Path(name), years)
            found.append(
                Figure(
                    f"store: save a session, {label} ({size / 1e6:.2f} MB)",
                    save,
                    "raw write (fsync, rename, directory fsync)",
                    synced,
                    TARGET,
                    f"without the directory fsync: {raw * 1000:.2f} ms, ratio {save / raw:.2f}",
                )
            )
    return found


if __name__ == "__main__":
    print_figures(figures())
