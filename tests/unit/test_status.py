"""The status at a glance: the rule for due, done, rest day and target met, and its one line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.helpers.histories import session_before
from tui.history.status import Status, reminds, status_fields, status_line, status_of
from tui.model.records import SafetyCheck, Session, Settings

WEDNESDAY = datetime(2025, 3, 5, 18, 0, tzinfo=UTC)
"""Wednesday 5 March 2025, in the evening: Monday and Tuesday are behind it this week."""
NO = SafetyCheck(answered_at=WEDNESDAY - timedelta(days=2), any_yes=False)
YES = SafetyCheck(
    answered_at=WEDNESDAY - timedelta(days=1), any_yes=True, yes_to=("red-flag-fever",)
)


def trained(now: datetime, *days_ago: int) -> list[Session]:
    """A 20-minute session on each of these days before ``now``."""
    return [session_before(now, days, [("bird-dog", "done", "right")]) for days in days_ago]


def status(
    sessions: list[Session],
    now: datetime = WEDNESDAY,
    target: int = 3,
    safety: SafetyCheck | None = NO,
) -> Status:
    return status_of(sessions, Settings(weekly_target=target), safety, now)


def test_a_new_user_is_due() -> None:
    """No sessions at all: a session is due."""
    assert status([]).state == "due"


def test_a_session_today_is_done_with_its_minutes() -> None:
    """Trained this morning: done, and the line gives the minutes."""
    found = status(trained(WEDNESDAY, 0))
    assert (found.state, found.due, found.done_today) == ("done", False, True)
    assert status_line(found) == "lumbar: done today (20 min)"


def test_the_day_after_a_session_is_a_rest_day() -> None:
    """Trained yesterday, the target still within reach with a rest: a rest day, not due."""
    assert status(trained(WEDNESDAY, 1)).state == "rest"


def test_two_days_after_a_session_one_is_due() -> None:
    """A rest day has passed since the last session: due."""
    assert status(trained(WEDNESDAY, 2)).state == "due"


def test_no_rest_day_when_every_day_left_is_needed() -> None:
    """Target 7, two days done by Wednesday: Wednesday to Sunday are all needed, so due."""
    assert status(trained(WEDNESDAY, 1, 2), target=7).state == "due"


def test_a_rest_day_when_some_days_left_are_spare() -> None:
    """Target 5, two days done by Wednesday: three needed of five left, so a rest day."""
    assert status(trained(WEDNESDAY, 1, 2), target=5).state == "rest"


def test_a_week_that_cannot_be_met_keeps_its_rest_day() -> None:
    """Saturday, target 4, one day done (Friday): back to back would not reach it, so rest."""
    saturday = WEDNESDAY + timedelta(days=3)
    assert status(trained(saturday, 1), now=saturday, target=4).state == "rest"


def test_the_target_met_is_not_due() -> None:
    """Two days done by Thursday with a target of 2: nothing due for the rest of the week."""
    thursday = WEDNESDAY + timedelta(days=1)
    found = status(trained(thursday, 2, 3), now=thursday, target=2)
    assert (found.state, found.due) == ("met", False)
    assert status_line(found) == "lumbar: week's target met · 1-week streak"


def test_the_streak_is_in_the_line() -> None:
    """Two met weeks before this one, and a rest day today: the streak follows the state."""
    weeks = trained(WEDNESDAY, 1, 3, 5, 7, 10, 12, 14)
    assert status_line(status(weeks)) == "lumbar: rest day · 2-week streak"


def test_a_red_flag_says_see_a_clinician_and_is_never_due() -> None:
    """A red-flag yes, with a session otherwise due: the flag, not due, no streak."""
    found = status(trained(WEDNESDAY, 2, 3, 5, 7), safety=YES)
    assert (found.state, found.due, found.flag) == ("flag", False, True)
    assert status_line(found) == "lumbar: red flag: see a clinician"


def test_a_cleared_red_flag_no_longer_stops() -> None:
    """A clinician's clearance stated: the rule applies again."""
    cleared = SafetyCheck(
        answered_at=YES.answered_at, any_yes=True, yes_to=YES.yes_to, cleared_at=WEDNESDAY
    )
    assert status([], safety=cleared).state == "due"


def test_a_short_session_counts_one_minute() -> None:
    """Half a minute today: 1 min, never 0, once a session is done."""
    [session] = trained(WEDNESDAY, 0)
    short = Session(
        id="short",
        routine=session.routine,
        routine_name=session.routine_name,
        started_at=session.started_at,
        ended_at=session.started_at + timedelta(seconds=30),
        exercises=session.exercises,
    )
    assert status([short]).minutes_today == 1


def test_remind_on_a_due_day_in_the_remind_days() -> None:
    """Due on a Wednesday, Wednesday among the days: remind."""
    assert reminds(status([]), Settings(remind_days=("mon", "wed")))


def test_no_remind_on_a_day_left_out() -> None:
    """Due on a Wednesday the settings leave out: no reminder."""
    assert not reminds(status([]), Settings(remind_days=("mon", "tue")))


def test_no_remind_when_quiet() -> None:
    """Quiet: no reminder even when due."""
    assert not reminds(status([]), Settings(remind_quiet=True))


def test_no_remind_on_a_rest_day() -> None:
    """A rest day is never reminded."""
    assert not reminds(status(trained(WEDNESDAY, 1)), Settings())


def test_the_fields_begin_with_remind_and_line_and_name_the_last_session() -> None:
    """The JSON's order and its values: remind, line first; the last session's start."""
    fields = status_fields(status(trained(WEDNESDAY, 2)), Settings())
    assert list(fields)[:2] == ["remind", "line"]
    assert fields["last_session"] == "2025-03-03T08:00:00+00:00"
    assert (fields["due"], fields["computed_for"]) == (True, "2025-03-05")
