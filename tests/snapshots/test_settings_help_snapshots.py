"""The settings and help screens as a person sees them at 80x24, in the default theme and in 16
colours. The theme is the one stored in the settings, as after a restart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import MakeApp
from tui.app import LumbarApp
from tui.model.records import Settings
from tui.store.store import Store

SnapCompare = Callable[..., bool]
THEMES = ["textual-dark", "ansi-dark"]
SIZE = (80, 24)


@pytest.mark.parametrize("theme", THEMES)
def test_settings_screen(
    snap_compare: SnapCompare, make: MakeApp, store: Store, theme: str
) -> None:
    store.save_settings(Settings(theme=theme, notify="osc777", warm_up=True))
    assert snap_compare(make(), terminal_size=SIZE, press=["comma"])


@pytest.mark.parametrize("theme", THEMES)
def test_help_screen(snap_compare: SnapCompare, make: MakeApp, store: Store, theme: str) -> None:
    store.save_settings(Settings(theme=theme))
    assert snap_compare(make(), terminal_size=SIZE, press=["question_mark"])


def test_help_screen_at_the_advice(snap_compare: SnapCompare, app: LumbarApp) -> None:

    async def run_before(pilot: Any) -> None:
        await pilot.press("r", "question_mark")
        await pilot.pause()
        pane = app.screen.query_one("#help-pane")
        advice = app.screen.query_one("#advice-text")
        pane.scroll_to_widget(advice, animate=False, top=True)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
