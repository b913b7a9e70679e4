"""The select screen's descriptions, made once, and how wide the detail pane lays them out."""

from __future__ import annotations

from datetime import date

from tui.catalogue import alone, exercise_description, routine_description
from tui.catalogue.blocks import text, title
from tui.model.catalogue import Catalogue, Exercise, Routine
from tui.screens.select_detail import Described
from tui.widgets.description import layout, lines_at_least, wrap_width


def test_a_description_is_made_once_and_kept(catalogue: Catalogue) -> None:
    """Asked twice for one routine, it gives the very description it made the first time."""
    described, routine = Described(catalogue, {}, date.today), catalogue.routines["quick-10"]
    first = described(routine)
    assert described(routine) is first
    assert first == routine_description(catalogue, routine, None)


def test_an_exercise_and_a_routine_of_the_same_id_keep_their_own_descriptions(
    catalogue: Catalogue,
) -> None:
    """The exercise on its own (a routine under its id) is not taken for the exercise."""
    described, exercise = Described(catalogue, {}, date.today), catalogue.exercises["bird-dog"]
    assert described(exercise) == exercise_description(catalogue, exercise)
    assert described(alone(exercise)) == routine_description(catalogue, alone(exercise), None)
    assert described(exercise) != described(alone(exercise))


def test_a_description_that_fits_takes_the_whole_width() -> None:
    """Two short lines in a region of ten rows: no room kept for a scrollbar."""
    short = (title("Bridge"), text("Lift the hips."))
    assert wrap_width(short, 40, 10, 2) == 40


def test_a_description_too_long_for_the_region_leaves_room_for_the_scrollbar() -> None:
    """More lines than rows: laid out narrower by the scrollbar's width."""
    long = tuple(text(f"Line {n}.") for n in range(12))
    assert len(layout(long, 40)) > 10
    assert wrap_width(long, 40, 10, 2) == 38


def test_a_description_takes_at_least_a_line_a_block_at_any_width(catalogue: Catalogue) -> None:
    """The lines counted before the pane has a size are never more than it lays out."""
    described = Described(catalogue, {}, date.today)
    records: list[Routine | Exercise] = [*catalogue.routines.values()]
    records += catalogue.exercises.values()
    for description in map(described, records):
        for width in (20, 38, 76, 200):
            assert lines_at_least(description) <= len(layout(description, width))
