"""Training days, weeks and the forgiving streak, from the history and today's date.

What the articles say, and what follows from it here:

- "Most people should perform lower back exercises 3-4 times per week, allowing one day of
  rest between sessions" (10 Best Exercises); "aiming to do them regularly at least 4 times a
  week" (Essential Guide). So the streak counts **weeks**, not days: rest days never break it.
  The weekly target is the user's setting (``Settings.weekly_target``, 3 by default: the low
  end of "3-4 times per week").
- A **training day** is a date on which at least one session did at least part of an exercise
  (any result whose outcome is not "skipped"; a partial session counts, so does one that
  hurt). Two sessions on one day are one training day: the target is days, as the articles
  count times a week with rest between them.
- The **day** of a session is the calendar date of its start in the offset it was recorded
  with: the user's local date when they trained (23:30 on a Sunday in New York is that Sunday,
  although it is Monday in UTC). Today is the date of the injected ``now``.
- A **week** runs Monday to Sunday. It is **met** when its training days reach the target.
- The **streak** is the number of met weeks in a row ending with the current week if it is met,
  else with last week, as long as the current week can still be met (its training days plus
  the days left in it, today included unless already trained, reach the target). When the
  current week can no longer be met, the streak is 0: it is broken. The **best** streak is the
  longest run of met weeks in a row anywhere in the history.

Everything is worked out in one pass over the sessions. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tui.model import Session, plural

WEEK = timedelta(days=7)
CALENDAR_WEEKS = 12
"""How many weeks the calendar shows, ending with the current one."""
SHADE_MINUTES = (10, 20, 30)
"""The calendar's shades: no exercise, then under 10, under 20, under 30 and 30 minutes or more."""


def session_day(session: Session) -> date:
    """The user's local date when the session started (the date in its recorded offset)."""
    return session.started_at.date()


def week_start(day: date) -> date:
    """The Monday of the week ``day`` is in."""
    return day - timedelta(days=day.weekday())


def trained(session: Session) -> bool:
    """True when the session did at least part of one exercise (anything but skipped)."""
    return any(result.outcome != "skipped" for result in session.exercises)


def shade(minutes: float) -> int:
    """How dark a calendar day is, 0 (no exercise) to 4 (30 minutes or more)."""
    if minutes <= 0:
        return 0
    return 1 + sum(minutes >= threshold for threshold in SHADE_MINUTES)


@dataclass(frozen=True)
class DayTotal:
    """What one day holds: its sessions, the minutes they lasted, and whether it was trained.

    Only sessions that did part of an exercise count: one opened and ended at once (or with
    every exercise skipped) is in the history but is not a session of the week.
    """

    sessions: int = 0
    minutes: float = 0.0
    trained: bool = False


class DayTally:
    """Each day's sessions and minutes, added up one session at a time (oldest first or not)."""

    def __init__(
        self,
        sessions: Mapping[date, int] | None = None,
        minutes: Mapping[date, float] | None = None,
    ) -> None:
        """No day yet; or carry on from :attr:`sessions` and :attr:`minutes` kept earlier."""
        self._sessions: dict[date, int] = dict(sessions or {})
        self._minutes: dict[date, float] = dict(minutes or {})

    @property
    def sessions(self) -> dict[date, int]:
        """Each day's sessions that trained (a copy: what a checkpoint keeps)."""
        return dict(self._sessions)

    @property
    def minutes(self) -> dict[date, float]:
        """Each day's minutes (a copy: what a checkpoint keeps)."""
        return dict(self._minutes)

    def add(self, session: Session) -> None:
        """Count one session on its day (plain sums: ten years are 3,650 sessions)."""
        day = session_day(session)
        self._sessions[day] = self._sessions.get(day, 0) + trained(session)
        self._minutes[day] = self._minutes.get(day, 0.0) + session.seconds / 60

    def totals(self) -> dict[date, DayTotal]:
        """Each day that has a session, with its totals."""
        return {
            day: DayTotal(sessions=count, minutes=self._minutes[day], trained=count > 0)
            for day, count in self._sessions.items()
        }


def day_totals(sessions: Iterable[Session]) -> dict[date, DayTotal]:
    """Each day that has a session, with its totals; one pass over the sessions."""
    tally = DayTally()
    for session in sessions:
        tally.add(session)
    return tally.totals()


@dataclass(frozen=True)
class WeekTotal:
    """One Monday-to-Sunday week: its training days, sessions and minutes."""

    start: date
    days: int = 0
    sessions: int = 0
    minutes: float = 0.0


def week_totals(days: Mapping[date, DayTotal]) -> dict[date, WeekTotal]:
    """Each week that has a session, by its Monday."""
    sums: dict[date, tuple[int, int, float]] = {}
    for day, total in days.items():
        monday = week_start(day)
        trained_days, sessions, minutes = sums.get(monday, (0, 0, 0.0))
        sums[monday] = (
            trained_days + total.trained,
            sessions + total.sessions,
            minutes + total.minutes,
        )
    return {
        monday: WeekTotal(start=monday, days=trained_days, sessions=sessions, minutes=minutes)
        for monday, (trained_days, sessions, minutes) in sums.items()
    }


@dataclass(frozen=True)
class Streak:
    """The forgiving streak and this week against the target (see the module docstring)."""

    weeks: int
    best: int
    before: int
    """Met weeks in a row up to last week (what a week that cannot be met any more breaks)."""
    target: int
    this_week: WeekTotal
    days_left: int
    """Days of this week still open to train: after today, plus today unless already trained."""

    @property
    def met(self) -> bool:
        """True when this week already has as many training days as the target."""
        return self.this_week.days >= self.target

    @property
    def reachable(self) -> bool:
        """True when this week can still meet the target."""
        return self.this_week.days + self.days_left >= self.target

    @property
    def needed(self) -> int:
        """Training days still needed this week to meet the target."""
        return max(0, self.target - self.this_week.days)


def streak(days: Mapping[date, DayTotal], target: int, today: date) -> Streak:
    """The streak as of ``today`` for the weekly ``target`` (training days a week).

    A week has seven days: a target above 7 (kept from when the setting said sessions) counts
    as 7, so it can be met.
    """
    target = min(target, 7)
    weeks = week_totals(days)
    current = week_start(today)
    this_week = weeks.get(current, WeekTotal(current))
    today_open = not days.get(today, DayTotal()).trained
    days_left = 6 - today.weekday() + today_open

    def met(monday: date) -> bool:
        week = weeks.get(monday)
        return week is not None and week.days >= target

    before = 0
    monday = current - WEEK
    while met(monday):
        before += 1
        monday -= WEEK
    count = before + met(current) if this_week.days + days_left >= target else 0
    best = run = 0
    for monday in sorted(weeks):
        if monday > current:
            break
        run = run + 1 if met(monday) and met(monday - WEEK) else int(met(monday))
        best = max(best, run)
    return Streak(
        weeks=count,
        best=max(best, count),
        before=before,
        target=target,
        this_week=this_week,
        days_left=days_left,
    )


@dataclass(frozen=True)
class CalendarDay:
    """One cell of the calendar: a date, the minutes exercised on it, and its shade."""

    day: date
    minutes: float
    shade: int
    future: bool


def calendar(
    days: Mapping[date, DayTotal], today: date, weeks: int = CALENDAR_WEEKS
) -> tuple[tuple[CalendarDay, ...], ...]:
    """The last ``weeks`` weeks, oldest first, each a column of seven days from Monday."""
    first = week_start(today) - (weeks - 1) * WEEK
    columns = []
    for week in range(weeks):
        column = []
        for weekday in range(7):
            day = first + week * WEEK + timedelta(days=weekday)
            minutes = days[day].minutes if day in days else 0.0
            column.append(CalendarDay(day, minutes, shade(minutes), day > today))
        columns.append(tuple(column))
    return tuple(columns)


def today_of(now: datetime) -> date:
    """Today's date for the wall clock's reading (its own offset: the user's local time)."""
    return now.date()


def streak_text(found: Streak) -> str:
    """The streak in a few words: ``5 weeks in a row``."""
    if found.weeks:
        return f"{plural(found.weeks, 'week')} in a row"
    if not found.reachable and found.before:
        return f"Your streak of {plural(found.before, 'week')} ended this week"
    return "No streak yet"


def streak_line(found: Streak) -> str:
    """The streak with the best one beside it: ``6 weeks in a row, your best``."""
    text = streak_text(found)
    if found.weeks > 1 and found.weeks == found.best:
        return f"{text}, your best"
    if found.best > found.weeks:
        return f"{text} (best {plural(found.best, 'week')})"
    return text


def week_text(found: Streak) -> str:
    """The current week against the target: ``This week: 2 of 3 days``."""
    return f"This week: {found.this_week.days} of {plural(found.target, 'day')}"


def next_step_text(found: Streak) -> str:
    """What keeps (or starts) the streak this week, rest days included."""
    if found.met:
        return "Target met: rest days are part of the plan."
    keeps = "keeps your streak" if found.weeks else "starts a streak"
    if found.reachable:
        left = plural(found.days_left, "day")
        return f"{plural(found.needed, 'day')} more by Sunday {keeps} ({left} left)."
    return f"Too few days left this week to reach {found.target}; a new week starts on Monday."
