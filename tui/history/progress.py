"""Is it working? Everything the progress screen shows, worked out once from the history.

A walk of the sessions (:mod:`tui.history.tally`) gives a :class:`Progress`: the forgiving
streak and this week (:mod:`tui.history.streak`), the calendar of the last weeks, pain before
and after each session and its trend, one row per exercise (the "which movements help and
which cause discomfort" log the 10 Best Exercises article advises keeping;
:mod:`tui.history.glance` picks out its ends) and the session history, newest first. The
screen only formats what is here; nothing is recomputed when it draws. Nothing here imports
Textual.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from statistics import fmean
from typing import Any, Literal

from tui.history.streak import CalendarDay, Streak
from tui.model import (
    Catalogue,
    ExerciseResult,
    Session,
    SessionStatus,
    outcome_counts,
    session_minutes,
)

TREND_SESSIONS = 5
"""How many sessions at each end of the history the pain trend compares."""


@dataclass(frozen=True, slots=True)
class PainPoint:
    """The pain scores of one session (either may be missing)."""

    day: date
    before: int | None
    after: int | None


@dataclass(frozen=True)
class PainTrend:
    """Pain over the history, in three numbers.

    ``first`` and ``recent`` are the mean pain before a session over the first and the last
    ``span`` sessions that recorded it (``span`` is ``TREND_SESSIONS``, or half of them when
    there are fewer than twice as many). ``relief`` is the mean of before minus after over the
    sessions that recorded both; ``rose`` counts those where pain was higher after.
    """

    first: float | None = None
    recent: float | None = None
    span: int = 0
    relief: float | None = None
    rose: int = 0


def pain_trend(points: Sequence[PainPoint]) -> PainTrend:
    """The trend of a series of pain scores, oldest first (see :class:`PainTrend`)."""
    befores = [point.before for point in points if point.before is not None]
    pairs = [
        (point.before, point.after)
        for point in points
        if point.before is not None and point.after is not None
    ]
    span = min(TREND_SESSIONS, len(befores) // 2)
    return PainTrend(
        first=fmean(befores[:span]) if span else None,
        recent=fmean(befores[-span:]) if span else None,
        span=span,
        relief=fmean(before - after for before, after in pairs) if pairs else None,
        rose=sum(after > before for before, after in pairs),
    )


def _number(value: float) -> str:
    """A mean score with one decimal, without a trailing ``.0``."""
    return f"{value:.1f}".removesuffix(".0")


def trend_text(trend: PainTrend) -> str:
    """The pain trend in a sentence or two."""
    if trend.first is None and trend.relief is None:
        return "No pain scores yet: the player asks before and after each session."
    parts = []
    if trend.first is not None and trend.recent is not None:
        if trend.span == 1:
            said = f"{_number(trend.first)} at your first session, {_number(trend.recent)} at "
            said += "your latest"
        else:
            said = f"{_number(trend.first)} on average over your first {trend.span} sessions, "
            said += f"{_number(trend.recent)} over your last {trend.span}"
        parts.append(f"Pain before a session: {said}.")
    if trend.relief is not None:
        if trend.relief > 0:
            eased = f"Sessions eased it by {_number(trend.relief)} on average"
        elif trend.relief < 0:
            eased = f"Pain rose by {_number(-trend.relief)} after a session on average"
        else:
            eased = "On average a session left it as it was"
        rose = f"; it rose after {trend.rose}" if trend.rose else ""
        parts.append(f"{eased}{rose}.")
    return " ".join(parts)


@lru_cache(maxsize=256)  # 121 pairs of scores at most: ten years of rows share them
def pain_text(before: int | None, after: int | None) -> str:
    """``5 → 3``, ``5 → ?`` or ``-`` when neither was recorded."""
    if before is None and after is None:
        return "-"
    return f"{'?' if before is None else before} → {'?' if after is None else after}"


@dataclass
class ExerciseRow:
    """One exercise across the history: how often, how it felt, where its dose is now.

    ``done`` counts results done in full and ``cut`` those played to the end with a rep left
    undone or a hold cut short; ``easy``, ``right`` and ``hard`` count the ratings;
    ``hurt`` counts results that hurt (during the exercise or rated so after); ``flags`` counts
    sessions with a pain flag that it was part of (see :mod:`tui.history.flags`). ``dose`` is
    the dose it last played at. ``last`` is the last day it
    was trained (anything but skipped).
    """

    exercise: str
    name: str
    done: int = 0
    easy: int = 0
    right: int = 0
    hard: int = 0
    hurt: int = 0
    flags: int = 0
    skipped: int = 0
    cut: int = 0
    last: date | None = None
    dose: str = "-"

    def count(self, result: ExerciseResult) -> None:
        """Add one result of this exercise to the tallies.

        Written out branch by branch: ten years of daily sessions are some 28,000 results.
        """
        outcome, feedback = result.outcome, result.feedback
        if outcome == "done" and not result.holds_cut and result.reps_done >= result.planned_reps:
            self.done += 1  # done in full (``result.full``)
        elif outcome in ("done", "cut"):
            self.cut += 1
        elif outcome == "skipped":
            self.skipped += 1
        if feedback == "easy":
            self.easy += 1
        elif feedback == "right":
            self.right += 1
        elif feedback == "hard":
            self.hard += 1
        if outcome == "hurt" or feedback == "hurt":  # ``result.hurt``
            self.hurt += 1
        if outcome != "skipped":
            self.last = result.started_at.date()  # as session_day_of does


def session_day_of(result: ExerciseResult) -> date:
    """The user's local date an exercise was played (the date in its recorded offset)."""
    return result.started_at.date()


SortKey = Callable[[ExerciseRow], Any]
SortColumn = Literal["name", "done", "easy", "right", "hard", "hurt", "flags", "last"]
SORTS: dict[SortColumn, tuple[str, SortKey, bool]] = {
    "name": ("name", lambda row: row.name.casefold(), False),
    "done": ("times done", lambda row: row.done, True),
    "easy": ("rated easy", lambda row: row.easy, True),
    "right": ("rated right", lambda row: row.right, True),
    "hard": ("rated hard", lambda row: row.hard, True),
    "hurt": ("times it hurt", lambda row: row.hurt, True),
    "flags": ("pain flags", lambda row: (row.flags, row.hurt), True),
    "last": ("last done", lambda row: row.last or date.min, True),
}
"""Each sortable column: what it is called, its key, and whether it sorts largest first."""


def sort_rows(
    rows: Iterable[ExerciseRow], column: SortColumn, *, flip: bool = False
) -> list[ExerciseRow]:
    """The rows sorted by ``column`` in its natural order (reversed with ``flip``); ties by name."""
    _, key, reverse = SORTS[column]
    by_name = sorted(rows, key=lambda row: row.name.casefold())
    return sorted(by_name, key=key, reverse=reverse != flip)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One session in the history list; its exercises counted as :func:`outcome_counts` does."""

    session: str
    started_at: datetime
    routine: str
    minutes: int
    status: SessionStatus
    pain: str
    done: int
    """Done in full."""
    cut: int
    """Played to the end with a rep left undone or a hold cut short."""
    skipped: int
    stopped: int
    """Under way when the session ended (early, or the link dropped)."""
    hurt: int


def history_row(session: Session) -> HistoryRow:
    """A session as a row of the history list."""
    done, cut, skipped, stopped, hurt = outcome_counts(session)
    return HistoryRow(
        session=session.id,
        started_at=session.started_at,
        routine=sys.intern(session.routine_name),  # one name for thousands of rows
        minutes=session_minutes(session),
        status=session.status,
        pain=pain_text(session.pain_before, session.pain_after),
        done=done,
        cut=cut,
        skipped=skipped,
        stopped=stopped,
        hurt=hurt,
    )


@dataclass(frozen=True)
class Progress:
    """Everything the progress screen shows, worked out once.

    ``sessions`` is the history it was worked out from, oldest first: the store's is decoded
    only as it is read, so a session is decoded when it is shown in detail (:meth:`session`).
    """

    today: date
    streak: Streak
    calendar: tuple[tuple[CalendarDay, ...], ...]
    pain: tuple[PainPoint, ...]
    trend: PainTrend
    exercises: tuple[ExerciseRow, ...]
    history: tuple[HistoryRow, ...]
    sessions: Sequence[Session] = ()
    minutes: float = 0.0

    @property
    def empty(self) -> bool:
        """True when there is no session at all yet."""
        return not self.history

    def session(self, session_id: str) -> Session | None:
        """The session of the history with this id, decoded now (None when it has none)."""
        newest = len(self.history) - 1
        for position, row in enumerate(self.history):  # newest first: the sessions' reverse
            if row.session == session_id:
                return self.sessions[newest - position]
        return None


def exercise_name(catalogue: Catalogue, exercise: str) -> str:
    """The exercise's name, or its id when the catalogue no longer has it."""
    found = catalogue.exercises.get(exercise)
    return found.name if found is not None else exercise
