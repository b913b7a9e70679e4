"""Doses and settings said in plain words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tui.model.catalogue import Catalogue
from tui.model.records import ExerciseResult, Feedback, Outcome, Session, outcome_counts
from tui.model.words import (
    about_minutes,
    dose_text,
    duration,
    in_sentence,
    outcomes_text,
    plural,
    session_minutes,
    setting_text,
    sources_text,
    spoken_duration,
)

START = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def played(*results: tuple[Outcome, Feedback | None], seconds: float = 600) -> Session:
    """A session of ``seconds`` whose exercises ended with these outcomes and ratings."""
    return Session(
        id="s",
        routine="r",
        routine_name="R",
        started_at=START,
        ended_at=START + timedelta(seconds=seconds),
        exercises=tuple(
            ExerciseResult(
                exercise=f"e{n}",
                planned=(),
                outcome=outcome,
                feedback=feedback,
                started_at=START,
                ended_at=START,
            )
            for n, (outcome, feedback) in enumerate(results)
        ),
    )


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


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert plural(1, "session") == "1 session"
    assert [plural(n, "more day") for n in (0, 2)] == ["0 more days", "2 more days"]
    assert plural(2, "entry", "entries") == "2 entries"


def test_a_routine_takes_about_the_nearest_minute_and_never_less_than_one() -> None:
    assert about_minutes(10) == "about 1 min"
    assert about_minutes(89) == "about 1 min"
    assert about_minutes(91) == "about 2 min"


def test_a_session_lasts_its_minutes_to_the_nearest_and_may_be_none() -> None:
    assert session_minutes(played(seconds=20)) == 0
    assert session_minutes(played(seconds=150)) == 2  # halves go to the even minute
    assert session_minutes(played(seconds=151)) == 3


def test_the_outcomes_are_said_in_order_done_always() -> None:
    session = played(("stopped", None), ("done", "right"), ("hurt", None), ("done", "hurt"))
    assert outcomes_text(session) == "2 done, 1 hurt, 1 stopped early"
    assert outcomes_text(played()) == "0 done"


def test_outcome_counts_tell_skipped_from_stopped_and_count_a_hurt_rating() -> None:
    """A skip is the user's; an exercise stopped by the session's end (a dropped link) is not."""
    session = played(("stopped", None), ("skipped", None), ("hurt", None), ("done", "hurt"))
    assert outcome_counts(session) == (1, 0, 1, 1, 2)


def test_an_exercise_cut_short_is_counted_apart_from_those_done() -> None:
    """outcome_counts and outcomes_text never count an exercise cut short as done."""
    session = played(("done", "right"), ("cut", "easy"))
    assert outcome_counts(session) == (1, 1, 0, 0, 0)
    assert outcomes_text(session) == "1 done, 1 cut short"


def test_a_name_in_a_sentence_starts_small_unless_it_is_an_acronym() -> None:
    assert in_sentence("Pelvic tilt") == "pelvic tilt"
    assert in_sentence("ASM march") == "ASM march"
    assert in_sentence("A wall sit") == "a wall sit"


def test_a_source_without_a_publisher_says_so_with_its_date(catalogue: Catalogue) -> None:
    """ten-best names no publisher: its line says so, never "Not named" as if it were a name."""
    (line,) = sources_text(catalogue, ("ten-best",))
    assert line == (
        "10 Best Exercises for Lower Back Pain Relief "
        "(published 25 September 2025; the article names no publisher)"
    )


def test_a_time_for_the_ear_says_minutes_past_a_minute() -> None:
    """The plain player and speech say "5 minutes", never "300 seconds"."""
    assert spoken_duration(1) == "1 second"
    assert spoken_duration(45) == "45 seconds"
    assert spoken_duration(60) == "1 minute"
    assert spoken_duration(300) == "5 minutes"
    assert spoken_duration(90) == "1 minute 30 seconds"
