"""Bandwidth: bytes a second written during a hold countdown, against a bare Digits countdown.

Both run in an 80x24 pseudo-terminal; every byte either writes in a window of whole seconds
(after the first frame, while nothing but the countdown changes) is counted. The player plays
the warm-up, whose first exercise is a one-minute hold.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from tests.benchmarks.history import write_history
from tests.benchmarks.report import Figure, print_figures
from tests.benchmarks.runs import baseline, baseline_marker, play_to_hold
from tests.benchmarks.terminal import Terminal

WINDOW = 20.0
"""Seconds counted (the hold lasts 60)."""
TURNS = 2
TARGET = 1.2


def rate(terminal: Terminal, seconds: float = WINDOW) -> float:
    """Bytes a second the program writes over the next ``seconds``."""
    start = len(terminal.output)
    terminal.drain(seconds)
    return (len(terminal.output) - start) / seconds


def figures(turns: int = TURNS) -> list[Figure]:
    """The player's hold against the bare countdown, each the median of ``turns`` runs."""
    player, bare = [], []
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        db = write_history(Path(name) / "lumbar.json", 0)
        for _ in range(turns):
            with baseline("countdown") as terminal:
                terminal.first_frame(baseline_marker("countdown"))
                bare.append(rate(terminal))
            with play_to_hold(db) as terminal:
                player.append(rate(terminal))
    return [
        Figure(
            "bandwidth, hold countdown in the player",
            statistics.median(player),
            "Header + Digits countdown + Footer",
            statistics.median(bare),
            TARGET,
            unit="B/s",
        )
    ]


if __name__ == "__main__":
    print_figures(figures())
