"""Every screen as a person sees it at 80x24, in the default theme and in 16 colours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import FakeClock, midway
from tui.app import make_app
from tui.messages import PlayRoutine
from tui.model.catalogue import Catalogue
from tui.screens.player import PlayerScreen
from tui.store.store import Store

SnapCompare = Callable[..., bool]
THEMES = ["textual-dark", "ansi-dark"]


@pytest.mark.parametrize("theme", THEMES)
def test_select_screen(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store, theme: str
) -> None:
    app = make_app(catalogue, store)

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_select_screen_filtered(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store
) -> None:
    app = make_app(catalogue, store)
    assert snap_compare(app, terminal_size=(80, 24), press=["slash", *"sciatica", "enter"])


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("history", ["new", "midway"])
def test_roadmap_screen(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store, theme: str, history: str
) -> None:
    clock = FakeClock()
    for session in midway(clock.wall()) if history == "midway" else []:
        store.save_session(session)
    app = make_app(catalogue, store, clock=clock, wall=clock.wall)

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.press("r")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_roadmap_move_on_dialog(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store
) -> None:
    clock = FakeClock()
    for session in midway(clock.wall()):
        store.save_session(session)
    app = make_app(catalogue, store, clock=clock, wall=clock.wall)
    assert snap_compare(app, terminal_size=(80, 24), press=["r", "m"])


PLAYER_STATES = {
    "pain-check": (None, 0.0),  # the pain check before the session
    "get-ready": ("4", 0.0),  # started: the get-ready step
    "mid-hold": ("4", 7.4),  # pelvic tilt, first hold, 2.6 s left
    "feedback": ("4", 56.0),  # pelvic tilt done: the question during cat-cow's lead-in
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("state", list(PLAYER_STATES))
def test_player_screen(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store, theme: str, state: str
) -> None:
    clock = FakeClock()
    app = make_app(catalogue, store, clock=clock, wall=clock.wall)
    pain, seconds = PLAYER_STATES[state]

    async def run_before(pilot: Any) -> None:
        app.theme = theme  # before the player opens, as a theme chosen earlier would be
        await pilot.pause()
        app.post_message(PlayRoutine(catalogue.routine("quick-10")))
        await pilot.pause()
        if pain is not None:
            await pilot.press(pain)
        clock.now += seconds
        player = next(s for s in app.screen_stack if isinstance(s, PlayerScreen))
        player.refresh_display()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_avoid_list(snap_compare: SnapCompare, catalogue: Catalogue, store: Store) -> None:
    assert snap_compare(make_app(catalogue, store), terminal_size=(80, 24), press=["a"])
