"""Which session may be continued, and the routine it continues with. Lumbar's own rules.

Only the latest session may be continued, if it stopped part-way (partial) and began today:
lumbar's choice, so a session is not stretched over days (a day's gap makes a new session, and
the pain before it is asked afresh). Its routine must still be in the catalogue: one of the
user's own, deleted since, cannot be continued. Pure functions: no clock, no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tui.history.flags import DEFAULT_THRESHOLD
from tui.history.levels import chronological
from tui.history.roadmap import standing, todays_routine
from tui.model import Catalogue, Exercise, RoadmapState, Routine, Session


@dataclass(frozen=True)
class Unfinished:
    """The latest session, stopped part-way today, and what is needed to continue it."""

    session: Session
    routine: Routine | None
    """The routine to continue with; None when it is no longer in the catalogue."""
    earlier: Sequence[Session]
    """The sessions before it, oldest first: the history that planned its doses."""

    @property
    def why_not(self) -> str | None:
        """Why it cannot be continued, in one plain sentence (None: it can)."""
        if self.routine is not None:
            return None
        return (
            f"lumbar: the routine {self.session.routine_name!r} of the unfinished session is no "
            "longer in your catalogue, so it cannot be continued."
        )


def unfinished(
    catalogue: Catalogue,
    sessions: Iterable[Session],
    today: date,
    *,
    alone: Callable[[Exercise], Routine],
    state: RoadmapState | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> Unfinished | None:
    """The latest session if it is partial and began ``today``; else None.

    ``alone`` makes the routine of one exercise played on its own (recorded under the
    exercise's id). A roadmap session continues with the phase's routine at the rungs it had
    when it began (worked out from the sessions before it and the roadmap ``state``).
    """
    ordered = chronological(sessions)
    if not ordered:
        return None
    latest = ordered[-1]
    if latest.status != "partial" or latest.started_at.date() != today:
        return None
    earlier = ordered[:-1]  # the store's history slices without decoding anything
    routine = catalogue.routines.get(latest.routine)
    if routine is None and latest.routine in catalogue.exercises:
        routine = alone(catalogue.exercise(latest.routine))
    if routine is not None and latest.phase is not None:
        where = standing(catalogue, earlier, state, today, threshold)
        if where.current.phase.id == latest.phase and where.current.phase.routine == routine.id:
            routine = todays_routine(catalogue, where)
    return Unfinished(latest, routine, earlier)
