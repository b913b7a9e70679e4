"""Undo in the player, back an exercise, and a footer that offers only the keys that work now.

The routine "two" plays a wall sit (2 holds of 10 s, from 5 s to 25 s) then a bridge counted
twice (from 50 s, after 25 s to get down to the floor); every test answers the pain check with
4 first.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot

from tests.helpers import SIZE, FakeClock, MakeApp, asking, begin, snapshot, wait
from tui.app import LumbarApp
from tui.model.catalogue import Count, Dose, Routine, RoutineItem, Seconds
from tui.model.records import Session
from tui.screens.dialogs import EndSession, PainCheck, SessionSummary
from tui.screens.pain_dialogs import FlareUpDialog, ThisHurts
from tui.screens.player import PlayerScreen
from tui.session import UNDO_SECONDS
from tui.store.store import Store

WALL_SIT = RoutineItem(exercise="wall-sit", dose=Dose(reps=Count(2), hold=Seconds(10)))
BRIDGE = RoutineItem(exercise="bridge", dose=Dose(reps=Count(2)))


@pytest.fixture
def two(make: MakeApp, store: Store) -> LumbarApp:
    """The app playing the wall sit then the bridge."""
    routine = Routine(
        id="two", name="Two", kind="custom", description="x", items=(WALL_SIT, BRIDGE)
    )
    store.save_routine(routine)
    return make(play="two")


def saved(app: LumbarApp, store: Store) -> Session:
    """The one session stored, once the app's saver has written what it was given."""
    assert app.saver.flush(timeout=10)
    (session,) = store.sessions()
    return session


def footer(app: LumbarApp) -> set[str]:
    """The actions the footer offers now: shown and enabled."""
    bindings = app.screen.active_bindings.values()
    return {a.binding.action for a in bindings if a.enabled and a.binding.show}


@asynccontextmanager
async def playing(
    app: LumbarApp, clock: FakeClock, seconds: float = 8
) -> AsyncIterator[Pilot[None]]:
    """The app running, the pain check answered, ``seconds`` after the start (5 s get ready)."""
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await wait(pilot, clock, seconds)
        yield pilot


# Undo, one kind at a time ---------------------------------------------------------------------


async def test_u_after_a_skip_puts_the_exercise_back(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """s then u: the wall sit's first hold again, and no "skipped" stored."""
    async with playing(two, clock) as pilot:
        await pilot.press("s")
        assert snapshot(two).exercise.id == "bridge"
        await pilot.press("u")
        assert (snapshot(two).exercise.id, snapshot(two).step_index) == ("wall-sit", 1)
        assert saved(two, store).exercises == ()


async def test_u_in_the_hurts_dialog_takes_the_hurt_back(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """! then u ("I pressed it by mistake"): no hurt stored, the hold goes on."""
    async with playing(two, clock) as pilot:
        await pilot.press("exclamation_mark")
        assert isinstance(two.screen, ThisHurts)
        await pilot.press("u")
        assert isinstance(two.screen, PlayerScreen)
        assert not snapshot(two).paused and snapshot(two).exercise.id == "wall-sit"
        assert saved(two, store).exercises == ()


async def test_u_after_staying_paused_takes_the_hurt_back(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """! then Escape (stay paused) then u: no hurt stored; still paused till space."""
    async with playing(two, clock) as pilot:
        await pilot.press("exclamation_mark", "escape", "u")
        assert saved(two, store).exercises == ()
        assert snapshot(two).paused and snapshot(two).exercise.id == "wall-sit"


async def test_a_hurt_skipped_on_in_its_dialog_is_final(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """Choosing to skip on confirms the hurt: u takes nothing back."""
    async with playing(two, clock) as pilot:
        await pilot.press("exclamation_mark", "s", "u")
        assert [r.outcome for r in saved(two, store).exercises] == ["hurt"]


async def test_u_after_a_rating_asks_again(two: LumbarApp, clock: FakeClock, store: Store) -> None:
    """The wall sit rated easy, then u: no rating stored, and the question is up again."""
    async with playing(two, clock, 26) as pilot:  # the wall sit is done at 25 s
        assert asking(two)
        await pilot.press("1")
        assert saved(two, store).exercises[0].feedback == "easy"
        await pilot.press("u")
        assert asking(two)
        assert saved(two, store).exercises[0].feedback is None


async def test_u_after_the_pain_before_asks_it_again(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """The pain score before is unknown again, then stored as given again; the session goes on."""
    async with two.run_test(size=SIZE) as pilot:
        await begin(pilot, "4")
        await pilot.press("u")
        assert isinstance(two.screen, PainCheck)
        assert saved(two, store).pain_before is None
        await pilot.press("6")
        assert isinstance(two.screen, PlayerScreen) and not snapshot(two).paused
        assert saved(two, store).pain_before == 6


async def test_a_high_pain_given_again_offers_what_to_do_at_a_flare_up(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """4 corrected to 8: the flare-up dialog; stopping ends the session, saved ended early."""
    async with two.run_test(size=SIZE) as pilot:
        await begin(pilot, "4")
        await pilot.press("u", "8")
        assert isinstance(two.screen, FlareUpDialog)
        await pilot.press("s")
        assert not any(isinstance(s, PlayerScreen) for s in two.screen_stack)
        session = saved(two, store)
        assert (session.pain_before, session.status) == (8, "partial")


async def test_u_in_the_summary_asks_the_pain_after_again(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """The pain after is unknown again, then stored as given again."""
    async with playing(two, clock) as pilot:
        await pilot.press("q")
        assert isinstance(two.screen, EndSession)
        await pilot.press("y", "5")
        assert isinstance(two.screen, SessionSummary)
        await pilot.press("u")
        assert isinstance(two.screen, PainCheck)
        assert saved(two, store).pain_after is None
        await pilot.press("2")
        assert isinstance(two.screen, SessionSummary)
        assert saved(two, store).pain_after == 2


async def test_undo_is_offered_only_for_its_seconds(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """u shows after a skip; UNDO_SECONDS later it is gone and does nothing."""
    async with playing(two, clock) as pilot:
        await pilot.press("s")
        assert "undo" in footer(two)
        await wait(pilot, clock, UNDO_SECONDS)
        assert "undo" not in footer(two)
        await pilot.press("u")
        assert [r.outcome for r in saved(two, store).exercises] == ["skipped"]


# Undo the key that ended the session ------------------------------------------------------------


def prompt(app: LumbarApp) -> str:
    """The last line of the pain check on top."""
    check = app.screen
    assert isinstance(check, PainCheck)
    return check.prompt()


async def test_u_in_the_last_pain_check_takes_back_skipping_the_last_exercise(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """s on the last exercise opens the pain check after; u there: the bridge goes on."""
    async with playing(two, clock, 55) as pilot:  # the bridge, the last exercise, from 50 s
        await pilot.press("1", "s")  # the wall sit rated, the bridge skipped
        assert isinstance(two.screen, PainCheck)
        assert "undoes the skip" in prompt(two)
        await pilot.press("u")
        assert isinstance(two.screen, PlayerScreen)
        assert snapshot(two).exercise.id == "bridge" and not snapshot(two).finished
        session = saved(two, store)
        assert [r.exercise for r in session.exercises] == ["wall-sit"]
        assert session.status == "partial"
        await pilot.press("enter", "enter")  # the bridge counted twice: the end, asked again
        assert asking(two)


async def test_u_in_the_last_pain_check_takes_back_the_last_rating(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """The bridge rated, the pain check after; u: the rating unknown and asked again."""
    async with playing(two, clock, 55) as pilot:
        await pilot.press("1", "enter", "enter", "2")  # the wall sit, then the bridge, rated
        assert isinstance(two.screen, PainCheck)
        assert "undoes the rating" in prompt(two)
        assert saved(two, store).exercises[-1].feedback == "right"
        await pilot.press("u")
        assert isinstance(two.screen, PlayerScreen) and asking(two)
        assert saved(two, store).exercises[-1].feedback is None
        await pilot.press("3")
        assert isinstance(two.screen, PainCheck)
        assert saved(two, store).exercises[-1].feedback == "hard"


async def test_the_last_pain_check_offers_undo_only_for_its_seconds(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """UNDO_SECONDS after the skip, the pain check no longer offers u, and u does nothing."""
    async with playing(two, clock, 55) as pilot:
        await pilot.press("1", "s")
        await wait(pilot, clock, UNDO_SECONDS)
        assert "undo" not in prompt(two)
        await pilot.press("u")
        assert isinstance(two.screen, PainCheck)
        assert [r.outcome for r in saved(two, store).exercises] == ["done", "skipped"]


# Back an exercise -----------------------------------------------------------------------------


async def test_b_at_an_exercise_start_goes_back_and_records_it_once(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """On the bridge's lead-in, b plays the wall sit again; it is stored once."""
    async with playing(two, clock, 27) as pilot:
        await pilot.press("b")
        assert (snapshot(two).exercise.id, snapshot(two).step_index) == ("wall-sit", 0)
        while snapshot(two).exercise.id != "bridge" or snapshot(two).step.kind.is_lead_in:
            await wait(pilot, clock, 1)  # the wall sit again, then the bridge's lead-in
        await pilot.press("enter", "enter")
        assert [r.exercise for r in saved(two, store).exercises] == ["wall-sit", "bridge"]


# The footer -----------------------------------------------------------------------------------


async def test_at_the_first_step_there_is_no_going_back(two: LumbarApp, clock: FakeClock) -> None:
    """The get-ready: + and - but no b, no Enter."""
    async with two.run_test(size=SIZE) as pilot:
        await begin(pilot)
        keys = footer(two)
        assert {"extend", "shorten"} <= keys and not {"previous_step", "count_rep"} & keys


async def test_on_a_hold_b_plus_and_minus_are_offered(make: MakeApp, clock: FakeClock) -> None:
    """Pelvic tilt held 5 s, short of the articles' 10 s: b, + and -, no Enter."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await wait(pilot, clock, snapshot(app).remaining or 0)
        keys = footer(app)
        assert {"previous_step", "extend", "shorten"} <= keys and "count_rep" not in keys


async def test_on_a_counted_rep_enter_is_offered_and_not_plus_or_minus(
    two: LumbarApp, clock: FakeClock
) -> None:
    """A counted rep has no time to change."""
    # The bridge's first rep: its lead-in is 15 s longer (down to the floor).
    async with playing(two, clock, 51):
        keys = footer(two)
        assert {"previous_step", "count_rep"} <= keys and not {"extend", "shorten"} & keys


async def test_plus_goes_from_a_hold_at_the_articles_longest(
    make: MakeApp, clock: FakeClock
) -> None:
    """Pelvic tilt held 5 s, the articles' longest 10 s: after one +, only - is offered."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await wait(pilot, clock, snapshot(app).remaining or 0)
        await pilot.press("plus")
        keys = footer(app)
        assert "shorten" in keys and "extend" not in keys


async def test_one_stray_escape_never_skips_the_last_pain_check(
    two: LumbarApp, clock: FakeClock, store: Store
) -> None:
    """Esc once (meant for the dialog before) only asks; a second Esc skips; a digit answers."""
    async with playing(two, clock) as pilot:
        await pilot.press("q", "y", "escape")
        check = two.screen
        assert isinstance(check, PainCheck) and "again leaves your pain unknown" in check.prompt()
        await pilot.press("3")
        assert isinstance(two.screen, SessionSummary)
        assert saved(two, store).pain_after == 3
