"""The offer to continue an unfinished session, at 80x24, in the default theme and in 16 colours."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import FakeClock, MakeApp, stopped_session
from tui.model.catalogue import Catalogue
from tui.store.store import Store

SnapCompare = Callable[..., bool]


@pytest.mark.parametrize("theme", ["textual-dark", "ansi-dark"])
def test_resume_offer(
    snap_compare: SnapCompare,
    make: MakeApp,
    catalogue: Catalogue,
    store: Store,
    clock: FakeClock,
    theme: str,
) -> None:
    """quick-10 stopped in cat-cow's lead-in this morning: the first screen offers to go on."""
    store.save_session(stopped_session(catalogue, "quick-10", clock, 60.0))
    clock.now += 30 * 60
    app = make()

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
