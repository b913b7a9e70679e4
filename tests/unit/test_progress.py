"""The progress figures, worked out by hand: streak, weeks, calendar, pain, exercises, history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone

import msgspec
import pytest

from tests.helpers import BASE, GAP_WEEK, demo_history, result_at, years_of_sessions
from tui.history.glance import glance_lines, going_well, hurt_most
from tui.history.progress import (
    PainPoint,
    history_row,
    pain_text,
    pain_trend,
    sort_rows,
    trend_text,
)
from tui.history.session_detail import done_text, result_lines, session_summary
from tui.history.streak import (
    day_totals,
    next_step_text,
    session_day,
    shade,
    streak,
    streak_line,
    streak_text,
    trained,
    week_start,
    week_text,
)
from tui.history.tally import work_out
from tui.model.catalogue import Catalogue
from tui.model.records import ExerciseResult, Feedback, Outcome, Session, StagePlan
from tui.model.words import plan_text

# Monday 3 March 2025 starts a week; the weeks before start on 24 Feb, 17 Feb, 10 Feb, ...
MONDAY = date(2025, 3, 3)
Done = tuple[str, Outcome, Feedback | None]


def at(day: date, hour: int = 8, tz: timezone = UTC) -> datetime:
    """A moment on ``day`` in the time zone ``tz``."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=tz)


def made(
    when: datetime,
    results: Iterable[Done] = (("pelvic-tilt", "done", "right"),),
    *,
    minutes: float = 20,
    pain: tuple[int | None, int | None] = (3, 2),
    status: str = "complete",
    name: str = "",
) -> Session:
    """A session starting at ``when`` lasting ``minutes``, with these results."""
    return Session(
        id=name or f"s-{when.isoformat()}",
        routine="quick-10",
        routine_name="Quick 10 minutes",
        started_at=when,
        ended_at=when + timedelta(minutes=minutes),
        status="complete" if status == "complete" else "partial",
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=tuple(result_at(e, when, o, f) for e, o, f in results),
    )


def week_of(monday: date, *weekdays: int) -> list[Session]:
    """One session on each of ``weekdays`` (0 is Monday) of the week starting ``monday``."""
    return [made(at(monday + timedelta(days=day))) for day in weekdays]


def weeks_ago(count: int) -> date:
    return MONDAY - timedelta(weeks=count)


# --- days and weeks -------------------------------------------------------------------------


def test_a_week_runs_monday_to_sunday() -> None:
    assert week_start(date(2025, 3, 3)) == date(2025, 3, 3)  # a Monday
    assert week_start(date(2025, 3, 9)) == date(2025, 3, 3)  # the Sunday after
    assert week_start(date(2025, 3, 2)) == date(2025, 2, 24)  # the Sunday before


def test_a_session_counts_on_the_local_date_it_was_recorded_in() -> None:
    new_york = timezone(timedelta(hours=-5))
    tokyo = timezone(timedelta(hours=9))
    sunday_night = made(datetime(2025, 3, 2, 23, 30, tzinfo=new_york))  # Monday 04:30 UTC
    monday_early = made(datetime(2025, 3, 3, 0, 30, tzinfo=tokyo))  # Sunday 15:30 UTC
    assert session_day(sunday_night) == date(2025, 3, 2)
    assert session_day(monday_early) == date(2025, 3, 3)
    found = streak(day_totals([sunday_night, monday_early]), 1, date(2025, 3, 4))
    assert found.this_week.days == 1  # only the Tokyo Monday is in the week of 3 March
    assert found.before == 1  # the New York Sunday met last week's target of 1


def test_a_training_day_needs_part_of_an_exercise_done() -> None:
    skipped: Done = ("bridge", "skipped", None)
    assert not trained(made(at(MONDAY), [skipped, skipped]))
    assert not trained(made(at(MONDAY), []))
    assert trained(made(at(MONDAY), [skipped, ("cat-cow", "hurt", None)]))
    partial = made(at(MONDAY), [("cat-cow", "stopped", None)], status="partial")
    assert trained(partial)


def test_two_sessions_on_one_day_are_one_training_day() -> None:
    sessions = [made(at(MONDAY, 7), minutes=10), made(at(MONDAY, 19), minutes=15)]
    totals = day_totals(sessions)
    assert list(totals) == [MONDAY]
    assert totals[MONDAY].sessions == 2
    assert totals[MONDAY].minutes == pytest.approx(25)
    found = streak(totals, 2, MONDAY + timedelta(days=6))
    assert (found.this_week.days, found.this_week.sessions) == (1, 2)
    assert not found.met


# --- the streak -----------------------------------------------------------------------------


def test_rest_days_between_sessions_keep_the_streak() -> None:
    # Monday, Wednesday, Friday for three weeks: four rest days a week, target 3.
    history = week_of(weeks_ago(3), 0, 2, 4) + week_of(weeks_ago(2), 0, 2, 4)
    history += week_of(weeks_ago(1), 0, 2, 4)
    found = streak(day_totals(history), 3, MONDAY)  # Monday of a new week, nothing yet
    assert (found.weeks, found.before, found.best) == (3, 3, 3)
    assert found.days_left == 7 and found.needed == 3 and found.reachable and not found.met
    assert streak_text(found) == "3 weeks in a row"
    assert next_step_text(found) == "3 days more by Sunday keeps your streak (7 days left)."


def test_the_current_week_counts_once_it_meets_the_target() -> None:
    history = week_of(weeks_ago(1), 1, 3, 5) + week_of(MONDAY, 0, 2, 4)
    found = streak(day_totals(history), 3, MONDAY + timedelta(days=4))  # Friday, trained
    assert found.met and found.weeks == 2 and found.before == 1
    assert found.days_left == 2  # Saturday and Sunday; today is already trained
    assert week_text(found) == "This week: 3 of 3 days"
    assert next_step_text(found) == "Target met: rest days are part of the plan."


def test_a_week_that_can_still_be_met_does_not_break_the_streak() -> None:
    history = week_of(weeks_ago(2), 0, 2, 4) + week_of(weeks_ago(1), 0, 2, 4)
    history += week_of(MONDAY, 0)
    friday = MONDAY + timedelta(days=4)
    found = streak(day_totals(history), 3, friday)  # 1 day done; Fri, Sat, Sun left
    assert (found.days_left, found.needed, found.reachable) == (3, 2, True)
    assert found.weeks == 2


def test_a_week_that_can_no_longer_be_met_breaks_the_streak() -> None:
    history = week_of(weeks_ago(2), 0, 2, 4) + week_of(weeks_ago(1), 0, 2, 4)
    history += week_of(MONDAY, 0)
    sunday = MONDAY + timedelta(days=6)
    found = streak(day_totals(history), 3, sunday)  # 1 day done, only Sunday left
    assert (found.days_left, found.reachable) == (1, False)
    assert (found.weeks, found.before, found.best) == (0, 2, 2)
    assert streak_text(found) == "Your streak of 2 weeks ended this week"
    assert next_step_text(found) == (
        "Too few days left this week to reach 3; a new week starts on Monday."
    )


def test_a_short_week_in_the_past_ends_a_run_and_the_best_is_kept() -> None:
    history = [
        *(s for n in (7, 6, 5, 4) for s in week_of(weeks_ago(n), 0, 3, 5)),  # 4 weeks met
        *week_of(weeks_ago(3), 1, 4),  # 2 days: short
        *week_of(weeks_ago(2), 0, 2, 4, 6),
        *week_of(weeks_ago(1), 1, 3, 5),
    ]
    found = streak(day_totals(history), 3, MONDAY + timedelta(days=1))
    assert (found.weeks, found.best) == (2, 4)


def test_a_new_user_has_no_streak_yet() -> None:
    found = streak({}, 3, MONDAY + timedelta(days=2))
    assert (found.weeks, found.best, found.this_week.days, found.days_left) == (0, 0, 0, 5)
    assert streak_text(found) == "No streak yet"
    assert next_step_text(found) == "3 days more by Sunday starts a streak (5 days left)."


def test_the_target_is_the_users_setting() -> None:
    history = week_of(weeks_ago(1), 0, 2, 4)
    assert streak(day_totals(history), 3, MONDAY).weeks == 1
    assert streak(day_totals(history), 4, MONDAY).weeks == 0


def test_a_target_above_seven_days_from_an_older_file_can_be_met() -> None:
    """A target of 8 (when the setting said sessions) counts as every day of the week."""
    history = week_of(weeks_ago(1), 0, 1, 2, 3, 4, 5, 6)
    assert streak(day_totals(history), 8, MONDAY).weeks == 1


# --- the calendar ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(0, 0), (0.5, 1), (9.9, 1), (10, 2), (19.9, 2), (20, 3), (29, 3), (30, 4), (95, 4)],
)
def test_a_day_is_shaded_by_its_minutes(minutes: float, expected: int) -> None:
    assert shade(minutes) == expected


def test_the_calendar_is_twelve_weeks_of_columns_from_monday(catalogue: Catalogue) -> None:
    wednesday = MONDAY + timedelta(days=2)
    history = [
        made(at(weeks_ago(11)), minutes=25),  # the first cell of the calendar
        made(at(weeks_ago(12) + timedelta(days=6)), minutes=40),  # the day before it
        made(at(wednesday, 7), minutes=8),
        made(at(wednesday, 18), minutes=4),
    ]
    progress = work_out(history, catalogue, 3, wednesday)
    columns = progress.calendar
    assert len(columns) == 12 and all(len(column) == 7 for column in columns)
    assert columns[0][0].day == weeks_ago(11) and columns[-1][-1].day == date(2025, 3, 9)
    assert [cell.day.weekday() for cell in columns[3]] == list(range(7))
    assert (columns[0][0].minutes, columns[0][0].shade) == (25, 3)
    today = columns[-1][2]
    assert today.day == wednesday and today.minutes == pytest.approx(12) and today.shade == 2
    assert [cell.future for cell in columns[-1]] == [False] * 3 + [True] * 4
    shaded = [cell for column in columns for cell in column if cell.shade]
    assert len(shaded) == 2  # the Sunday before the first column is not shown


# --- pain -----------------------------------------------------------------------------------


def test_the_pain_trend_compares_the_first_and_last_five_sessions() -> None:
    befores = [6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 2, 2]
    points = [PainPoint(MONDAY, b, b - 1) for b in befores]
    points.append(PainPoint(MONDAY, 2, 4))  # pain rose after this one
    trend = pain_trend(points)
    assert trend.span == 5
    assert trend.first == pytest.approx(5.2)  # (6 + 6 + 5 + 5 + 4) / 5
    assert trend.recent == pytest.approx(2)  # the last five are all 2 (the 13th included)
    assert trend.relief == pytest.approx((12 - 2) / 13)
    assert trend.rose == 1
    assert trend_text(trend) == (
        "Pain before a session: 5.2 on average over your first 5 sessions, 2 over your last 5. "
        "Sessions eased it by 0.8 on average; it rose after 1."
    )


def test_a_short_history_compares_its_halves_and_skips_missing_scores() -> None:
    points = [PainPoint(MONDAY, 5, None), PainPoint(MONDAY, None, 2), PainPoint(MONDAY, 3, 3)]
    trend = pain_trend(points)
    assert (trend.span, trend.first, trend.recent) == (1, 5, 3)
    assert (trend.relief, trend.rose) == (0, 0)
    assert trend_text(trend).startswith(
        "Pain before a session: 5 at your first session, 3 at your latest."
    )
    assert trend_text(trend).endswith("On average a session left it as it was.")
    assert trend_text(pain_trend([])) == (
        "No pain scores yet: the player asks before and after each session."
    )


def test_pain_points_come_from_sessions_that_recorded_any(catalogue: Catalogue) -> None:
    history = [
        made(at(MONDAY), pain=(4, 3)),
        made(at(MONDAY + timedelta(days=1)), pain=(None, None)),
        made(at(MONDAY + timedelta(days=2)), pain=(3, None), status="partial"),
    ]
    progress = work_out(history, catalogue, 3, MONDAY + timedelta(days=2))
    assert [(p.day.day, p.before, p.after) for p in progress.pain] == [(3, 4, 3), (5, 3, None)]
    assert pain_text(4, 3) == "4 → 3" and pain_text(3, None) == "3 → ?"
    assert pain_text(None, None) == "-"


# --- exercises ------------------------------------------------------------------------------


def three_sessions() -> list[Session]:
    """Monday: tilt right, bridge hard, cat-cow skipped (4 → 3). Wednesday: tilt easy, the
    bridge hurt (3 → 3). Friday: tilt right, cat-cow right, but pain rose (2 → 4)."""
    return [
        made(
            at(MONDAY),
            [
                ("pelvic-tilt", "done", "right"),
                ("bridge", "done", "hard"),
                ("cat-cow", "skipped", None),
            ],
            pain=(4, 3),
        ),
        made(
            at(MONDAY + timedelta(days=2)),
            [("pelvic-tilt", "done", "easy"), ("bridge", "hurt", None)],
            pain=(3, 3),
        ),
        made(
            at(MONDAY + timedelta(days=4)),
            [("pelvic-tilt", "done", "right"), ("cat-cow", "done", "right")],
            pain=(2, 4),
        ),
    ]


def test_each_exercise_is_tallied_with_its_dose_now(catalogue: Catalogue) -> None:
    progress = work_out(three_sessions(), catalogue, 3, MONDAY + timedelta(days=5))
    rows = {row.exercise: row for row in progress.exercises}
    tilt, bridge, cat_cow = rows["pelvic-tilt"], rows["bridge"], rows["cat-cow"]
    fields = ("done", "easy", "right", "hard", "hurt", "flags", "skipped")
    assert [getattr(tilt, f) for f in fields] == [3, 1, 2, 0, 0, 2, 0]  # bridge hurt; pain rose
    assert [getattr(bridge, f) for f in fields] == [1, 0, 0, 1, 1, 1, 0]
    assert [getattr(cat_cow, f) for f in fields] == [1, 0, 1, 0, 0, 1, 1]
    assert tilt.last == cat_cow.last == MONDAY + timedelta(days=4)
    assert bridge.last == MONDAY + timedelta(days=2)  # it hurt that day, but it was tried
    assert tilt.dose == "nothing planned"  # these results planned nothing
    assert tilt.name == "Pelvic tilt"
    assert [row.exercise for row in progress.exercises] == ["pelvic-tilt", "bridge", "cat-cow"]


def test_the_exercises_sort_by_any_column(catalogue: Catalogue) -> None:
    rows = work_out(three_sessions(), catalogue, 3, MONDAY).exercises
    assert [r.name for r in sort_rows(rows, "name")] == ["Bridge", "Cat-cow", "Pelvic tilt"]
    flipped = sort_rows(rows, "name", flip=True)
    assert [r.name for r in flipped] == ["Pelvic tilt", "Cat-cow", "Bridge"]
    # the tilt was in both flagged sessions; the others tie at 1: what hurt more first
    assert [r.exercise for r in sort_rows(rows, "flags")] == ["pelvic-tilt", "bridge", "cat-cow"]
    assert sort_rows(rows, "hard")[0].exercise == "bridge"
    assert sort_rows(rows, "last")[-1].exercise == "bridge"


def test_what_goes_well_and_what_hurt(catalogue: Catalogue) -> None:
    history = three_sessions()
    ratings: tuple[tuple[int, Feedback], ...] = ((7, "easy"), (8, "right"), (9, "hard"))
    history += [
        made(at(MONDAY + timedelta(days=d)), [("bird-dog", "done", f), ("bridge", "done", "easy")])
        for d, f in ratings
    ]
    history.append(made(at(MONDAY + timedelta(days=10)), [("cat-cow", "hurt", None)]))
    rows = work_out(history, catalogue, 3, MONDAY + timedelta(days=10)).exercises
    # Bird dog: 3 done, 2 of 3 rated well, no flag. The tilt was in a session where pain rose.
    assert [row.name for row in going_well(rows)] == ["Bird dog"]
    # The bridge and the cat-cow hurt once each; the cat-cow more recently.
    assert [row.name for row in hurt_most(rows)] == ["Cat-cow", "Bridge"]
    assert glance_lines(rows, 43) == ("Going well: Bird dog", "It hurt: Cat-cow, Bridge")
    assert glance_lines(rows, 16) == ("Going well: Bird dog", "It hurt: Cat-cow")
    assert glance_lines((), 43)[1] == ""
    calm = work_out(history[3:6], catalogue, 3, MONDAY + timedelta(days=10)).exercises
    # Only the three later sessions: the bridge, rated easy each time, now goes best.
    assert glance_lines(calm, 43) == ("Going well: Bridge, Bird dog", "Nothing has hurt so far.")


def test_the_streak_line_names_the_best() -> None:
    history = [s for n in (5, 4, 3, 2, 1) for s in week_of(weeks_ago(n), 0, 2, 4)]
    assert streak_line(streak(day_totals(history), 3, MONDAY)) == "5 weeks in a row, your best"
    shorter = history[:9] + history[12:]  # nothing 2 weeks ago
    assert streak_line(streak(day_totals(shorter), 3, MONDAY)) == ("1 week in a row (best 3 weeks)")
    one = week_of(weeks_ago(1), 0, 2, 4)
    assert streak_line(streak(day_totals(one), 3, MONDAY)) == "1 week in a row"


def test_an_exercise_no_longer_in_the_catalogue_keeps_its_id(catalogue: Catalogue) -> None:
    history = [made(at(MONDAY), [("my-own-stretch", "done", "right")])]
    row = work_out(history, catalogue, 3, MONDAY).exercises[0]
    assert (row.name, row.dose) == ("my-own-stretch", "nothing planned")


def test_an_exercise_shows_the_dose_it_last_played_at(catalogue: Catalogue) -> None:
    """The dose shown under the table is the dose the exercise last played at."""
    plan = (StagePlan(reps=12, hold=5),)
    first, last = made(at(MONDAY)), made(at(MONDAY + timedelta(days=1)))
    last = msgspec.structs.replace(
        last, exercises=(msgspec.structs.replace(last.exercises[0], planned=plan),)
    )
    (row,) = work_out([first, last], catalogue, 3, MONDAY).exercises
    assert row.dose == "12 reps, hold 5 s"


# --- history and one session ----------------------------------------------------------------


def test_the_history_is_newest_first_with_partial_sessions(catalogue: Catalogue) -> None:
    history = three_sessions()
    history.append(
        made(
            at(MONDAY + timedelta(days=6)),
            [("pelvic-tilt", "done", None), ("bridge", "stopped", None)],
            pain=(2, None),
            status="partial",
            minutes=4,
        )
    )
    progress = work_out(history, catalogue, 3, MONDAY + timedelta(days=6))
    rows = progress.history
    assert [row.started_at.day for row in rows] == [9, 7, 5, 3]
    latest = rows[0]
    assert (latest.status, latest.minutes, latest.pain) == ("partial", 4, "2 → ?")
    assert (latest.done, latest.skipped, latest.stopped, latest.hurt) == (1, 0, 1, 0)
    assert (rows[2].done, rows[2].hurt) == (1, 1)
    assert history_row(history[0]).skipped == 1
    assert progress.minutes == pytest.approx(64)


def planned_result(
    outcome: Outcome = "done", feedback: Feedback | None = "right"
) -> ExerciseResult:
    when = at(MONDAY)
    return ExerciseResult(
        exercise="bridge",
        planned=(StagePlan(sets=2, reps=10, hold=6),),
        reps_done=15,
        seconds_held=90,
        seconds_added=-5,
        outcome=outcome,
        feedback=feedback,
        started_at=when,
        ended_at=when + timedelta(minutes=3),
    )


def test_a_session_in_detail_shows_planned_against_done() -> None:
    session = Session(
        id="one",
        routine="quick-10",
        routine_name="Quick 10 minutes",
        started_at=at(MONDAY, 7),
        ended_at=at(MONDAY, 7) + timedelta(minutes=12),
        status="partial",
        pain_before=5,
        pain_after=6,
        exercises=(planned_result(), planned_result("hurt", None)),
    )
    first, second = result_lines(session, {"bridge": "Bridge"})
    assert (first.name, first.planned, first.done) == (
        "Bridge",
        "2 sets of 10 reps, hold 6 s",
        "15 of 20 reps, held 1 min 30 s (-5 s)",
    )
    assert (first.outcome, first.feedback, first.hurt) == ("done", "rated right", False)
    assert (second.outcome, second.feedback) == ("stopped because it hurt", "not rated")
    assert (second.rated, second.hurt) == (False, True)
    assert session_summary(session) == (
        "12 min · stopped before the end · pain 5 → 6 · 2 exercises recorded"
    )


def test_doses_in_a_few_words() -> None:
    assert plan_text((StagePlan(reps=5, hold=30, sides="each"),)) == "5 reps, hold 30 s, each side"
    assert plan_text((StagePlan(sets=3, hold=90),)) == "3 sets, for 1 min 30 s"
    two = (StagePlan(name="On elbows", hold=120), StagePlan(name="Press-ups", reps=10, tempo=3))
    assert plan_text(two) == "On elbows: for 2 min; then Press-ups: 10 reps, 3 s a rep"
    assert plan_text(()) == "nothing planned"
    assert done_text(planned_result()) == "15 of 20 reps, held 1 min 30 s (-5 s)"
    one_hold = msgspec.structs.replace(
        planned_result(), planned=(StagePlan(hold=37),), reps_done=1, seconds_held=37
    )
    assert done_text(one_hold).startswith("1 of 1 rep, held 37 s")


# --- the demo history -----------------------------------------------------------------------


def test_the_demo_history_is_several_months_of_three_or_four_sessions_a_week(
    catalogue: Catalogue,
) -> None:
    history = demo_history(catalogue, BASE)
    assert history == demo_history(catalogue, BASE)  # seeded: the same every time
    assert all(s.started_at <= BASE for s in history)
    assert (BASE - history[0].started_at).days >= 80
    per_week = day_totals(history)
    progress = work_out(history, catalogue, 3, BASE.date())
    weeks = sorted({week_start(day) for day in per_week})
    counts = [sum(1 for day in per_week if week_start(day) == monday) for monday in weeks]
    assert counts[GAP_WEEK] == 1
    assert all(3 <= n <= 4 for i, n in enumerate(counts) if i != GAP_WEEK)
    # After the short week, every week met the target, this one included: 6 weeks.
    assert (progress.streak.weeks, progress.streak.best) == (6, 6)
    assert sum(s.status == "partial" for s in history) == 1
    assert sum(s.hurt for s in history) == 2
    assert any(r.feedback == "hard" for s in history for r in s.exercises)
    trend = progress.trend
    assert trend.first is not None and trend.recent is not None
    assert trend.first - trend.recent >= 2  # pain falls over the months
    assert all(r.exercise in catalogue.exercises for s in history for r in s.exercises)


def test_ten_years_of_sessions_are_worked_out_in_one_pass(catalogue: Catalogue) -> None:
    history = years_of_sessions(catalogue, BASE)
    assert len(history) == 3650
    progress = work_out(history, catalogue, 3, BASE.date())
    assert len(progress.history) == 3650
    assert progress.streak.weeks >= 500  # a session every day for ten years


def test_a_session_opened_and_ended_at_once_is_not_a_session_of_the_week() -> None:
    """No exercise done (or all skipped): listed in the history, not counted in the week."""
    empty = made(at(MONDAY), [], pain=(4, None), status="partial", minutes=0)
    skipped = made(at(MONDAY), [("bridge", "skipped", None)], status="partial", minutes=0)
    done = made(at(MONDAY), [("bridge", "done", None)], minutes=3)
    (total,) = day_totals([empty, skipped, done]).values()
    assert (total.sessions, total.trained) == (1, True)
