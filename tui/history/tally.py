"""The progress figures added up one session at a time, and carried on from between starts.

:class:`ProgressTally` adds the sessions up, oldest first, into everything the progress screen
shows (:class:`tui.history.progress.Progress`). Ten years of daily sessions take a walk of some
3,650 sessions (about 140 ms of work) each time lumbar starts and the screen opens, though all
but the latest are the same as last time. So a :class:`Checkpoint` of the tally, as it stood
after all but the latest few sessions, is kept between starts (in the user's cache folder: see
:class:`tui.store.KeptFile`), with a digest of the sessions it was added up from as they were
stored (:meth:`tui.model.SessionHistory.fingerprints`). The next walk carries on from it when
those sessions are still stored byte for byte alike and the pain threshold is the same, and
walks them all again otherwise: a changed session, a new setting or a lost or damaged cache
costs one walk, never a wrong figure. Nothing here does I/O or imports Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from tui.history.flags import BASELINE_OF, DEFAULT_THRESHOLD, pain_before_scores, pain_flags
from tui.history.progress import (
    ExerciseRow,
    HistoryRow,
    PainPoint,
    Progress,
    exercise_name,
    history_row,
    pain_trend,
    sort_rows,
)
from tui.history.streak import DayTally, calendar, session_day, streak
from tui.model import Catalogue, Session, SessionHistory, StagePlan, plan_text

FIGURES_VERSION = 2
"""The version of how the figures are added up: a checkpoint of another version is not used.

Change it with any change to what :meth:`ProgressTally.add` counts, or how (a test holds it to
the code: ``tests/unit/test_progress_checkpoint.py``)."""
LEAVE_OUT = 3
"""The latest sessions a checkpoint never covers: they may still change (a stopped session
resumed, a note added), and a changed session makes the whole history walked again."""


@dataclass(frozen=True)
class Checkpoint:
    """A progress tally after the first :attr:`count` sessions of a history (see the module).

    ``fingerprint`` is the digest of those sessions as stored; ``threshold`` the pain threshold
    their flags were found with; ``befores`` the last pain-before scores (the next session's
    baseline); the rest is the tally itself.
    """

    version: int
    threshold: int
    fingerprint: str
    rows: tuple[ExerciseRow, ...]
    planned: dict[str, tuple[StagePlan, ...]]
    pain: tuple[PainPoint, ...]
    history: tuple[HistoryRow, ...]
    day_sessions: dict[date, int]
    day_minutes: dict[date, float]
    befores: tuple[int, ...]

    @property
    def count(self) -> int:
        """How many sessions it covers (one row of the history each)."""
        return len(self.history)


class Kept(Protocol):
    """Where a checkpoint is kept between starts (the store's :class:`tui.store.KeptFile`)."""

    def read(self) -> Checkpoint | None:
        """The checkpoint kept, or None (none yet, or it could not be read)."""

    def keep(self, checkpoint: Checkpoint) -> None:
        """Keep ``checkpoint`` in place of the last: now, or once the figures are shown."""


class ProgressTally:
    """What the progress screen shows, added up one session at a time, oldest first.

    Never changed once the walk is over: :meth:`progress` may be asked from any thread, any
    number of times.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        threshold: int = DEFAULT_THRESHOLD,
        befores: Iterable[int] = (),
    ) -> None:
        """Nothing added yet; names come from ``catalogue``, pain flags use ``threshold``.

        ``befores`` are the pain-before scores of the sessions before the first one added (a
        report's period starts with the baseline they set).
        """
        self._catalogue = catalogue
        self._threshold = threshold
        self._befores = list(befores)
        self._rows: dict[str, ExerciseRow] = {}
        self._planned: dict[str, tuple[StagePlan, ...]] = {}
        self._pain: list[PainPoint] = []
        self._history: list[HistoryRow] = []
        self._days = DayTally()

    @property
    def count(self) -> int:
        """How many sessions have been added (those of a checkpoint carried on from included)."""
        return len(self._history)

    @classmethod
    def carried_on(cls, catalogue: Catalogue, checkpoint: Checkpoint) -> ProgressTally:
        """A tally that carries on from ``checkpoint`` (names from today's ``catalogue``)."""
        tally = cls(catalogue, checkpoint.threshold, checkpoint.befores)
        tally._rows = {
            row.exercise: replace(row, name=exercise_name(catalogue, row.exercise))
            for row in checkpoint.rows
        }
        tally._planned = dict(checkpoint.planned)
        tally._pain = list(checkpoint.pain)
        tally._history = list(checkpoint.history)
        tally._days = DayTally(checkpoint.day_sessions, checkpoint.day_minutes)
        return tally

    def add(self, session: Session) -> None:
        """Add one session, the next oldest, with its pain flags (:mod:`tui.history.flags`)."""
        flags = pain_flags(session, self._befores, self._threshold)
        if session.pain_before is not None:
            self._befores.append(session.pain_before)
        self._history.append(history_row(session))
        if session.pain_before is not None or session.pain_after is not None:
            point = PainPoint(session_day(session), session.pain_before, session.pain_after)
            self._pain.append(point)
        self._days.add(session)
        rows = self._rows
        for result in session.exercises:
            row = rows.get(result.exercise)
            if row is None:
                name = exercise_name(self._catalogue, result.exercise)
                row = rows[result.exercise] = ExerciseRow(result.exercise, name)
            row.count(result)
            self._planned[result.exercise] = result.planned
        for exercise in {result.exercise for result in session.exercises} if flags else ():
            rows[exercise].flags += 1

    def snapshot(self, fingerprint: str) -> Checkpoint:
        """The tally as it stands, to carry on from; ``fingerprint``: the sessions added so far."""
        return Checkpoint(
            version=FIGURES_VERSION,
            threshold=self._threshold,
            fingerprint=fingerprint,
            rows=tuple(replace(row) for row in self._rows.values()),
            planned=dict(self._planned),
            pain=tuple(self._pain),
            history=tuple(self._history),
            day_sessions=self._days.sessions,
            day_minutes=self._days.minutes,
            befores=tuple(self._befores[-BASELINE_OF:]),
        )

    def progress(self, target: int, today: date, sessions: Sequence[Session] = ()) -> Progress:
        """Everything the screen shows for the weekly ``target`` and ``today``.

        ``sessions`` are the sessions added (kept for :meth:`Progress.session`).
        """
        rows = [  # the last dose in words once, not at every result; new rows: these are kept
            replace(row, dose=plan_text(self._planned[row.exercise])) for row in self._rows.values()
        ]
        days = self._days.totals()
        return Progress(
            today=today,
            streak=streak(days, target, today),
            calendar=calendar(days, today),
            pain=tuple(self._pain),
            trend=pain_trend(self._pain),
            exercises=tuple(sort_rows(rows, "done")),
            history=tuple(reversed(self._history)),
            sessions=sessions,
            minutes=sum(total.minutes for total in days.values()),
        )


def work_out(
    sessions: Sequence[Session],
    catalogue: Catalogue,
    target: int,
    today: date,
    threshold: int = DEFAULT_THRESHOLD,
    earlier: Sequence[Session] = (),
) -> Progress:
    """Everything the progress screen shows, from the history, the weekly target and today.

    ``sessions`` are oldest first (as the store gives them), walked once; ``earlier``, the
    sessions before them (a report's period), only set the baseline their pain flags compare
    with.
    """
    return tally_of(sessions, catalogue, threshold, earlier).progress(target, today, sessions)


def tally_of(
    sessions: Iterable[Session],
    catalogue: Catalogue,
    threshold: int = DEFAULT_THRESHOLD,
    earlier: Sequence[Session] = (),
) -> ProgressTally:
    """The sessions, oldest first, added up in one walk (see :func:`work_out`)."""
    tally = ProgressTally(catalogue, threshold, pain_before_scores(earlier))
    for session in sessions:
        tally.add(session)
    return tally


def carry_on(
    history: SessionHistory, catalogue: Catalogue, threshold: int, kept: Kept
) -> ProgressTally:
    """The whole history added up, carrying on from the checkpoint ``kept`` if it still holds.

    A new checkpoint (all but the latest :data:`LEAVE_OUT` sessions) is handed to ``kept``
    when it covers more sessions than the one it held.
    """
    total = len(history)
    stop = max(total - LEAVE_OUT, 0)
    saved = kept.read()
    if saved is not None and (
        saved.version != FIGURES_VERSION
        or saved.threshold != threshold
        or not 0 < saved.count <= total
    ):
        saved = None
    counts = (saved.count, stop) if saved is not None else (stop,)
    digests = history.fingerprints(*counts)
    if digests is None:
        return tally_of(history, catalogue, threshold)
    if saved is not None and digests[0] == saved.fingerprint:
        tally = ProgressTally.carried_on(catalogue, saved)
    else:
        tally = ProgressTally(catalogue, threshold)
    start = tally.count
    for session in history[start:stop]:
        tally.add(session)
    if stop > start:
        kept.keep(tally.snapshot(digests[-1]))
    for session in history[max(start, stop) :]:
        tally.add(session)
    return tally
