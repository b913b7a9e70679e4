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
    ("hamstring-stretch-lying", {"hold": (15, 30), "reps": (2, 4), "sides": EACH}),
    ("partial-crunch", {"hold": 1, "reps": (8, 12)}),
    ("wall-sit", {"hold": 10, "reps": (8, 12)}),
    ("back-extension", {"reps": 4}),
    ("bird-dog", {"hold": 5, "reps": (8, 12), "sides": EACH}),
    ("knee-to-chest", {"hold": (15, 30), "reps": (2, 4), "sides": EACH}),
    ("pelvic-tilt", {"hold": 10, "reps": (8, 12)}),
    ("bridge", {"hold": 6, "reps": (8, 12), "rest_reps": 10}),
]
ESSENTIAL_GUIDE: list[tuple[str, dict[str, Any]]] = [
    ("hamstring-stretch-standing", {"hold": (15, 30), "reps": 3, "sides": EACH}),
    ("back-extension", {}),  # staged: checked on its own below
    ("piriformis-stretch", {"hold": 20, "reps": 3, "sides": EACH}),
    ("cat-cow", {"hold": 5, "positions": 2, "reps": 10, "sets": (1, 3)}),
    ("bird-dog", {"hold": 5, "reps": 10, "sets": (1, 3), "sides": EACH}),
    ("pelvic-tilt", {"hold": 5, "positions": 2, "reps": 10, "sets": (1, 3)}),
    ("partial-crunch", {"hold": 3, "reps": 10, "sets": (1, 3)}),
    ("side-plank", {"hold": (10, 60), "sides": EACH}),
    ("dead-bug", {"hold": 5, "sides": EACH}),
]
TEN_BEST: list[tuple[str, dict[str, Any]]] = [
    ("knee-to-chest", {"hold": (15, 30), "reps": (2, 3), "sides": EACH}),
    ("cat-cow", {"hold": (2, 3), "positions": 2, "reps": (8, 10)}),
    ("childs-pose", {"hold": (30, 60)}),
    ("bridge", {"hold": (2, 3), "reps": (10, 15), "rest_sets": 30}),
    ("seated-rotation", {"hold": (15, 20), "reps": (3, 4), "sides": EACH}),
    ("hamstring-stretch-lying", {"hold": (20, 30), "reps": (2, 3), "sides": EACH}),
    ("bird-dog", {"hold": (5, 10), "reps": (8, 10), "sides": EACH}),
    ("partial-crunch", {"hold": 1, "reps": (8, 10), "sets": (2, 3)}),
    ("dead-bug", {"reps": (5, 8), "sets": (2, 3), "sides": EACH}),
    ("modified-plank", {"hold": (10, 30), "reps": (3, 5)}),
    ("side-bend", {"hold": (15, 20), "reps": (2, 3), "sides": EACH}),
    ("knee-rolls", {"hold": (10, 15), "reps": (3, 5), "sides": EACH}),
]
KLARITY: list[tuple[str, dict[str, Any]]] = [
    ("knee-rolls", {"hold": 10, "reps": 3, "sides": EACH}),
    ("knee-to-chest", {"reps": 5}),
    ("back-stabiliser", {"hold": (10, 15), "reps": 10, "sides": EACH}),
    ("pelvic-tilt", {"reps": 5}),
    ("deep-stomach-tone", {"hold": (10, 15), "reps": 10}),
    ("plank", {"hold": (10, 30)}),
    ("squat", {}),
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
        "dead-bug-single-limb",  # the Essential Guide dead bug's first stage
        "marching-in-place",  # ten-best warm-up
        "arm-circles",  # ten-best warm-up
        "walking",  # Klarity's low-impact aerobic exercise and warm-up
    }
    assert named | extra == set(catalogue.exercises)
    assert len(catalogue.exercises) == 46


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
