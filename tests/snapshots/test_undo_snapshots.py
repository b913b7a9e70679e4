"""The player's footer at its fullest, at 80x24: every key that works on a counted rep, undo too.

The footer offers only the keys that do something now; this is the most it offers at once,
and it must still fit in 80 columns (the fullest on a hold is the player's mid-hold snapshot).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.helpers import MakeApp, begin
from tui.model.catalogue import Count, Dose, Routine, RoutineItem, Seconds
from tui.store.store import Store

SnapCompare = Callable[..., bool]


def test_the_footer_on_a_counted_rep_just_after_a_skip(
    snap_compare: SnapCompare, make: MakeApp, store: Store
) -> None:
    """The wall sit skipped, the bridge's first counted rep: Back, Rep and Undo all offered."""
    items = (
        RoutineItem(exercise="wall-sit", dose=Dose(reps=Count(2), hold=Seconds(10))),
        RoutineItem(exercise="bridge", dose=Dose(reps=Count(2))),
    )
    store.save_routine(Routine(id="two", name="Two", kind="custom", description="x", items=items))
    app = make(play="two")

    async def run_before(pilot: Any) -> None:
        await begin(pilot)
        await pilot.press("s", "n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
