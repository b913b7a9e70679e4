"""The player paused mid-hold, at 80x24, in the default theme and in 16 colours.

Pausing repaints the header, the phase word, the digits and the bar in the paused colour
(drawn at paint time, not restyled: see tui/widgets/tinted.py); this pins how that looks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import FakeClock, player
from tui.app import LumbarApp
from tui.messages import PlayRoutine
from tui.model.catalogue import Catalogue

SnapCompare = Callable[..., bool]


@pytest.mark.parametrize("theme", ["textual-dark", "ansi-dark"])
def test_player_paused_mid_hold(
    snap_compare: SnapCompare, app: LumbarApp, clock: FakeClock, catalogue: Catalogue, theme: str
) -> None:
    """Quick 10's first hold, 2.6 s left, paused: PAUSED and the paused colour throughout."""

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.pause()
        app.post_message(PlayRoutine(catalogue.routine("quick-10")))
        await pilot.pause()
        await pilot.press("4")
        clock.now += 9.4
        player(app).refresh_display()
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
