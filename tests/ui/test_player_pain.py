"""The player responds to pain: "this hurts", a flare-up before the start, and what comes next."""

from __future__ import annotations

import pytest

from tests.helpers import (
    FakeClock,
    MakeApp,
    asking,
    begin,
    choose,
    end_now,
    hold_of,
    notifications,
    player,
    session_before,
    snapshot,
    wait,
)
from tui.app import LumbarApp
from tui.model import work
from tui.model.records import Feedback, Outcome, Session, Settings
from tui.screens.dialogs import EndSession, PainCheck, SessionSummary
from tui.screens.help import HelpScreen
from tui.screens.pain_dialogs import FlareUpDialog, ThisHurts
from tui.screens.player import PlayerScreen
from tui.screens.select import SelectScreen
from tui.store.store import Store
from tui.widgets.description import DescriptionView
from tui.widgets.readout import Readout

SIZE = (80, 24)


def words(app: LumbarApp) -> str:
    """Everything the dialog on top says, in one line."""
    return " ".join(readout.text for readout in app.screen.query(Readout))


def saved(app: LumbarApp, store: Store) -> list[Session]:
    """The sessions stored, once the saver has written what it was given."""
    assert app.saver.flush(timeout=10)
    return list(store.sessions())


@pytest.mark.parametrize(
    ("routine", "hurting", "variant", "name"),
    [
        ("klarity", "plank", "modified-plank", "Modified plank"),
        ("ten-best", "modified-plank", "incline-plank", "Incline plank"),
        ("desk-break", "hamstring-stretch-standing", "hamstring-unlock", "Hamstring unlock"),
    ],
    ids=["klarity-plank", "ten-best-knee-plank", "the-last-exercise"],
)
async def test_this_hurts_plays_the_easier_variant_no_heavier_than_what_hurt(
    make: MakeApp, routine: str, hurting: str, variant: str, name: str
) -> None:
    """What hurt (even the routine's last exercise): its easier variant plays next, no heavier."""
    app = make(play=routine)
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, hurting)
        hurt = snapshot(app).exercise
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ThisHurts)
        assert name in words(app)
        await pilot.press("1")
        assert isinstance(app.screen, PlayerScreen)
        now = snapshot(app)
        assert (now.exercise.id, now.paused, now.finished) == (variant, False, False)
        assert work(now.exercise.planned) <= work(hurt.planned)


async def test_this_hurts_saves_the_hurt_before_anything_is_chosen(
    make: MakeApp, store: Store
) -> None:
    """The exercise is saved as hurting while the dialog is still up."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, "bird-dog")
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ThisHurts)
        (session,) = saved(app, store)
        assert (session.exercises[-1].exercise, session.exercises[-1].outcome) == (
            "bird-dog",
            "hurt",
        )


async def test_this_hurts_without_an_easier_variant_still_pauses_and_offers(
    make: MakeApp,
) -> None:
    """The pelvic tilt has no easier variant: the dialog offers skip and end; no toast."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        shown = notifications(app)
        await hold_of(pilot, "pelvic-tilt")
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ThisHurts)
        said = words(app)
        assert "no easier variant" in said
        assert "s  Skip it: go on to Cat-cow" in said
        assert "q  End the session" in said
        assert "Sharp, shooting or burning pain" in said
        assert "Source: 10 Best Exercises for Lower Back Pain Relief" in said
        assert snapshot(app).paused
        assert shown == []


async def test_escape_on_this_hurts_keeps_the_session_paused(
    make: MakeApp, clock: FakeClock
) -> None:
    """Escape is the safe answer: nothing counts down until the user says so."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, "pelvic-tilt")
        await pilot.press("exclamation_mark", "escape")
        assert isinstance(app.screen, PlayerScreen)
        before = snapshot(app)
        await wait(pilot, clock, 60)
        after = snapshot(app)
        assert after.paused
        assert (after.exercise.id, after.remaining) == ("cat-cow", before.remaining)


async def test_skip_on_this_hurts_goes_on_to_the_next_exercise(make: MakeApp) -> None:
    """Skip resumes at the next exercise, without the easier variant."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, "bird-dog")
        await pilot.press("exclamation_mark", "s")
        assert isinstance(app.screen, PlayerScreen)
        assert snapshot(app).exercise.id == "knee-to-chest"
        assert not snapshot(app).paused
        ids = [e.id for e in player(app).engine.timeline.exercises]
        assert "back-stabiliser" not in ids


async def test_end_on_this_hurts_ends_the_session_early_and_saves_it(
    make: MakeApp, store: Store
) -> None:
    """q in the dialog ends the session: saved as partial, the hurt in it."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, "bridge")
        await pilot.press("exclamation_mark", "q")
        assert isinstance(app.screen, PainCheck)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, SessionSummary)
    (session,) = saved(app, store)
    assert session.status == "partial"
    assert [(r.exercise, r.outcome) for r in session.exercises][-1] == ("bridge", "hurt")


async def test_this_hurts_after_an_exercise_offers_its_easier_variant(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """In the lead-in after bird dog, ! marks bird dog and offers its variant before the next."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, "bird-dog")
        while snapshot(app).exercise.id == "bird-dog":
            await wait(pilot, clock, snapshot(app).remaining or 0)
        assert asking(app)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ThisHurts)
        assert not asking(app)
        await pilot.press("1")
        assert [e.id for e in player(app).engine.timeline.exercises][3:6] == [
            "bird-dog",
            "back-stabiliser",
            "knee-to-chest",
        ]
        assert snapshot(app).exercise.id == "back-stabiliser"
    bird = saved(app, store)[0].exercises[3]
    assert (bird.exercise, bird.outcome, bird.feedback) == ("bird-dog", "done", "hurt")


async def test_this_hurts_before_anything_is_done_saves_no_hurt(
    make: MakeApp, store: Store
) -> None:
    """In the first get-ready nothing is marked; skip skips the first exercise."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ThisHurts)
        assert "Nothing has been done yet" in words(app)
        await pilot.press("s")
        assert snapshot(app).exercise.id == "cat-cow"
    (session,) = saved(app, store)
    assert [(r.exercise, r.outcome) for r in session.exercises] == [("pelvic-tilt", "skipped")]


async def test_this_hurts_on_the_last_exercise_offers_to_finish_the_session(
    make: MakeApp, store: Store
) -> None:
    """The last exercise (no easier variant) hurts: skip finishes, complete; no "end early"."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, "knee-to-chest")
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ThisHurts)
        assert "Finish the session: nothing is left after it" in words(app)
        assert "End the session" not in words(app)
        await pilot.press("s")
        assert isinstance(app.screen, PainCheck)
    (session,) = saved(app, store)
    assert (session.status, session.exercises[-1].outcome) == ("complete", "hurt")


async def test_ending_in_the_easier_variants_lead_in_keeps_what_hurt(
    make: MakeApp, store: Store
) -> None:
    """The last exercise hurt, its variant is put in, then the session ends: the hurt stays."""
    app = make(play="desk-break")
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, "hamstring-stretch-standing")
        await pilot.press("exclamation_mark", "1")
        await end_now(pilot)
    (session,) = saved(app, store)
    last = session.exercises[-1]  # ended in the variant's lead-in: nothing of it was done
    assert (session.status, last.exercise, last.outcome) == (
        "partial",
        "hamstring-stretch-standing",
        "hurt",
    )


async def test_high_pain_before_says_so_before_anything_starts(make: MakeApp, store: Store) -> None:
    """Pain 9 before: the flare-up dialog, with the article's advice; nothing started."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("9")
        assert isinstance(app.screen, FlareUpDialog)
        said = words(app)
        assert "hold off until it has settled" in said
        assert "Source: 10 Best Exercises for Lower Back Pain Relief." in said
        assert "g  Gentle instead: Cool-down" in said
        assert not player(app).engine.running
    assert saved(app, store) == []


async def test_pain_below_the_threshold_starts_at_once(make: MakeApp) -> None:
    """Pain 6 before (the threshold is 7): no flare-up dialog."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "6")
        assert player(app).engine.running


async def test_the_flare_up_follows_the_pain_threshold_setting(make: MakeApp, store: Store) -> None:
    """With the threshold set to 5, pain 5 before is a flare-up."""
    store.save_settings(Settings(pain_threshold=5, warm_up=False))
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("5")
        assert isinstance(app.screen, FlareUpDialog)
        assert "at or above 5 out of 10" in words(app)


async def test_the_gentle_routine_plays_the_cool_down_with_the_pain_given(
    make: MakeApp, store: Store
) -> None:
    """g plays the cool-down in one player, its pain before the 9 already given."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("9", "g")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        assert [type(s) for s in app.screen_stack].count(PlayerScreen) == 1
        assert player(app).engine.timeline.routine_id == "cool-down"
        assert player(app).engine.running
    (session,) = saved(app, store)
    assert (session.routine, session.pain_before) == ("cool-down", 9)


async def test_stopping_at_a_flare_up_saves_nothing(make: MakeApp, store: Store) -> None:
    """s stops for today: back to the list, no session stored, said so."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        shown = notifications(app)
        await pilot.pause()
        await pilot.press("t", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
        assert [n.title for n in shown] == ["Stopped for today"]
    assert saved(app, store) == []


async def test_a_flagged_session_summary_says_what_lumbar_will_do(make: MakeApp) -> None:
    """Bird dog hurt and pain rose: the summary names the step down, the holds and the key."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, "bird-dog", pain="3")
        await pilot.press("exclamation_mark", "s", "q")
        assert isinstance(app.screen, EndSession)
        await pilot.press("y", "5")
        assert isinstance(app.screen, SessionSummary)
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = app.screen.query_one("#next-time", Readout)
        assert said.display
        assert "your pain rose from 3 to 5 out of 10" in said.text
        assert "Next time, Bird dog: one step lighter: it hurt on 1 Mar" in said.text
        assert "Every other dose holds next time" in said.text
        assert "Press ? for help and the advice on pain." in said.text


async def test_the_help_key_over_the_summary_opens_the_advice(make: MakeApp) -> None:
    """The key the summary names opens the help, with the advice on pain."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "3")
        await pilot.press("q", "y", "8")
        assert isinstance(app.screen, SessionSummary)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Good pain and bad pain" in app.screen.advice_text


async def test_a_session_without_a_flag_says_nothing_of_next_time(make: MakeApp) -> None:
    """No pain flag: the summary has no next-time part."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "3")
        await pilot.press("q", "y", "2")
        assert isinstance(app.screen, SessionSummary)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.screen.query_one("#next-time", Readout).display


def flagged_yesterday(clock: FakeClock) -> Session:
    """Quick 10 yesterday, three exercises done and rated right, but pain from 3 to 7."""
    done: list[tuple[str, Outcome, Feedback | None]] = [
        (e, "done", "right") for e in ("pelvic-tilt", "cat-cow", "bird-dog")
    ]
    return session_before(clock.wall(), 1, done, routine="quick-10", phase=None, pain=(3, 7))


async def test_the_player_shows_why_an_exercise_plays_at_its_dose(
    make: MakeApp, clock: FakeClock
) -> None:
    """After pain 7, the pelvic tilt holds, and the player says why."""
    app = make(play="quick-10", history=[flagged_yesterday(clock)])
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        reason = player(app).query_one("#reason", Readout).text
        assert reason == (
            "10 reps, hold 5 s. Same as last time: held: your pain rose from 3 to 7 out of 10"
            " and your pain after was 7 out of 10 on 28 Feb."
        )


async def test_the_player_says_an_easier_variant_is_below_the_range(make: MakeApp) -> None:
    """The modified plank put in after the plank hurt: below the article's range, and why."""
    app = make(play="klarity")
    async with app.run_test(size=SIZE) as pilot:
        await hold_of(pilot, "plank")
        await pilot.press("exclamation_mark", "1")
        reason = player(app).query_one("#reason", Readout).text
        assert "The easier variant of plank, which hurt" in reason
        assert "below the article's range" in reason


async def test_the_select_detail_shows_why_each_exercise_plays_at_its_dose(
    make: MakeApp, clock: FakeClock
) -> None:
    """Quick 10's detail: each exercise's next dose and the reason, from the history."""
    app = make(history=[flagged_yesterday(clock)])
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "quick", "routine:quick-10")
        await app.workers.wait_for_complete()
        await pilot.pause()
        detail = " ".join(app.screen.query_one("#detail", DescriptionView).text.split())
        assert "1. Pelvic tilt: 10 reps, hold 5 s" in detail
        held = "your pain rose from 3 to 7 out of 10 and your pain after was 7 out of 10 on 28 Feb."
        assert f"Same as last time: held: {held}" in detail


async def test_the_select_detail_of_a_new_routine_shows_the_articles_doses(
    app: LumbarApp,
) -> None:
    """With no history there is nothing to explain: the article's range, as before."""
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "quick", "routine:quick-10")
        await app.workers.wait_for_complete()
        await pilot.pause()
        detail = " ".join(app.screen.query_one("#detail", DescriptionView).text.split())
        assert "Same as last time" not in detail
        assert "1. Pelvic tilt: 10-15 reps, hold 5 s ASM dose. 2. Cat-cow" in detail


async def test_an_exercise_that_hurt_twice_is_left_out_and_the_player_says_so(
    make: MakeApp, clock: FakeClock
) -> None:
    """The pelvic tilt hurt in the last two SpineNation sessions: it rests; a notice says why."""
    hurt: list[tuple[str, Outcome, Feedback | None]] = [("pelvic-tilt", "hurt", None)]
    history = [
        session_before(clock.wall(), days, hurt, routine="spinenation", phase=None)
        for days in (2, 1)
    ]
    app = make(history=history)
    async with app.run_test(size=SIZE) as pilot:
        shown = notifications(app)
        await pilot.press("enter")  # SpineNation, the first routine
        await begin(pilot)
        ids = [exercise.id for exercise in player(app).engine.timeline.exercises]
        assert "pelvic-tilt" not in ids and len(ids) == 7
        (notice,) = [n for n in shown if n.title == "After repeated pain"]
        assert notice.message.startswith("Left out today: Pelvic tilt.")
        assert "ask a clinician" in notice.message and not notice.markup


async def test_ctrl_q_leaves_lumbar_from_a_pain_check(make: MakeApp) -> None:
    """Over a dialog too (the app's quit is a priority binding): the app exits."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PainCheck)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
