"""The player, driven with keys as a person would, on a fake clock that only moves when told."""

from __future__ import annotations

import math
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.helpers import (
    FakeClock,
    MakeApp,
    asking,
    begin,
    end_now,
    plans_after,
    player,
    snapshot,
    wait,
)
from tui.app import LumbarApp
from tui.model.catalogue import Catalogue, Count, Dose, Routine, RoutineItem, Seconds
from tui.model.records import ExerciseResult, Session, Settings, StagePlan
from tui.screens.dialogs import EndSession, PainCheck, SessionSummary
from tui.screens.pain_dialogs import ThisHurts
from tui.screens.player import PlayerScreen
from tui.screens.select import SelectScreen
from tui.screens.too_small import TooSmall
from tui.session.timeline import StepKind, build_timeline
from tui.store.store import Store
from tui.widgets.countdown import Countdown, PhaseWord, next_wake
from tui.widgets.feedback import FeedbackPrompt
from tui.widgets.readout import Readout
from tui.widgets.session_bar import SessionBar

SIZE = (80, 24)


def shown(app: LumbarApp) -> str:
    """What the countdown shows."""
    return player(app).query_one(Countdown).text


async def to_first_rep(pilot: Pilot[None], clock: FakeClock) -> None:
    """Start, then wait out the get-ready step."""
    await begin(pilot)
    await wait(pilot, clock, snapshot(pilot.app).remaining or 0)  # type: ignore[arg-type]
    assert snapshot(pilot.app).step.kind.is_rep  # type: ignore[arg-type]


def only_session(store: Store, app: LumbarApp | None = None) -> Session:
    """The one session stored; with ``app``, once its saver has written what it was given."""
    if app is not None:
        assert app.saver.flush(timeout=10)
    (session,) = store.sessions()
    return session


async def test_a_whole_routine_played_with_keys_is_saved_complete(
    make: MakeApp, clock: FakeClock, catalogue: Catalogue, store: Store
) -> None:
    app = make(play="quick-10")
    rings: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        app.bell = lambda: rings.append(clock.now)  # type: ignore[method-assign]
        await begin(pilot, "5")
        summary = ""
        for _ in range(2000):
            top = app.screen
            if isinstance(top, PainCheck):
                await pilot.press("t")
            elif isinstance(top, SessionSummary):
                summary = " ".join(r.text for r in top.query(Readout))
                await pilot.press("enter")
                break
            elif asking(app):
                await pilot.press("2")
            elif snapshot(app).step.kind is StepKind.COUNTED:
                await pilot.press("enter")
            else:
                await wait(pilot, clock, snapshot(app).remaining or 0)
        assert isinstance(app.screen, SelectScreen)
    session = only_session(store)
    routine = catalogue.routine("quick-10")
    assert session.status == "complete"
    assert [r.exercise for r in session.exercises] == [i.exercise for i in routine.items]
    assert all(r.outcome == "done" and r.feedback == "right" for r in session.exercises)
    assert all(r.reps_done == r.planned_reps for r in session.exercises)
    assert (session.pain_before, session.pain_after) == (5, 10)
    assert "5 done" in summary and "Pain 5 before, 10 after" in summary
    steps = len(build_timeline(catalogue, routine).steps)
    assert len(rings) == steps + 1  # each step's start, and the end


async def test_space_pauses_the_countdown_and_resumes_it(make: MakeApp, clock: FakeClock) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        assert shown(app) == "5"
        await wait(pilot, clock, 2)
        assert shown(app) == "3"
        await pilot.press("space")
        assert snapshot(app).paused
        await wait(pilot, clock, 30)
        assert shown(app) == "3"
        assert player(app).query_one("#state", PhaseWord).text == "PAUSED"
        await pilot.press("space")
        await wait(pilot, clock, 1)
        assert shown(app) == "2"


async def test_plus_and_minus_change_the_hold_by_five_seconds(
    make: MakeApp, clock: FakeClock
) -> None:
    app = make(play="warm-up")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        assert shown(app) == "1:00"
        await pilot.press("plus")
        assert shown(app) == "1:05"
        await pilot.press("minus", "minus")
        assert shown(app) == "55"


async def test_n_and_b_move_a_step_on_and_back(make: MakeApp, clock: FakeClock) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        first = snapshot(app).step_index
        await pilot.press("n")
        assert snapshot(app).step_index == first + 1
        await pilot.press("right")
        assert snapshot(app).step_index == first + 2
        await pilot.press("b")
        assert snapshot(app).step_index == first + 1
        await pilot.press("left")
        assert snapshot(app).step_index == first


async def test_enter_counts_a_rep(make: MakeApp, clock: FakeClock, store: Store) -> None:
    counted = Dose(reps=Count(3))  # no hold and no tempo: the user counts each rep
    item = RoutineItem(exercise="bridge", dose=counted)
    store.save_routine(
        Routine(id="counted", name="Counted", kind="custom", description="x", items=(item,))
    )
    app = make(play="counted")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        assert snapshot(app).step.kind is StepKind.COUNTED
        assert shown(app) == "1"
        await wait(pilot, clock, 60)
        assert shown(app) == "1"
        await pilot.press("enter")
        assert shown(app) == "2"
        assert snapshot(app).step.rep_number == 2


def footer_keys(app: LumbarApp) -> set[str]:
    """The keys the footer offers now (bindings shown and enabled)."""
    return {key for key, active in app.screen.active_bindings.items() if active.enabled}


async def test_enter_is_offered_only_on_a_counted_rep(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """On a hold Enter does nothing, so the footer leaves it out; on a counted rep it is there."""
    counted = RoutineItem(exercise="bridge", dose=Dose(reps=Count(2)))
    held = RoutineItem(exercise="wall-sit", dose=Dose(reps=Count(1), hold=Seconds(10)))
    store.save_routine(
        Routine(id="mixed", name="Mixed", kind="custom", description="x", items=(held, counted))
    )
    app = make(play="mixed")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        assert snapshot(app).step.kind is StepKind.HOLD
        assert "enter" not in footer_keys(app)
        await wait(pilot, clock, 10 + 10 + 15)  # the hold, then down to the floor: the bridge
        await pilot.pause()
        assert snapshot(app).step.kind is StepKind.COUNTED
        assert "enter" in footer_keys(app)


async def test_lumbar_play_with_an_exercise_plays_it_on_its_own(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """`lumbar play bird-dog`: a session of the bird dog alone, recorded under its id."""
    app = make(play="bird-dog")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        exercises = player(app).engine.timeline.exercises
        assert [exercise.id for exercise in exercises] == ["bird-dog"]
        await end_now(pilot)
    assert only_session(store, app).routine == "bird-dog"


async def test_s_skips_the_exercise_and_saves_it_as_skipped(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        await pilot.press("s")
        assert not asking(app)
        assert snapshot(app).exercise.id == "cat-cow"
        saved = only_session(store, app)
        assert [(r.exercise, r.outcome) for r in saved.exercises] == [("pelvic-tilt", "skipped")]


def good_session(clock: FakeClock, exercise: str, days_ago: int = 1) -> Session:
    """A finished, pain-free session days ago where the exercise was done in full and felt right."""
    when = clock.wall() - timedelta(days=days_ago)
    return Session(
        id=f"ago-{days_ago}",
        routine="quick-10",
        routine_name="Quick 10 minutes",
        started_at=when,
        ended_at=when + timedelta(minutes=10),
        status="complete",
        pain_before=2,
        pain_after=1,
        exercises=(
            ExerciseResult(
                exercise=exercise,
                planned=(StagePlan(reps=10, hold=5),),
                reps_done=10,
                outcome="done",
                feedback="right",
                started_at=when,
                ended_at=when + timedelta(minutes=1),
            ),
        ),
    )


async def test_after_this_hurts_the_dose_does_not_go_up(
    make: MakeApp, clock: FakeClock, store: Store, catalogue: Catalogue
) -> None:
    store.save_session(good_session(clock, "pelvic-tilt", days_ago=2))
    store.save_session(good_session(clock, "pelvic-tilt"))
    before = plans_after(catalogue, store.sessions())["quick-10"][0].rung
    assert before > 0
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        assert player(app).engine.timeline.exercises[0].rung == before
        await pilot.press("exclamation_mark")  # pelvic tilt has no easier variant
        assert isinstance(app.screen, ThisHurts)
        await pilot.press("s")
        assert isinstance(app.screen, PlayerScreen)
        assert snapshot(app).exercise.id == "cat-cow"
        await end_now(pilot)
    today = [s for s in store.sessions() if not s.id.startswith("ago-")]
    assert today[0].exercises[0].outcome == "hurt"
    assert plans_after(catalogue, store.sessions())["quick-10"][0].rung < before


async def test_q_asks_first_and_saves_a_partial_session(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        await pilot.press("q")
        assert isinstance(app.screen, EndSession)
        assert snapshot(app).paused
        await pilot.press("n")
        assert isinstance(app.screen, PlayerScreen)
        assert not snapshot(app).paused
        await wait(pilot, clock, 12)
        await pilot.press("escape")
        assert isinstance(app.screen, EndSession)
        await pilot.press("y")
        assert isinstance(app.screen, PainCheck)
        await pilot.press("2")
        assert isinstance(app.screen, SessionSummary)
        await pilot.press("enter")
        assert isinstance(app.screen, SelectScreen)
    session = only_session(store)
    assert session.status == "partial"
    assert session.pain_after == 2
    assert [(r.exercise, r.outcome) for r in session.exercises] == [("pelvic-tilt", "stopped")]
    assert session.exercises[0].reps_done == 2


async def test_feedback_goes_away_on_its_own_and_with_escape(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        await wait(pilot, clock, 50)  # ten holds of 5 s: pelvic tilt is done
        assert asking(app)
        assert player(app).query_one(FeedbackPrompt).display
        await wait(pilot, clock, 9)
        assert asking(app)
        await wait(pilot, clock, 1)
        assert not asking(app)
        assert not player(app).query_one(FeedbackPrompt).display
        assert only_session(store, app).exercises[0].feedback is None
        await wait(pilot, clock, 150)  # cat-cow done too
        assert asking(app)
        await pilot.press("escape")
        assert not asking(app)
        assert isinstance(app.screen, PlayerScreen)  # Escape closed the question only
        await pilot.press("3")
        assert [r.feedback for r in only_session(store, app).exercises] == [None, None]


async def test_feedback_keys_record_the_answer(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        await wait(pilot, clock, 50)
        await pilot.press("3")
        assert not asking(app)
        assert only_session(store, app).exercises[0].feedback == "hard"


@contextmanager
def counting_updates(monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> Iterator[list[Any]]:
    """Record (widget id, clock reading) for every update of the player's widgets."""
    seen: list[Any] = []
    for cls, method in ((Static, "update"), (Countdown, "show"), (SessionBar, "refresh")):
        original = getattr(cls, method)

        def spy(self: Any, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            seen.append((id(self), self.id, clock.now))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, method, spy)
    yield seen


async def test_a_hold_changes_the_display_at_most_once_a_second(
    make: MakeApp, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make(play="warm-up")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)  # marching in place: a one-minute hold
        start = clock.now
        with counting_updates(monkeypatch, clock) as seen:
            for tenth in range(1, 600):
                clock.now = start + tenth / 10
                player(app).refresh_display()
                if tenth % 5 == 4:
                    await pilot.pause()  # let watchers (the header's title) run too
        assert snapshot(app).step.kind is StepKind.HOLD
    seconds = [(widget, math.floor(now - start + 1e-9)) for widget, _, now in seen]
    assert len(seconds) == len(set(seconds)), "a widget was updated twice in one second"
    assert len({second for _, second in seconds}) <= 60
    countdown = [now for _, name, now in seen if name == "countdown"]
    assert len(countdown) == 59  # 1:00 shows from the start; then 59, 58, ... 1


def test_the_timer_wakes_at_the_next_whole_second() -> None:
    class Snap:
        remaining: float | None = 12.25
        paused = False

    snap: Any = Snap()
    assert next_wake(snap, running=True, lapses_at=None, now=0) == pytest.approx(0.25)
    snap.remaining = 12.0
    assert next_wake(snap, running=True, lapses_at=None, now=0) == 1.0
    assert next_wake(snap, running=True, lapses_at=0.5, now=0) == 0.5
    snap.paused = True
    assert next_wake(snap, running=True, lapses_at=None, now=0) == 1.0
    snap.paused, snap.remaining = False, None
    assert next_wake(snap, running=True, lapses_at=None, now=0) == 1.0
    assert next_wake(snap, running=False, lapses_at=None, now=0) is None


async def test_a_resize_loses_nothing_and_too_small_says_so(
    make: MakeApp, clock: FakeClock
) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        await wait(pilot, clock, 7)
        before = snapshot(app)
        await pilot.resize_terminal(30, 10)
        assert isinstance(app.screen, TooSmall)
        message = app.screen.query_one(Readout).text
        assert "larger" in message and "30x10" in message and "40x12" in message
        await pilot.resize_terminal(39, 11)
        assert "39x11" in app.screen.query_one(Readout).text
        await pilot.resize_terminal(100, 30)
        assert isinstance(app.screen, PlayerScreen)
        after = snapshot(app)
        assert (after.step_index, after.remaining) == (before.step_index, before.remaining)
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, PlayerScreen)


async def test_too_small_at_start_shows_the_note_over_the_player(
    make: MakeApp, store: Store
) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmall)
        await pilot.press("4")  # the pain check is under the note: nothing happens
        assert list(store.sessions()) == []
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, PainCheck)


async def test_the_session_pauses_under_the_note_and_goes_on_at_the_users_key(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """Too small to see: nothing counts down unseen; back at full size, space carries on."""
    app = make(play="desk-break")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        before = snapshot(app).session_remaining
        await pilot.resize_terminal(20, 8)
        await wait(pilot, clock, 3600)
        assert isinstance(app.screen, TooSmall)
        assert snapshot(app).paused and snapshot(app).session_remaining == before
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, PlayerScreen) and snapshot(app).paused
        await pilot.press("space")
        await wait(pilot, clock, 3600)  # the session runs to its end
        await wait(pilot, clock, 10)  # the last question lapses: the pain check opens
        assert isinstance(app.screen, PainCheck)
        await pilot.press("3")
        assert isinstance(app.screen, SessionSummary)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
        session = only_session(store, app)
        assert (session.status, session.pain_after) == ("complete", 3)


async def test_the_command_palette_pauses_the_session(make: MakeApp, clock: FakeClock) -> None:
    """Opening the palette over a hold pauses it: nothing runs on underneath."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        remaining = snapshot(app).remaining
        await pilot.press("ctrl+p")
        await wait(pilot, clock, 30)
        await pilot.press("escape")
        await pilot.pause()
        assert snapshot(app).paused and snapshot(app).remaining == remaining


async def test_a_hang_up_saves_the_partial_session_and_exits(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        await wait(pilot, clock, 11)
        app.hang_up(signal.SIGHUP)
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGHUP
    session = only_session(store)
    assert session.status == "partial"
    assert session.ended_at == clock.wall()
    assert [(r.exercise, r.outcome, r.reps_done) for r in session.exercises] == [
        ("pelvic-tilt", "stopped", 2)
    ]


async def test_leaving_lumbar_mid_session_saves_it(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        await wait(pilot, clock, 6)
        await pilot.press("ctrl+q")
    session = only_session(store)
    assert (session.status, session.ended_at) == ("partial", clock.wall())
    assert [(r.exercise, r.outcome) for r in session.exercises] == [("pelvic-tilt", "stopped")]


async def test_enter_on_a_routine_in_the_list_plays_it(
    app: LumbarApp, catalogue: Catalogue
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PainCheck)
        first = next(iter(catalogue.routines.values()))
        assert player(app).engine.timeline.routine_id == first.id


async def test_enter_on_an_exercise_plays_it_alone(app: LumbarApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"towel", "enter")
        assert isinstance(app.screen, SelectScreen)  # Enter in the search box goes to the list
        await pilot.press("enter")
        await pilot.pause()
        exercises = player(app).engine.timeline.exercises
        assert [e.id for e in exercises] == ["hamstring-stretch-lying"]


async def test_play_opens_the_player_with_the_routine(make: MakeApp, store: Store) -> None:
    app = make(play="desk-break")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        assert player(app).engine.timeline.routine_id == "desk-break"
        assert player(app).title == "Desk break"
        assert only_session(store, app).routine == "desk-break"


async def test_settings_add_warm_up_and_cool_down_and_silence_the_bell(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    store.save_settings(Settings(warm_up=True, cool_down=True, bell=False, get_ready_seconds=3))
    app = make(play="quick-10")
    rings: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        app.bell = lambda: rings.append(clock.now)  # type: ignore[method-assign]
        await begin(pilot)
        parts = {e.part for e in player(app).engine.timeline.exercises}
        assert parts == {"warm-up", "main", "cool-down"}
        assert snapshot(app).remaining == 3
        await wait(pilot, clock, 3)
        await pilot.press("n", "s")
    assert rings == []


async def test_the_progress_bar_and_time_left_follow_the_session(
    make: MakeApp, clock: FakeClock
) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_first_rep(pilot, clock)
        bar = player(app).query_one(SessionBar)
        total = player(app).engine.timeline.total_seconds
        assert (bar.done, bar.total) == (5, total)
        left = f"{-(-(total - 5) // 60)} min left"  # whole minutes, rounded up
        assert player(app).query_one("#left", Readout).text == f"  1%  {left}"
        assert player(app).sub_title is None  # the header keeps the app's note while it runs


def test_the_readme_lists_every_player_key() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    table = readme.split("## The player's keys", 1)[1].split("\n## ", 1)[0]
    for binding in PlayerScreen.BINDINGS:
        assert not isinstance(binding, tuple)
        for key in binding.key.split(","):
            assert f"`{README_KEYS.get(key, key)}`" in table, key


README_KEYS = {"space": "Space", "enter": "Enter", "escape": "Escape", "plus": "+", "minus": "-"}
README_KEYS |= {"exclamation_mark": "!", "right": "→", "left": "←", "ctrl+q": "Ctrl+q"}


async def test_the_header_says_when_the_session_is_over_and_never_ticks(
    make: MakeApp, clock: FakeClock
) -> None:
    # A new sub-title repaints the whole screen: not every second, nor at every pause.
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        screen = pilot.app.screen
        assert screen.sub_title is None  # the app's note shows: not medical advice
        await wait(pilot, clock, 3)
        await pilot.press("space")
        await wait(pilot, clock, 3)
        assert screen.sub_title is None
        assert re.fullmatch(r" +\d+%  \d+ min left", screen.query_one("#left", Readout).text)
        await end_now(pilot)
        assert screen.sub_title == "session over"
