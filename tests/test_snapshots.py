"""Every screen as a person sees it at 80x24, in the default theme and in 16 colours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tui.app import make_app
from tui.model import Catalogue
from tui.store import Store

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
