"""Start-up: launch to the first complete frame of lumbar's first screen, against a bare app.

The bare Textual app (one Static), lumbar with an empty history and lumbar with ten years of
daily sessions are started in turn, several times, each in an 80x24 pseudo-terminal; a frame
is complete when its marker text has appeared and the output has gone quiet.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from tests.benchmarks.history import write_history
from tests.benchmarks.report import Figure, print_figures
from tests.benchmarks.runs import SELECT, baseline, baseline_marker, lumbar

TURNS = 7
TARGET = 1.3


def figures(turns: int = TURNS) -> list[Figure]:
    """Start-up with an empty history and with ten years, against the bare app."""
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        folder = Path(name)
        empty = write_history(folder / "empty.json", 0)
        ten = write_history(folder / "ten-years.json", 10)
        times: dict[str, list[float]] = {"bare": [], "empty": [], "ten": []}
        for _ in range(turns):
            with baseline("bare") as terminal:
                times["bare"].append(terminal.first_frame(baseline_marker("bare")))
            for key, db in (("empty", empty), ("ten", ten)):
                with lumbar(db) as terminal:
                    times[key].append(terminal.first_frame(SELECT))
    bare = statistics.median(times["bare"])
    return [
        Figure(
            f"start-up, {label}",
            statistics.median(times[key]),
            "bare Textual app",
            bare,
            TARGET,
        )
        for key, label in (("empty", "empty history"), ("ten", "10 years of daily sessions"))
    ]


if __name__ == "__main__":
    print_figures(figures())
