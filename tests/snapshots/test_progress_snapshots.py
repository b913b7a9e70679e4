"""The progress screen as a person sees it at 80x24, on the demo history and a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import FakeClock, MakeApp, demo_history, open_progress
from tui.app import LumbarApp
from tui.model.catalogue import Catalogue

SnapCompare = Callable[..., bool]
THEMES = ["textual-dark", "ansi-dark"]


@pytest.fixture
def app(make: MakeApp, catalogue: Catalogue, clock: FakeClock) -> LumbarApp:
    """The app on the fake clock (Saturday 1 March 2025, 09:00) with months of history."""
    return make(history=demo_history(catalogue, clock.wall()))


def opened(app: LumbarApp, theme: str, *keys: str) -> Callable[[Any], Any]:
    """Steps: choose the theme, press p, wait for the history, then press ``keys``."""

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await open_progress(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("theme", THEMES)
def test_progress_overview(snap_compare: SnapCompare, app: LumbarApp, theme: str) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=opened(app, theme))


@pytest.mark.parametrize("theme", THEMES)
def test_progress_exercises(snap_compare: SnapCompare, app: LumbarApp, theme: str) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=opened(app, theme, "2", "s"))


def test_progress_history(snap_compare: SnapCompare, app: LumbarApp) -> None:
    steps = opened(app, "textual-dark", "3")
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps)


@pytest.mark.parametrize("theme", THEMES)
def test_progress_session_detail(snap_compare: SnapCompare, app: LumbarApp, theme: str) -> None:
    # The ninth newest session: the Essential Guide on 11 February, where the cat-cow hurt.
    keys = ("3", "down", "down", "down", "down", "down", "down", "down", "down", "enter")
    assert snap_compare(app, terminal_size=(80, 24), run_before=opened(app, theme, *keys))


def test_progress_export_dialog(snap_compare: SnapCompare, app: LumbarApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=opened(app, "textual-dark", "e"))


def test_progress_new_user(snap_compare: SnapCompare, make: MakeApp) -> None:
    app = make()
    assert snap_compare(app, terminal_size=(80, 24), run_before=opened(app, "textual-dark"))
