"""``make_report``: the clinician's figures against a small history worked out by hand.

The history (tests/helpers/report_history.py), two weeks from Monday 3 March 2025:

- Mon: pain 4 -> 3; pelvic tilt 10 of 10 reps (easy), cat-cow 8 of 8 (right).
- Wed: pain 3 -> 2; the same.
- Fri: pain 3 -> 5; the tilt 4 of 12 reps, then "this hurts"; the cat-cow skipped (0 of 8).
- Next Tue, partial: pain 2 -> unknown; the tilt 12 of 12 (right); the cat-cow stopped at 3 of 8.

So: 4 sessions, 3 training days in week 1 (target 3: met), 1 in week 2 (not met), 2.0 days a week;
3 complete; reps 55 of 76 (72%); 5 of 8 results in full. Pain before: the first 2 average 3.5,
the last 2 2.5; before minus after 1, 1, -2: a mean of 0, rose once; one session with a score
unknown. One flagged session (Fri): the tilt hurt and the pain rose. The tilt in Quick 10: up
on Wed (two good sessions), down on Fri (it hurt), then held (the partial session).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.helpers.report_history import CAT, TILT, UNTIL, two_weeks
from tui.history.report import Report, ReportError, make_report
from tui.model import SafetyCheck, Settings
from tui.model.catalogue import Catalogue


@pytest.fixture
def report(catalogue: Catalogue) -> Report:
    """The report of the two weeks, made on their last day."""
    return make_report(two_weeks(), catalogue, Settings(), None, UNTIL)


def test_the_period_defaults_to_the_first_session_and_today(report: Report) -> None:
    """With no dates, the period runs from the first session (within 12 weeks) to today."""
    assert (report.since, report.until) == (date(2025, 3, 3), UNTIL)


def test_weeks_are_counted_against_the_weekly_target(report: Report) -> None:
    """Week 1 has 3 training days (met), week 2 one (not met): 2.0 days a week."""
    found = report.adherence
    assert [(week.days, week.met) for week in found.weeks] == [(3, True), (1, False)]
    assert (found.weeks_met, found.days_a_week) == (1, 2.0)


def test_sessions_and_complete_sessions_are_counted(report: Report) -> None:
    """4 sessions trained, 3 of them played to the end."""
    assert (report.adherence.sessions, report.adherence.complete) == (4, 3)


def test_the_share_of_planned_work_is_reps_done_over_reps_planned(report: Report) -> None:
    """55 of 76 planned reps done; 5 of the 8 results done in full."""
    found = report.adherence
    assert (found.reps_done, found.reps_planned, found.full, found.recorded) == (55, 76, 5, 8)
    assert found.share == pytest.approx(55 / 76)


def test_the_pain_trend_compares_the_first_and_last_sessions(report: Report) -> None:
    """Pain before: 3.5 over the first two sessions, 2.5 over the last two; relief 0, rose once."""
    trend = report.trend
    assert (trend.first, trend.recent, trend.relief, trend.rose) == (3.5, 2.5, 0, 1)
    assert "3.5 on average over your first 2 sessions, 2.5 over your last 2" in report.trend_words


def test_a_missing_pain_score_is_counted_as_unknown(report: Report) -> None:
    """The partial session gave no pain after: one session with a score unknown."""
    assert report.unknown == 1


def test_the_flagged_session_gives_its_reasons_and_what_hurt(report: Report) -> None:
    """Only Friday is flagged: it hurt, the pain rose from 3 to 5, the tilt stopped for pain.

    The reasons speak of the user to the clinician, not to the user ("you said").
    """
    (found,) = report.flagged
    assert found.when.date() == date(2025, 3, 7)
    assert found.reasons == ("the user said an exercise hurt", "pain rose from 3 to 5 out of 10")
    assert found.hurts == ('Pelvic tilt: "this hurts" (stopped)',)


def test_each_exercise_counts_how_its_results_ended(report: Report) -> None:
    """Tilt: 4 played, 3 full, 1 stopped for pain; cat-cow: 3 played, 2 full, 1 stopped, 1 skip."""
    lines = {line.row.exercise: line for line in report.exercises}
    tilt, cat = lines[TILT], lines[CAT]
    assert (tilt.played, tilt.row.done, tilt.stopped, tilt.stopped_for_pain) == (4, 3, 0, 1)
    assert (cat.played, cat.row.done, cat.stopped, cat.row.skipped) == (3, 2, 1, 1)


def test_each_exercise_counts_its_ratings_hurts_and_flags(report: Report) -> None:
    """Tilt: 2 easy, 1 right, hurt once, in 1 flagged session; cat-cow: 2 right, in 1 too."""
    lines = {line.row.exercise: line.row for line in report.exercises}
    tilt, cat = lines[TILT], lines[CAT]
    assert (tilt.easy, tilt.right, tilt.hard, tilt.hurt, tilt.flags) == (2, 1, 0, 1, 1)
    assert (cat.easy, cat.right, cat.hurt, cat.flags) == (0, 2, 0, 1)


def test_a_dose_gives_its_start_each_change_and_its_reason(report: Report) -> None:
    """The tilt started at 10 reps, went up on Wed and down on Fri because it hurt."""
    dose = next(line.dose for line in report.exercises if line.row.exercise == TILT)
    assert (dose.routine, dose.start) == ("Quick 10 minutes", "10 reps, hold 5 s")
    steps = [(step.day, step.change, step.before, step.after) for step in dose.steps]
    assert steps == [
        (date(2025, 3, 5), "up", "10 reps, hold 5 s", "12 reps, hold 5 s"),
        (date(2025, 3, 7), "down", "12 reps, hold 5 s", "10 reps, hold 5 s"),
    ]
    assert dose.steps[1].reason == "one step lighter: it hurt on 7 Mar; held for two sessions"


def test_the_dose_now_is_the_one_lumbar_plan_gives_with_its_reason(report: Report) -> None:
    """Next time the tilt holds at 10 reps: the last session ended early."""
    dose = next(line.dose for line in report.exercises if line.row.exercise == TILT)
    assert (dose.now, dose.change) == ("10 reps, hold 5 s", "same")
    assert dose.why == "held: the session ended early on 11 Mar"


def test_the_notes_of_the_period_are_kept_in_order(report: Report) -> None:
    """The one note, with its session's date and routine."""
    (note,) = report.notes
    assert (note.when.date(), note.routine, note.text) == (
        date(2025, 3, 11),
        "Quick 10 minutes",
        "Knee felt odd <b>kneeling</b>",
    )


def test_a_period_keeps_only_its_sessions(catalogue: Catalogue) -> None:
    """--since the second week: one session, one week, the tilt played once."""
    found = make_report(two_weeks(), catalogue, Settings(), None, UNTIL, since=date(2025, 3, 10))
    assert (found.adherence.sessions, len(found.adherence.weeks)) == (1, 1)
    assert [line.played for line in found.exercises if line.row.exercise == TILT] == [1]


def test_a_period_with_no_session_is_refused(catalogue: Catalogue) -> None:
    """No session between the dates: ReportError says so."""
    with pytest.raises(ReportError, match="there is no session from 12 Mar 2025 to 14 Mar 2025"):
        make_report(
            two_weeks(), catalogue, Settings(), None, UNTIL, date(2025, 3, 12), date(2025, 3, 14)
        )


def test_no_session_at_all_is_refused(catalogue: Catalogue) -> None:
    """An empty history: ReportError says to play a session first."""
    with pytest.raises(ReportError, match="no sessions yet"):
        make_report([], catalogue, Settings(), None, UNTIL)


def test_a_period_the_wrong_way_round_is_refused(catalogue: Catalogue) -> None:
    """--since after --until: ReportError names both."""
    with pytest.raises(ReportError, match="starts"):
        make_report(
            two_weeks(), catalogue, Settings(), None, UNTIL, since=UNTIL, until=date(2025, 3, 1)
        )


def test_the_default_period_is_the_last_12_weeks(catalogue: Catalogue) -> None:
    """Made on Mon 26 May with no dates: from Mon 10 Mar, 11 weeks before, to that day."""
    found = make_report(two_weeks(), catalogue, Settings(), None, date(2025, 5, 26))
    assert (found.since, found.until, found.adherence.sessions) == (
        date(2025, 3, 10),
        date(2025, 5, 26),
        1,
    )


def test_the_safety_record_has_each_yes_and_clearance_with_its_date(catalogue: Catalogue) -> None:
    """A yes on 1 Mar cleared by a clinician on 4 Mar: the clearance with both dates."""
    check = SafetyCheck(
        answered_at=datetime(2025, 3, 1, 9, tzinfo=UTC),
        any_yes=True,
        yes_to=("red-flag-numbness",),
        cleared_at=datetime(2025, 3, 4, 9, tzinfo=UTC),
    )
    found = make_report(two_weeks(), catalogue, Settings(), check, UNTIL)
    (line,) = found.safety
    assert line.startswith("4 Mar 2025: you stated that a clinician cleared you to exercise")
    assert "after a red-flag yes on 1 Mar 2025" in line


def test_unanswered_red_flag_questions_are_said_so(report: Report) -> None:
    """No answers at all: the report says the questions have not been answered."""
    assert report.safety == ("The red-flag questions have not been answered yet.",)
