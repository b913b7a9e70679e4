"""Start-up: launch to the first complete frame of lumbar's first screen, against a bare app.

The bare Textual app (one Static), the widgets of lumbar's first screen in plain Textual, lumbar
with an empty history and lumbar with ten years of daily sessions are started in turn, several
times, each in an 80x24 pseudo-terminal; a frame is complete when its marker text has appeared
and the output has gone quiet. The second baseline shows how much of lumbar's start-up is
Textual's own widgets (the target is against the bare app).
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from tests.benchmarks.history import write_history
from tests.benchmarks.report import Figure, print_figures
from tests.benchmarks.runs import SELECT, baseline, baseline_marker, lumbar

TURNS = 7
TARGET = 1.5  # issue 14: at most 1.5x the bare app, empty and at ten years


def figures(turns: int = TURNS) -> list[Figure]:
    """Start-up with an empty history and with ten years, against the bare app."""
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        folder = Path(name)
        empty = write_history(folder / "empty.json", 0)
        ten = write_history(folder / "ten-years.json", 10)
        times: dict[str, list[float]] = {"bare": [], "widgets": [], "empty": [], "ten": []}
        for _ in range(turns):
            for name in ("bare", "widgets"):
                with baseline(name) as terminal:
                    times[name].append(terminal.first_frame(baseline_marker(name)))
            for key, db in (("empty", empty), ("ten", ten)):
                with lumbar(db) as terminal:
                    times[key].append(terminal.first_frame(SELECT))
    bare, widgets = statistics.median(times["bare"]), statistics.median(times["widgets"])
    note = (
        f"the same widgets in plain Textual, no lumbar: {widgets * 1000:.1f} ms, "
        f"{widgets / bare:.2f}x the bare app; lumbar is {{:.2f}}x that"
    )
    return [
        Figure(
            f"start-up, {label}",
            statistics.median(times[key]),
            "bare Textual app",
            bare,
            TARGET,
            note=note.format(statistics.median(times[key]) / widgets),
        )
        for key, label in (("empty", "empty history"), ("ten", "10 years of daily sessions"))
    ]


if __name__ == "__main__":
    print_figures(figures())
