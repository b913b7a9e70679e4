"""The rules for building a custom routine: ids, items, dose limits and checks (no Textual)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.catalogue.adjusting import (
    SET_REST_SECONDS,
    Adjusted,
    adjust,
    item_parts,
    next_value,
    part_text,
    parts,
)
from tui.catalogue.custom import (
    ITEMS_MAX,
    Draft,
    DraftError,
    draft_seconds,
    new_routine_id,
    slug,
    with_custom_routines,
)
from tui.catalogue.limits import PARTS, article_doses, largest_dose, limits
from tui.model.catalogue import Catalogue, Count, Dose, Routine, RoutineItem, Seconds
from tui.store.store import Store


def item(exercise: str, dose: Dose | None = None) -> RoutineItem:
    return RoutineItem(exercise=exercise, dose=dose)


# --- ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Morning, gentle!", "morning-gentle"),
        ("  Desk   break 2 ", "desk-break-2"),
        ("Rücken-Übung", "rucken-ubung"),
        ("---", ""),
    ],
)
def test_slug_is_kebab_case_ascii(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_a_new_id_is_numbered_when_taken() -> None:
    assert new_routine_id("Evening", []) == "evening"
    assert new_routine_id("Evening", ["evening"]) == "evening-2"
    assert new_routine_id("Evening", ["evening", "evening-2"]) == "evening-3"


def test_a_name_without_letters_still_gets_an_id() -> None:
    assert new_routine_id("!!!", []) == "my-routine"
    assert new_routine_id("腰", ["my-routine"]) == "my-routine-2"


def test_a_new_routine_never_takes_a_built_in_routine_or_exercise_id(
    catalogue: Catalogue,
) -> None:
    items = (item("bridge"),)
    assert Draft("Quick 10", items).routine(catalogue).id == "quick-10-2"
    assert Draft("Bridge", items).routine(catalogue).id == "bridge-2"
    assert Draft("Evening", items).routine(catalogue, taken={"evening"}).id == "evening-2"


def test_an_edited_routine_keeps_its_id_when_renamed(catalogue: Catalogue) -> None:
    saved = Routine(
        id="evening", name="Evening", kind="custom", description="Mine.", items=(item("bridge"),)
    )
    edited = Draft.of(saved).named("Late evening").routine(catalogue, taken={"evening"})
    assert (edited.id, edited.name, edited.description) == ("evening", "Late evening", "Mine.")


def test_the_routine_is_custom_with_a_trimmed_name_and_the_items_in_order(
    catalogue: Catalogue,
) -> None:
    draft = Draft("  Evening  ", (item("bridge"), item("cat-cow")))
    routine = draft.routine(catalogue)
    assert routine.kind == "custom" and routine.name == "Evening"
    assert [i.exercise for i in routine.items] == ["bridge", "cat-cow"]
    assert routine.description


def test_a_built_routine_can_be_stored_and_read_back(catalogue: Catalogue, store: Store) -> None:
    draft = Draft("Evening", (item("bridge"),))
    changed = adjust(catalogue, draft.items[0], "hold", 1).item
    routine = draft.replacing(0, changed).routine(catalogue)
    store.save_routine(routine)
    assert store.routines() == [routine]


# --- checks ----------------------------------------------------------------------------------


def test_a_draft_needs_a_name_and_an_exercise(catalogue: Catalogue) -> None:
    with pytest.raises(DraftError) as caught:
        Draft("   ").routine(catalogue)
    assert caught.value.problems == ["Give the routine a name.", "Add at least one exercise."]


def test_a_draft_with_a_name_and_an_exercise_has_no_problems() -> None:
    assert Draft("Evening", (item("bridge"),)).problems() == []


def test_too_long_a_name_or_too_many_exercises_is_refused() -> None:
    draft = Draft("x" * 61, (item("bridge"),) * (ITEMS_MAX + 1))
    problems = draft.problems()
    assert len(problems) == 2
    assert "60 characters" in problems[0] and str(ITEMS_MAX) in problems[1]


def test_an_exercise_missing_from_the_catalogue_is_named(catalogue: Catalogue) -> None:
    with pytest.raises(DraftError, match="no-such-move"):
        Draft("Evening", (item("no-such-move"),)).routine(catalogue)


# --- items -----------------------------------------------------------------------------------


def test_adding_removing_and_moving_items_leave_the_original_alone() -> None:
    start = Draft("Evening", (item("bridge"),))
    added = start.adding("cat-cow").adding("plank", at=0)
    assert [i.exercise for i in added.items] == ["plank", "bridge", "cat-cow"]
    assert [i.exercise for i in start.items] == ["bridge"]
    moved, where = added.moving(0, 1)
    assert ([i.exercise for i in moved.items], where) == (["bridge", "plank", "cat-cow"], 1)
    assert [i.exercise for i in moved.removing(1).items] == ["bridge", "cat-cow"]


def test_moving_past_either_end_stays_put() -> None:
    draft = Draft("Evening", (item("bridge"), item("cat-cow")))
    assert draft.moving(0, -1) == (draft, 0)
    assert draft.moving(1, 1) == (draft, 1)


def test_a_draft_is_unchanged_when_its_name_and_items_are() -> None:
    draft = Draft("Evening", (item("bridge"),))
    assert draft.adding("cat-cow").removing(1) == draft
    assert draft.named("Evening!") != draft


def test_new_drafts_start_from_an_exercise_or_a_copy(catalogue: Catalogue) -> None:
    assert Draft.starting_with("bridge").items == (item("bridge"),)
    quick = catalogue.routine("quick-10")
    copy = Draft.copy_of(quick)
    assert copy.items == quick.items and copy.routine_id is None
    assert copy.name.startswith(quick.name)


def test_the_draft_takes_as_long_as_the_routine_it_becomes(catalogue: Catalogue) -> None:
    draft = Draft.copy_of(catalogue.routine("quick-10"))
    assert draft_seconds(catalogue, draft) == catalogue.routine_seconds(draft.routine(catalogue))
    assert draft_seconds(catalogue, Draft()) == 0


# --- doses -----------------------------------------------------------------------------------


def test_every_dose_the_articles_give_lies_within_its_limits(catalogue: Catalogue) -> None:
    for exercise_id in catalogue.exercises:
        for dose in article_doses(catalogue, exercise_id):
            for part in parts(dose):
                value = getattr(dose, part)
                bounds = limits(catalogue, exercise_id, part)
                assert bounds is not None, (exercise_id, part)
                assert bounds.low <= value.low and value.high <= bounds.high, (exercise_id, part)


def test_limits_run_from_half_the_least_to_the_most_the_articles_give(
    catalogue: Catalogue,
) -> None:
    """Plank held 10-30 s: 5 to 30 s. Walking 5-10 min: up to 10 min. Bridge: 1-3 sets."""
    plank = limits(catalogue, "plank", "hold")
    assert plank is not None and (plank.low, plank.high) == (5, 30)
    walking = limits(catalogue, "walking", "hold")
    assert walking is not None and walking.high == 600
    sets = limits(catalogue, "bridge", "sets")
    assert sets is not None and (sets.low, sets.high) == (1, 3)


def test_the_top_of_every_limit_is_the_largest_dose(catalogue: Catalogue) -> None:
    """The builder's upper bound for every part of every exercise is the articles' largest."""
    for exercise_id in catalogue.exercises:
        largest = largest_dose(catalogue, exercise_id)
        for part in PARTS:
            bounds = limits(catalogue, exercise_id, part)
            assert bounds is None or bounds.high == largest.of(part), (exercise_id, part)


def test_a_move_without_a_hold_has_no_hold_to_change(catalogue: Catalogue) -> None:
    assert parts(catalogue.exercise("squat").dose) == ("sets", "reps")
    result = adjust(catalogue, item("squat"), "hold", 1)
    assert not result.changed and result.item == item("squat")


def test_a_dose_in_stages_is_kept_as_the_article_gives_it(catalogue: Catalogue) -> None:
    assert parts(catalogue.exercise("back-extension").dose) == ()
    for part in PARTS:
        assert not adjust(catalogue, item("back-extension"), part, 1).changed


@pytest.mark.parametrize(
    ("value", "up", "down"),
    [(1, 2, 0), (9, 10, 8), (10, 15, 9), (12, 15, 10), (115, 120, 110), (120, 150, 115)],
)
def test_holds_move_on_a_grid_of_1_5_and_30_seconds(value: int, up: int, down: int) -> None:
    assert next_value("hold", value, 1) == up
    assert next_value("hold", value, -1) == down


def test_a_range_shifts_as_a_whole(catalogue: Catalogue) -> None:
    """Lying hamstring stretch (2-4 reps, hold 15-30 s, each side): down to 10-25 s, 1-3 reps."""
    down = adjust(catalogue, item("hamstring-stretch-lying"), "hold", -1)
    assert down.changed and down.item.dose is not None
    assert down.item.dose.hold == Seconds(10, 25)
    fewer = adjust(catalogue, item("hamstring-stretch-lying"), "reps", -1)
    assert fewer.item.dose is not None and fewer.item.dose.reps == Count(1, 3)
    assert down.item.dose.sides == "each"  # nothing else changes


def test_a_range_at_the_articles_top_does_not_go_up(catalogue: Catalogue) -> None:
    """Lying hamstring stretch: the articles hold it 30 s at most, so 15-30 s cannot go up."""
    assert not adjust(catalogue, item("hamstring-stretch-lying"), "hold", 1).changed


def test_a_fixed_value_stays_fixed(catalogue: Catalogue) -> None:
    """Pelvic tilt: 10-15 reps, hold 5 s (an article holds it 10 s): one step up is 6 s."""
    result = adjust(catalogue, item("pelvic-tilt"), "hold", 1)
    assert result.item.dose is not None and result.item.dose.hold == Seconds(6)


def test_a_range_stops_at_the_limit_without_being_squeezed(catalogue: Catalogue) -> None:
    """Plank hold 10-30 s, limits 5-30 s: down to 5-25 s, back up to 10-30 s and no further."""
    current = item("plank")
    for _ in range(20):
        current = adjust(catalogue, current, "hold", -1).item
    assert current.dose is not None and current.dose.hold == Seconds(5, 25)
    for _ in range(20):
        current = adjust(catalogue, current, "hold", 1).item
    assert current == item("plank")
    assert not adjust(catalogue, current, "hold", 1).changed


def test_a_second_set_brings_a_rest_between_sets_and_one_set_drops_it(
    catalogue: Catalogue,
) -> None:
    two = adjust(catalogue, item("bridge"), "sets", 1).item
    assert two.dose is not None and (two.dose.sets, two.dose.rest_sets) == (
        Count(2),
        SET_REST_SECONDS,
    )
    one = adjust(catalogue, two, "sets", -1).item
    assert one.dose is None  # back to the exercise's own dose


def test_a_dose_that_returns_to_the_exercise_s_own_is_no_override(catalogue: Catalogue) -> None:
    """Cat-cow 8-10 reps, one step down and back up: the exercise's own dose, no override."""
    down = adjust(catalogue, item("cat-cow"), "reps", -1).item
    assert down.dose is not None
    assert adjust(catalogue, down, "reps", 1).item == item("cat-cow")


def test_a_routine_s_own_dose_is_the_one_that_changes(catalogue: Catalogue) -> None:
    routine_item = catalogue.routine("klarity").items[3]  # pelvic tilt, about 5 times
    dose = catalogue.dose_for(routine_item)
    result = adjust(catalogue, routine_item, "reps", 1)
    assert result.item.dose is not None
    assert result.item.dose.reps == Count(dose.reps.low + 1, dose.reps.high + 1)
    assert result.item.dose.hold == dose.hold


def test_parts_in_words() -> None:
    dose = Dose(sets=Count(1), reps=Count(8, 12), hold=Seconds(15, 30))
    assert part_text(dose, "sets") == "1 set"
    assert part_text(dose, "reps") == "8-12 reps"
    assert part_text(dose, "hold") == "hold 15-30 s"
    assert part_text(Dose(), "hold") == "no hold"


@settings(max_examples=60, deadline=None)
@given(
    exercise=st.sampled_from(["plank", "bridge", "knee-to-chest", "walking", "cat-cow", "squat"]),
    steps=st.lists(st.tuples(st.sampled_from(PARTS), st.sampled_from([-1, 1])), max_size=40),
)
def test_any_number_of_steps_keeps_each_part_in_bounds_and_its_width(
    catalogue: Catalogue, exercise: str, steps: list[tuple[str, int]]
) -> None:
    start = catalogue.exercise(exercise).dose
    current = item(exercise)
    for part, direction in steps:
        current = adjust(catalogue, current, part, direction).item  # type: ignore[arg-type]
    dose = catalogue.dose_for(current)
    for part in parts(start):
        value, before = getattr(dose, part), getattr(start, part)
        bounds = limits(catalogue, exercise, part)
        assert bounds is not None
        assert bounds.low <= value.low <= value.high <= bounds.high
        assert value.high - value.low == before.high - before.low


def test_a_changed_dose_drops_the_article_s_note_about_its_numbers(catalogue: Catalogue) -> None:
    assert "10 up to 30 seconds" in catalogue.exercise("plank").dose.note
    changed = adjust(catalogue, item("plank"), "hold", -1).item
    assert changed.dose is not None and changed.dose.note == ""
    assert adjust(catalogue, changed, "hold", 1).item == item("plank")


def test_an_exercise_gone_from_the_catalogue_has_no_dose_to_change(catalogue: Catalogue) -> None:
    gone = item("no-such-move")
    assert item_parts(catalogue, gone) == ()
    assert adjust(catalogue, gone, "reps", 1) == Adjusted(gone, changed=False)
    assert draft_seconds(catalogue, Draft("Old", (gone,))) == 0


def test_a_stored_routine_with_a_built_in_id_is_hidden_with_a_note(catalogue: Catalogue) -> None:
    """An imported "quick-10" of someone's never replaces lumbar's own; the user is told why."""
    impostor = Routine(
        id="quick-10",
        name="Quick 10",
        kind="custom",
        description="Not lumbar's.",
        items=(RoutineItem(exercise="bridge", dose=Dose(reps=Count(30))),),
    )
    merged, notes = with_custom_routines(catalogue, [impostor])
    assert merged.routine("quick-10") == catalogue.routine("quick-10")
    assert len(notes) == 1 and "one of lumbar's own routines" in notes[0]
