"""Key latency: a key to the updated screen, against a key that changes one label.

The time runs from writing the key into the pseudo-terminal to the arrival of the output
that shows the change (``PAUSED`` in the player, the label's new text in the baseline). In the
player a second space resumes (``HOLD`` again), so every press is measured. In the select
list, the arrow keys move the cursor and the detail pane shows the routine under it: the time
runs to the last byte before the output goes quiet, so both the cursor and the new detail are
counted. The last figure presses ``s`` (skip the exercise: a save of ten years of history
starts) and at once space, so the pause is shown while the session is being saved.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks.history import write_history
from tests.benchmarks.report import Figure, print_figures
from tests.benchmarks.runs import (
    HOLD,
    PAUSED,
    SELECT,
    baseline,
    baseline_marker,
    lumbar,
    play_to_hold,
)
from tests.benchmarks.terminal import Terminal, TimedOut

DOWN, UP = "\x1b[B", "\x1b[A"
QUIET = 0.1
"""Seconds without output that end a key's update in the select list (its two frames, if two)."""
PRESSES = 15
"""Pauses measured per run (each followed by a resume)."""
TARGET = 0.016
"""The median, in seconds: one frame at 60 frames a second."""
TARGET_SAVING = 0.050
"""The median while a session is being saved, in seconds."""
SKIPS = 20
"""Skips measured while saving: asm-roadmap has 24 exercises."""


def latency(terminal: Terminal, keys: str, shows: str) -> float:
    """Seconds from typing ``keys`` to the output that shows ``shows``; then let it settle."""
    mark = len(terminal.output)
    pressed = terminal.press(keys)
    arrived = terminal.wait_for(shows, since=mark)
    terminal.settle(0.05)
    return arrived - pressed


def baseline_latencies(presses: int = PRESSES) -> list[float]:
    """The label app: space flips the label between RUNNING and PAUSED."""
    found = []
    with baseline("label") as terminal:
        terminal.first_frame(baseline_marker("label"))
        for _ in range(presses):
            found.append(latency(terminal, " ", "PAUSED"))
            latency(terminal, " ", "RUNNING")
    return found


def player_latencies(db: Path, presses: int = PRESSES) -> list[float]:
    """The player in a hold: space pauses (PAUSED shows), space resumes (HOLD shows)."""
    found = []
    with play_to_hold(db) as terminal:
        for _ in range(presses):
            found.append(latency(terminal, " ", PAUSED))
            found.append(latency(terminal, " ", HOLD))
    return found


def arrived(terminal: Terminal, mark: int, timeout: float = 10.0) -> None:
    """Read until output comes after byte ``mark``; TimedOut if none comes in ``timeout``."""
    deadline = time.perf_counter() + timeout
    while len(terminal.output) == mark:
        if time.perf_counter() > deadline:
            raise TimedOut(f"nothing came for {timeout:g} s after the key")
        terminal.read(0.05)


def select_latencies(db: Path, presses: int = PRESSES) -> list[float]:
    """Down through the first routines of the select list, then back up: to the whole update."""
    found = []
    with lumbar(db) as terminal:
        terminal.first_frame(SELECT)
        terminal.settle(1.0)  # the plans of the routines, worked out once the screen shows
        for key in [DOWN] * presses + [UP] * presses:
            mark = len(terminal.output)
            pressed = terminal.press(key)
            arrived(terminal, mark)  # the key's first bytes, however late
            found.append(terminal.settle(QUIET) - pressed)
    return found


def saving_latencies(db: Path, skips: int = SKIPS) -> list[float]:
    """Skip an exercise (its save starts) and pause at once; the time to PAUSED each time."""
    found = []
    with play_to_hold(db, "asm-roadmap") as terminal:
        for _ in range(skips):
            found.append(latency(terminal, "s ", PAUSED))
            terminal.press(" ")  # resume
            terminal.settle(0.2)  # and let the save end before the next skip
    return found


def figures() -> list[Figure]:
    """Pause latency with an empty history, and while ten years of history are being saved."""
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        empty = write_history(Path(name) / "empty.json", 0)
        ten = write_history(Path(name) / "ten-years.json", 10)
        bare = statistics.median(baseline_latencies())
        player = statistics.median(player_latencies(empty))
        # A file of its own: the player's leaves a session stopped today, which lumbar offers
        # to resume (a dialog over the list) at the next start.
        select = statistics.median(select_latencies(write_history(Path(name) / "select.json", 0)))
        saving = statistics.median(saving_latencies(ten))
    return [
        Figure(
            "key latency, space to PAUSED in the player",
            player,
            "a key that changes one label",
            bare,
            limit=TARGET,
        ),
        Figure(
            "key latency, a cursor move in the select list (cursor and detail drawn)",
            select,
            "a key that changes one label",
            bare,
            limit=TARGET,
        ),
        Figure(
            "key latency while 10 years of history are being saved",
            saving,
            "a key that changes one label",
            bare,
            limit=TARGET_SAVING,
        ),
    ]


if __name__ == "__main__":
    print_figures(figures())
