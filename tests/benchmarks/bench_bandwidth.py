"""Bandwidth: bytes a second written during a hold countdown, against bare countdowns.

All run in an 80x24 pseudo-terminal; every byte each writes in a window of whole seconds
(after the first frame, while nothing but the countdown changes) is counted. The player plays
the warm-up, whose first exercise is a one-minute hold. The baseline the target holds against
is a bare Textual app showing digits as big as the player's (seven rows); the one with
Textual's three-row Digits is reported beside it, for what the bigger digits cost.
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
    player: list[float] = []
    bare: dict[str, list[float]] = {"big": [], "countdown": []}
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        db = write_history(Path(name) / "lumbar.json", 0)
        for _ in range(turns):
            for kind, rates in bare.items():
                with baseline(kind) as terminal:
                    terminal.first_frame(baseline_marker(kind))
                    rates.append(rate(terminal))
            with play_to_hold(db) as terminal:
                player.append(rate(terminal))
    return [
        Figure(
            "bandwidth, hold countdown in the player",
            statistics.median(player),
            "Header + 7-row block-digit countdown + Footer",
            statistics.median(bare["big"]),
            TARGET,
            unit="B/s",
        ),
        Figure(
            "bandwidth, the same against the 3-row Digits",
            statistics.median(player),
            "Header + Digits countdown + Footer",
            statistics.median(bare["countdown"]),
            note="what digits seven rows tall cost over three",
            unit="B/s",
        ),
    ]


if __name__ == "__main__":
    print_figures(figures())
