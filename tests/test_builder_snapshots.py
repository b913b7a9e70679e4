"""The routine builder as a person sees it at 80x24, in the default theme and in 16 colours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.fakes import FakeClock
from tests.test_builder import EVENING, add, choose
from tui.app import make_app
from tui.model import Catalogue
from tui.store import Store

SnapCompare = Callable[..., bool]
THEMES = ["textual-dark", "ansi-dark"]


def app_for(catalogue: Catalogue, store: Store) -> Any:
    clock = FakeClock()
    return make_app(catalogue, store, clock=clock, wall=clock.wall)


@pytest.mark.parametrize("theme", THEMES)
def test_builder_with_three_exercises(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store, theme: str
) -> None:
    app = app_for(catalogue, store)

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await choose(pilot, "plank", "exercise:plank")
        await pilot.press("n", *"Evening ease", "tab", "right", "plus")
        await add(pilot, "child", "childs-pose")
        await add(pilot, "pelvic tilt", "pelvic-tilt")
        await pilot.press("shift+tab", "shift+tab", "shift+up", "shift+up")
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_builder_adding_from_the_list(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store
) -> None:
    app = app_for(catalogue, store)

    async def run_before(pilot: Any) -> None:
        await choose(pilot, "bridge", "exercise:bridge")
        await pilot.press("n", *"Strong", "tab", "a", *"sciatica", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_builder_asks_before_leaving_unsaved(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store
) -> None:
    store.save_routine(EVENING)
    app = app_for(catalogue, store)

    async def run_before(pilot: Any) -> None:
        await choose(pilot, "evening", "routine:evening")
        await pilot.press("e", "x", "escape")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_select_screen_with_your_routine_and_the_delete_question(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store, theme: str
) -> None:
    store.save_routine(EVENING)
    app = app_for(catalogue, store)

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await choose(pilot, "evening", "routine:evening")
        await pilot.press("d")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_select_screen_on_your_routine(
    snap_compare: SnapCompare, catalogue: Catalogue, store: Store
) -> None:
    store.save_routine(EVENING)
    app = app_for(catalogue, store)

    async def run_before(pilot: Any) -> None:
        await choose(pilot, "evening", "routine:evening")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
