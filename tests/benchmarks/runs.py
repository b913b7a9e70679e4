"""Starting lumbar and the baselines in a pseudo-terminal, and getting the player to a hold."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.baselines import MARKERS
from tests.benchmarks.history import write_history
from tests.benchmarks.report import Figure
from tests.benchmarks.terminal import LUMBAR, Terminal
from tui.widgets.big_font import big_lines

BASELINES = Path(__file__).with_name("baselines.py")
SELECT = "to search: seated"
"""A text of lumbar's first screen (the select screen's search box)."""
PAIN_CHECK = "hurt right now"
"""A text of the pain check that opens every session."""


def phase_marker(word: str) -> str:
    """A row of the phase word as the player draws it at 80x24 (block letters, one pixel)."""
    return big_lines(word, "letters", 1)[1].strip()


HOLD = phase_marker("HOLD")
"""What the player shows over the countdown while a hold runs."""
PAUSED = phase_marker("PAUSED")
"""What the player shows over the countdown while paused."""
GET_READY = phase_marker("GET READY")
"""What the player shows over the countdown as an exercise's lead-in runs."""


def baseline(name: str) -> Terminal:
    """Start a baseline app (``bare``, ``countdown`` or ``label``)."""
    return Terminal([sys.executable, str(BASELINES), name])


def baseline_marker(name: str) -> str:
    """A text of the baseline's first frame."""
    return MARKERS[name]


def lumbar(db: Path, *args: str) -> Terminal:
    """Start lumbar on the data file ``db``, with more arguments (``play ROUTINE``) if given."""
    return Terminal([str(LUMBAR), "--db", str(db), *args])


def own_catalogue_cache() -> None:
    """Give this run's lumbars a catalogue cache of their own, and make it once, now.

    The cache is keyed by the catalogue files' paths: lumbars of other checkouts (another
    benchmark run, a test run) sharing the user's cache would each find it stale and parse the
    TOML again at every start (about 100 ms). Every start measured finds it made, as every start
    does but the first after a change.
    """
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="lumbar-bench-cache-")
    with (
        tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name,
        lumbar(write_history(Path(name) / "empty.json", 0)) as terminal,
    ):
        terminal.first_frame(SELECT)


def play_to_hold(db: Path, routine: str = "warm-up") -> Terminal:
    """Start ``lumbar play ROUTINE``, answer the pain check, and wait till the first hold runs.

    The warm-up's first exercise, marching in place, is a one-minute hold after a get-ready.
    """
    terminal = lumbar(db, "play", routine)
    terminal.wait_for(PAIN_CHECK)
    terminal.settle()
    mark = len(terminal.output)
    terminal.press("4")
    terminal.wait_for(HOLD, since=mark)
    terminal.settle()
    return terminal


def ten_years_against_empty(
    measure: Callable[[Terminal], float], turns: int, label: str, target: float
) -> Figure:
    """The median of ``measure`` in lumbar with ten years of daily sessions, against empty.

    lumbar is started afresh on each data file for each measure, the two in turn.
    """
    times: dict[str, list[float]] = {"empty": [], "ten": []}
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        dbs = {
            "empty": write_history(Path(name) / "empty.json", 0),
            "ten": write_history(Path(name) / "ten-years.json", 10),
        }
        for _ in range(turns):
            for key, db in dbs.items():
                with lumbar(db) as terminal:
                    times[key].append(measure(terminal))
    return Figure(
        f"{label}, 10 years of daily sessions",
        statistics.median(times["ten"]),
        "with an empty history",
        statistics.median(times["empty"]),
        target,
    )
