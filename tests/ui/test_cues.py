"""Desktop notifications and the window title: the exact bytes, and when they are sent."""

from __future__ import annotations

import pytest

from tests.helpers import FakeClock, MakeApp, begin, end_now, wait
from tui.model.catalogue import Catalogue
from tui.model.records import Settings
from tui.session.cues import (
    RESTORE_TITLE,
    SAVE_TITLE,
    WARN_FROM,
    Cues,
    notification_for,
    notification_sequence,
    title_sequence,
    tmux_wrap,
    warning_at,
    window_title,
)
from tui.session.engine import Engine
from tui.session.timeline import StepKind, Timeline, build_timeline
from tui.store.store import Store


def test_the_title_is_osc_2_with_control_characters_taken_out() -> None:
    assert title_sequence("lumbar: Bridge") == "\x1b]2;lumbar: Bridge\x07"
    assert title_sequence("a\x1b]0;evil\x07b\x9c") == "\x1b]2;a ]0;evil b \x07"


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("osc9", "\x1b]9;lumbar: Rest 10 s\x07"),
        ("osc777", "\x1b]777;notify;lumbar;Rest 10 s\x07"),
        ("osc99", "\x1b]99;i=lumbar:d=0;lumbar\x1b\\\x1b]99;i=lumbar:p=body;Rest 10 s\x1b\\"),
        ("off", ""),
    ],
)
def test_each_notification_method_writes_its_own_sequence(method: str, expected: str) -> None:
    assert notification_sequence(method, "lumbar", "Rest 10 s") == expected  # type: ignore[arg-type]


def test_osc_777_keeps_the_title_out_of_the_body() -> None:
    assert notification_sequence("osc777", "a;b", "c;d") == "\x1b]777;notify;a,b;c;d\x07"


def test_tmux_passthrough_doubles_every_escape() -> None:
    assert tmux_wrap("\x1b]9;hi\x07") == "\x1bPtmux;\x1b\x1b]9;hi\x07\x1b\\"


def test_the_title_is_saved_once_written_on_change_and_given_back() -> None:
    written: list[str] = []
    cues = Cues(written.append)
    cues.set_title("lumbar: Bridge, 9 min left")
    cues.set_title("lumbar: Bridge, 9 min left")
    cues.set_title("lumbar: Bridge, 8 min left")
    cues.restore_title()
    cues.restore_title()
    assert written == [
        SAVE_TITLE,
        title_sequence("lumbar: Bridge, 9 min left"),
        title_sequence("lumbar: Bridge, 8 min left"),
        RESTORE_TITLE,
    ]


def test_notifications_off_or_nowhere_to_write_send_nothing() -> None:
    written: list[str] = []
    Cues(written.append, "off").notify("Rest 10 s")
    Cues(None, "osc9").notify("Rest 10 s")
    assert written == []
    Cues(written.append, "osc9", tmux=True).notify("Rest 10 s")
    assert written == [tmux_wrap("\x1b]9;lumbar: Rest 10 s\x07")]


def quick_10(catalogue: Catalogue) -> tuple[Timeline, Engine, FakeClock]:
    clock = FakeClock()
    timeline = build_timeline(catalogue, catalogue.routine("quick-10"), get_ready_seconds=5)
    return timeline, Engine(timeline, clock, clock.wall), clock


def test_the_window_title_counts_minutes_not_seconds(catalogue: Catalogue) -> None:
    timeline, engine, clock = quick_10(catalogue)
    assert window_title("Quick 10 minutes", engine.snapshot()) == "lumbar: Quick 10 minutes"
    engine.start()
    first = engine.snapshot().exercise.name
    minutes = -(-timeline.total_seconds // 60)
    assert window_title("Quick", engine.snapshot()) == f"lumbar: {first}, {minutes} min left"
    clock.now += 1
    assert (
        window_title("Quick", engine.snapshot(clock.now)) == f"lumbar: {first}, {minutes} min left"
    )
    engine.pause(clock.now)
    assert (
        window_title("Quick", engine.snapshot(clock.now)) == f"lumbar: paused, {minutes} min left"
    )


def test_a_new_exercise_is_notified_its_reps_and_a_key_press_are_not(
    catalogue: Catalogue,
) -> None:
    """The get-ready names the exercise; the first hold it leads into, and a key, say nothing."""
    timeline, engine, clock = quick_10(catalogue)
    assert notification_for(engine.start(clock.now), timeline) == (
        f"Next exercise: {timeline.exercises[0].name}"
    )
    clock.now += 5  # the get-ready step ends by itself: work starts, a rep: no notification
    assert notification_for(engine.tick(clock.now), timeline) is None
    assert notification_for(engine.next_step(clock.now), timeline) is None


def test_at_most_one_notification_per_exercise_set_rest_and_side_switch(
    catalogue: Catalogue,
) -> None:
    """A whole session left to its clock: one per lead-in, set rest, side switch; the end."""
    timeline, engine, clock = quick_10(catalogue)
    told = [notification_for(engine.start(clock.now), timeline)]
    while not engine.snapshot(clock.now).finished:
        clock.now += 1
        if engine.snapshot(clock.now).step.kind is StepKind.COUNTED:
            engine.count_rep(clock.now)
        told.append(notification_for(engine.tick(clock.now), timeline))
    notified = {StepKind.GET_READY, StepKind.TRANSITION, StepKind.SET_REST, StepKind.SWITCH_SIDE}
    expected = sum(1 for step in timeline.steps if step.kind in notified)
    sent = [note for note in told if note is not None]
    assert len(sent) == expected + 1  # and the end
    assert sent[-1] == "Session complete. How is your back now?"
    assert not any("rep " in note for note in sent)


async def test_the_player_sets_the_title_notifies_and_gives_the_title_back(
    make: MakeApp, clock: FakeClock, store: Store, terminal: list[str]
) -> None:
    store.save_settings(Settings(notify="osc777", warm_up=False))
    app = make(play="quick-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        assert terminal[0] == SAVE_TITLE
        assert any(w.startswith("\x1b]2;lumbar: Pelvic tilt, ") for w in terminal)
        assert "\x1b]777;notify;lumbar;Next exercise: Pelvic tilt\x07" in terminal
        await wait(pilot, clock, 5)  # the first hold starts: a rep, no notification
        assert sum("notify" in w for w in terminal) == 1
        await end_now(pilot)
        await pilot.pause()
    assert terminal[-1] == RESTORE_TITLE


def test_a_long_hold_calls_3_2_1_before_it_ends_a_short_one_does_not(
    catalogue: Catalogue,
) -> None:
    """A 5 s hold (the pelvic tilt's) is too short for 3, 2, 1: its start and end bells do."""
    clock = FakeClock()
    timeline = build_timeline(catalogue, catalogue.routine("quick-10"), get_ready_seconds=5)
    engine = Engine(timeline, clock, clock.wall)
    engine.start(clock.now)
    while engine.snapshot(clock.now).step.kind is not StepKind.HOLD:
        engine.next_step(clock.now)
    hold = engine.snapshot(clock.now).step
    assert hold.duration is not None and hold.duration < WARN_FROM
    calls = []
    for _ in range(hold.duration):
        clock.now += 1
        engine.tick(clock.now)
        calls.append(warning_at(engine.snapshot(clock.now)))
    assert set(calls) == {None}


def test_3_2_1_counts_the_seconds_of_a_rest_and_stops_when_paused(catalogue: Catalogue) -> None:
    """A 10 s rest between bridges calls 3 at 3 s left, then 2 and 1; paused, nothing."""
    clock = FakeClock()
    timeline = build_timeline(catalogue, catalogue.routine("quick-10"))
    engine = Engine(timeline, clock, clock.wall)
    engine.start(clock.now)
    while engine.snapshot(clock.now).step.kind is not StepKind.REST:
        engine.next_step(clock.now)
    rest = engine.snapshot(clock.now).step
    assert rest.duration is not None and rest.duration >= WARN_FROM
    clock.now += rest.duration - 3
    assert warning_at(engine.snapshot(clock.now)) == 3
    clock.now += 0.5
    assert warning_at(engine.snapshot(clock.now)) == 3
    clock.now += 0.5
    assert warning_at(engine.snapshot(clock.now)) == 2
    engine.pause(clock.now)
    assert warning_at(engine.snapshot(clock.now)) is None
