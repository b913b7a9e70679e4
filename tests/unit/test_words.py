"""Doses and settings said in plain words."""

from __future__ import annotations

from tui.model.catalogue import Catalogue
from tui.model.words import dose_text, duration, setting_text


def test_a_ranged_hold_on_each_side(catalogue: Catalogue) -> None:
    dose = catalogue.dose_for(catalogue.routine("spinenation").items[0])
    assert dose_text(dose) == "2-4 reps, hold 15-30 s, each side"


def test_sets_positions_and_rests(catalogue: Catalogue) -> None:
    dose = catalogue.dose_for(catalogue.routine("essential-guide").items[3])
    assert dose_text(dose) == (
        "1-3 sets of 10, hold 5 s in each of 2 positions, 30 s rest between sets"
    )


def test_stages_are_read_in_order(catalogue: Catalogue) -> None:
    text = dose_text(catalogue.exercise("back-extension").dose)
    assert text.startswith("Lie face down: for 5 min; then On elbows: for 2 min; then Press-ups")


def test_paced_reps_and_equipment(catalogue: Catalogue) -> None:
    exercise = catalogue.exercise("sit-to-stand")
    assert dose_text(exercise.dose).endswith("s a rep")
    assert setting_text(exercise) == "seated, with a chair"
    assert setting_text(catalogue.exercise("piriformis-unlock")).endswith("with a tennis ball")


def test_durations() -> None:
    assert [duration(s) for s in (5, 60, 90, 300)] == ["5 s", "1 min", "1 min 30 s", "5 min"]


def test_minutes_left_round_up_and_end_with_nothing() -> None:
    from tui.model.words import minutes_left

    assert minutes_left(601) == "11 min left"
    assert minutes_left(600) == "10 min left"
    assert minutes_left(0.2) == "1 min left"
    assert minutes_left(0) == "nothing left"
