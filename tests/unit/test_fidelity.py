"""Each article's routine holds that article's exercises, in its order, with its doses.

The expected values below were read off the articles in ../shared/seeds/ independently of the
catalogue files: a change to the catalogue that drifts from an article fails here.
"""

from __future__ import annotations

from typing import Any

import pytest

from tui.model.catalogue import Catalogue, Count, Counts, Seconds

EACH = "sided"  # the article says "each side/leg": sides must be "each" or "alternate"

# (exercise id, {field: expected}); an int or (low, high) for counts, EACH for sides, and the
# number of held positions in one rep (cat then cow, flatten then arch).
SPINENATION: list[tuple[str, dict[str, Any]]] = [
    # towel under the foot; 15 to 30 s, 2 to 4 times a leg
    ("hamstring-stretch-lying", {"hold": (15, 30), "reps": (2, 4), "sides": EACH}),
    # hold a second, 8 to 12 times
    ("partial-crunch", {"hold": 1, "reps": (8, 12)}),
    # a count of 10, 8 to 12 times
    ("wall-sit", {"hold": 10, "reps": (8, 12)}),
    # its own press-up: push up, elbows under the shoulders, several seconds, 4 times
    ("press-up", {"reps": 4}),
    # 5 s, 8 to 12 times a leg
    ("bird-dog", {"hold": 5, "reps": (8, 12), "sides": EACH}),
    # 15 to 30 s, 2 to 4 times a leg
    ("knee-to-chest", {"hold": (15, 30), "reps": (2, 4), "sides": EACH}),
    # 10 s, 8 to 12 times
    ("pelvic-tilt", {"hold": 10, "reps": (8, 12)}),
    # about 6 s, rest 10 s, 8 to 12 times
    ("bridge", {"hold": 6, "reps": (8, 12), "rest_reps": 10}),
]
ESSENTIAL_GUIDE: list[tuple[str, dict[str, Any]]] = [
    # heel on a 15-inch stool; 15 to 30 s, legs alternating, 3 times a side
    ("hamstring-stretch-standing", {"hold": (15, 30), "reps": 3, "sides": EACH}),
    ("back-extension", {}),  # staged: checked on its own below
    # gluteal stretch: 20 s, switch legs, 3 times each
    ("piriformis-stretch", {"hold": 20, "reps": 3, "sides": "alternate"}),
    # cat curl: 5 s each way, 10 times, work up to 3 sets
    ("cat-cow", {"hold": 5, "positions": 2, "reps": 10, "sets": (1, 3)}),
    # quadruped arm-leg raise: 5 s, 10 a side, work up to 3 sets
    ("bird-dog", {"hold": 5, "reps": 10, "sets": (1, 3), "sides": EACH}),
    # flatten 5 s, arch 5 s, 10 times, work up to 3 sets
    ("pelvic-tilt", {"hold": 5, "positions": 2, "reps": 10, "sets": (1, 3)}),
    # partial curl: 3 s, 10 times, work up to 3 sets
    ("partial-crunch", {"hold": 3, "reps": 10, "sets": (1, 3)}),
    # 10 s a side, working up to a minute
    ("side-plank", {"hold": (10, 60), "sides": EACH}),
    ("dead-bug-staged", {}),  # staged: checked on its own below
]
TEN_BEST: list[tuple[str, dict[str, Any]]] = [
    # 15-30 s, 2-3 a leg
    ("knee-to-chest", {"hold": (15, 30), "reps": (2, 3), "sides": EACH}),
    # 8-10 reps, 2-3 s in each shape
    ("cat-cow", {"hold": (2, 3), "positions": 2, "reps": (8, 10)}),
    # 30-60 s
    ("childs-pose", {"hold": (30, 60)}),
    # 2-3 s at the top, 10-15 reps, 30 s between sets
    ("bridge", {"hold": (2, 3), "reps": (10, 15), "rest_sets": 30}),
    # 15-20 s, 3-4 each direction
    ("seated-rotation", {"hold": (15, 20), "reps": (3, 4), "sides": EACH}),
    # 20-30 s, 2-3 a leg
    ("hamstring-stretch-lying", {"hold": (20, 30), "reps": (2, 3), "sides": EACH}),
    # 5-10 s, 8-10 each side
    ("bird-dog", {"hold": (5, 10), "reps": (8, 10), "sides": EACH}),
    # hold 1 s, 8-10 reps, 2-3 sets
    ("partial-crunch", {"hold": 1, "reps": (8, 10), "sets": (2, 3)}),
    # arms up, lower the opposite arm and leg: 5-8 a side, 2-3 sets
    ("dead-bug-opposite-arm-leg", {"reps": (5, 8), "sets": (2, 3), "sides": "alternate"}),
    # knees and forearms: 10-30 s, 3-5 times
    ("modified-plank", {"hold": (10, 30), "reps": (3, 5)}),
    # 15-20 s, 2-3 a side
    ("side-bend", {"hold": (15, 20), "reps": (2, 3), "sides": EACH}),
    # 10-15 s, 3-5 rolls a side
    ("knee-rolls", {"hold": (10, 15), "reps": (3, 5), "sides": EACH}),
]
KLARITY: list[tuple[str, dict[str, Any]]] = [
    # about 10 s a side, about 3 times
    ("knee-rolls", {"hold": 10, "reps": 3, "sides": EACH}),
    # one knee or both, a few seconds, about 5 times
    ("knee-hug", {"reps": 5, "sides": "none"}),
    # one arm for 10-15 s, about 10 a side
    ("back-stabiliser", {"hold": (10, 15), "reps": 10, "sides": EACH}),
    # a few seconds, about 5 times
    ("pelvic-tilt", {"reps": 5}),
    # 10-15 s, about 10 times
    ("deep-stomach-tone", {"hold": (10, 15), "reps": 10}),
    # 10-30 s
    ("plank", {"hold": (10, 30)}),
    ("squat", {}),  # no count in the article
    # 10-15 times
    ("partial-crunch", {"reps": (10, 15)}),
]
ASM_ROADMAP: list[tuple[str, dict[str, Any]]] = [
    ("pelvic-tilt", {"hold": 5, "reps": (10, 15)}),
    ("lumbo-pelvic-march", {"reps": (10, 15), "sides": EACH}),
    ("double-knee-tuck", {}),
    ("hip-flexor-unlock", {"reps": 5, "sides": EACH}),
    ("hip-flexor-stretch", {"hold": 30, "reps": 5, "sides": EACH}),
    ("hamstring-unlock", {"hold": 30, "reps": 5, "sides": EACH}),
    ("hamstring-stretch-standing", {"hold": 30, "reps": 5, "sides": EACH}),
    ("piriformis-unlock", {"reps": 5, "sides": EACH}),
    ("piriformis-stretch", {"hold": 30, "reps": 5, "sides": EACH}),
    ("tabletop-hold", {"hold": (5, 10), "reps": 10}),
    ("segmental-bridge", {"hold": (5, 10), "reps": 10}),
    # knees over hips, straighten one knee then the other: 5 a side
    ("dead-bug", {"reps": 5, "sides": EACH}),
    ("modified-plank", {"hold": (30, 60), "reps": 10}),
    ("donkey-kick", {"reps": 10, "sides": EACH}),
    ("bird-dog", {"hold": (5, 10), "reps": 10, "sides": EACH}),
    ("tall-kneeling-hip-extension", {"reps": 15}),
    ("multi-directional-lunge", {"reps": 5, "sides": EACH}),
    ("hip-hinge-back-extension", {"hold": 10, "positions": 2, "reps": 10}),
    ("hip-hinge-dowel", {"reps": (10, 15)}),
    ("pelvic-clock-seated", {"reps": 10}),
    ("sit-to-stand", {}),
    ("pick-up-light-object", {}),
    ("lift-heavy-object", {}),
    ("getting-up-from-bed", {}),
]

ARTICLES = {
    "spinenation": SPINENATION,
    "essential-guide": ESSENTIAL_GUIDE,
    "ten-best": TEN_BEST,
    "klarity": KLARITY,
    "asm-roadmap": ASM_ROADMAP,
}


def assert_dose(counts: Counts, expected: dict[str, Any], where: str) -> None:
    for name, value in expected.items():
        actual = getattr(counts, name)
        if name == "positions":
            assert len(actual) == value, f"{where}: {len(actual)} positions, not {value}"
        elif value == EACH:
            assert actual in ("each", "alternate"), f"{where}: sides is {actual!r}"
        elif name in ("hold", "reps", "sets"):
            kind = Seconds if name == "hold" else Count
            wanted = kind(*value) if isinstance(value, tuple) else kind(value)
            assert actual == wanted, f"{where}: {name} is {actual}, the article says {wanted}"
        else:
            assert actual == value, f"{where}: {name} is {actual}, the article says {value}"


@pytest.mark.parametrize("routine_id", list(ARTICLES))
def test_article_routine_keeps_the_articles_exercises_order_and_doses(
    catalogue: Catalogue, routine_id: str
) -> None:
    routine = catalogue.routine(routine_id)
    expected = ARTICLES[routine_id]
    assert routine.kind == "article"
    assert routine.source == routine_id
    assert [item.exercise for item in routine.items] == [name for name, _ in expected]
    for position, (item, (name, dose)) in enumerate(zip(routine.items, expected, strict=True)):
        assert item.dose is not None, f"{routine_id} item {position} has no dose of its own"
        assert_dose(item.dose, dose, f"{routine_id} #{position + 1} {name}")
        assert routine_id in catalogue.exercise(name).sources


def test_essential_guide_back_extension_keeps_its_three_stages(catalogue: Catalogue) -> None:
    item = catalogue.routine("essential-guide").items[1]
    assert item.dose is not None
    prone, elbows, press_ups = item.dose.plan()
    assert_dose(prone, {"hold": 300}, "lying face down, 5 minutes")
    assert_dose(elbows, {"hold": 120}, "on the elbows, 2 minutes")
    assert_dose(
        press_ups,
        {"hold": (1, 10), "reps": 10, "sets": 4, "rest_sets": 60},
        "press-ups: 1 s up to 10 s, 10 reps, 4 sets, a minute's rest",
    )


def test_the_catalogue_holds_exactly_the_articles_movements(catalogue: Catalogue) -> None:
    named = {name for routine in ARTICLES.values() for name, _ in routine}
    extra = {
        "single-leg-raise",  # SpineNation's alternative to double leg lifts
        "side-plank-bent-knees",  # the Essential Guide's easier side plank
        "wall-plank",  # ten-best's gentler plank options, easier than the knee plank
        "incline-plank",
        "marching-in-place",  # ten-best warm-up
        "arm-circles",  # ten-best warm-up
        "walking",  # Klarity's low-impact aerobic exercise and warm-up
    }
    assert named | extra == set(catalogue.exercises)
    assert len(catalogue.exercises) == 51


def test_the_roadmap_has_three_phases_and_all_24_exercises_in_order(catalogue: Catalogue) -> None:
    assert [phase.name for phase in catalogue.phases] == ["ALIGN", "STABILIZE", "MAINTAIN"]
    every = [name for phase in catalogue.phases for name in phase.exercises]
    assert every == [name for name, _ in ASM_ROADMAP]
    assert [len(phase.exercises) for phase in catalogue.phases] == [9, 9, 6]


def test_align_progresses_lumbo_pelvic_control_and_unlocks_before_stretching(
    catalogue: Catalogue,
) -> None:
    align = catalogue.phases[0]
    ladders = [p.exercises for p in align.progressions if p.mode == "ladder"]
    sequences = [p.exercises for p in align.progressions if p.mode == "sequence"]
    assert ("pelvic-tilt", "lumbo-pelvic-march", "double-knee-tuck") in ladders
    for muscle in ("hip-flexor", "hamstring", "piriformis"):
        stretch = "hamstring-stretch-standing" if muscle == "hamstring" else f"{muscle}-stretch"
        assert (f"{muscle}-unlock", stretch) in sequences


def test_every_phase_has_an_explicit_completion_rule(catalogue: Catalogue) -> None:
    for phase in catalogue.phases:
        rule = phase.complete_when
        assert rule.min_sessions >= 1 and rule.text
        assert catalogue.routine(phase.routine).kind == "phase"


def test_essential_guide_dead_bug_plays_its_three_stages(catalogue: Catalogue) -> None:
    """The guide's dead bug: each limb alone, then arm and opposite leg, then limbs hovering."""
    item = catalogue.routine("essential-guide").items[-1]
    assert item.dose is not None
    one_limb, opposite, hovering = item.dose.stages
    # one leg, the other leg, one arm, the other arm, each held 5 s
    assert_dose(one_limb, {"hold": 5, "positions": 4, "sides": "none"}, "one limb at a time")
    # a leg and the opposite arm together, 5 s, then the other pair
    assert_dose(opposite, {"hold": 5, "sides": "alternate"}, "opposite arm and leg")
    # the same, with the lowered arms and feet kept just off the floor
    assert_dose(hovering, {"hold": 5, "sides": "alternate"}, "arms and feet hovering")
    assert "off the floor" in hovering.cue


def test_the_sciatica_routine_starts_the_staged_dead_bug_at_its_first_stage(
    catalogue: Catalogue,
) -> None:
    """The sciatica routine starts with the easier variants: the dead bug's first stage only."""
    item = catalogue.routine("sciatica-friendly").items[-1]
    assert item.dose is not None
    assert (item.exercise, [stage.name for stage in item.dose.stages]) == (
        "dead-bug-staged",
        ["One limb at a time"],
    )


def test_spinenation_plays_its_own_press_up_not_the_staged_back_extension(
    catalogue: Catalogue,
) -> None:
    """SpineNation's press-up is a few short holds on the elbows, with no stages."""
    press_up = catalogue.exercise("press-up")
    assert (press_up.sources, press_up.dose.stages) == (("spinenation",), ())
    assert any("elbows" in step for step in press_up.steps)
    assert "spinenation" not in catalogue.exercise("back-extension").sources


def test_the_three_dead_bugs_are_each_one_articles_movement(catalogue: Catalogue) -> None:
    """Each dead bug names the one article it comes from and plays in that article's routine."""
    for exercise_id, source in (
        ("dead-bug", "asm-roadmap"),
        ("dead-bug-opposite-arm-leg", "ten-best"),
        ("dead-bug-staged", "essential-guide"),
    ):
        assert catalogue.exercise(exercise_id).sources == (source,)
        assert exercise_id in {item.exercise for item in catalogue.routine(source).items}


def test_steps_never_hold_back_the_side_switch_where_a_routine_alternates(
    catalogue: Catalogue,
) -> None:
    """An exercise some routine plays with sides taking turns never says to switch at the end."""
    alternating = {
        item.exercise
        for routine in catalogue.routines.values()
        for item in routine.items
        if any(counts.sides == "alternate" for counts in catalogue.dose_for(item).plan())
    }
    for exercise_id in alternating:
        for step in catalogue.exercise(exercise_id).steps:
            assert "after all" not in step.lower(), f"{exercise_id}: {step!r}"


def test_the_knee_plank_offers_ten_bests_gentler_planks_first(catalogue: Catalogue) -> None:
    """The wall plank and the incline plank are the knee plank's easier variants."""
    assert catalogue.exercise("modified-plank").easier == ("incline-plank", "wall-plank")
    assert {"incline-plank", "wall-plank"} <= set(catalogue.exercise("plank").easier)
