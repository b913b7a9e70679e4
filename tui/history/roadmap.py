"""Where the user stands on the roadmap (ALIGN, STABILIZE, MAINTAIN), worked out from the history.

Pure functions: the caller passes the catalogue, the sessions, the saved ``RoadmapState`` and
``today``. Pain flags are defined in ``tui.history.flags``; pain in any routine counts for the
phase. These rules are lumbar's own (the article gives none):

- A session counts for a phase when it is complete and ``session.phase`` is the phase's id or
  ``session.routine`` is the phase's routine.
- Days: the whole days between the first and the latest counting session.
- Pain-free streak: the latest counting sessions in a row known to be pain-free: a pain flag in
  a session of any routine ends it, and so does a counting session with a pain score missing.
- Ladder: the current rung starts at the first exercise. Two counting sessions in a row in
  which the rung exercise was good (as for a dose: done in full, rated easy or about right, in
  a complete session with both pain scores and no flag) climb one rung; "this hurts" on it
  drops one rung (the article's "regress to the march"); a pain flag in any session, or any
  other counting session, breaks the run. The ladder is done while the user is on its top
  rung and has done it (outcome "done", not "hurt") at least once since reaching it.
- Sequence (unlock before stretch): done when every exercise in it has been done at least once
  in a counting session. Ladders and sequences are walked in :mod:`tui.history.progressions`.
- A phase is complete when its ``complete_when`` rule holds: enough sessions, over enough
  days, a long enough pain-free streak and, when asked, every progression done.
- The current phase is the first one not complete, searching from the phase the user moved on
  to early (``RoadmapState.moved_to``) if they did; when all are complete, the last (MAINTAIN)
  stays current, since it is a way of living.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import msgspec

from tui.history.flags import DEFAULT_THRESHOLD, flags_by_session, pain_unknown
from tui.history.levels import both, chronological
from tui.history.progressions import (
    Flags,
    ProgressionStatus,
    counts_for,
    done_in,
    ladder_status,
    sequence_status,
)
from tui.model import (
    Catalogue,
    Phase,
    PhaseRule,
    RoadmapState,
    Routine,
    Session,
    in_sentence,
    plural,
)

RECENT = 3
"""A pain flag in this many of the latest sessions (any routine) refuses moving on early."""


@dataclass(frozen=True)
class PhaseStanding:
    """Where the user stands in one phase, and what is still missing, in plain words."""

    phase: Phase
    sessions: tuple[Session, ...]
    """The complete sessions that count for the phase, oldest first."""
    days: int
    pain_free_streak: int
    progressions: tuple[ProgressionStatus, ...]
    unmet: tuple[str, ...]
    """The unmet conditions of the phase's rule, e.g. "3 more sessions"; empty when complete."""

    @property
    def done(self) -> frozenset[str]:
        """The phase's exercises done (and not hurting) at least once in a counting session."""
        return frozenset(
            exercise
            for exercise in self.phase.exercises
            if any(done_in(session, exercise) for session in self.sessions)
        )

    @property
    def complete(self) -> bool:
        """True when the phase's ``complete_when`` rule is met."""
        return not self.unmet

    @property
    def id(self) -> str:
        """The phase's id."""
        return self.phase.id

    @property
    def name(self) -> str:
        """The phase's name, such as ALIGN."""
        return self.phase.name


@dataclass(frozen=True)
class Standing:
    """Where the user stands on the whole roadmap on one day."""

    today: date
    phases: tuple[PhaseStanding, ...]
    current_index: int
    moved_early: bool
    """True when the user moved on before an earlier phase was complete."""
    recent_pain: tuple[str, ...] = ()
    """The pain flags of the latest sessions (any routine), each with its day, newest first."""

    @property
    def current(self) -> PhaseStanding:
        """The phase the user is in now."""
        return self.phases[self.current_index]

    @property
    def next(self) -> PhaseStanding | None:
        """The phase after the current one (None in the last phase)."""
        following = self.current_index + 1
        return self.phases[following] if following < len(self.phases) else None

    def phase(self, phase_id: str) -> PhaseStanding:
        """The standing in the phase with this id (KeyError if there is none)."""
        for standing in self.phases:
            if standing.id == phase_id:
                return standing
        raise KeyError(phase_id)


def standing(
    catalogue: Catalogue,
    sessions: Iterable[Session],
    state: RoadmapState | None,
    today: date,
    threshold: int = DEFAULT_THRESHOLD,
) -> Standing:
    """Work out every phase's standing and the current phase from the history."""
    # Walked several times over: decoded once here (the store's history decodes as it is read).
    ordered = list(chronological(sessions))
    flags = flags_by_session(ordered, threshold)
    phases = tuple(
        _phase_standing(catalogue, phase, ordered, flags, today) for phase in catalogue.phases
    )
    ids = [phase.id for phase in phases]
    start = ids.index(state.moved_to) if state and state.moved_to in ids else 0
    current = next((i for i in range(start, len(phases)) if not phases[i].complete), None)
    if current is None:
        current = len(phases) - 1
    moved_early = any(not phase.complete for phase in phases[:current])
    recent = tuple(
        f"{reason} ({session.started_at.day} {session.started_at:%b})"
        for session in reversed(ordered[-RECENT:])
        for reason in flags[session.id]
    )
    return Standing(today, phases, current, moved_early, recent)


def may_offer_move_on(standing: Standing) -> bool:
    """True when a phase follows and the current one is not done (moving on is worth asking)."""
    return standing.next is not None and not standing.current.complete


def can_move_on(standing: Standing) -> bool:
    """True when the user may move on early: worth asking, and no recent pain flag."""
    return may_offer_move_on(standing) and not standing.recent_pain


def move_on_refusal(standing: Standing) -> str | None:
    """Why moving on early is refused, in plain words (None when it is not)."""
    if not may_offer_move_on(standing) or not standing.recent_pain:
        return None
    return (
        f"Not now: {standing.recent_pain[0]}, in your last {RECENT} sessions. Moving on early "
        f"asks for harder work; lumbar offers it only once your last {RECENT} sessions were "
        f"free of pain flags. Keep to {standing.current.name} and see the advice on pain."
    )


def moving_on_note(standing: Standing) -> str:
    """What moving on early means, in plain words, for the screen to show before it confirms."""
    following = standing.next
    if following is None or standing.current.complete:
        return f"{standing.current.name} is the last phase: there is nowhere to move on to."
    current = standing.current
    return (
        f"{current.name} is not done yet by lumbar's own rule (the article gives none): "
        f"{', '.join(current.unmet)}. Moving on makes "
        f"{following.name} your phase from today, and its routine becomes today's session. "
        f"Your {current.name} sessions stay in your history. The roadmap puts quality of "
        f"movement before speed: move on only if {current.name} feels easy and pain-free."
    )


def move_on(standing: Standing, now: datetime) -> RoadmapState:
    """The roadmap state to save once the user confirms moving on early to the next phase."""
    following = standing.next
    if following is None or not can_move_on(standing):
        raise ValueError(f"cannot move on from {standing.current.name}: no phase to skip to")
    return RoadmapState(moved_to=following.id, moved_at=now)


def todays_routine(catalogue: Catalogue, standing: Standing) -> Routine:
    """The current phase's routine, each ladder's first exercise swapped for the current rung.

    A swapped-in exercise plays its own default dose (the item's dose becomes None), since the
    routine's dose was written for the first rung; the item keeps its note. A swap gives a new
    record with the same id; with no swap, the phase routine itself comes back (it is frozen).
    """
    routine = catalogue.routine(standing.current.phase.routine)
    swaps = {
        status.progression.exercises[0]: status.current
        for status in standing.current.progressions
        if status.is_ladder and status.rung > 0 and status.current is not None
    }
    if not swaps:
        return routine
    items = tuple(
        msgspec.structs.replace(item, exercise=swaps[item.exercise], dose=None)
        if item.exercise in swaps
        else item
        for item in routine.items
    )
    return msgspec.structs.replace(routine, items=items)


def _phase_standing(
    catalogue: Catalogue,
    phase: Phase,
    ordered: Sequence[Session],
    flags: Flags,
    today: date,
) -> PhaseStanding:
    """One phase's standing from the whole history, oldest session first."""
    mine = [session for session in ordered if counts_for(phase, session)]
    counting = tuple(session for session in mine if session.status == "complete")
    days = (counting[-1].started_at.date() - counting[0].started_at.date()).days if counting else 0
    streak = _pain_free_streak(phase, ordered, flags)
    progressions = tuple(
        ladder_status(progression, phase, ordered, flags)
        if progression.mode == "ladder"
        else sequence_status(progression, mine)
        for progression in phase.progressions
    )
    unmet = _unmet(catalogue, phase.complete_when, counting, days, streak, progressions, today)
    return PhaseStanding(
        phase=phase,
        sessions=counting,
        days=days,
        pain_free_streak=streak,
        progressions=progressions,
        unmet=unmet,
    )


def _pain_free_streak(phase: Phase, ordered: Sequence[Session], flags: Flags) -> int:
    """The phase's complete sessions in a row known to be pain-free, back from the latest.

    A pain flag in a session of any routine ends the streak, and so does a session of the
    phase whose pain before or after was not recorded (unknown is not pain-free).
    """
    streak = 0
    for session in reversed(ordered):
        if flags[session.id]:
            break
        if not counts_for(phase, session) or session.status != "complete":
            continue
        if pain_unknown(session):
            break
        streak += 1
    return streak


def _unmet(
    catalogue: Catalogue,
    rule: PhaseRule,
    counting: Sequence[Session],
    days: int,
    streak: int,
    progressions: Sequence[ProgressionStatus],
    today: date,
) -> tuple[str, ...]:
    """The rule's conditions that are not met yet, each in plain words."""
    unmet: list[str] = []
    if len(counting) < rule.min_sessions:
        unmet.append(_more(rule.min_sessions - len(counting), "session"))
    if days < rule.min_days:
        first = counting[0].started_at.date() if counting else today
        left = (first + timedelta(days=rule.min_days) - today).days
        if left > 0:
            unmet.append(_more(left, "day"))
        elif len(counting) >= rule.min_sessions:  # else the sessions still missing will span it
            unmet.append(f"1 more session to span {rule.min_days} days")
    if streak < rule.pain_free_streak:
        unmet.append(_more(rule.pain_free_streak - streak, "pain-free session") + " in a row")
    if rule.progressions_done:
        for status in progressions:
            if status.done:
                continue
            if status.is_ladder:
                top = status.progression.exercises[-1]
                verb = "reach" if status.current != top else "do"
                unmet.append(f"{verb} the {_name(catalogue, top)}")
            else:
                missing = [
                    f"the {_name(catalogue, e)}"
                    for e in status.progression.exercises
                    if e not in status.done_exercises
                ]
                unmet.append("do " + both(missing))
    return tuple(unmet)


def _more(count: int, noun: str) -> str:
    """Count something still missing: "1 more session", "3 more sessions"."""
    return plural(count, f"more {noun}")


def _name(catalogue: Catalogue, exercise_id: str) -> str:
    """An exercise's name to use inside a sentence: "double knee tuck"."""
    exercise = catalogue.exercises.get(exercise_id)
    return in_sentence(exercise.name if exercise else exercise_id.replace("-", " "))
