"""What the player records is what was done: pain scores as typed, reps and holds cut short.

Also that + never takes a hold past the longest the articles give, and says so.
"""

from __future__ import annotations

import msgspec
import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.helpers import (
    SIZE,
    FakeClock,
    MakeApp,
    asking,
    make_result,
    make_session,
    notifications,
    open_progress,
    player,
    snapshot,
    wait,
)
from tui.app import LumbarApp
from tui.model.catalogue import Count, Dose, Routine, RoutineItem
from tui.model.records import Session, Settings
from tui.screens.dialogs import EndSession, PainCheck, SessionSummary
from tui.screens.pain_dialogs import FlareUpDialog
from tui.screens.player import PlayerScreen
from tui.screens.progress_dialogs import SessionDetail
from tui.session.timeline import StepKind
from tui.store.store import Store
from tui.widgets.readout import Readout


def saved(app: LumbarApp, store: Store) -> Session:
    """The one session in the store, once the app's saver has written it."""
    assert app.saver.flush(timeout=10)
    (session,) = store.sessions()
    return session


async def pain_check(pilot: Pilot[None]) -> PainCheck:
    """The pain check that opens the session."""
    await pilot.pause()
    check = pilot.app.screen
    assert isinstance(check, PainCheck)
    return check


def prompt(check: PainCheck) -> str:
    """The pain check's last line: how to answer, or what a 1 waits for."""
    return check.query_one("#pain-prompt", Readout).text


async def to_first_hold(pilot: Pilot[None], clock: FakeClock) -> None:
    """Answer the pain check with 4, then wait out the get-ready step."""
    await pilot.press("4")
    await wait(pilot, clock, snapshot(pilot.app).remaining or 0)  # type: ignore[arg-type]
    assert snapshot(pilot.app).step.kind is StepKind.HOLD  # type: ignore[arg-type]


# --- the pain check ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "score"),
    [
        (("1", "0"), 10),
        (("1", "enter"), 1),
        (("1", "5"), 5),
        (("t",), 10),
        (("0",), 0),
        (("9",), 9),
    ],
    ids=["1-0-is-10", "1-enter-is-1", "1-5-is-5", "t-is-10", "0", "9"],
)
async def test_the_pain_check_records_the_score_typed(
    make: MakeApp, store: Store, keys: tuple[str, ...], score: int
) -> None:
    """Ten typed as 1 then 0 is 10, never 1; 1 is kept by Enter; one digit is that score."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pain_check(pilot)
        await pilot.press(*keys)
        if score >= Settings().pain_threshold:  # a flare-up: the gentle routine keeps the score
            assert isinstance(app.screen, FlareUpDialog)
            await pilot.press("g")
            await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert saved(app, store).pain_before == score


async def test_a_1_waits_for_a_0_and_says_so(make: MakeApp, store: Store) -> None:
    """After 1 the check stays open, saying what 0 and Enter do; nothing starts meanwhile."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        check = await pain_check(pilot)
        await pilot.press("1")
        assert app.screen is check and check.pending
        assert prompt(check) == "1? Press 0 for 10, or Enter to keep 1 (kept in 3 s)."
        assert list(store.sessions()) == []


async def test_a_1_left_waiting_is_kept_as_1_when_its_wait_ends(
    make: MakeApp, store: Store
) -> None:
    """The wait running out (its timer's action, called here) keeps the 1."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        check = await pain_check(pilot)
        await pilot.press("1")
        check.action_keep()  # what the timer does after ten_wait seconds
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert saved(app, store).pain_before == 1


async def test_enter_without_a_1_waiting_answers_nothing(make: MakeApp, store: Store) -> None:
    """Enter alone at the pain check is not a score: the check stays open."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        check = await pain_check(pilot)
        await pilot.press("enter")
        assert app.screen is check and not check.pending
        assert prompt(check) == "Press one key. Esc skips."


async def test_1_then_0_after_the_session_records_10_as_pain_after(
    make: MakeApp, store: Store
) -> None:
    """The pain check that ends the session reads 1 then 0 as 10 too."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pain_check(pilot)
        await pilot.press("4", "q", "y")
        await pain_check(pilot)
        await pilot.press("1", "0")
        assert isinstance(app.screen, SessionSummary)
        assert saved(app, store).pain_after == 10


# --- reps and holds cut short -----------------------------------------------------------------


async def test_n_through_every_rep_is_saved_as_cut_short_and_said_so(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """n through all 10 pelvic tilts: saved "cut" (0 of 10 reps, 10 cut short), and said so."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pain_check(pilot)
        await to_first_hold(pilot, clock)
        await pilot.press(*["n"] * 10)
        assert snapshot(app).exercise.id == "cat-cow"
        assert asking(app)  # how did it feel? is asked of an exercise cut short too
        result = saved(app, store).exercises[0]
        assert (result.outcome, result.reps_done, result.holds_cut) == ("cut", 0, 10)
        assert not result.full
        await pilot.press("q")
        assert isinstance(app.screen, EndSession)
        await pilot.press("y", "escape", "escape")
        summary = app.screen
        assert isinstance(summary, SessionSummary)
        lines = [readout.text for readout in summary.query(Readout)]
    assert lines[:2] == [
        "Quick 10 minutes: 0 done, 1 cut short.",
        "  Pelvic tilt: 0 of 10 reps, 10 holds cut short.",
    ]


async def test_a_session_cut_short_shows_so_in_the_progress_history(
    make: MakeApp, store: Store
) -> None:
    """The session detail says "cut short" and what was left undone."""
    cut = make_result(outcome="cut", reps_done=20, holds_cut=2)
    session = msgspec.structs.replace(make_session(), exercises=(make_result(), cut))
    app = make(history=[session])
    async with app.run_test(size=SIZE) as pilot:
        await open_progress(pilot)
        await pilot.press("3", "enter")
        detail = app.screen
        assert isinstance(detail, SessionDetail)
        blocks = [str(block.content) for block in detail.query(".result").results(Static)]
    assert blocks[0].startswith("Bird dog: done, rated right")
    assert blocks[1].startswith("Bird dog: cut short, rated right")
    assert "did      20 of 24 reps, 2 holds cut short" in blocks[1]


# --- + within the articles' longest hold ------------------------------------------------------


async def test_plus_stops_at_the_longest_hold_the_articles_give_and_says_so(
    make: MakeApp, clock: FakeClock
) -> None:
    """Pelvic tilt held 5 s; the articles go up to 10 s: + once, then refused with a message."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        notes = notifications(app)
        await pain_check(pilot)
        await to_first_hold(pilot, clock)
        await pilot.press("plus")
        assert snapshot(app).remaining == 10
        await pilot.press("plus")
        assert snapshot(app).remaining == 10
        assert notes[-1].message == "The articles go up to 10 s for this hold."


async def test_plus_on_a_moving_rep_is_refused_with_a_message(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """A bird dog paced at 5 s a rep is not a hold: + adds nothing to it, and says so."""
    moving = RoutineItem(exercise="bird-dog", dose=Dose(reps=Count(2), tempo=5))
    store.save_routine(
        Routine(id="moving", name="Moving", kind="custom", description="x", items=(moving,))
    )
    app = make(play="moving")
    async with app.run_test(size=SIZE) as pilot:
        notes = notifications(app)
        await pain_check(pilot)
        await pilot.press("4")
        await wait(pilot, clock, snapshot(app).remaining or 0)
        assert snapshot(app).step.kind is StepKind.MOVE
        await pilot.press("plus")
        assert snapshot(app).remaining == 5
        assert notes[-1].message == "This rep is a movement, not a hold: + does nothing here."


async def test_plus_still_lengthens_a_rest_or_a_get_ready(make: MakeApp, clock: FakeClock) -> None:
    """More time to get ready is never more dose: + adds its 5 s."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pain_check(pilot)
        await pilot.press("4")
        assert snapshot(app).step.kind is StepKind.GET_READY
        await pilot.press("plus")
        assert snapshot(app).remaining == 10
        assert player(app).engine.running
