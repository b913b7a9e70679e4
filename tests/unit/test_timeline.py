"""The timeline: a routine laid out as the ordered steps the engine plays."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from tests.helpers import at_rungs, without_movement
from tui.catalogue.load import load_catalogue
from tui.model import ItemPlan, StagePlan, gate_key
from tui.model.catalogue import (
    COUNTED_REP_SECONDS,
    Catalogue,
    Dose,
    Routine,
    RoutineItem,
    decode_hook,
)
from tui.session.timeline import Step, StepKind, Timeline, build_timeline

ROUTINE_IDS = sorted(load_catalogue().catalogue.routines)


@pytest.fixture(scope="session")
def catalogue(catalogue: Catalogue) -> Catalogue:
    """The bundled catalogue without the moves around holds: these tests lay out the holds.

    The moves themselves are laid out in tests/unit/test_movement.py.
    """
    return without_movement(catalogue)


def item(exercise: str, **dose: Any) -> RoutineItem:
    """A routine item with its own dose, written as it would be in TOML."""
    return RoutineItem(
        exercise=exercise, dose=msgspec.convert(dose, Dose, dec_hook=decode_hook, strict=True)
    )


def routine(*items: RoutineItem, routine_id: str = "test") -> Routine:
    return Routine(id=routine_id, name="Test", kind="custom", description="A test.", items=items)


def own_steps(timeline: Timeline, index: int = 0) -> list[Step]:
    """The steps of one exercise after its lead-in."""
    return [s for s in timeline.steps if s.exercise_index == index and not s.kind.is_lead_in]


def kinds(steps: list[Step]) -> list[str]:
    return [str(step.kind) for step in steps]


@pytest.mark.parametrize("routine_id", ROUTINE_IDS)
def test_every_bundled_routine_builds(catalogue: Catalogue, routine_id: str) -> None:
    timeline = build_timeline(catalogue, catalogue.routine(routine_id))
    assert len(timeline.exercises) == len(catalogue.routine(routine_id).items)
    assert timeline.steps[0].kind is StepKind.GET_READY
    transitions = [s for s in timeline.steps if s.kind is StepKind.TRANSITION]
    assert len(transitions) == len(timeline.exercises) - 1
    assert timeline.total_seconds == sum(step.estimate for step in timeline.steps)
    for exercise in timeline.exercises:
        assert {timeline.steps[i].exercise_index for i in exercise.span} == {exercise.index}
    assert timeline.steps[-1].next_label == "Finish"


def test_the_session_opens_with_get_ready_previewing_the_first_exercise(
    catalogue: Catalogue,
) -> None:
    first = build_timeline(catalogue, catalogue.routine("spinenation"), get_ready_seconds=7).steps[
        0
    ]
    assert (first.kind, first.duration, first.exercise_id) == (
        StepKind.GET_READY,
        7,
        "hamstring-stretch-lying",
    )
    assert first.cue == "Get ready: Lying hamstring stretch, lying on your back; you need: towel"


def test_a_transition_previews_the_next_exercise(catalogue: Catalogue) -> None:
    timeline = build_timeline(catalogue, catalogue.routine("spinenation"), transition_seconds=12)
    transition = timeline.steps[timeline.exercises[1].first_step]
    assert (transition.kind, transition.duration) == (StepKind.TRANSITION, 12)
    assert transition.cue == "Next: Partial crunch, lying on your back; you need: mat"


def test_the_step_before_a_transition_names_the_next_exercise(catalogue: Catalogue) -> None:
    timeline = build_timeline(catalogue, catalogue.routine("spinenation"))
    before = timeline.steps[timeline.exercises[1].first_step - 1]
    assert before.next_label == "Next exercise: Partial crunch"


def test_a_hold_dose_is_one_hold_step_per_rep(catalogue: Catalogue) -> None:
    timeline = build_timeline(catalogue, routine(item("wall-sit", hold=10, reps=3)))
    steps = own_steps(timeline)
    assert kinds(steps) == ["hold"] * 3
    assert [(s.rep_number, s.rep_count, s.duration) for s in steps] == [
        (1, 3, 10),
        (2, 3, 10),
        (3, 3, 10),
    ]
    assert all(s.side is None and s.ends_rep for s in steps)


def test_positions_make_one_hold_step_each_with_its_cue(catalogue: Catalogue) -> None:
    dose = {"hold": 5, "reps": 2, "positions": ["Arch.", "Round."]}
    steps = own_steps(build_timeline(catalogue, routine(item("cat-cow", **dose))))
    assert [(s.cue, s.rep_number, s.position_number, s.position_count) for s in steps] == [
        ("Arch.", 1, 1, 2),
        ("Round.", 1, 2, 2),
        ("Arch.", 2, 1, 2),
        ("Round.", 2, 2, 2),
    ]
    assert [s.ends_rep for s in steps] == [False, True, False, True]


def test_each_side_plays_every_rep_left_then_switches_then_right(catalogue: Catalogue) -> None:
    dose = {"hold": 20, "reps": 2, "sides": "each"}
    timeline = build_timeline(catalogue, routine(item("side-plank", **dose)), switch_seconds=6)
    steps = own_steps(timeline)
    assert [(str(s.kind), s.side, s.rep_number) for s in steps] == [
        ("hold", "left", 1),
        ("hold", "left", 2),
        ("switch-side", "right", 1),
        ("hold", "right", 1),
        ("hold", "right", 2),
    ]
    assert (steps[2].duration, steps[2].cue) == (6, "Switch sides: now the right")


def test_alternate_sides_take_turns_each_side_a_rep_step(catalogue: Catalogue) -> None:
    dose = {"hold": 5, "reps": 2, "sides": "alternate"}
    steps = own_steps(build_timeline(catalogue, routine(item("bird-dog", **dose))))
    assert [(s.side, s.rep_number) for s in steps] == [
        ("left", 1),
        ("right", 1),
        ("left", 2),
        ("right", 2),
    ]
    assert kinds(steps) == ["hold"] * 4


def test_tempo_without_a_hold_makes_paced_move_steps(catalogue: Catalogue) -> None:
    steps = own_steps(build_timeline(catalogue, routine(item("arm-circles", reps=3, tempo=2))))
    assert kinds(steps) == ["move"] * 3
    assert [(s.duration, s.cue) for s in steps] == [(2, "Lift and lower")] * 3


def test_tempo_with_positions_paces_each_position(catalogue: Catalogue) -> None:
    dose = {"reps": 2, "tempo": 4, "positions": ["Up.", "Down."]}
    steps = own_steps(build_timeline(catalogue, routine(item("cat-cow", **dose))))
    assert [(str(s.kind), s.cue, s.duration) for s in steps] == [
        ("move", "Up.", 4),
        ("move", "Down.", 4),
    ] * 2


def test_a_rep_with_no_hold_and_no_tempo_is_counted_and_has_no_duration(
    catalogue: Catalogue,
) -> None:
    timeline = build_timeline(catalogue, routine(item("partial-crunch", reps=4)))
    steps = own_steps(timeline)
    assert kinds(steps) == ["counted"] * 4
    assert all(s.duration is None and s.estimate == COUNTED_REP_SECONDS for s in steps)
    assert not steps[0].is_timed
    assert timeline.total_seconds == 5 + 4 * COUNTED_REP_SECONDS


def test_rests_come_between_reps_only(catalogue: Catalogue) -> None:
    steps = own_steps(
        build_timeline(catalogue, routine(item("bridge", hold=6, reps=3, rest_reps=10)))
    )
    assert [(str(s.kind), s.duration) for s in steps] == [
        ("hold", 6),
        ("rest", 10),
        ("hold", 6),
        ("rest", 10),
        ("hold", 6),
    ]
    assert steps[1].cue == "Rest"
    assert steps[1].rep_number == 2


def test_set_rests_come_between_sets_and_name_the_next_set(catalogue: Catalogue) -> None:
    dose = {"hold": 3, "reps": 2, "sets": 3, "rest_sets": 30}
    steps = own_steps(build_timeline(catalogue, routine(item("partial-crunch", **dose))))
    assert kinds(steps) == ["hold", "hold", "set-rest", "hold", "hold", "set-rest", "hold", "hold"]
    assert [s.cue for s in steps if s.kind is StepKind.SET_REST] == [
        "Rest: next set 2 of 3",
        "Rest: next set 3 of 3",
    ]
    assert steps[1].next_label == "Rest 30 s before set 2 of 3"


def test_no_set_rest_is_played_when_the_dose_has_none(catalogue: Catalogue) -> None:
    steps = own_steps(build_timeline(catalogue, routine(item("partial-crunch", hold=3, sets=2))))
    assert kinds(steps) == ["hold", "hold"]
    assert [s.set_number for s in steps] == [1, 2]


def test_the_staged_back_extension_plays_stage_by_stage(catalogue: Catalogue) -> None:
    """Once its gate was answered yes: every stage, with no question between."""
    gates = {gate_key(stage) for stage in catalogue.exercise("back-extension").dose.stages}
    timeline = build_timeline(catalogue, catalogue.routine("essential-guide"), passed=gates)
    assert timeline.exercises[1].id == "back-extension"
    steps = own_steps(timeline, 1)
    press_ups = [1] * 10 + ([60] + [1] * 10) * 3
    assert [s.duration for s in steps] == [300, 120, *press_ups]
    assert [s.stage_number for s in steps[:3]] == [1, 2, 3]
    assert {s.stage_count for s in steps} == {3}
    assert steps[0].cue == "Lie on your front and let your back relax."
    assert steps[1].cue == "Rise onto your elbows and stay there."
    assert [s.stage_name for s in steps[:3]] == ["Lie face down", "On your elbows", "Press-ups"]
    set_rests = [s for s in steps if s.kind is StepKind.SET_REST]
    assert [s.set_number for s in set_rests] == [2, 3, 4]
    assert timeline.exercises[1].seconds == 10 + 15 + 300 + 120 + 40 + 3 * 60  # down to the floor


def test_the_plans_pick_each_dose(catalogue: Catalogue) -> None:
    """Each item plays as its plan says: here the hamstring at the top, the crunch a step up."""
    plans = at_rungs(catalogue, "spinenation", hamstring_stretch_lying=99, partial_crunch=1)
    timeline = build_timeline(catalogue, catalogue.routine("spinenation"), plans)
    hamstring, crunch = timeline.exercises[0], timeline.exercises[1]
    assert (hamstring.planned[0].hold, hamstring.planned[0].reps, hamstring.rung) == (30, 4, 7)
    assert crunch.planned[0].reps == 10
    assert timeline.exercises[2].planned[0].reps == 8  # wall-sit: rung 0, the low end
    assert len(own_steps(timeline, 0)) == 4 + 1 + 4


def test_a_left_out_item_does_not_play_and_a_swapped_one_plays_its_variant(
    catalogue: Catalogue,
) -> None:
    """An empty plan leaves its item out; a plan naming a variant plays the variant."""
    routine = catalogue.routine("klarity")
    (items,) = at_rungs(catalogue, "klarity").values()
    easier = ((StagePlan(reps=1, hold=8),),)
    swapped = ItemPlan("plank", "modified-plank", *easier, change="down", why="it hurt")
    chosen = [ItemPlan(i.item, i.item, ()) if i.item == "knee-rolls" else i for i in items]
    chosen = [swapped if i.item == "plank" else i for i in chosen]
    timeline = build_timeline(catalogue, routine, {"klarity": tuple(chosen)})
    ids = [exercise.id for exercise in timeline.exercises]
    assert "knee-rolls" not in ids and "plank" not in ids
    played = timeline.exercises[ids.index("modified-plank")]
    assert (played.planned, played.why, played.routine) == (*easier, "it hurt", "klarity")


def test_a_dose_below_the_articles_range_is_marked_so(catalogue: Catalogue) -> None:
    """A rung below the low end is below the range; a swapped variant's is not its own."""
    plans = at_rungs(catalogue, "klarity", plank=-1, pelvic_tilt=1)
    timeline = build_timeline(catalogue, catalogue.routine("klarity"), plans)
    below = {e.id: e.below_range for e in timeline.exercises}
    assert (below["plank"], below["pelvic-tilt"], below["squat"]) == (True, False, False)
    (items,) = at_rungs(catalogue, "klarity").values()
    swap = ItemPlan("plank", "modified-plank", ((StagePlan(hold=8),)), -1, "down", "it hurt")
    chosen = tuple(swap if i.item == "plank" else i for i in items)
    swapped = build_timeline(catalogue, catalogue.routine("klarity"), {"klarity": chosen})
    assert not next(e for e in swapped.exercises if e.id == "modified-plank").below_range


def test_an_inserted_exercise_says_why_it_plays_at_its_dose(catalogue: Catalogue) -> None:
    """Inserting with a change and a reason keeps them for the player to show."""
    timeline = build_timeline(catalogue, catalogue.routine("klarity"))
    lighter = (StagePlan(hold=9),)
    longer = timeline.inserting(6, "modified-plank", lighter, change="down", why="the plank hurt")
    added = longer.exercises[6]
    assert (added.planned, added.change, added.why) == (lighter, "down", "the plank hurt")


def test_warm_up_plays_first_and_cool_down_last(catalogue: Catalogue) -> None:
    timeline = build_timeline(
        catalogue,
        catalogue.routine("spinenation"),
        warm_up=catalogue.routine("warm-up"),
        cool_down=catalogue.routine("cool-down"),
    )
    parts = [exercise.part for exercise in timeline.exercises]
    assert parts == ["warm-up"] * 3 + ["main"] * 8 + ["cool-down"] * 4
    assert timeline.exercises[0].id == "marching-in-place"
    assert timeline.steps[0].cue.startswith("Get ready: Warm-up: ")
    assert timeline.steps[timeline.exercises[11].first_step].cue.startswith("Next: Cool-down: ")
    assert (timeline.routine_id, timeline.routine_name) == (
        "spinenation",
        "SpineNation: 8 exercises",
    )


def test_cues_prefer_the_position_then_the_stage_then_a_generic_word(catalogue: Catalogue) -> None:
    generic = own_steps(build_timeline(catalogue, routine(item("wall-sit", hold=10))))[0]
    staged = own_steps(build_timeline(catalogue, catalogue.routine("essential-guide")), 1)[0]
    positioned = own_steps(
        build_timeline(catalogue, routine(item("cat-cow", hold=2, positions=["Arch."])))
    )
    assert (generic.cue, staged.cue, positioned[0].cue) == (
        "Hold",
        "Lie on your front and let your back relax.",
        "Arch.",
    )


def test_pauses_carry_the_counters_of_the_rep_they_lead_into(catalogue: Catalogue) -> None:
    dose = {"hold": 5, "reps": 2, "sets": 2, "rest_sets": 20, "sides": "each"}
    timeline = build_timeline(catalogue, routine(item("side-plank", **dose)))
    get_ready, set_rest = timeline.steps[0], own_steps(timeline)[5]
    assert (get_ready.set_number, get_ready.rep_number, get_ready.side) == (1, 1, "left")
    assert (set_rest.kind, set_rest.set_number, set_rest.rep_number, set_rest.side) == (
        StepKind.SET_REST,
        2,
        1,
        "left",
    )


def test_pauses_of_zero_seconds_are_left_out(catalogue: Catalogue) -> None:
    timeline = build_timeline(
        catalogue,
        catalogue.routine("spinenation"),
        get_ready_seconds=0,
        transition_seconds=0,
        switch_seconds=0,
    )
    assert not [s for s in timeline.steps if s.kind.is_lead_in or s.kind is StepKind.SWITCH_SIDE]
    assert timeline.steps[0].kind is StepKind.HOLD


def test_next_labels_say_what_comes_after_each_step(catalogue: Catalogue) -> None:
    timeline = build_timeline(
        catalogue, routine(item("bird-dog", hold=5, reps=1, sides="alternate"))
    )
    assert [s.next_label for s in timeline.steps] == [
        "Hold 5 s (left side)",
        "Hold 5 s (right side)",
        "Finish",
    ]


def test_the_planned_total_adds_every_pause_and_estimates_counted_reps(
    catalogue: Catalogue,
) -> None:
    timeline = build_timeline(
        catalogue,
        routine(item("wall-sit", hold=10, reps=2, rest_reps=5), item("partial-crunch", reps=3)),
    )
    down = 15  # from the wall sit, standing, down to the floor for the crunch
    assert timeline.total_seconds == 5 + (10 + 5 + 10) + 10 + down + 3 * COUNTED_REP_SECONDS
    assert [e.seconds for e in timeline.exercises] == [30, 10 + down + 3 * COUNTED_REP_SECONDS]


def test_exercises_carry_their_easier_variants_from_the_catalogue(catalogue: Catalogue) -> None:
    timeline = build_timeline(catalogue, catalogue.routine("ten-best"))
    assert timeline.exercises[8].easier == catalogue.exercise("dead-bug-opposite-arm-leg").easier
    assert timeline.exercises[8].easier


def test_inserting_an_exercise_plans_its_default_dose_and_renumbers_the_rest(
    catalogue: Catalogue,
) -> None:
    timeline = build_timeline(catalogue, catalogue.routine("spinenation"))
    longer = timeline.inserting(5, "back-stabiliser")
    added = longer.exercises[5]
    assert (added.id, added.index, added.rung) == ("back-stabiliser", 5, 0)
    assert added.planned[0].reps == catalogue.exercise("back-stabiliser").dose.reps.low
    assert [e.id for e in longer.exercises[6:]] == [e.id for e in timeline.exercises[5:]]
    assert longer.exercises[6].index == 6
    assert longer.total_seconds == timeline.total_seconds + added.seconds


def test_inserting_an_exercise_keeps_the_steps_before_it(catalogue: Catalogue) -> None:
    timeline = build_timeline(catalogue, catalogue.routine("spinenation"))
    longer = timeline.inserting(5, "back-stabiliser")
    before = timeline.exercises[5].first_step
    assert [(s.kind, s.cue, s.duration) for s in longer.steps[:before]] == [
        (s.kind, s.cue, s.duration) for s in timeline.steps[:before]
    ]
    assert longer.steps[before - 1].next_label == "Next exercise: Back stabiliser"


def test_inserting_an_unknown_exercise_says_so(catalogue: Catalogue) -> None:
    timeline = build_timeline(catalogue, catalogue.routine("spinenation"))
    with pytest.raises(ValueError, match="no exercise 'nope'"):
        timeline.inserting(1, "nope")
