"""Key work counted in-process: what one key costs the app, apart from the terminal.

``python -m tests.benchmarks.keys_inprocess [select|player] [PRESSES]`` runs lumbar headless
at 80x24 (Pilot) and presses the keys of ``bench_keys`` (down then up in the select list, space
in the player). For each key it times, from the key reaching the driver to the end of the last
screen update after it, the wall clock and the process's CPU time, and counts the screen
updates, the bytes they would write, the layouts and the style applications. It wraps a few
Textual methods to count them: a measuring script, never lumbar's code. Less noisy than the pty
figures on a shared machine (the CPU time least of all), so before and after compare well.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual._compositor import CompositorUpdate
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.drivers.headless_driver import HeadlessDriver
from textual.screen import Screen

from tests.helpers import FakeClock, answered_safety_check, app_on, begin
from tui.catalogue.load import load_catalogue
from tui.model.records import Settings
from tui.store.store import Store

counts: Counter[str] = Counter()
marks = {"sent": 0.0, "cpu": 0.0, "shown": 0.0, "cpu_shown": 0.0}


def counted(cls: type, name: str) -> None:
    """Count the calls of ``cls.name`` in ``counts``."""
    original: Callable[..., Any] = getattr(cls, name)

    def call(self: object, *args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return original(self, *args, **kwargs)

    setattr(cls, name, call)


def watch_keys_and_updates() -> None:
    """Mark when a key reaches the driver and when each screen update after it has been made."""
    send = HeadlessDriver.send_message
    display = App._display

    def sent(self: Any, message: Any) -> None:
        marks.update(sent=time.perf_counter(), cpu=time.process_time(), shown=0.0)
        send(self, message)

    def shown(self: App[Any], screen: Screen[Any], renderable: Any) -> None:
        display(self, screen, renderable)
        if isinstance(renderable, CompositorUpdate):  # headless: made, then not written
            counts["bytes"] += len(renderable.render_segments(self.console).encode())
            counts["updates"] += 1
            marks.update(shown=time.perf_counter(), cpu_shown=time.process_time())

    HeadlessDriver.send_message = sent  # type: ignore[method-assign]
    App._display = shown  # type: ignore[method-assign]
    counted(Screen, "_refresh_layout")
    counted(Stylesheet, "apply")


async def measure(what: str, presses: int) -> tuple[list[float], list[float]]:
    """Press the keys; the wall and CPU seconds from each key to its last update."""
    with tempfile.TemporaryDirectory() as folder:
        store = answered_safety_check(Store.open(Path(folder) / "lumbar.json"))
        store.save_settings(Settings(warm_up=False))
        play = "warm-up" if what == "player" else None
        app = app_on(load_catalogue().catalogue, store, FakeClock(), play=play)
        keys = ["space"] * 2 * presses  # pause, resume
        if what == "select":
            keys = ["down"] * presses + ["up"] * presses
        wall, cpu = [], []
        async with app.run_test(headless=True, size=(80, 24)) as pilot:
            if what == "player":
                await begin(pilot)
            await pilot.pause()
            counts.clear()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
                if marks["shown"]:
                    wall.append(marks["shown"] - marks["sent"])
                    cpu.append(marks["cpu_shown"] - marks["cpu"])
        return wall, cpu


def main() -> None:
    """Print the medians and the counts per key."""
    what = sys.argv[1] if len(sys.argv) > 1 else "select"
    presses = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    watch_keys_and_updates()
    wall, cpu = asyncio.run(measure(what, presses))
    keys = 2 * presses
    median, cpu_median = statistics.median(wall) * 1e3, statistics.median(cpu) * 1e3
    print(f"{what}: {keys} keys, key to its last update: median {median:.1f} ms")
    print(f"  CPU time: median {cpu_median:.1f} ms, least {min(cpu) * 1e3:.1f} ms")
    for name in ("updates", "bytes", "_refresh_layout", "apply"):
        print(f"  {name} per key: {counts[name] / keys:.2f}")


if __name__ == "__main__":
    main()
