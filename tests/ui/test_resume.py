"""An unfinished session is offered on the first screen, and continues into the same record."""

from __future__ import annotations

import msgspec
import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.helpers import (
    SIZE,
    FakeClock,
    MakeApp,
    notifications,
    said_yes_to_a_red_flag,
    snapshot,
    stopped_session,
)
from tui.app import LumbarApp
from tui.model.catalogue import Catalogue
from tui.model.records import Session
from tui.screens.dialogs import PainCheck, SessionSummary
from tui.screens.player import PlayerScreen
from tui.screens.resume import ResumeOffer
from tui.screens.select import SelectScreen
from tui.screens.stopped import SessionsStopped
from tui.store.store import Store

IN_CAT_COW_LEAD_IN = 60.0
"""quick-10 stopped here: pelvic tilt done, cat-cow (exercise 2 of 5) previewed."""


@pytest.fixture
def saved(catalogue: Catalogue, store: Store, clock: FakeClock) -> Session:
    """quick-10 stopped in cat-cow's lead-in this morning, saved; the clock half an hour on."""
    session = stopped_session(catalogue, "quick-10", clock, IN_CAT_COW_LEAD_IN)
    store.save_session(session)
    clock.now += 30 * 60
    return session


async def offered(pilot: Pilot[None]) -> None:
    """Wait for the offer (looked for on a worker, once the first frame is drawn) to come up."""
    app = pilot.app
    assert isinstance(app, LumbarApp)
    while app.offer_search is None:  # the first frame not drawn yet (a busy machine)
        await pilot.pause()
    await app.offer_search.wait()
    await pilot.pause()


async def continued(pilot: Pilot[None]) -> None:
    """Wait for the offer and take it."""
    await offered(pilot)
    await pilot.press("enter")
    await pilot.pause()


def playing(app: LumbarApp) -> bool:
    """True when the player is open."""
    return any(isinstance(screen, PlayerScreen) for screen in app.screen_stack)


async def test_an_unfinished_session_is_offered_at_the_start(make: MakeApp, saved: Session) -> None:
    """The latest session stopped today: the first screen offers to continue it."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await offered(pilot)
        assert isinstance(app.screen, ResumeOffer)


async def test_the_offer_says_where_it_stopped(make: MakeApp, saved: Session) -> None:
    """The offer names the routine, the exercise and its number."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await offered(pilot)
        note = str(app.screen.query_one("#note", Static).render())
        assert "Quick 10" in note and "Cat-cow (exercise 2 of 5)" in note


async def test_the_offer_cautions_when_an_exercise_hurt(
    make: MakeApp, catalogue: Catalogue, store: Store, clock: FakeClock
) -> None:
    """An exercise hurt before the stop: the offer names it and says to stop if it hurts again."""
    session = stopped_session(catalogue, "quick-10", clock, IN_CAT_COW_LEAD_IN)
    hurt = msgspec.structs.replace(session.exercises[0], feedback="hurt")
    store.save_session(msgspec.structs.replace(session, exercises=(hurt,)))
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await offered(pilot)
        note = str(app.screen.query_one("#note", Static).render())
        assert "Pelvic tilt hurt earlier in this session" in note and "stop" in note


async def test_not_now_leaves_the_session_partial(
    make: MakeApp, saved: Session, store: Store
) -> None:
    """Escape: back to the first screen, no player, the session still partial."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await offered(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, SelectScreen) and not playing(app)
    assert [s.status for s in store.sessions()] == ["partial"]


async def test_continue_opens_the_player_where_it_stopped(make: MakeApp, saved: Session) -> None:
    """Enter: the player, at the exercise it stopped before, with no pain question again."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await continued(pilot)
        assert isinstance(app.screen, PlayerScreen)
        assert snapshot(app).exercise.id == "cat-cow"


async def test_the_pain_before_kept_from_the_first_part_is_nothing_to_undo(
    make: MakeApp, saved: Session
) -> None:
    """No key was pressed: the footer offers no Undo, and u takes nothing back."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await continued(pilot)
        screen = app.screen
        assert isinstance(screen, PlayerScreen) and not screen.offers("undo")
        await pilot.press("u")
        assert screen.engine.session().pain_before == saved.pain_before
        assert app.screen is screen


async def test_a_session_with_no_pain_before_asks_it(
    make: MakeApp, catalogue: Catalogue, store: Store, clock: FakeClock
) -> None:
    """Pain before never given: continuing asks it (a missing answer is unknown)."""
    session = stopped_session(catalogue, "quick-10", clock, IN_CAT_COW_LEAD_IN, pain_before=None)
    store.save_session(session)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await continued(pilot)
        assert isinstance(app.screen, PainCheck)


async def test_continued_to_the_end_it_is_one_complete_session(
    make: MakeApp, saved: Session, store: Store, catalogue: Catalogue
) -> None:
    """Played on to the end: one session in the file, the same id, complete, every exercise."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await continued(pilot)
        while not isinstance(app.screen, PainCheck):
            await pilot.press("s")  # skip: recorded as skipped, on to the next
            await pilot.pause()
        await pilot.press("3")
        assert isinstance(app.screen, SessionSummary)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
    sessions = store.sessions()
    ids = [item.exercise for item in catalogue.routine("quick-10").items]
    assert [(s.id, s.status) for s in sessions] == [(saved.id, "complete")]
    assert [result.exercise for result in sessions[0].exercises] == ids


async def test_a_complete_latest_session_is_not_offered(
    make: MakeApp, catalogue: Catalogue, store: Store, clock: FakeClock
) -> None:
    """The latest session was finished: no offer, the first screen as usual."""
    session = stopped_session(catalogue, "quick-10", clock, IN_CAT_COW_LEAD_IN)
    store.save_session(msgspec.structs.replace(session, status="complete"))
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await offered(pilot)
        assert isinstance(app.screen, SelectScreen)


async def test_resume_on_the_command_line_opens_the_player(make: MakeApp, saved: Session) -> None:
    """``lumbar resume``: straight into the player, no offer first."""
    app = make(resume=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)


async def test_resume_after_a_red_flag_yes_shows_the_stop(
    make: MakeApp, saved: Session, store: Store, clock: FakeClock
) -> None:
    """A red-flag yes stands: resuming meets the same dialog as playing, and no player."""
    app = make(store=said_yes_to_a_red_flag(store, clock.wall()), resume=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionsStopped) and not playing(app)


async def test_resume_with_nothing_unfinished_says_so(make: MakeApp) -> None:
    """Nothing to continue: a note says so, and no player opens."""
    app = make(resume=True)
    shown = notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not playing(app)
        assert [notice.title for notice in shown] == ["Continue"]
