"""Status: what a prompt pays to read the status line, and ``lumbar status`` against Python.

A prompt reads the line file directly: ``cat`` (as tmux and starship run it) and bash's
``read -r line < file`` (as the README's PROMPT_COMMAND does, averaged over a loop in one bash,
less the same loop without the read), each with an absolute target of 5 ms. ``lumbar status``
from fresh files is timed as the console script runs, against ``python -c pass`` in the same
virtual environment (target 1.3x). Two figures without a target say what the files cost when
they are not fresh: ``lumbar status`` working the status out again from ten years of daily
sessions, and a session saved with the status files rewritten after it against the same save
without them.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks.history import todays_session, write_history
from tests.benchmarks.report import Figure, print_figures
from tui.cli_status import attach_status
from tui.status_file import status_paths
from tui.store.store import Store

TURNS = 40
PROMPT_LIMIT = 0.005
TARGET = 1.3
LOOP = 200


def run_time(argv: Sequence[str]) -> float:
    """Seconds one run of ``argv`` took, its output thrown away."""
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def medians(commands: dict[str, list[str]], turns: int) -> dict[str, float]:
    """The median run time of each command, the commands taken in turn (the noise shared)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(turns):
        for name, argv in commands.items():
            times[name].append(run_time(argv))
    return {name: statistics.median(values) for name, values in times.items()}


def bash_read(line_file: str) -> float:
    """Seconds bash's ``read -r s < file`` takes once, averaged over a loop in one bash."""
    loop = f'for i in $(seq {LOOP}); do read -r s < "{line_file}"; done'
    empty = f"for i in $(seq {LOOP}); do s=x; done"
    return (run_time(["bash", "-c", loop]) - run_time(["bash", "-c", empty])) / LOOP


def save_times(db: Path, turns: int) -> tuple[float, float]:
    """A session saved into ``db`` with the status files rewritten after it, and without."""
    store = Store.open(db)
    session = todays_session()
    with_files: list[float] = []
    without: list[float] = []
    for _ in range(turns):
        for times, writer in ((with_files, True), (without, False)):
            store.after_write = attach_status(store) if writer else None
            start = time.perf_counter()
            store.save_session(session)
            times.append(time.perf_counter() - start)
    return statistics.median(with_files), statistics.median(without)


def figures(turns: int = TURNS) -> list[Figure]:
    """The prompt's read, ``lumbar status`` fresh and stale, and a save with the files."""
    lumbar = str(Path(sys.executable).with_name("lumbar"))
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        db = write_history(Path(name) / "ten-years.json", 10)
        attach_status(Store.open(db))()
        paths = status_paths(str(db))
        cat = shutil.which("cat") or "cat"
        fresh = medians(
            {
                "pass": [sys.executable, "-c", "pass"],
                "status": [lumbar, "--db", str(db), "status"],
                "cat": [cat, paths.line],
                "true": [shutil.which("true") or "true"],
            },
            turns,
        )
        bash = statistics.median(bash_read(paths.line) for _ in range(5))
        stale = []
        for _ in range(max(3, turns // 8)):
            Path(paths.json).unlink()
            stale.append(run_time([lumbar, "--db", str(db), "status"]))
        saved, unsaved = save_times(db, max(5, turns // 4))
    return [
        Figure(
            "status line read by a prompt, cat (tmux, starship)",
            fresh["cat"],
            "a process that does nothing (true)",
            fresh["true"],
            limit=PROMPT_LIMIT,
        ),
        Figure(
            "status line read by a prompt, bash read (PROMPT_COMMAND)",
            bash,
            "a process that does nothing (true)",
            fresh["true"],
            limit=PROMPT_LIMIT,
            note=f"{bash * 1e6:.0f} µs a read: no process is started",
        ),
        Figure(
            "lumbar status, fresh files", fresh["status"], "python -c pass", fresh["pass"], TARGET
        ),
        Figure(
            "lumbar status, stale files, 10 years",
            statistics.median(stale),
            "python -c pass",
            fresh["pass"],
            note="works the status out again and rewrites the files (no target)",
        ),
        Figure(
            "save a session and rewrite the status files, 10 years",
            saved,
            "the same save without them",
            unsaved,
            note="on the saver's thread, never the screen's (no target)",
        ),
    ]


if __name__ == "__main__":
    print_figures(figures())
