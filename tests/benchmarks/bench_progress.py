"""Progress screen: time to open it (p) with ten years of history, against an empty history.

lumbar is started on each data file and left to draw its first screen; then ``p`` is pressed,
and the time runs to the first complete frame of the progress screen with the history read
(this week's count shows). Ten years are measured twice: with the figures kept by an earlier
opening of the screen (as every opening finds them but the first: see
:mod:`tui.history.tally`), and with none kept (the first opening, or the user's cache folder
emptied), when every session is walked. Prints "progress screen: not available yet" where there
is no such screen.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from pathlib import Path

from tests.benchmarks.history import write_history
from tests.benchmarks.report import Figure, print_figures
from tests.benchmarks.runs import SELECT, lumbar
from tests.benchmarks.terminal import QUIET, Terminal
from tui.store.kept import kept_folder

TURNS = 5
TARGET = 1.5  # issue 14: at ten years at most 1.5x the same screen empty
LOADED = ("This week", "In all:")
"""What the progress screen shows once it has read the history (not while it reads it)."""


def available() -> bool:
    """True when lumbar has a progress screen."""
    try:
        import tui.screens.progress  # noqa: F401
    except ImportError:
        return False
    return True


def open_time(terminal: Terminal) -> float:
    """Seconds from pressing p to the end of the first complete frame of the progress screen."""
    terminal.first_frame(SELECT)
    mark = len(terminal.output)
    pressed = terminal.press("p")
    terminal.wait_for(*LOADED, since=mark, timeout=120)
    return terminal.settle(QUIET) - pressed


def forget_kept_figures() -> None:
    """Empty the kept figures of this run's cache folder (the catalogue's cache stays)."""
    shutil.rmtree(kept_folder(), ignore_errors=True)


def figures(turns: int = TURNS) -> list[Figure]:
    """Opening the progress screen with ten years of history, against an empty one."""
    if not available():
        print("progress screen: not available yet")
        return []
    times: dict[str, list[float]] = {"empty": [], "kept": [], "none kept": []}
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        empty = write_history(Path(name) / "empty.json", 0)
        ten = write_history(Path(name) / "ten-years.json", 10)
        for _ in range(turns):
            with lumbar(empty) as terminal:
                times["empty"].append(open_time(terminal))
            forget_kept_figures()
            with lumbar(ten) as terminal:
                times["none kept"].append(open_time(terminal))
            with lumbar(ten) as terminal:  # the figures kept by the opening just before
                times["kept"].append(open_time(terminal))
    empty_time = statistics.median(times["empty"])
    return [
        Figure(
            f"progress screen, open with 10 years of daily sessions, {label}",
            statistics.median(times[key]),
            "with an empty history",
            empty_time,
            TARGET,
        )
        for key, label in (
            ("kept", "its figures kept by an earlier opening"),
            ("none kept", "no figures kept (the first opening)"),
        )
    ]


if __name__ == "__main__":
    print_figures(figures())
