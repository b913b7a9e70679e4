"""Every rep is a movement: the moves around each hold, paced reps' beats, the planned length."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from tests.helpers import START, FakeClock
from tui.catalogue.load import load_catalogue
from tui.history.plan import item_seconds, plan_lines, plan_routine
from tui.model import MOVE_SECONDS, Movement, StagePlan, plan_seconds
from tui.model.catalogue import Catalogue, Dose, Routine, RoutineItem, decode_hook
from tui.session.cues import notification_for
from tui.session.engine import Engine
from tui.session.events import Event, StepStarted
from tui.session.reps import beat_starts
from tui.session.timeline import Step, StepKind, Timeline, beat_at, build_timeline

ROUTINE_IDS = sorted(load_catalogue().catalogue.routines)


def item(exercise: str, **dose: Any) -> RoutineItem:
    """A routine item with its own dose, written as it would be in TOML."""
    return RoutineItem(
        exercise=exercise, dose=msgspec.convert(dose, Dose, dec_hook=decode_hook, strict=True)
    )


def routine(*items: RoutineItem) -> Routine:
    """A routine of the user's own with these items."""
    return Routine(id="test", name="Test", kind="custom", description="A test.", items=items)


def own_steps(timeline: Timeline, index: int = 0) -> list[Step]:
    """The steps of one exercise after its lead-in."""
    return [s for s in timeline.steps if s.exercise_index == index and not s.kind.is_lead_in]


def shape(steps: list[Step]) -> list[tuple[str, str | None, int | None]]:
    """Each step as (kind, shift, seconds)."""
    return [(str(s.kind), s.shift, s.duration) for s in steps]


def paced(beats: tuple[str, ...], seconds: int) -> Step:
    """A paced rep of ``seconds`` with these beats."""
    return Step(StepKind.MOVE, 0, "x", "Move", seconds, seconds, beats=beats)


# The whole catalogue -------------------------------------------------------------------------


@pytest.mark.parametrize("routine_id", ROUTINE_IDS)
def test_every_held_rep_of_every_routine_moves_in_and_out(
    catalogue: Catalogue, routine_id: str
) -> None:
    """Every hold of a built-in routine comes after a timed move into it and before one out."""
    steps = build_timeline(catalogue, catalogue.routine(routine_id)).steps
    for index, step in enumerate(steps):
        if step.kind is StepKind.HOLD:
            before, after = steps[index - 1], steps[index + 1]
            assert before.kind is StepKind.SHIFT and (before.duration or 0) > 0, (index, step)
            assert after.kind is StepKind.SHIFT and (after.duration or 0) > 0, (index, step)
            assert before.shift in ("into", "between") and after.shift in ("between", "out")


@pytest.mark.parametrize("routine_id", ROUTINE_IDS)
def test_every_paced_rep_of_every_routine_has_its_own_cue_and_beats(
    catalogue: Catalogue, routine_id: str
) -> None:
    """A tempo rep never says the generic "Lift and lower", and always carries beats."""
    for step in build_timeline(catalogue, catalogue.routine(routine_id)).steps:
        if step.kind is StepKind.MOVE:
            assert step.beats and step.cue != "Lift and lower", step


@pytest.mark.parametrize("routine_id", ROUTINE_IDS)
def test_the_planned_length_counts_the_movement_as_the_timeline_plays_it(
    catalogue: Catalogue, routine_id: str
) -> None:
    """Each exercise's planned seconds equal its timeline's, apart from lead-in and side switch."""
    timeline = build_timeline(catalogue, catalogue.routine(routine_id))
    for exercise in timeline.exercises:
        steps = [timeline.steps[i] for i in exercise.span]
        played = sum(s.estimate for s in steps if not s.kind.is_lead_in)
        switches = sum(s.estimate for s in steps if s.kind is StepKind.SWITCH_SIDE)
        assert plan_seconds(exercise.planned, exercise.movement) == played - switches


# The shapes of a rep -------------------------------------------------------------------------


def test_a_wall_sit_slides_down_holds_and_slides_back_up(catalogue: Catalogue) -> None:
    """The wall sit takes its own 4 s to slide down and up around each 10 s hold."""
    steps = own_steps(build_timeline(catalogue, routine(item("wall-sit", hold=10, reps=2))))
    assert shape(steps) == [("shift", "into", 4), ("hold", None, 10), ("shift", "out", 4)] * 2
    assert [s.cue for s in steps[:3]] == [
        "Slide slowly down the wall",
        "Hold",
        "Slide back up the wall",
    ]


def test_a_partial_crunch_of_one_second_holds_takes_time_to_curl_and_lower(
    catalogue: Catalogue,
) -> None:
    """SpineNation's 8 crunches held 1 s: 8 x (2 s up, 1 s hold, 2 s down), not 8 s."""
    timeline = build_timeline(catalogue, catalogue.routine("spinenation"))
    crunch = timeline.exercises[1]
    steps = [timeline.steps[i] for i in crunch.span][1:]
    assert shape(steps) == [("shift", "into", 2), ("hold", None, 1), ("shift", "out", 2)] * 8
    assert sum(s.estimate for s in steps) == 8 * (MOVE_SECONDS + 1 + MOVE_SECONDS)


def test_an_alternating_hold_comes_out_of_one_side_and_into_the_other(
    catalogue: Catalogue,
) -> None:
    """Bird dog left then right: each side moves in (naming it), holds and comes back out."""
    steps = own_steps(
        build_timeline(catalogue, routine(item("bird-dog", hold=5, sides="alternate")))
    )
    assert [(s.shift, s.side) for s in steps] == [
        ("into", "left"),
        (None, "left"),
        ("out", "left"),
        ("into", "right"),
        (None, "right"),
        ("out", "right"),
    ]
    assert steps[3].cue == "Right side: reach one arm forward and the other leg back"


def test_alternating_paced_reps_switch_side_between_them(catalogue: Catalogue) -> None:
    """Dead bug paced by a tempo: a short switch step between left and right, none before."""
    dose = item("dead-bug", reps=2, tempo=5, sides="alternate")
    steps = own_steps(build_timeline(catalogue, routine(dose)))
    assert [(str(s.kind), s.shift, s.side) for s in steps] == [
        ("move", None, "left"),
        ("shift", "switch", "right"),
        ("move", None, "right"),
        ("shift", "switch", "left"),
        ("move", None, "left"),
        ("shift", "switch", "right"),
        ("move", None, "right"),
    ]
    assert (steps[1].cue, steps[1].duration) == ("Switch sides: now the right", MOVE_SECONDS)


def test_cat_cow_moves_between_its_two_positions(catalogue: Catalogue) -> None:
    """Cat-cow: 1 s in, the arch, 2 s across, the round back, 1 s out; one rep, two holds."""
    dose = item("cat-cow", hold=3, positions=["Arch.", "Round."])
    steps = own_steps(build_timeline(catalogue, routine(dose)))
    assert shape(steps) == [
        ("shift", "into", 1),
        ("hold", None, 3),
        ("shift", "between", 2),
        ("hold", None, 3),
        ("shift", "out", 1),
    ]
    assert [(s.position_number, s.ends_rep, s.rep_span) for s in steps if s.kind.is_rep] == [
        (1, False, 1),
        (2, True, 3),
    ]


def test_a_paced_rep_carries_its_exercises_cue_and_beats(catalogue: Catalogue) -> None:
    """The pelvic clock: its own cue, and back, middle, forward, middle."""
    (step,) = own_steps(build_timeline(catalogue, routine(item("pelvic-clock-seated", tempo=8))))
    assert step.cue == "Tip your pelvis round the clock"
    assert step.beats == ("back", "middle", "forward", "middle")


def test_a_movement_of_zero_seconds_leaves_the_moves_out(catalogue: Catalogue) -> None:
    """An exercise that needs no getting into (seconds = 0) plays its holds alone."""
    still = Movement(seconds=0, between=0)
    plan = (StagePlan(reps=2, hold=5, positions=("A.", "B.")),)
    assert plan_seconds(plan, still) == 20
    custom = msgspec.structs.replace(catalogue.exercise("wall-sit"), movement=still)
    exercises = {**catalogue.exercises, "wall-sit": custom}
    bare = msgspec.structs.replace(catalogue, exercises=exercises)
    steps = own_steps(build_timeline(bare, routine(item("wall-sit", hold=10, reps=2))))
    assert shape(steps) == [("hold", None, 10)] * 2


# Beats ---------------------------------------------------------------------------------------


def test_beats_share_the_tempo_on_whole_seconds() -> None:
    """Four beats in 8 s start every 2 s; two in 5 s at 0 and 2."""
    assert beat_starts(paced(("a", "b", "c", "d"), 8)) == (0, 2, 4, 6)
    assert beat_starts(paced(("a", "b"), 5)) == (0, 2)


def test_more_beats_than_seconds_fall_on_even_fractions() -> None:
    """Four beats in 2 s: every half second (whole seconds cannot hold them)."""
    assert beat_starts(paced(("a", "b", "c", "d"), 2)) == (0, 0.5, 1, 1.5)


def test_beat_at_names_the_beat_in_play() -> None:
    """The pelvic clock at 0, 3.9 and 4 s: back, middle, then forward."""
    clock = paced(("back", "middle", "forward", "middle"), 8)
    assert [beat_at(clock, t) for t in (0, 3.9, 4)] == [(0, "back"), (1, "middle"), (2, "forward")]


def test_beat_at_holds_the_last_beat_past_the_planned_time() -> None:
    """A rep given more time stays on its last beat."""
    assert beat_at(paced(("up", "down"), 4), 9) == (1, "down")


def test_a_step_without_beats_has_no_beat() -> None:
    """A hold has no beat, nor a paced rep before it starts."""
    hold = Step(StepKind.HOLD, 0, "x", "Hold", 5, 5)
    assert (beat_at(hold, 1), beat_at(paced(("up",), 3), -1)) == (None, None)


# The planned length --------------------------------------------------------------------------


def test_a_doses_length_counts_the_moves_around_every_hold(catalogue: Catalogue) -> None:
    """Wall sit 8 x 10 s with 4 s down and 4 s up: 144 s, not 80."""
    movement = catalogue.exercise("wall-sit").movement
    assert catalogue.exercise("wall-sit").dose.seconds(0.0, movement) == 8 * (4 + 10 + 4)


def test_the_plan_and_the_dose_agree_on_the_length(catalogue: Catalogue) -> None:
    """plan_seconds of a planned dose equals Dose.seconds of the dose it came from."""
    for exercise in catalogue.exercises.values():
        planned = build_timeline(catalogue, routine(RoutineItem(exercise=exercise.id)))
        plans = planned.exercises[0].planned
        assert plan_seconds(plans, exercise.movement) == exercise.dose.seconds(
            0.0, exercise.movement
        ), exercise.id


def test_lumbar_plan_shows_the_length_with_the_movement(catalogue: Catalogue) -> None:
    """`lumbar plan quick-10` says about 10 minutes: the holds, the moves around them (within
    its budget) and the longer lead-ins where the position changes."""
    plan = plan_routine(catalogue, catalogue.routine("quick-10"))
    seconds = sum(10 + item_seconds(catalogue, each) for each in plan.items)
    assert seconds == catalogue.routine_seconds(catalogue.routine("quick-10"))
    assert plan_lines(catalogue, plan)[0].endswith("the next session, about 10 min")


def test_the_desk_break_fits_its_budget_with_its_movement(catalogue: Catalogue) -> None:
    """The desk break at its low end, moves included, rounds to its 9 minutes."""
    desk = catalogue.routine("desk-break")
    assert (desk.budget_minutes, round(catalogue.routine_seconds(desk) / 60)) == (9, 9)


# Playing it ----------------------------------------------------------------------------------


def started(catalogue: Catalogue, *items: RoutineItem) -> tuple[Engine, list[Event]]:
    """An engine for a small routine, started at START (get ready 5 s)."""
    clock = FakeClock()
    engine = Engine(build_timeline(catalogue, routine(*items)), clock, clock.wall)
    return engine, engine.start()


def test_skipping_the_moves_keeps_the_rep_done_and_the_hold_whole(catalogue: Catalogue) -> None:
    """Next on the move in and on the move out: the hold ran its time, so the rep is done."""
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 5)  # the move down starts
    engine.next_step(START + 6)  # skip it: the hold starts at 6
    engine.tick(START + 16)  # the hold ends; the move up starts
    engine.next_step(START + 17)  # skip it: the exercise ends
    result = engine.session().exercises[0]
    assert (result.outcome, result.reps_done, result.holds_cut) == ("done", 1, 0)


def test_skipping_the_move_between_positions_keeps_the_rep_done(catalogue: Catalogue) -> None:
    """Next on the move between the two holds of a rep: both holds ran, the rep is done."""
    engine, _ = started(catalogue, item("cat-cow", hold=3, positions=["Arch.", "Round."]))
    engine.tick(START + 9)  # 1 s in (5-6), the arch (6-9): the move across starts at 9
    engine.next_step(START + 9.5)
    engine.tick(START + 100)
    result = engine.session().exercises[0]
    assert (result.outcome, result.reps_done, result.holds_cut) == ("done", 1, 0)


def test_a_hold_skipped_between_its_moves_still_leaves_the_rep_undone(
    catalogue: Catalogue,
) -> None:
    """Next on the hold itself: its rep is not done and the hold is cut, moves or not."""
    engine, _ = started(catalogue, item("wall-sit", hold=10))
    engine.tick(START + 9)  # the hold starts at 9
    engine.next_step(START + 12)
    engine.tick(START + 100)
    result = engine.session().exercises[0]
    assert (result.outcome, result.reps_done, result.holds_cut) == ("cut", 0, 1)


def test_the_whole_spinenation_routine_plays_every_rep_with_its_moves(
    catalogue: Catalogue,
) -> None:
    """Played to the end: it ends at its planned length, and every rep is done."""
    clock = FakeClock()
    engine = Engine(build_timeline(catalogue, catalogue.routine("spinenation")), clock, clock.wall)
    engine.start()
    events = engine.tick(START + 100_000)
    assert events[-1].at == START + engine.timeline.total_seconds
    session = engine.session()
    assert [r.reps_done for r in session.exercises] == [r.planned_reps for r in session.exercises]
    assert {r.outcome for r in session.exercises} == {"done"}


def test_no_move_around_a_rep_sends_a_notification(catalogue: Catalogue) -> None:
    """Time moving into or out of a hold, or across sides, is never worth a notification."""
    timeline = build_timeline(catalogue, catalogue.routine("quick-10"))
    clock = FakeClock()
    engine = Engine(timeline, clock, clock.wall)
    engine.start()
    notified = []
    for index, step in enumerate(timeline.steps[1:], 1):
        events = engine.tick(START + timeline.seconds_before(index))
        if step.kind is StepKind.COUNTED:
            break
        started_now = [e for e in events if isinstance(e, StepStarted)]
        if started_now and started_now[-1].step.kind is StepKind.SHIFT:
            notified.append(notification_for(events, timeline))
    assert notified and set(notified) == {None}
