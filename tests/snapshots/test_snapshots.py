"""Every screen as a person sees it at 80x24, in the default theme and in 16 colours."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.helpers import FakeClock, MakeApp, midway
from tui.app import LumbarApp
from tui.messages import PlayRoutine
from tui.model.catalogue import Catalogue
from tui.screens.player import PlayerScreen

SnapCompare = Callable[..., bool]
THEMES = ["textual-dark", "ansi-dark"]


@pytest.mark.parametrize("theme", THEMES)
def test_select_screen(snap_compare: SnapCompare, app: LumbarApp, theme: str) -> None:

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_select_screen_filtered(snap_compare: SnapCompare, app: LumbarApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), press=["slash", *"sciatica", "enter"])


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("history", ["new", "midway"])
def test_roadmap_screen(
    snap_compare: SnapCompare,
    make: MakeApp,
    clock: FakeClock,
    theme: str,
    history: str,
) -> None:
    app = make(history=midway(clock.wall()) if history == "midway" else [])

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.press("r")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_roadmap_move_on_dialog(snap_compare: SnapCompare, make: MakeApp, clock: FakeClock) -> None:
    app = make(history=midway(clock.wall(), calm=True))
    assert snap_compare(app, terminal_size=(80, 24), press=["r", "m"])


PLAYER_STATES = {
    "pain-check": (None, 0.0),  # the pain check before the session
    "get-ready": ("4", 0.0),  # started: the get-ready step
    "moving-in": ("4", 5.6),  # pelvic tilt, the 2 s move into the first hold, 1.4 s left
    "mid-hold": ("4", 9.4),  # pelvic tilt, first hold, 2.6 s left
    "feedback": ("4", 96.0),  # pelvic tilt done: the question during cat-cow's lead-in
}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("state", list(PLAYER_STATES))
def test_player_screen(
    snap_compare: SnapCompare,
    app: LumbarApp,
    clock: FakeClock,
    catalogue: Catalogue,
    theme: str,
    state: str,
) -> None:
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


def quick_10_at(
    app: LumbarApp, clock: FakeClock, catalogue: Catalogue, seconds: float, size: tuple[int, int]
) -> Callable[[Any], Awaitable[None]]:
    """Play Quick 10 at 80x24 (pain 4 before), ``seconds`` in; then resize to ``size``."""

    async def run_before(pilot: Any) -> None:
        await pilot.resize_terminal(80, 24)  # the pain check is answered at full size
        app.post_message(PlayRoutine(catalogue.routine("quick-10")))
        await pilot.pause()
        await pilot.press("4")
        clock.now += seconds
        player = next(s for s in app.screen_stack if isinstance(s, PlayerScreen))
        player.refresh_display()
        await pilot.resize_terminal(*size)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(60, 15), (120, 40)])
def test_player_feedback_at_other_sizes(
    snap_compare: SnapCompare,
    app: LumbarApp,
    clock: FakeClock,
    catalogue: Catalogue,
    size: tuple[int, int],
) -> None:
    """The question after an exercise in the compact player at 60x15, and larger at 120x40."""
    run_before = quick_10_at(app, clock, catalogue, PLAYER_STATES["feedback"][1], size)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(60, 15), (40, 12), (20, 8), (120, 40)])
def test_player_at_other_sizes(
    snap_compare: SnapCompare,
    app: LumbarApp,
    clock: FakeClock,
    catalogue: Catalogue,
    size: tuple[int, int],
) -> None:
    """Compact at 60x15 and 40x12; the note (the session waiting) at 20x8; larger at 120x40."""
    run_before = quick_10_at(app, clock, catalogue, 7.4, size)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_avoid_list(snap_compare: SnapCompare, app: LumbarApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), press=["a"])
