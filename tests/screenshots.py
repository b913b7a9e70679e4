"""Regenerate ``screenshots/*.svg``: every screen at 80x24 (the player smaller and larger too),
through the same app factory.

Run with ``make screenshots`` (or ``python -m tests.screenshots``).
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot

from tests.helpers import BASE, FakeClock, demo_history, midway, stopped_session, with_example
from tui.app import LumbarApp, make_app
from tui.catalogue.load import load_catalogue
from tui.messages import PlayRoutine
from tui.model.records import SafetyCheck
from tui.store.store import Store

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


async def roadmap_midway(pilot: Pilot[None]) -> None:
    """Five ALIGN sessions into the roadmap (on the march rung), then open the roadmap."""
    app = pilot.app
    assert isinstance(app, LumbarApp)
    for session in midway(app.wall()):
        app.store.save_session(session)
    await pilot.press("r")
    await pilot.pause()


async def open_player(pilot: Pilot[None]) -> None:
    """Open the player on the quick 10-minute routine: it starts with the pain check."""
    app = pilot.app
    assert isinstance(app, LumbarApp)
    app.post_message(PlayRoutine(app.catalogue.routine("quick-10")))
    await pilot.pause()


async def player_mid_hold(pilot: Pilot[None]) -> None:
    """Answer the pain check, then move on to the second hold of the first exercise.

    Past the get-ready, the move in, the first hold, the move out and the move into the second.
    """
    await open_player(pilot)
    await pilot.press("4", *"nnnnn")
    await pilot.pause()


async def player_this_hurts(pilot: Pilot[None]) -> None:
    """Klarity: skip to the plank, past its lead-in and the move into it, and press ! in its
    hold: what now, and the advice."""
    app = pilot.app
    assert isinstance(app, LumbarApp)
    app.post_message(PlayRoutine(app.catalogue.routine("klarity")))
    await pilot.pause()
    await pilot.press("3", *"sssss", "n", "n", "exclamation_mark")
    await pilot.pause()


async def player_flare_up(pilot: Pilot[None]) -> None:
    """Pain 9 before the session: the flare-up dialog."""
    await open_player(pilot)
    await pilot.press("9")
    await pilot.pause()


async def avoid_list(pilot: Pilot[None]) -> None:
    """Open the avoid list from the select screen."""
    await pilot.press("a")
    await pilot.pause()


async def progress_demo(pilot: Pilot[None], *keys: str) -> None:
    """Three months of demo sessions, then the progress screen, then ``keys``."""
    app = pilot.app
    assert isinstance(app, LumbarApp)
    for session in demo_history(app.catalogue, app.wall()):
        app.store.save_session(session)
    await pilot.press("p")
    await app.workers.wait_for_complete()
    await pilot.press(*keys)
    await pilot.pause()


async def progress_exercises(pilot: Pilot[None]) -> None:
    """The progress screen's exercises, sorted by pain flags."""
    await progress_demo(pilot, "2", "s")


async def progress_session(pilot: Pilot[None]) -> None:
    """One session of the history in detail."""
    await progress_demo(pilot, "3", "down", "down", "down", "enter")


async def help_on_select(pilot: Pilot[None]) -> None:
    """The help screen over the select screen: its keys, then the advice."""
    await pilot.press("question_mark")
    await pilot.pause()


async def settings(pilot: Pilot[None]) -> None:
    """The settings screen."""
    await pilot.press("comma")
    await pilot.pause()


async def builder(pilot: Pilot[None]) -> None:
    """The routine builder, started from the first routine in the list (a copy of it)."""
    await pilot.press("n")
    await pilot.pause()


async def emergency(pilot: Pilot[None]) -> None:
    """First run: yes to the first question (bladder or bowel control), the emergency page."""
    await pilot.press("y")
    await pilot.pause()


async def sessions_stopped(pilot: Pilot[None]) -> None:
    """After a yes to fever: the banner, and the dialog that Enter on a routine brings."""
    app = pilot.app
    assert isinstance(app, LumbarApp)
    check = SafetyCheck(answered_at=app.wall(), any_yes=True, yes_to=("red-flag-fever",))
    app.store.save_safety(check)
    app.safety_check = check
    await pilot.press("enter")
    await pilot.pause()


async def resume_offer(pilot: Pilot[None]) -> None:
    """Quick 10 stopped in its second exercise ten minutes ago: the offer to continue it."""
    app = pilot.app
    assert isinstance(app, LumbarApp)
    clock = FakeClock((datetime.now(UTC) - BASE).total_seconds() - 660)
    app.store.save_session(stopped_session(app.catalogue, "quick-10", clock, 60.0))
    app.offer_unfinished()  # as at the start, with the session saved before it
    await app.workers.wait_for_complete()
    await pilot.pause()


SHOTS: dict[str, Steps] = {
    "safety": nothing,
    "safety-emergency": emergency,
    "sessions-stopped": sessions_stopped,
    "select": nothing,
    "resume-offer": resume_offer,
    "select-search": search_sciatica,
    "avoid": avoid_list,
    "roadmap": roadmap_midway,
    "player": player_mid_hold,
    "player-compact": player_mid_hold,
    "player-large": player_mid_hold,
    "player-pain-check": open_player,
    "player-this-hurts": player_this_hurts,
    "player-flare-up": player_flare_up,
    "progress": progress_demo,
    "progress-exercises": progress_exercises,
    "progress-session": progress_session,
    "help": help_on_select,
    "settings": settings,
    "builder": builder,
    "select-prescribed": nothing,
    "roadmap-prescribed": roadmap_midway,
}
SIZES = {"player-compact": (40, 12), "player-large": (120, 40)}
"""Shots at another size than 80x24: the compact player (SSH from a phone), a large terminal."""
FIRST_RUN = {"safety", "safety-emergency"}
"""The shots of a first run; the others have the safety questions answered already."""
PRESCRIBED = {"select-prescribed", "roadmap-prescribed"}
"""The shots with the example prescription installed (catalogue/examples/prescription.toml)."""


async def shoot(name: str, steps: Steps) -> Path:
    """Drive a fresh app with the steps and save what the screen shows."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "lumbar.json")
        if name not in FIRST_RUN:
            store.save_safety(SafetyCheck(answered_at=datetime.now(UTC), any_yes=False))
        catalogue = load_catalogue().catalogue
        if name in PRESCRIBED:
            catalogue = with_example(catalogue, at=Path(folder) / "prescription.toml")
        return await _shoot(make_app(catalogue, store), name, steps)


async def _shoot(app: LumbarApp, name: str, steps: Steps) -> Path:
    """Run the steps on the app and save its screen."""
    async with app.run_test(size=SIZES.get(name, SIZE)) as pilot:
        await steps(pilot)
        return Path(app.save_screenshot(filename=f"{name}.svg", path=str(OUT)))


async def main() -> None:
    """Write every screenshot."""
    OUT.mkdir(exist_ok=True)
    for name, steps in SHOTS.items():
        print(await shoot(name, steps))


if __name__ == "__main__":
    asyncio.run(main())
