"""Progress screen: time to open it (p) with ten years of history, against an empty history.

lumbar is started on each data file and left to draw its first screen; then ``p`` is pressed,
and the time runs to the first complete frame of the progress screen with the history read
(this week's count shows). Prints "progress screen: not available yet" where there is none.
"""

from __future__ import annotations

from tests.benchmarks.report import Figure, print_figures
from tests.benchmarks.runs import SELECT, ten_years_against_empty
from tests.benchmarks.terminal import QUIET, Terminal

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


def figures(turns: int = TURNS) -> list[Figure]:
    """Opening the progress screen with ten years of history, against an empty one."""
    if not available():
        print("progress screen: not available yet")
        return []
    return [ten_years_against_empty(open_time, turns, "progress screen, open", TARGET)]


if __name__ == "__main__":
    print_figures(figures())
