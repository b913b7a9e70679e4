"""The report's prescription part: adherence measured against what the clinician prescribed.

For the prescription in force during the report's period (the active one, or the latest one
issued before the period ended): its sessions a week against ``per_week`` (or, when it gives
none, the user's weekly target), the share of the prescribed work done, and each locked dose as
prescribed beside the dose last played. The prescriptions a newer one replaced that were in
force during the period are listed with their dates.

A prescription is in force from the day it was issued until the day the next one was issued.
"Prescribed work" is the reps of one session at the prescribed doses, times the sessions asked
for each week, times the weeks (Monday to Sunday) of the period it was in force in, the first
and last counted whole; "done" is the reps done (none beyond those planned) in sessions of the
prescribed routine in that time. Pure: no clock, no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tui.history.streak import WEEK, session_day, trained, week_start
from tui.model import Catalogue, Prescription, Routine, Session, ladder, plan_text

Prescribed = tuple[Routine, Prescription]
"""A prescribed routine and its prescription."""


@dataclass(frozen=True)
class LockedDose:
    """A locked item: the dose prescribed and the dose last played in the period."""

    exercise: str
    prescribed: str
    played: str
    """The dose last played (``not played`` when it was not played in the period)."""


@dataclass(frozen=True)
class Superseded:
    """A prescription a newer one replaced, in force during the period."""

    routine: str
    prescribed_by: str
    issued: date
    replaced: date


@dataclass(frozen=True)
class PrescriptionPart:
    """The report's section on the prescription in force."""

    routine: str
    prescribed_by: str
    issued: date
    review: date
    per_week: int
    asked_by_clinician: bool
    """True when ``per_week`` is the clinician's; False when it is the user's weekly target."""
    weeks: int
    sessions: int
    weeks_met: int
    reps_asked: int
    reps_done: int
    locked: tuple[LockedDose, ...]
    superseded: tuple[Superseded, ...]

    @property
    def share(self) -> float | None:
        """The share of the prescribed work done (None when none was asked for)."""
        return self.reps_done / self.reps_asked if self.reps_asked else None


def session_reps(catalogue: Catalogue, routine: Routine) -> int:
    """The reps of one session of the routine at its prescribed doses (each side once)."""
    return sum(
        stage.total_reps
        for item in routine.items
        for stage in ladder(catalogue.dose_for(item)).at(0)
    )


def prescription_part(
    catalogue: Catalogue,
    sessions: Sequence[Session],
    since: date,
    until: date,
    target: int,
    replaced: Sequence[Prescribed] = (),
) -> PrescriptionPart | None:
    """The prescription in force in the period and the sessions against it (None: none was)."""
    known = sorted(
        [*replaced, *filter(None, [catalogue.prescribed()])], key=lambda each: each[1].issued
    )
    if not known:
        return None
    ends = [each[1].issued for each in known[1:]] + [until + timedelta(days=1)]
    windows = [
        (routine, prescription, start, end)
        for (routine, prescription), end in zip(known, ends, strict=True)
        if (start := prescription.issued) <= until and end > since
    ]
    if not windows:
        return None
    routine, prescription, start, end = windows[-1]
    first, last = max(start, since), min(end - timedelta(days=1), until)
    played = [
        s
        for s in sessions
        if s.routine == routine.id and first <= session_day(s) <= last and trained(s)
    ]
    per_week = prescription.per_week or target
    mondays = _mondays(first, last)
    counts = {monday: 0 for monday in mondays}
    for session in played:
        counts[week_start(session_day(session))] += 1
    results = [r for s in played for r in s.exercises]
    return PrescriptionPart(
        routine=routine.name,
        prescribed_by=prescription.prescribed_by,
        issued=prescription.issued,
        review=prescription.review,
        per_week=per_week,
        asked_by_clinician=prescription.per_week is not None,
        weeks=len(mondays),
        sessions=len(played),
        weeks_met=sum(count >= per_week for count in counts.values()),
        reps_asked=session_reps(catalogue, routine) * per_week * len(mondays),
        reps_done=sum(min(r.reps_done, r.planned_reps) for r in results),
        locked=_locked(catalogue, routine, played),
        superseded=tuple(Superseded(r.name, p.prescribed_by, s, e) for r, p, s, e in windows[:-1]),
    )


def _mondays(first: date, last: date) -> list[date]:
    """The Monday of every week from ``first`` to ``last``."""
    mondays, monday = [], week_start(first)
    while monday <= last:
        mondays.append(monday)
        monday += WEEK
    return mondays


def _locked(
    catalogue: Catalogue, routine: Routine, played: Sequence[Session]
) -> tuple[LockedDose, ...]:
    """Each locked item's dose as prescribed and as last played."""
    found = []
    for item in routine.items:
        if not item.locked:
            continue
        last = [r for s in played for r in s.exercises if r.exercise == item.exercise and r.planned]
        name = catalogue.exercises[item.exercise].name
        prescribed = plan_text(ladder(catalogue.dose_for(item)).at(0))
        found.append(
            LockedDose(name, prescribed, plan_text(last[-1].planned) if last else "not played")
        )
    return tuple(found)
