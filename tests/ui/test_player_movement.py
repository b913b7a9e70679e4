"""The player on the bundled catalogue as it is: the moves around a hold and a paced rep's beats."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.pilot import Pilot

from tests.helpers import FakeClock, app_on, begin, player, snapshot, wait
from tui.app import LumbarApp
from tui.model.catalogue import Catalogue
from tui.session.timeline import StepKind
from tui.store.store import Store
from tui.widgets.session_view import SessionView

SIZE = (80, 24)


def view(app: LumbarApp) -> SessionView:
    """The player's session view."""
    return player(app).query_one(SessionView)


@asynccontextmanager
async def first_rep(
    catalogue: Catalogue, store: Store, exercise: str
) -> AsyncIterator[tuple[Pilot[None], LumbarApp, FakeClock]]:
    """``lumbar play EXERCISE``, the pain check answered and the 5 s get-ready over."""
    clock = FakeClock()
    app = app_on(catalogue, store, clock, play=exercise)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await wait(pilot, clock, 5)
        yield pilot, app, clock


async def test_a_wall_sit_starts_by_sliding_down_the_wall(moving: Catalogue, store: Store) -> None:
    """After get ready: MOVE, "Slide slowly down the wall", 4 s, then the hold."""
    async with first_rep(moving, store, "wall-sit") as (pilot, app, clock):
        assert (view(app).state, view(app).cue) == ("MOVE", "Slide slowly down the wall")
        await wait(pilot, clock, 4)
        assert snapshot(app).step.kind is StepKind.HOLD


async def test_the_pelvic_clock_shows_the_beat_in_play(moving: Catalogue, store: Store) -> None:
    """Its cue names the beat: back at the start, middle 2 s later."""
    async with first_rep(moving, store, "pelvic-clock-seated") as (pilot, app, clock):
        assert view(app).cue == "Tip your pelvis round the clock · BACK (1 of 4)"
        await wait(pilot, clock, 2)
        assert view(app).cue == "Tip your pelvis round the clock · MIDDLE (2 of 4)"
