"""Regenerate ``screenshots/*.svg``: every screen at 80x24, through the same app factory.

Run with ``make screenshots`` (or ``python -m tests.screenshots``).
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from tui.app import LumbarApp, make_app
from tui.catalogue import load_catalogue
from tui.store import Store

OUT = Path(__file__).resolve().parents[1] / "screenshots"
SIZE = (80, 24)

Steps = Callable[[Pilot[None]], Awaitable[None]]


async def nothing(pilot: Pilot[None]) -> None:
    """Take the screen as it opens."""
    await pilot.pause()


async def search_sciatica(pilot: Pilot[None]) -> None:
    """Filter the select screen to the sciatica-friendly exercises."""
    await pilot.press("slash", *"sciatica", "enter", "down")
    await pilot.pause()


SHOTS: dict[str, Steps] = {
    "select": nothing,
    "select-search": search_sciatica,
}


async def shoot(name: str, steps: Steps) -> Path:
    """Drive a fresh app with the steps and save what the screen shows."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "lumbar.json")
        return await _shoot(make_app(load_catalogue().catalogue, store), name, steps)


async def _shoot(app: LumbarApp, name: str, steps: Steps) -> Path:
    """Run the steps on the app and save its screen."""
    async with app.run_test(size=SIZE) as pilot:
        await steps(pilot)
        return Path(app.save_screenshot(filename=f"{name}.svg", path=str(OUT)))


async def main() -> None:
    """Write every screenshot."""
    OUT.mkdir(exist_ok=True)
    for name, steps in SHOTS.items():
        print(await shoot(name, steps))


if __name__ == "__main__":
    asyncio.run(main())
