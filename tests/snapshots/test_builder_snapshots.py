"""The routine builder as a person sees it at 80x24, in the default theme and in 16 colours."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from tests.helpers import EVENING, MakeApp, add, choose
from tui.app import LumbarApp
from tui.store.store import Store

SnapCompare = Callable[..., bool]
RunBefore = Callable[[Any], Awaitable[None]]
THEMES = ["textual-dark", "ansi-dark"]


def chosen(
    app: LumbarApp, words: str, option_id: str, *keys: str, theme: str | None = None
) -> RunBefore:
    """Steps: the theme (if given), search for an option and put the cursor on it, press keys."""

    async def run_before(pilot: Any) -> None:
        if theme is not None:
            app.theme = theme
        await choose(pilot, words, option_id)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("theme", THEMES)
def test_builder_with_three_exercises(
    snap_compare: SnapCompare, app: LumbarApp, theme: str
) -> None:

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await choose(pilot, "plank", "exercise:plank")
        await pilot.press("n", *"Evening ease", "tab", "right", "minus")
        await add(pilot, "child", "childs-pose")
        await add(pilot, "pelvic tilt", "pelvic-tilt")
        await pilot.press("shift+tab", "shift+tab", "shift+up", "shift+up")
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_builder_adding_from_the_list(snap_compare: SnapCompare, app: LumbarApp) -> None:
    keys = ("n", *"Strong", "tab", "a", *"sciatica", "enter")
    steps = chosen(app, "bridge", "exercise:bridge", *keys)
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)


def test_builder_asks_before_leaving_unsaved(
    snap_compare: SnapCompare, make: MakeApp, store: Store
) -> None:
    store.save_routine(EVENING)
    app = make()
    steps = chosen(app, "evening", "routine:evening", "e", "x", "escape")
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)


@pytest.mark.parametrize("theme", THEMES)
def test_select_screen_with_your_routine_and_the_delete_question(
    snap_compare: SnapCompare, make: MakeApp, store: Store, theme: str
) -> None:
    store.save_routine(EVENING)
    app = make()
    steps = chosen(app, "evening", "routine:evening", "d", theme=theme)
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)


def test_select_screen_on_your_routine(
    snap_compare: SnapCompare, make: MakeApp, store: Store
) -> None:
    store.save_routine(EVENING)
    app = make()
    steps = chosen(app, "evening", "routine:evening")
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)
