"""The gate question at 80x24: the back extension asks before the elbows, in two themes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import MakeApp, begin, snapshot
from tui.session.timeline import StepKind

SnapCompare = Callable[..., bool]
THEMES = ["textual-dark", "ansi-dark"]


@pytest.mark.parametrize("theme", THEMES)
def test_gate_dialog(snap_compare: SnapCompare, make: MakeApp, theme: str) -> None:
    """Sciatica-friendly: after lying face down, the question, why, its source and the keys."""
    app = make(play="sciatica-friendly")

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await begin(pilot)
        while snapshot(app).step.kind is not StepKind.GATE:
            await pilot.press("n")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
