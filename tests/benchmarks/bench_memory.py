"""Memory: peak resident memory at the player (in a hold), against the bare Textual app and flat.

Peak RSS is the kernel's ``VmHWM`` of the process, read once the player has run a few seconds
(and the bare app once its first frame is drawn and it has idled as long).
Ten years of history are also set against an empty history (the issue: at most 1.1x).
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from tests.benchmarks.history import write_history
from tests.benchmarks.report import Figure, print_figures
from tests.benchmarks.runs import baseline, baseline_marker, play_to_hold

TURNS = 3
TARGET = 1.3
FLAT = 1.1
"""Ten years of history may cost at most this over an empty one (memory flat with history)."""
IDLE = 3.0
"""Seconds each program runs after it is ready, before its peak is read."""


def figures(turns: int = TURNS) -> list[Figure]:
    """The player with an empty history and with ten years, against the bare app."""
    peaks: dict[str, list[float]] = {"bare": [], "empty": [], "ten": []}
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        dbs = {
            "empty": write_history(Path(name) / "empty.json", 0),
            "ten": write_history(Path(name) / "ten-years.json", 10),
        }
        for _ in range(turns):
            with baseline("bare") as terminal:
                terminal.first_frame(baseline_marker("bare"))
                terminal.drain(IDLE)
                peaks["bare"].append(terminal.peak_rss())
            for key, db in dbs.items():
                with play_to_hold(db) as terminal:
                    terminal.drain(IDLE)
                    peaks[key].append(terminal.peak_rss())
    bare = statistics.median(peaks["bare"])
    empty = statistics.median(peaks["empty"])
    flat = Figure(
        "peak memory at the player, 10 years of daily sessions against an empty history",
        statistics.median(peaks["ten"]),
        "the same, empty history",
        empty,
        FLAT,
        unit="B",
    )
    return [
        Figure(
            f"peak memory at the player, {label}",
            statistics.median(peaks[key]),
            "bare Textual app",
            bare,
            TARGET,
            unit="B",
        )
        for key, label in (("empty", "empty history"), ("ten", "10 years of daily sessions"))
    ] + [flat]


if __name__ == "__main__":
    print_figures(figures())
