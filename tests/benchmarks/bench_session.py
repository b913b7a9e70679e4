"""Starting a session: Enter on the select screen to the pain check, ten years against empty.

lumbar is started on each data file, draws its first screen and is left two seconds to read the
history (the select screen plans every routine in a worker); then Enter starts the highlighted
routine, and the time runs to the end of the first complete frame of the pain check before it.
"""

from __future__ import annotations

from tests.benchmarks.report import Figure, print_figures
from tests.benchmarks.runs import PAIN_CHECK, SELECT, ten_years_against_empty
from tests.benchmarks.terminal import QUIET, Terminal

TURNS = 5
TARGET = 1.2  # issue 14: at ten years at most 1.2x the same with an empty history
READ = 2.0
"""Seconds left after the first frame for the history to be read, as a person takes to choose."""


def start_time(terminal: Terminal) -> float:
    """Seconds from Enter to the end of the first complete frame of the pain check."""
    terminal.first_frame(SELECT)
    terminal.drain(READ)
    mark = len(terminal.output)
    pressed = terminal.press("\r")
    terminal.wait_for(PAIN_CHECK, since=mark, timeout=120)
    return terminal.settle(QUIET) - pressed


def figures(turns: int = TURNS) -> list[Figure]:
    """Starting a session with ten years of history, against an empty one."""
    return [
        ten_years_against_empty(
            start_time, turns, "starting a session (Enter to the pain check)", TARGET
        )
    ]


if __name__ == "__main__":
    print_figures(figures())
