"""The status at a glance: is a session due today, done, a rest day, or stopped by a red flag.

One pure function of the history, the settings, the red-flag answers and the time works it out
(:func:`status_of`); the CLI writes it beside the data file for shell prompts and prints it for
``lumbar status`` and ``lumbar remind``. The rule for "due", lumbar's own reading of the
articles ("3-4 times per week, allowing one day of rest between sessions", 10 Best Exercises):

- A red-flag yes that is not cleared stops sessions (:func:`~tui.history.safety.sessions_stopped`):
  nothing is ever due then, and the line says to see a clinician.
- Trained today (a session did part of an exercise, as the streak counts it): done, not due.
- This week's training days already reach the weekly target: not due (rest days are part of
  the plan, as the progress screen says).
- Trained yesterday: today is a rest day, unless the target can still be reached only by
  training on every day left in the week, today included (a target of 5 or more a week leaves
  no room for rest between sessions; a week that can no longer reach it keeps the rest day).
- Otherwise a session is due.

A missing or never-answered check is not a stop here: the app asks the questions before a
session starts. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from tui.history.safety import sessions_stopped
from tui.history.streak import DayTotal, Streak, day_totals, streak, trained
from tui.model import WEEKDAYS, SafetyCheck, Session, Settings

State = Literal["due", "done", "rest", "met", "flag"]
"""What today is: a session due, one done, a rest day, the week's target met, a red-flag stop."""

PREFIX = "lumbar: "
"""How every status line begins, so a prompt or an MOTD says whose line it is."""

STATE_WORDS: dict[State, str] = {
    "due": "due today",
    "done": "done today",
    "rest": "rest day",
    "met": "week's target met",
    "flag": "red flag: see a clinician",
}
"""The words for each state, as the line says them."""


@dataclass(frozen=True)
class Status:
    """The status on one day: what today is, and the figures a prompt may show."""

    state: State
    computed_for: date
    done_today: bool
    """True when a session did part of an exercise today (a red-flag stop may come after)."""
    minutes_today: int
    """Minutes exercised today (0 until a session is done; at least 1 once one is)."""
    streak_weeks: int
    days_this_week: int
    weekly_target: int
    last_session: datetime | None
    """When the latest session that did part of an exercise started (None: none yet)."""

    @property
    def due(self) -> bool:
        """True when a session is due today."""
        return self.state == "due"

    @property
    def flag(self) -> bool:
        """True while a red-flag yes stops sessions."""
        return self.state == "flag"


def today_state(days: Mapping[date, DayTotal], found: Streak, today: date) -> State:
    """The state of ``today`` from each day's totals and the streak as of today (the rule)."""
    if _trained_on(days, today):
        return "done"
    if found.met:
        return "met"
    every_day_needed = found.needed == found.days_left
    if _trained_on(days, today - timedelta(days=1)) and not every_day_needed:
        return "rest"
    return "due"


def _trained_on(days: Mapping[date, DayTotal], day: date) -> bool:
    total = days.get(day)
    return total is not None and total.trained


def status_of(
    sessions: Iterable[Session],
    settings: Settings,
    safety: SafetyCheck | None,
    now: datetime,
) -> Status:
    """The status at ``now`` (its date is today) from the whole history, oldest first."""
    today = now.date()
    last: datetime | None = None

    def walked() -> Iterator[Session]:
        nonlocal last
        for session in sessions:  # one pass: the store decodes each as it is reached
            if trained(session):
                last = session.started_at
            yield session

    days = day_totals(walked())
    found = streak(days, settings.weekly_target, today)
    state: State = "flag" if sessions_stopped(safety) else today_state(days, found, today)
    done_today = _trained_on(days, today)
    return Status(
        state=state,
        computed_for=today,
        done_today=done_today,
        minutes_today=max(1, round(days[today].minutes)) if done_today else 0,
        streak_weeks=found.weeks,
        days_this_week=found.this_week.days,
        weekly_target=found.target,
        last_session=last,
    )


def status_line(status: Status) -> str:
    """The one line: ``lumbar: due today · 3-week streak``, ``lumbar: done today (12 min)``."""
    words = STATE_WORDS[status.state]
    if status.state == "flag":
        return PREFIX + words  # nothing else matters until a clinician has been seen
    if status.state == "done":
        words += f" ({status.minutes_today} min)"
    if status.streak_weeks:
        words += f" · {status.streak_weeks}-week streak"
    return PREFIX + words


def reminds(status: Status, settings: Settings) -> bool:
    """True when ``lumbar remind`` speaks: a session is due, on a day to remind, not quiet."""
    weekday = WEEKDAYS[status.computed_for.weekday()]
    return status.due and not settings.remind_quiet and weekday in settings.remind_days


def status_fields(status: Status, settings: Settings) -> dict[str, object]:
    """The status as plain JSON values, in the order the status file keeps them."""
    last = status.last_session
    return {
        "remind": reminds(status, settings),
        "line": status_line(status),
        "state": status.state,
        "due": status.due,
        "done_today": status.done_today,
        "minutes_today": status.minutes_today,
        "streak_weeks": status.streak_weeks,
        "days_this_week": status.days_this_week,
        "weekly_target": status.weekly_target,
        "last_session": None if last is None else last.isoformat(timespec="seconds"),
        "flag": status.flag,
        "computed_for": status.computed_for.isoformat(),
    }
