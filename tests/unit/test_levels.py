"""Dose levels from the history: up after easy or right, never up with pain, back after hurt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import result_at
from tui.history.levels import STEP, explain, levels, pain_flag
from tui.model.catalogue import Catalogue
from tui.model.records import ExerciseResult, Feedback, Outcome, Session, SessionStatus

DAY_ONE = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
TILT = "pelvic-tilt"
BRIDGE = "bridge"


def result(
    exercise: str = TILT, outcome: Outcome = "done", feedback: Feedback | None = None
) -> ExerciseResult:
    return result_at(exercise, DAY_ONE, outcome, feedback)


def session(
    day: int,
    *results: ExerciseResult,
    status: SessionStatus = "complete",
    pain: tuple[int | None, int | None] = (None, None),
) -> Session:
    return Session(
        id=f"s{day}",
        routine="spinenation",
        routine_name="SpineNation",
        started_at=DAY_ONE + timedelta(days=day),
        status=status,
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=results,
    )


def easy_days(count: int, exercise: str = TILT) -> list[Session]:
    return [session(day, result(exercise, feedback="easy")) for day in range(count)]


def test_a_new_history_has_no_levels_so_every_exercise_starts_at_zero() -> None:
    assert levels([]).get(TILT, 0.0) == 0.0


@pytest.mark.parametrize("feedback", ["easy", "right"])
def test_done_and_rated_easy_or_right_moves_up_one_step(feedback: Feedback) -> None:
    assert levels([session(0, result(feedback=feedback))]) == {TILT: STEP}


def test_the_steps_are_quarters_from_zero_to_one() -> None:
    assert [levels(easy_days(n)).get(TILT, 0.0) for n in range(5)] == [0, 0.25, 0.5, 0.75, 1]


def test_the_level_caps_at_the_high_end() -> None:
    assert levels(easy_days(9)) == {TILT: 1.0}


@pytest.mark.parametrize(
    ("outcome", "feedback"),
    [("done", "hard"), ("done", None), ("skipped", None), ("stopped", None), ("skipped", "easy")],
)
def test_hard_unrated_skipped_or_stopped_stays(outcome: Outcome, feedback: Feedback | None) -> None:
    history = [*easy_days(2), session(5, result(outcome=outcome, feedback=feedback))]
    assert levels(history) == {TILT: 0.5}


@pytest.mark.parametrize(
    ("outcome", "feedback"), [("hurt", None), ("done", "hurt"), ("stopped", "hurt")]
)
def test_this_hurts_steps_back_one_step(outcome: Outcome, feedback: Feedback | None) -> None:
    history = [*easy_days(3), session(5, result(outcome=outcome, feedback=feedback))]
    assert levels(history) == {TILT: 0.5}


def test_this_hurts_never_goes_below_zero() -> None:
    history = [session(day, result(outcome="hurt")) for day in range(3)]
    assert levels(history) == {TILT: 0.0}


def test_pain_rising_over_a_session_blocks_every_move_up_in_it() -> None:
    rose = session(0, result(TILT, feedback="easy"), result(BRIDGE, feedback="right"), pain=(2, 4))
    assert levels([rose]) == {TILT: 0.0, BRIDGE: 0.0}


def test_pain_rising_does_not_undo_earlier_progress() -> None:
    rose = session(5, result(feedback="easy"), pain=(2, 4))
    assert levels([*easy_days(2), rose]) == {TILT: 0.5}


@pytest.mark.parametrize("pain", [(3, 3), (4, 2), (None, 5), (2, None)])
def test_pain_that_did_not_rise_or_was_not_recorded_lets_it_move_up(
    pain: tuple[int | None, int | None],
) -> None:
    assert levels([session(0, result(feedback="easy"), pain=pain)]) == {TILT: STEP}


def test_this_hurts_on_one_exercise_moves_only_that_one_down() -> None:
    history = [
        *[
            session(d, result(TILT, feedback="easy"), result(BRIDGE, feedback="easy"))
            for d in (0, 1)
        ],
        session(2, result(TILT, outcome="hurt"), result(BRIDGE, feedback="easy")),
    ]
    assert levels(history) == {TILT: 0.25, BRIDGE: 0.75}


def test_partial_sessions_count_for_what_they_recorded() -> None:
    partial = session(0, result(feedback="easy"), status="partial")
    assert levels([partial]) == {TILT: STEP}


def test_sessions_are_replayed_in_the_order_they_started() -> None:
    history = [
        session(2, result(feedback="easy")),
        session(1, result(outcome="hurt")),
        session(3, result(feedback="easy")),
    ]
    assert levels(history) == {TILT: 0.5}


def test_an_exercise_done_twice_in_a_session_moves_at_most_one_step() -> None:
    twice = session(0, result(feedback="easy"), result(feedback="easy"))
    assert levels([twice]) == {TILT: STEP}


def test_an_exercise_done_twice_moves_up_only_when_both_went_well() -> None:
    mixed = session(0, result(feedback="easy"), result(feedback="hard"))
    assert levels([mixed]) == {TILT: 0.0}


def test_a_dose_never_goes_up_after_a_pain_flag_and_goes_down_after_this_hurts() -> None:
    history = [
        *easy_days(2),
        session(3, result(feedback="easy"), pain=(1, 3)),
        session(4, result(outcome="hurt")),
        session(5, result(feedback="hurt")),
    ]
    assert [(step.change, step.after) for step in explain(history, TILT)] == [
        ("up", 0.25),
        ("up", 0.5),
        ("stay", 0.5),
        ("down", 0.25),
        ("down", 0.0),
    ]


results_strategy = st.builds(
    result,
    exercise=st.sampled_from([TILT, BRIDGE]),
    outcome=st.sampled_from(["done", "skipped", "hurt", "stopped"]),
    feedback=st.sampled_from([None, "easy", "right", "hard", "hurt"]),
)
sessions_strategy = st.lists(
    st.builds(
        session,
        st.integers(min_value=0, max_value=60),
        results_strategy,
        results_strategy,
        status=st.sampled_from(["partial", "complete"]),
        pain=st.tuples(
            st.none() | st.integers(min_value=0, max_value=10),
            st.none() | st.integers(min_value=0, max_value=10),
        ),
    ),
    max_size=12,
).map(lambda found: [msgspec.structs.replace(s, id=f"s{i}") for i, s in enumerate(found)])


@given(sessions_strategy)
def test_no_history_ever_raises_a_dose_in_a_session_with_a_pain_flag(
    history: list[Session],
) -> None:
    by_id = {s.id: s for s in history}
    for exercise in (TILT, BRIDGE):
        previous = 0.0
        for step in explain(history, exercise):
            assert step.before == previous  # each session starts where the last one left it
            previous = step.after
            assert 0.0 <= step.after <= 1.0
            flagged = pain_flag(by_id[step.session], exercise)
            if flagged:
                assert step.after <= step.before
            hurt = any(r.hurt for r in by_id[step.session].exercises if r.exercise == exercise)
            if hurt:
                assert step.after == max(step.before - STEP, 0.0)


def test_explain_gives_each_session_its_date_change_and_reason() -> None:
    history = [
        session(0, result(feedback="right")),
        session(2, result(feedback="hard")),
        session(4, result(feedback="easy"), pain=(2, 5)),
        session(6, result(outcome="hurt")),
        session(7, result(BRIDGE, feedback="easy")),
    ]
    assert [(s.day, s.change, s.reason) for s in explain(history, TILT)] == [
        (date(2025, 3, 3), "up", "done, rated right, with no pain"),
        (date(2025, 3, 5), "stay", "you found it hard"),
        (date(2025, 3, 7), "stay", "your pain rose from 2 to 5 that session"),
        (date(2025, 3, 9), "down", "you said it hurt"),
    ]


def test_explain_says_when_the_range_has_no_room_left() -> None:
    history = [
        session(0, result(outcome="hurt")),
        *[session(d, result(feedback="easy")) for d in range(1, 6)],
    ]
    steps = explain(history, TILT)
    assert steps[0].reason == "you said it hurt; already at the start of the range"
    assert steps[-1].reason == "done, rated easy, with no pain; already at the top of the range"


def test_levels_walk_the_spinenation_hamstring_hold_from_15_to_30(catalogue: Catalogue) -> None:
    item = catalogue.routine("spinenation").items[0]
    assert item.exercise == "hamstring-stretch-lying"
    hold = catalogue.dose_for(item).hold
    assert hold is not None
    hist = [levels(easy_days(n, item.exercise)).get(item.exercise, 0.0) for n in range(6)]
    assert [hold.at(level) for level in hist] == [15, 19, 22, 26, 30, 30]
