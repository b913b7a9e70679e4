"""The player's dialogs about pain at 80x24: "this hurts", a flare-up, and a flagged summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import MakeApp, hold_of
from tui.app import LumbarApp

SnapCompare = Callable[..., bool]
THEMES = ["textual-dark", "ansi-dark"]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize(
    ("routine", "exercise"), [("klarity", "plank"), ("quick-10", "pelvic-tilt")]
)
def test_this_hurts_dialog(
    snap_compare: SnapCompare, make: MakeApp, theme: str, routine: str, exercise: str
) -> None:
    """The plank offers the modified plank; the pelvic tilt has no easier variant."""
    app = make(play=routine)

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await hold_of(pilot, exercise)
        await pilot.press("exclamation_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
def test_flare_up_dialog(snap_compare: SnapCompare, make: MakeApp, theme: str) -> None:
    """Pain 9 before Quick 10: the advice, the cool-down offered, stopping."""
    app = make(play="quick-10")

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.pause()
        await pilot.press("9")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_flagged_summary(snap_compare: SnapCompare, make: MakeApp) -> None:
    """Bird dog hurt and pain rose: the summary says what lumbar will do next time."""
    app: LumbarApp = make(play="quick-10")

    async def run_before(pilot: Any) -> None:
        await hold_of(pilot, "bird-dog")
        await pilot.press("exclamation_mark", "s", "q", "y", "5")
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
