"""The session engine, played against a fake clock: exact times, every action, the record."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from typing import Any

import msgspec
import pytest

from tests.helpers import BASE, START, FakeClock, at_rungs, without_movement
from tui.model.catalogue import Catalogue, Dose, Routine, RoutineItem, decode_hook
from tui.model.records import ExerciseResult, StagePlan
from tui.session.engine import Engine
from tui.session.events import (
    Event,
    ExerciseDone,
    SessionDone,
    SessionEnded,
    StepDone,
    StepStarted,
)
from tui.session.timeline import StepKind, Timeline, build_timeline


@pytest.fixture(scope="session")
def catalogue(catalogue: Catalogue) -> Catalogue:
    """The bundled catalogue without the moves around holds: these tests time holds and rests.

    The moves themselves are timed in tests/unit/test_movement.py.
    """
    return without_movement(catalogue)


def item(exercise: str, **dose: Any) -> RoutineItem:
    """A routine item with its own dose, written as it would be in TOML."""
    return RoutineItem(
        exercise=exercise, dose=msgspec.convert(dose, Dose, dec_hook=decode_hook, strict=True)
    )


def routine(*items: RoutineItem) -> Routine:
    return Routine(id="test", name="Test", kind="custom", description="A test.", items=items)


def engine_for(timeline: Timeline, clock: FakeClock | None = None) -> Engine:
    clock = clock or FakeClock()
    return Engine(timeline, clock, clock.wall, session_id="s1")


def started(catalogue: Catalogue, *items: RoutineItem) -> tuple[Engine, FakeClock]:
    """An engine for a small routine, started at START (get ready 5 s, transitions 10 s)."""
    clock = FakeClock()
    engine = engine_for(build_timeline(catalogue, routine(*items)), clock)
    engine.start()
    return engine, clock


def of(kind: type[Any], events: list[Event]) -> list[Any]:
    return [event for event in events if isinstance(event, kind)]


# Starting and ticking ------------------------------------------------------------------------


def test_start_begins_the_get_ready_step_at_the_clock_reading(catalogue: Catalogue) -> None:
    engine = engine_for(build_timeline(catalogue, catalogue.routine("spinenation")))
    events = engine.start()
    assert events == [StepStarted(0, engine.timeline.steps[0], START)]
    snapshot = engine.snapshot()
    assert (snapshot.started, snapshot.remaining, snapshot.elapsed) == (True, 5.0, 0.0)


def test_a_wall_clock_without_a_time_zone_is_refused(catalogue: Catalogue) -> None:
    clock = FakeClock()
    timeline = build_timeline(catalogue, routine(item("wall-sit", hold=10)))
    engine = Engine(timeline, clock, lambda: datetime(2025, 3, 1, 9, 0))
    with pytest.raises(ValueError, match="timezone-aware"):
        engine.start()


@pytest.mark.parametrize("jump", [timedelta(days=-2), timedelta(days=365)])
def test_a_wall_clock_set_mid_session_moves_no_duration(
    catalogue: Catalogue, jump: timedelta
) -> None:
    """The wall clock set back 2 days or on a year mid-session: the record lasts what was played."""
    clock = FakeClock()
    walls = [clock.wall]
    engine = Engine(
        build_timeline(catalogue, routine(item("wall-sit", hold=10))),
        clock,
        lambda: walls[0](),
        session_id="s1",
    )
    engine.start()
    walls[0] = lambda: clock.wall() + jump
    clock.now += 8  # in the hold
    engine.tick()
    engine.quit()
    session = engine.session()
    assert session.ended_at is not None
    assert session.ended_at - session.started_at == timedelta(seconds=8)


def test_starting_twice_does_nothing(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    assert engine.start() == []


def test_actions_before_the_start_do_nothing(catalogue: Catalogue) -> None:
    engine = engine_for(build_timeline(catalogue, routine(item("wall-sit", hold=10))))
    for action in (engine.tick, engine.next_step, engine.pause, engine.skip_exercise, engine.quit):
        assert action(START + 50) == []
    snapshot = engine.snapshot(START + 50)
    assert (snapshot.started, snapshot.step_index, snapshot.remaining) == (False, 0, 5.0)


def test_the_session_record_needs_a_start(catalogue: Catalogue) -> None:
    engine = engine_for(build_timeline(catalogue, routine(item("wall-sit", hold=10))))
    with pytest.raises(RuntimeError, match="start"):
        engine.session()


def test_a_tick_before_the_deadline_changes_nothing(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    assert engine.tick(START + 4.9) == []
    assert engine.snapshot(START + 4.9).remaining == pytest.approx(0.1)


def test_the_next_step_starts_at_the_deadline_not_at_the_tick(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    events = engine.tick(START + 7.5)
    assert [(type(e).__name__, e.at) for e in events] == [
        ("StepDone", START + 5),
        ("StepStarted", START + 5),
    ]
    snapshot = engine.snapshot(START + 7.5)
    assert (snapshot.step.kind, snapshot.elapsed, snapshot.remaining) == (StepKind.HOLD, 2.5, 7.5)


def test_one_large_jump_ends_every_step_at_its_own_deadline(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=3), item("bridge", hold=6))
    events = engine.tick(START + 10_000)
    # the transition to the bridge: 10 s, and 15 s more to get down to the floor
    assert [e.at - START for e in of(StepDone, events)] == [5, 15, 25, 35, 60, 66]
    assert [e.at - START for e in of(ExerciseDone, events)] == [35, 66]
    assert of(SessionDone, events)[0].at == START + 66


def test_the_clock_is_read_when_no_time_is_given(catalogue: Catalogue) -> None:
    engine, clock = started(catalogue, item("wall-sit", hold=10))
    clock.now += 6
    assert [e.at for e in engine.tick()] == [START + 5, START + 5]
    assert engine.snapshot().remaining == 9.0


def test_remaining_is_never_negative_when_a_step_is_overdue(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    assert engine.snapshot(START + 500).remaining == 0.0


def test_a_clock_reading_from_the_past_is_taken_as_the_latest_one(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 7)
    assert engine.tick(START + 1) == []
    assert engine.snapshot(START + 1).elapsed == 2.0


# The whole SpineNation routine ---------------------------------------------------------------

SPINENATION_SECONDS = (
    5  # get ready
    + 7 * 10  # transitions
    + 2 * 15  # getting up from the floor for the wall sit, and down again after it
    + 2 * 5  # turning over: face down, then onto all fours
    + 2 * 2 * 15
    + 5  # hamstring stretch: 2 reps each side at 15 s, one side switch
    + 8 * 1  # partial crunch
    + 8 * 10  # wall sit
    + 4 * 3  # back extension
    + 8 * 2 * 5  # bird dog, alternating
    + 2 * 2 * 15  # knee to chest, alternating
    + 8 * 10  # pelvic tilt
    + 8 * 6
    + 7 * 10  # bridge, 10 s rests between reps
)


def play_with_jumps(engine: Engine, clock: FakeClock) -> list[Event]:
    """Tick with irregular jumps, some zero and some long, until the session ends."""
    jumps = [0.0, 0.3, 7.0, 41.9, 0.0, 123.4, 1.0, 2.25, 0.05, 300.0, 13.0]
    events = engine.start()
    turn = 0
    while not engine.snapshot().finished:
        clock.now += jumps[turn % len(jumps)]
        events += engine.tick()
        turn += 1
    return events


def test_spinenation_ends_exactly_at_start_plus_its_planned_time(catalogue: Catalogue) -> None:
    clock = FakeClock()
    engine = engine_for(build_timeline(catalogue, catalogue.routine("spinenation")), clock)
    assert engine.timeline.total_seconds == SPINENATION_SECONDS
    events = play_with_jumps(engine, clock)
    assert events[-1] == SessionDone(engine.session(), START + SPINENATION_SECONDS)
    assert engine.session().ended_at == clock.at(START + SPINENATION_SECONDS)


def test_spinenation_reports_every_step_and_exercise_in_order(catalogue: Catalogue) -> None:
    clock = FakeClock()
    engine = engine_for(build_timeline(catalogue, catalogue.routine("spinenation")), clock)
    events = play_with_jumps(engine, clock)
    steps = engine.timeline.steps
    assert [e.index for e in of(StepStarted, events)] == list(range(len(steps)))
    assert [e.index for e in of(StepDone, events)] == list(range(len(steps)))
    assert {e.reason for e in of(StepDone, events)} == {"time"}
    done = of(ExerciseDone, events)
    assert [e.result.exercise for e in done] == [e.id for e in engine.timeline.exercises]
    assert len(of(SessionDone, events)) == 1
    starts = {e.index: e.at for e in of(StepStarted, events)}
    ends = [starts.get(e.span.stop, START + SPINENATION_SECONDS) for e in engine.timeline.exercises]
    assert [e.at for e in done] == ends


def test_spinenation_records_a_complete_session_with_every_planned_rep(
    catalogue: Catalogue,
) -> None:
    clock = FakeClock()
    engine = engine_for(build_timeline(catalogue, catalogue.routine("spinenation")), clock)
    play_with_jumps(engine, clock)
    session = engine.session()
    assert (session.status, session.routine, session.id) == ("complete", "spinenation", "s1")
    assert session.started_at == clock.at(START)
    assert [r.outcome for r in session.exercises] == ["done"] * 8
    assert [r.reps_done for r in session.exercises] == [r.planned_reps for r in session.exercises]
    assert [r.seconds_held for r in session.exercises] == [60, 8, 80, 12, 80, 60, 80, 48]
    assert session.exercises[0].started_at == clock.at(START)
    assert session.exercises[0].ended_at == clock.at(START + 5 + 65)
    assert session.exercises[1].started_at == clock.at(START + 5 + 65)
    assert engine.snapshot().progress == 1.0


# Pause and resume ----------------------------------------------------------------------------


def test_paused_time_moves_the_deadline(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 5)
    engine.pause(START + 8)
    assert engine.tick(START + 500) == []
    assert engine.snapshot(START + 500).remaining == 7.0
    engine.resume(START + 600)
    events = engine.tick(START + 700)
    assert of(SessionDone, events)[0].at == START + 607


def test_paused_time_is_not_held(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.pause(START + 8)
    engine.resume(START + 600)
    engine.tick(START + 10_000)
    assert engine.session().exercises[0].seconds_held == 10


def test_a_snapshot_while_paused_is_frozen(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.pause(START + 2)
    snapshot = engine.snapshot(START + 90)
    assert (snapshot.paused, snapshot.elapsed, snapshot.remaining) == (True, 2.0, 3.0)
    assert snapshot.session_elapsed == 2.0


def test_pausing_twice_counts_the_pause_once(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.pause(START + 1)
    engine.pause(START + 3)
    engine.resume(START + 11)
    assert engine.snapshot(START + 11).remaining == 4.0


def test_resuming_when_not_paused_does_nothing(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    assert engine.resume(START + 1) == []
    assert engine.snapshot(START + 1).remaining == 4.0


def test_the_session_ends_later_by_exactly_the_time_paused(catalogue: Catalogue) -> None:
    clock = FakeClock()
    engine = engine_for(build_timeline(catalogue, catalogue.routine("spinenation")), clock)
    engine.start()
    engine.pause(START + 100.5)
    engine.resume(START + 400)
    events = engine.tick(START + 100_000)
    assert events[-1].at == START + SPINENATION_SECONDS + 299.5
    assert engine.snapshot().session_elapsed == SPINENATION_SECONDS


def test_moving_on_while_paused_keeps_the_next_step_paused(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=2))
    engine.pause(START + 1)
    engine.next_step(START + 3)
    snapshot = engine.snapshot(START + 50)
    assert (snapshot.paused, snapshot.step.kind, snapshot.remaining) == (True, StepKind.HOLD, 10)
    engine.resume(START + 60)
    assert engine.snapshot(START + 61).remaining == 9.0


# Next and back -------------------------------------------------------------------------------


def test_next_ends_the_step_now_and_starts_the_next_now(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=2))
    events = engine.next_step(START + 2)
    assert [(type(e).__name__, e.at) for e in events] == [
        ("StepDone", START + 2),
        ("StepStarted", START + 2),
    ]
    assert of(StepDone, events)[0].reason == "next"
    assert engine.snapshot(START + 2).remaining == 10.0


def first_hold_ended_after_3_s(catalogue: Catalogue) -> ExerciseResult:
    """Two 10 s wall sits, the first ended with next 3 s in, the second run to its end."""
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=2))
    engine.next_step(START + 8)
    engine.tick(START + 100)
    return engine.session().exercises[0]


def test_next_on_a_hold_leaves_the_rep_undone_and_keeps_only_the_time_held(
    catalogue: Catalogue,
) -> None:
    """A hold ended early with next: its rep is not done, it is cut short, and held 3 of 10 s."""
    result = first_hold_ended_after_3_s(catalogue)
    assert (result.reps_done, result.holds_cut, result.seconds_held) == (1, 1, 13)


def test_an_exercise_with_a_rep_ended_early_is_recorded_as_cut_not_done(
    catalogue: Catalogue,
) -> None:
    """Next before a hold's time is up: the exercise ends as "cut", and is not done in full."""
    result = first_hold_ended_after_3_s(catalogue)
    assert (result.outcome, result.full) == ("cut", False)


def test_an_exercise_played_to_its_time_is_done_in_full(catalogue: Catalogue) -> None:
    """Every hold run to its time: outcome "done", every rep done, no hold cut short."""
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=2))
    engine.tick(START + 100)
    result = engine.session().exercises[0]
    assert (result.outcome, result.reps_done, result.holds_cut, result.full) == (
        "done",
        2,
        0,
        True,
    )


def test_next_through_counted_reps_records_them_undone(catalogue: Catalogue) -> None:
    """Counted reps passed over with next are not done: 1 of 3 counted, so "cut", 1 rep done."""
    engine, _ = started(catalogue, item("partial-crunch", reps=3))
    engine.tick(START + 5)
    engine.count_rep(START + 8)
    engine.next_step(START + 9)
    engine.next_step(START + 10)
    result = engine.session().exercises[0]
    assert (result.outcome, result.reps_done, result.holds_cut) == ("cut", 1, 0)


def test_next_through_a_moving_rep_before_its_time_leaves_it_undone(catalogue: Catalogue) -> None:
    """A rep paced by a tempo, ended with next before its time: not done, and no hold cut."""
    engine, _ = started(catalogue, item("dead-bug", reps=2, tempo=5))
    engine.tick(START + 5)
    engine.next_step(START + 6)
    engine.tick(START + 100)
    result = engine.session().exercises[0]
    assert (result.outcome, result.reps_done, result.holds_cut) == ("cut", 1, 0)


def test_next_after_the_planned_time_of_an_extended_hold_leaves_it_done(
    catalogue: Catalogue,
) -> None:
    """Held past its plan (after +), then next: the rep is done and the hold not cut short."""
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 5)
    engine.extend(5, now=START + 6)
    engine.next_step(START + 17)
    result = engine.session().exercises[0]
    assert (result.outcome, result.reps_done, result.holds_cut) == ("done", 1, 0)


def test_a_rep_with_one_position_cut_short_is_not_done(catalogue: Catalogue) -> None:
    """A rep of two held positions, the first ended with next: the rep is not done."""
    engine, _ = started(catalogue, item("wall-sit", hold=4, positions=["Reach.", "Return."]))
    engine.tick(START + 5)
    engine.next_step(START + 6)
    engine.tick(START + 100)
    result = engine.session().exercises[0]
    assert (result.reps_done, result.holds_cut, result.outcome) == (0, 1, "cut")


def test_back_restarts_the_previous_step_now(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=2))
    engine.tick(START + 18)  # rep 2 started at 15
    events = engine.previous_step(START + 18)
    assert of(StepDone, events)[0].reason == "back"
    assert of(StepStarted, events) == [StepStarted(1, engine.timeline.steps[1], START + 18)]
    snapshot = engine.snapshot(START + 18)
    assert (snapshot.step.rep_number, snapshot.remaining) == (1, 10.0)


def test_a_replayed_rep_is_counted_once(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=2))
    engine.tick(START + 18)
    engine.previous_step(START + 18)
    events = engine.tick(START + 1000)
    assert of(SessionDone, events)[0].at == START + 38
    result = engine.session().exercises[0]
    assert (result.reps_done, result.seconds_held) == (2, 20)


def test_going_back_undoes_the_count_of_the_step_replayed(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=2))
    engine.tick(START + 18)  # rep 1 held 5..15
    engine.previous_step(START + 18)
    engine.quit(START + 20)
    result = engine.session().exercises[0]
    assert (result.reps_done, result.seconds_held) == (0, 2)


def test_back_at_the_lead_in_restarts_it(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    events = engine.previous_step(START + 3)
    assert of(StepStarted, events)[0].index == 0
    assert engine.snapshot(START + 3).remaining == 5.0


# Extend and shorten --------------------------------------------------------------------------


def test_extend_adds_seconds_to_the_step(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 5)
    engine.extend(now=START + 6)
    engine.extend(3, now=START + 7)
    assert engine.snapshot(START + 7).remaining == 16.0
    assert of(SessionDone, engine.tick(START + 100))[0].at == START + 23


def test_extending_a_hold_is_recorded_as_seconds_added(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 5)
    engine.extend(8, now=START + 6)
    engine.tick(START + 100)
    result = engine.session().exercises[0]
    assert (result.seconds_added, result.seconds_held) == (8, 18)


def test_extending_a_rest_is_not_a_change_to_the_dose(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("bridge", hold=6, reps=2, rest_reps=10))
    engine.tick(START + 12)  # the rest began at 11
    engine.extend(20, now=START + 12)
    events = engine.tick(START + 100)
    assert of(SessionDone, events)[0].at == START + 47
    assert engine.session().exercises[0].seconds_added == 0


def test_shorten_takes_seconds_off_the_step(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 5)
    engine.shorten(now=START + 6)
    assert engine.snapshot(START + 6).remaining == 4.0
    engine.tick(START + 100)
    result = engine.session().exercises[0]
    assert (result.seconds_added, result.seconds_held) == (-5, 5)


def test_a_hold_shortened_below_its_plan_is_cut_short_but_its_rep_done(
    catalogue: Catalogue,
) -> None:
    """- takes a hold below its plan: the rep ran its (shorter) time, and the hold is cut."""
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 5)
    engine.shorten(now=START + 6)
    engine.tick(START + 100)
    result = engine.session().exercises[0]
    assert (result.reps_done, result.holds_cut, result.outcome) == (1, 1, "cut")


def test_shortening_past_the_time_elapsed_ends_the_step_now(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 5)
    events = engine.shorten(30, now=START + 8)
    assert of(StepDone, events)[0].at == START + 8
    assert of(SessionDone, events)[0].at == START + 8
    result = engine.session().exercises[0]
    assert (result.seconds_added, result.seconds_held, result.reps_done) == (-7, 3, 1)


def test_extend_and_shorten_leave_a_counted_rep_alone(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("partial-crunch", reps=1))
    engine.tick(START + 5)
    assert engine.extend(now=START + 6) == []
    assert engine.shorten(now=START + 6) == []
    assert engine.snapshot(START + 6).remaining is None


def test_extending_by_a_negative_amount_is_refused(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    with pytest.raises(ValueError, match="shorten"):
        engine.extend(-5)


# Counted reps --------------------------------------------------------------------------------


def test_a_counted_rep_waits_for_the_user(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("partial-crunch", reps=2))
    engine.tick(START + 1_000_000)
    snapshot = engine.snapshot(START + 1_000_000)
    assert (snapshot.step.kind, snapshot.remaining, snapshot.finished) == (
        StepKind.COUNTED,
        None,
        False,
    )


def test_counting_a_rep_completes_the_counted_step_now(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("partial-crunch", reps=2))
    engine.count_rep(START + 9)
    events = engine.count_rep(START + 12)
    assert of(StepDone, events)[0].reason == "counted"
    assert of(SessionDone, events)[0].at == START + 12
    assert engine.session().exercises[0].reps_done == 2


def test_counting_a_rep_on_a_timed_step_does_nothing(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    assert engine.count_rep(START + 6) == [
        StepDone(0, engine.timeline.steps[0], START + 5, "time"),
        StepStarted(1, engine.timeline.steps[1], START + 5),
    ]
    assert engine.snapshot(START + 6).step_index == 1


def test_waiting_on_a_counted_rep_adds_to_the_session_time(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("partial-crunch", reps=1), item("wall-sit", hold=10))
    engine.count_rep(START + 65)
    events = engine.tick(START + 1000)
    assert events[-1].at == START + 65 + 10 + 15 + 10  # up from the floor for the wall sit


# Skip, this hurts, insert --------------------------------------------------------------------


def test_skip_records_the_exercise_as_skipped_and_goes_to_the_next_lead_in(
    catalogue: Catalogue,
) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=3), item("bridge", hold=6))
    engine.tick(START + 18)  # rep 1 done at 15
    events = engine.skip_exercise(START + 18)
    assert [type(e) for e in events] == [StepDone, ExerciseDone, StepStarted]
    result = of(ExerciseDone, events)[0].result
    assert (result.outcome, result.reps_done, result.seconds_held) == ("skipped", 1, 13)
    assert result.ended_at == BASE + timedelta(seconds=START + 18)
    assert engine.snapshot(START + 18).step.kind is StepKind.TRANSITION


def test_skipping_the_last_exercise_completes_the_session(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    events = engine.skip_exercise(START + 7)
    assert of(SessionDone, events)[0].session.status == "complete"


def test_skipping_during_a_lead_in_skips_the_exercise_it_previews(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10), item("bridge", hold=6))
    events = engine.skip_exercise(START + 2)
    assert of(ExerciseDone, events)[0].result.exercise == "wall-sit"
    assert engine.snapshot(START + 2).exercise.id == "bridge"


def test_this_hurts_ends_the_exercise_now_and_offers_its_easier_variants(
    catalogue: Catalogue,
) -> None:
    engine, _ = started(catalogue, item("dead-bug", reps=3, tempo=5), item("bridge", hold=6))
    events = engine.this_hurts(START + 12)
    done = of(ExerciseDone, events)[0]
    assert done.easier == catalogue.exercise("dead-bug").easier
    assert (done.result.outcome, done.result.reps_done, done.at) == ("hurt", 1, START + 12)
    assert engine.session().hurt


def test_this_hurts_during_a_lead_in_does_nothing(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10), item("bridge", hold=6))
    engine.tick(START + 16)
    assert engine.this_hurts(START + 16) == []
    assert [r.outcome for r in engine.session().exercises] == ["done"]


def test_the_last_exercise_hurting_can_wait_for_an_easier_one(catalogue: Catalogue) -> None:
    """With wait_if_last, the session stays open: ticks change nothing, an insert plays next."""
    engine, _ = started(catalogue, item("dead-bug", reps=3, tempo=5))
    events = engine.this_hurts(START + 12, wait_if_last=True)
    assert of(ExerciseDone, events)[0].result.outcome == "hurt"
    assert not of(SessionDone, events) and engine.waiting and engine.running
    assert engine.tick(START + 500) == []
    engine.insert_exercise("tabletop-hold", START + 600)
    snapshot = engine.snapshot(START + 600)
    assert (snapshot.exercise.id, snapshot.step.kind) == ("tabletop-hold", StepKind.TRANSITION)
    assert not engine.waiting


@pytest.mark.parametrize("action", ["resume", "next_step", "skip_exercise", "quit", "count_rep"])
def test_any_other_action_after_the_last_hurt_ends_the_session_complete(
    catalogue: Catalogue, action: str
) -> None:
    """Carrying on, skipping or ending after the last exercise hurt: complete, hurt kept."""
    engine, _ = started(catalogue, item("dead-bug", reps=3, tempo=5))
    engine.this_hurts(START + 12, wait_if_last=True)
    events = getattr(engine, action)(START + 20)
    assert of(SessionDone, events) and not engine.running
    session = engine.session()
    assert (session.status, [r.outcome for r in session.exercises]) == ("complete", ["hurt"])


def test_without_waiting_the_last_exercise_hurting_ends_the_session(catalogue: Catalogue) -> None:
    """The default: the session ends at once, complete."""
    engine, _ = started(catalogue, item("dead-bug", reps=3, tempo=5))
    assert of(SessionDone, engine.this_hurts(START + 12)) and not engine.waiting


def test_an_accepted_easier_variant_plays_next(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("dead-bug", reps=3, tempo=5), item("bridge", hold=6))
    engine.this_hurts(START + 12)
    events = engine.insert_exercise("tabletop-hold", START + 20)
    assert [type(e) for e in events] == [StepDone, StepStarted]
    snapshot = engine.snapshot(START + 20)
    assert (snapshot.exercise.id, snapshot.step.kind, snapshot.remaining) == (
        "tabletop-hold",
        StepKind.TRANSITION,
        10.0,
    )
    assert [e.id for e in engine.timeline.exercises] == ["dead-bug", "tabletop-hold", "bridge"]
    planned = engine.timeline.exercises[1].planned
    assert planned[0].reps == catalogue.exercise("tabletop-hold").dose.reps.low


def test_an_inserted_exercise_carries_its_dose_and_reason(catalogue: Catalogue) -> None:
    """The easier variant plays at the dose given, with the reason given."""
    engine, _ = started(catalogue, item("wall-sit", hold=10), item("bridge", hold=6))
    lighter = (StagePlan(reps=2, hold=3),)
    engine.insert_exercise("pelvic-tilt", START + 7, planned=lighter, why="wall sit hurt")
    added = engine.timeline.exercises[1]
    assert (added.id, added.planned, added.why) == ("pelvic-tilt", lighter, "wall sit hurt")


def test_inserting_during_an_exercise_puts_the_new_one_right_after_it(
    catalogue: Catalogue,
) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10), item("bridge", hold=6))
    engine.tick(START + 7)
    assert engine.insert_exercise("cat-cow", START + 7) == []
    assert [e.id for e in engine.timeline.exercises] == ["wall-sit", "cat-cow", "bridge"]
    assert engine.snapshot(START + 7).remaining == 8.0
    engine.tick(START + 15)
    assert engine.snapshot(START + 15).exercise.id == "cat-cow"


def test_an_inserted_exercise_is_recorded_in_order(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10), item("bridge", hold=6))
    engine.insert_exercise("pelvic-tilt", START + 7)
    engine.tick(START + 10_000)
    session = engine.session()
    assert [r.exercise for r in session.exercises] == ["wall-sit", "pelvic-tilt", "bridge"]
    assert session.status == "complete"


# Quit ----------------------------------------------------------------------------------------


def test_quit_mid_exercise_records_it_as_stopped_with_what_was_done(
    catalogue: Catalogue,
) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=3), item("bridge", hold=6))
    events = engine.quit(START + 19)  # rep 1 done at 15; rep 2 held for 4 s
    assert [type(e) for e in events] == [StepDone, StepStarted] * 2 + [
        StepDone,
        ExerciseDone,
        SessionEnded,
    ]
    result = engine.session().exercises[0]
    assert (result.outcome, result.reps_done, result.seconds_held) == ("stopped", 1, 14)
    ended = of(SessionEnded, events)[0]
    assert (ended.session.status, ended.session.ended_at) == (
        "partial",
        BASE + timedelta(seconds=START + 19),
    )


def test_quit_during_a_lead_in_records_nothing_for_the_exercise_to_come(
    catalogue: Catalogue,
) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10), item("bridge", hold=6))
    engine.quit(START + 17)
    assert [r.exercise for r in engine.session().exercises] == ["wall-sit"]


def test_nothing_happens_after_the_session_ends(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.quit(START + 7)
    for action in (engine.tick, engine.next_step, engine.quit, engine.resume, engine.count_rep):
        assert action(START + 100) == []
    assert engine.insert_exercise("bridge", START + 100) == []
    assert engine.snapshot(START + 100).finished


# The session record --------------------------------------------------------------------------


def test_the_session_is_partial_until_the_last_exercise_ends(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10), item("bridge", hold=6))
    assert (engine.session().status, engine.session().exercises) == ("partial", ())
    engine.tick(START + 15)
    assert (engine.session().status, len(engine.session().exercises)) == ("partial", 1)
    assert engine.session().ended_at is None
    engine.tick(START + 46)  # the transition: 10 s, and 15 s more to get down to the floor
    assert (engine.session().status, engine.session().ended_at) == (
        "complete",
        BASE + timedelta(seconds=START + 46),
    )


def test_feedback_is_kept_on_a_finished_exercise(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10), item("bridge", hold=6))
    engine.tick(START + 15)
    engine.set_feedback(0, "easy")
    assert engine.session().exercises[0].feedback == "easy"


def test_feedback_on_an_unfinished_exercise_is_refused(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10), item("bridge", hold=6))
    with pytest.raises(ValueError, match="has not finished"):
        engine.set_feedback(1, "hard")


def test_pain_before_and_after_are_recorded(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.set_pain_before(6)
    engine.set_pain_after(3)
    assert (engine.session().pain_before, engine.session().pain_after) == (6, 3)


@pytest.mark.parametrize("score", [-1, 11, True, 2.5])
def test_a_pain_score_out_of_range_is_refused(catalogue: Catalogue, score: Any) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    with pytest.raises(ValueError, match="0 to 10"):
        engine.set_pain_before(score)


def test_the_session_id_is_a_fresh_uuid4_unless_given(catalogue: Catalogue) -> None:
    clock = FakeClock()
    timeline = build_timeline(catalogue, routine(item("wall-sit", hold=10)))
    first, second = (Engine(timeline, clock, clock.wall) for _ in range(2))
    for engine in (first, second):
        engine.start()
    ids = {first.session().id, second.session().id}
    assert len(ids) == 2
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


def test_the_record_keeps_the_planned_stages_the_routine_and_the_rung(
    catalogue: Catalogue,
) -> None:
    """A result says what was planned, from which routine, and at which rung of its ladder."""
    clock = FakeClock()
    plans = at_rungs(catalogue, "spinenation", bridge=2)
    timeline = build_timeline(catalogue, catalogue.routine("spinenation"), plans)
    engine = engine_for(timeline, clock)
    engine.start()
    engine.tick(START + 100_000)
    bridge = engine.session().exercises[-1]
    assert (bridge.rung, bridge.routine) == (2, "spinenation")
    assert bridge.planned == timeline.exercises[-1].planned
    assert bridge.planned_reps == 12


# The snapshot --------------------------------------------------------------------------------


def test_the_snapshot_shows_the_exercise_and_the_step(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("bird-dog", hold=5, reps=2, sides="alternate"))
    engine.tick(START + 11)
    snapshot = engine.snapshot(START + 11)
    assert (snapshot.exercise.name, snapshot.exercise.position, snapshot.exercise.equipment) == (
        "Bird dog",
        "all-fours",
        ("mat",),
    )
    assert snapshot.exercise.steps == catalogue.exercise("bird-dog").steps
    assert (snapshot.step.rep_number, snapshot.step.side, snapshot.remaining) == (1, "right", 4.0)
    assert snapshot.step.next_label == "Hold 5 s (rep 2 of 2, left side)"
    assert (snapshot.exercise_count, snapshot.step_index, snapshot.step_count) == (1, 2, 5)


def test_progress_and_remaining_follow_the_planned_time(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=2))
    engine.tick(START + 10)
    snapshot = engine.snapshot(START + 10)
    assert snapshot.progress == pytest.approx(10 / 25)
    assert (snapshot.session_elapsed, snapshot.session_remaining) == (10.0, 15.0)


def test_a_session_ended_early_shows_the_progress_made(catalogue: Catalogue) -> None:
    engine, _ = started(catalogue, item("wall-sit", hold=10, reps=2))
    engine.quit(START + 10)
    snapshot = engine.snapshot(START + 99)
    assert (snapshot.finished, snapshot.complete) == (True, False)
    assert snapshot.progress == pytest.approx(0.4)
    assert snapshot.session_remaining == 0.0


# Hygiene -------------------------------------------------------------------------------------


def test_the_engine_does_not_import_textual() -> None:
    code = (
        "import sys, tui.session.engine, tui.session.timeline, tui.session.events\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
