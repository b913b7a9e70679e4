"""The first-run safety check as a person sees it, in a 256-colour and a 16-colour theme."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import MakeApp
from tui.store.store import Store

SnapCompare = Any


@pytest.mark.parametrize("theme", ["textual-dark", "ansi-dark"])
@pytest.mark.parametrize(
    "keys", [[], ["y", "n", "n", "n", "n"]], ids=["question", "see-a-clinician"]
)
def test_safety_screen_snapshot(
    snap_compare: SnapCompare, make: MakeApp, empty_store: Store, theme: str, keys: list[str]
) -> None:
    app = make(store=empty_store)

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.press(*keys)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
