"""The report for the clinician: every figure of a period of the history, worked out once.

``make_report`` reads the sessions (all of them: a pain flag's baseline and a dose's level
depend on what came before the period), the catalogue (with the user's routines), the
settings and the safety answers, and returns a :class:`Report`. The figures come from the same
functions as the progress screen and ``lumbar plan``: the weeks and the target from
:mod:`tui.history.streak`, the exercises and the pain trend from
:func:`tui.history.progress.work_out`, the pain flags from :mod:`tui.history.flags`, each dose
and the reasons it changed from :mod:`tui.history.levels` and :mod:`tui.history.plan` (each
exercise's line: :mod:`tui.history.report_exercises`), the red-flag record from
:mod:`tui.history.safety`. The renderers (:mod:`tui.history.report_doc`) only put it into words.
Pure: no clock, no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from tui.history.flags import THE_USER, flags_by_session, pain_unknown
from tui.history.levels import chronological, replay_explained
from tui.history.progress import PainPoint, PainTrend, exercise_name, trend_text
from tui.history.report_exercises import ExerciseLine, exercise_line
from tui.history.report_rx import Prescribed, PrescriptionPart, prescription_part
from tui.history.safety import day_text, safety_history
from tui.history.streak import (
    CALENDAR_WEEKS,
    WEEK,
    day_totals,
    session_day,
    trained,
    week_start,
    week_totals,
)
from tui.history.tally import work_out
from tui.model import Catalogue, SafetyCheck, Session, Settings, sources_text

NOT_MEDICAL_ADVICE = (
    "lumbar is not medical advice and does not replace a doctor or physiotherapist. This "
    "report is what the user recorded in lumbar, for their clinician to read; the exercises, "
    "doses and advice come from the articles listed under Sources, and lumbar's own rules for "
    "moving a dose are marked as its choice."
)


class ReportError(ValueError):
    """No report can be made (no session at all, none in the period, a period the wrong way)."""


@dataclass(frozen=True)
class Week:
    """One Monday-to-Sunday week of the period: training days against the target."""

    start: date
    days: int
    sessions: int
    minutes: float
    met: bool


@dataclass(frozen=True)
class Adherence:
    """How much of the programme was done in the period."""

    target: int
    """Training days a week the user aims for (their setting)."""
    weeks: tuple[Week, ...]
    sessions: int
    """Sessions that did at least part of an exercise."""
    complete: int
    """Sessions played to their end."""
    reps_planned: int
    reps_done: int
    recorded: int
    """Exercise results recorded (skipped ones included)."""
    full: int
    """Of those, done in full: every rep, no hold cut short."""

    @property
    def weeks_met(self) -> int:
        """Weeks whose training days reached the target."""
        return sum(week.met for week in self.weeks)

    @property
    def share(self) -> float | None:
        """The share of the planned reps that were done (None: nothing was planned)."""
        return self.reps_done / self.reps_planned if self.reps_planned else None

    @property
    def days_a_week(self) -> float:
        """Training days a week, on average over the period's weeks."""
        return sum(week.days for week in self.weeks) / len(self.weeks) if self.weeks else 0.0


@dataclass(frozen=True)
class Flagged:
    """A session with a pain flag, or in which an exercise hurt: when, what, and why."""

    when: datetime
    routine: str
    reasons: tuple[str, ...]
    """The pain flags, in the words of :func:`tui.history.flags.pain_flags`."""
    hurts: tuple[str, ...]
    """Each exercise that hurt: "Bridge: this hurts (stopped)" or "Bridge: rated it hurt"."""


@dataclass(frozen=True)
class Note:
    """A note the user wrote at the end of a session."""

    when: datetime
    routine: str
    text: str


@dataclass(frozen=True)
class Report:
    """Everything the report shows, for one period."""

    since: date
    until: date
    made: date
    adherence: Adherence
    pain: tuple[PainPoint, ...]
    trend: PainTrend
    trend_words: str
    unknown: int
    """Sessions of the period with the pain before or after not recorded (unknown, not none)."""
    threshold: int
    flagged: tuple[Flagged, ...]
    safety: tuple[str, ...]
    exercises: tuple[ExerciseLine, ...]
    notes: tuple[Note, ...]
    sources: tuple[str, ...]
    not_advice: str = NOT_MEDICAL_ADVICE
    prescription: PrescriptionPart | None = None
    """The prescription in force in the period, and the sessions against it."""

    @property
    def period_text(self) -> str:
        """``3 Mar 2025 to 30 May 2025``."""
        return f"{day_text_of(self.since)} to {day_text_of(self.until)}"


def day_text_of(day: date) -> str:
    """A date as the report says it: ``1 Mar 2025``."""
    return day_text(datetime(day.year, day.month, day.day))


def period_of(
    sessions: Sequence[Session], since: date | None, until: date | None, today: date
) -> tuple[date, date]:
    """The period asked for; by default the last ``CALENDAR_WEEKS`` weeks up to today.

    ReportError when the store has no session or the period ends before it starts.
    """
    if not sessions:
        raise ReportError("there are no sessions yet: play one first, then make the report")
    until = until or today
    if since is None:
        first = min(session_day(session) for session in sessions)
        since = max(first, week_start(until) - (CALENDAR_WEEKS - 1) * WEEK)
    if since > until:
        raise ReportError(
            f"the period starts ({day_text_of(since)}) after it ends ({day_text_of(until)})"
        )
    return since, until


def make_report(
    sessions: Sequence[Session],
    catalogue: Catalogue,
    settings: Settings,
    safety: SafetyCheck | None,
    today: date,
    since: date | None = None,
    until: date | None = None,
    replaced: Sequence[Prescribed] = (),
) -> Report:
    """The report for the period (see :func:`period_of`); ReportError when there is none.

    ``replaced``: the prescriptions a newer one replaced (the active one is the catalogue's).
    """
    ordered = chronological(sessions)
    since, until = period_of(ordered, since, until, today)
    inside = [s for s in ordered if since <= session_day(s) <= until]
    if not inside:
        raise ReportError(
            f"there is no session from {day_text_of(since)} to {day_text_of(until)}: "
            "choose another period with --since and --until"
        )
    threshold = settings.pain_threshold
    earlier = [s for s in ordered if session_day(s) < since]
    progress = work_out(
        inside, catalogue, settings.weekly_target, until, threshold, earlier=earlier
    )
    found = replay_explained(ordered, catalogue, threshold)
    return Report(
        since=since,
        until=until,
        made=today,
        adherence=adherence(inside, since, until, settings.weekly_target),
        pain=progress.pain,
        trend=progress.trend,
        trend_words=trend_text(progress.trend),
        unknown=sum(pain_unknown(session) for session in inside),
        threshold=threshold,
        flagged=tuple(flagged(ordered, inside, catalogue, threshold)),
        safety=tuple(safety_lines(catalogue, safety)),
        exercises=tuple(
            exercise_line(row, inside, catalogue, found, since, until) for row in progress.exercises
        ),
        notes=tuple(Note(s.started_at, s.routine_name, s.note) for s in inside if s.note),
        sources=tuple(sources_text(catalogue, tuple(catalogue.sources))),
        prescription=prescription_part(
            catalogue, ordered, since, until, settings.weekly_target, replaced
        ),
    )


def adherence(inside: Sequence[Session], since: date, until: date, target: int) -> Adherence:
    """Weeks against the target, sessions complete, and the share of the planned work done."""
    target = min(target, 7)  # as the streak counts it: a week has seven days
    weeks = week_totals(day_totals(inside))
    shown = []
    monday = week_start(since)
    while monday <= until:
        week = weeks.get(monday)
        days = week.days if week else 0
        sessions = week.sessions if week else 0
        minutes = week.minutes if week else 0.0
        shown.append(Week(monday, days, sessions, minutes, days >= target))
        monday += WEEK
    results = [result for session in inside for result in session.exercises]
    return Adherence(
        target=target,
        weeks=tuple(shown),
        sessions=sum(trained(session) for session in inside),
        complete=sum(session.status == "complete" for session in inside),
        reps_planned=sum(result.planned_reps for result in results),
        reps_done=sum(min(result.reps_done, result.planned_reps) for result in results),
        recorded=len(results),
        full=sum(result.full for result in results),
    )


def flagged(
    ordered: Sequence[Session], inside: Sequence[Session], catalogue: Catalogue, threshold: int
) -> list[Flagged]:
    """Every session of the period with a pain flag or an exercise that hurt, oldest first."""
    flags = flags_by_session(ordered, threshold, THE_USER)  # for the clinician
    found = []
    for session in inside:
        hurts = tuple(
            f"{exercise_name(catalogue, result.exercise)}: "
            + ('"this hurts" (stopped)' if result.outcome == "hurt" else 'rated it "it hurt"')
            for result in session.exercises
            if result.hurt
        )
        reasons = flags.get(session.id, ())
        if reasons or hurts:
            found.append(Flagged(session.started_at, session.routine_name, reasons, hurts))
    return found


def safety_lines(catalogue: Catalogue, check: SafetyCheck | None) -> list[str]:
    """The red-flag record: the latest answers, a stop in force, and each clearance stated."""
    if check is None:
        return ["The red-flag questions have not been answered yet."]
    lines = safety_history(catalogue, check)
    if not check.any_yes:
        answered = f"{day_text(check.answered_at)}: red-flag questions answered, no yes."
        lines.insert(0, answered)
    return lines
