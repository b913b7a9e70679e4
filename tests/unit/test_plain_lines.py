"""The plain player's lines: one per event, in words for the ear."""

from __future__ import annotations

import pytest

from tests.helpers import dosed, make_result, make_session, timeline_of
from tui.model.catalogue import Catalogue
from tui.plain.lines import exercise_line, step_lines, summary_line
from tui.session.timeline import StepKind, Timeline


@pytest.fixture(scope="module")
def timeline(catalogue: Catalogue) -> Timeline:
    """A tilt held 10 s twice with a rest between, then arm circles at a 2 s tempo."""
    return timeline_of(
        catalogue,
        dosed("pelvic-tilt", hold=10, reps=2, rest_reps=5),
        dosed("arm-circles", reps=4, tempo=2),
    )


def first(timeline: Timeline, kind: StepKind) -> int:
    return next(i for i, step in enumerate(timeline.steps) if step.kind is kind)


def test_a_lead_in_names_the_exercise_its_place_and_its_dose(timeline: Timeline) -> None:
    """Exercise n of N, the name and position, the dose, and when it starts."""
    line = step_lines(timeline, 0)[0]
    assert line.startswith("Exercise 1 of 2: Pelvic tilt, lying on your back")
    assert "2 reps, hold 10 seconds." in line
    assert line.endswith("Starts in 5 seconds.")


def test_a_lead_in_says_how_and_the_first_caution(timeline: Timeline) -> None:
    lines = step_lines(timeline, 0)
    assert lines[1].startswith("How: Lie face up")
    assert lines[2].startswith("Caution: ")


def test_a_lead_in_after_a_change_of_position_says_the_move(timeline: Timeline) -> None:
    line = step_lines(timeline, first(timeline, StepKind.TRANSITION))[0]
    assert "Get up from the floor: stand." in line


def test_the_first_rep_says_each_of_its_moves_and_its_hold_in_one_line(timeline: Timeline) -> None:
    assert step_lines(timeline, 1) == [
        "Rep 1 of 2: Breathe out and tip your pelvis to flatten your back. Hold 10 seconds. "
        "Breathe in and let your back curve again."
    ]


def test_a_step_inside_a_rep_has_no_line_of_its_own(timeline: Timeline) -> None:
    """A line every second or two (the moves) would drown a screen reader."""
    assert step_lines(timeline, first(timeline, StepKind.HOLD)) == []


def test_a_later_rep_says_where_it_is_and_how_long_it_holds(timeline: Timeline) -> None:
    after_the_rest = first(timeline, StepKind.REST) + 1
    assert step_lines(timeline, after_the_rest) == ["Rep 2 of 2: Hold 10 seconds."]


def test_a_rest_says_its_seconds(timeline: Timeline) -> None:
    assert step_lines(timeline, first(timeline, StepKind.REST)) == ["Rest 5 seconds."]


def test_only_the_first_of_a_run_of_paced_reps_has_a_line(timeline: Timeline) -> None:
    """A line every two seconds would drown a screen reader: the bell keeps the rhythm."""
    moves = [i for i, step in enumerate(timeline.steps) if step.kind is StepKind.MOVE]
    said = [step_lines(timeline, i) for i in moves]
    assert said[0] == ["Rep 1 of 4: Circle your arms slowly. 2 seconds a rep, to the bell."]
    assert said[1:] == [[], [], []]


def test_a_skipped_exercise_says_so(timeline: Timeline) -> None:
    result = make_result("pelvic-tilt", outcome="skipped")
    assert exercise_line(timeline.exercises[0], result) == "Skipped: Pelvic tilt."


def test_the_summary_says_a_pain_not_given_is_unknown() -> None:
    session = make_session(status="partial", pain_before=4, pain_after=None)
    line = summary_line(session)
    assert line.startswith("Session ended early: ")
    assert "pain before 4, after unknown" in line
