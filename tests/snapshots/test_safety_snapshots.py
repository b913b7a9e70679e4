"""The safety check and the red-flag gate as a person sees them, in 256 and in 16 colours."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import FakeClock, MakeApp, said_yes_to_a_red_flag
from tui.store.store import Store

SnapCompare = Any
THEMES = ["textual-dark", "ansi-dark"]
PAGES = {
    "question": [],
    "see-a-clinician": ["n", "n", "y", *"n" * 9],  # yes to numbness in the legs
    "emergency": ["y"],  # yes to losing bladder or bowel control, the first question
}
"""Keys pressed on a first run, and the page of the safety check they lead to."""


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("page", list(PAGES))
def test_safety_screen_snapshot(
    snap_compare: SnapCompare, make: MakeApp, empty_store: Store, theme: str, page: str
) -> None:
    """Each page of the safety check: a question, see a clinician, the emergency."""
    app = make(store=empty_store)

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.press(*PAGES[page])

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("keys", [[], ["enter"], ["r"]], ids=["select", "dialog", "roadmap"])
def test_sessions_stopped_snapshot(
    snap_compare: SnapCompare,
    make: MakeApp,
    empty_store: Store,
    clock: FakeClock,
    theme: str,
    keys: list[str],
) -> None:
    """After a yes: the banner on the select screen and the roadmap; the dialog on Enter."""
    app = make(store=said_yes_to_a_red_flag(empty_store, clock.wall()))

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.press(*keys)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
