"""Dose levels from the history: where each exercise of each routine stands, and why.

A level belongs to an exercise *within a routine*, on the ladder of that routine's dose for it
(:mod:`tui.model.dosing`): 0 is the low end of the article's range, +n is n steps up, -n is n
steps below it. Progress in one routine never moves another. Sessions are replayed in the
order they started. Lumbar's own rules, for each exercise of each session:

- **It hurt** ("this hurts" during it, or "it hurt" after it): one step down, and the run of
  good sessions starts again, so it holds for at least the next two sessions.
- **Any pain flag in the session** (:mod:`tui.history.flags`) holds every exercise of every
  routine: their runs start again.
- **Good**: a complete session, with both pain scores recorded and no flag, in which every
  result for it was done in full (every rep, no hold cut short) and rated easy or about right.
  Two good sessions in a row move it one step up, unless it is at the top of its ladder or
  the routine has a time budget (Quick 10, Desk break) the step would break.
- **New**: an exercise with no history in a routine starts at the low end of its range, or,
  in a routine that gives ``start_minutes``, a few steps below it (:mod:`tui.history.intro`).
- **Anything else holds** and starts the run again: rated hard, not rated, skipped, cut short,
  a session ended early, or a pain score not recorded (unknown is never "no pain").
- **Locked** by a clinician (:mod:`tui.history.locked`): the top of its ladder is the prescribed
  dose, so it never goes up past it; after pain it steps down as any dose does.

So no level is ever higher after a session with a pain flag than before it. Pure functions:
no clock, no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from tui.history.flags import DEFAULT_THRESHOLD, pain_flags, pain_unknown
from tui.history.gates import read_in_passing
from tui.history.intro import start_rungs, start_why
from tui.history.locked import AT_TOP, back_up, capped, locked_keys, lowered
from tui.history.recent import Recent
from tui.model import (
    SETUP_SECONDS,
    Catalogue,
    Dose,
    ExerciseResult,
    GateAnswer,
    Ladder,
    Routine,
    Session,
    SessionHistory,
    ladder,
    plan_seconds,
)

GOOD_RUN = 2
"""How many good sessions in a row move a dose one step up."""
REPEATED = 2
"""Hurting in this many of an exercise's last ``OF_LAST`` sessions is repeated pain."""
OF_LAST = 3
"""How many of an exercise's latest sessions are looked at for repeated pain."""
REST_SESSIONS = 2
"""How many sessions with no pain flag an exercise rests after repeated pain."""
GOOD_FEEDBACK = frozenset({"easy", "right"})
"""The ratings that let a dose move up."""

Change = Literal["up", "same", "down", "new"]
Key = tuple[str, str]
"""A routine id and an exercise id."""

NEW = "new to this routine: it starts at the low end of the article's range"
AT_TOP_OF_RANGE = "at the top of the range lumbar steps to"


@dataclass(frozen=True)
class Level:
    """Where one exercise of one routine stands, what the last session did to it, and why."""

    rung: int = 0
    run: int = 0
    """Good sessions in a row since it last moved or was held."""
    change: Change = "new"
    why: str = NEW
    since: str = ""
    """A later pain flag, in another session, that holds it too (empty when none)."""

    @property
    def reason(self) -> str:
        """Why it plays as it does next time, in plain words."""
        return f"{self.why}; since then, {self.since}" if self.since else self.why


@dataclass(frozen=True)
class LevelChange:
    """What one session did to one exercise's level in one routine, in plain words."""

    day: date
    session: str
    change: Change
    before: int
    after: int
    reason: str


@dataclass
class Replay:
    """What the whole history says: every level, and each exercise's recent pain."""

    levels: dict[Key, Level] = field(default_factory=dict)
    hurts: dict[str, list[bool]] = field(default_factory=dict)
    """Per exercise, whether it hurt in each session that recorded it, oldest first."""
    since_hurt: dict[str, int] = field(default_factory=dict)
    """Per exercise that has hurt, how many sessions with no pain flag came after it last did."""
    repeated: dict[str, bool] = field(default_factory=dict)
    """Per exercise that has hurt, whether its last hurt made two in its last three sessions."""
    changes: list[tuple[Key, LevelChange]] = field(default_factory=list)
    """The changes kept: every one in :func:`replay_explained`'s, one key's in :func:`explain`'s,
    none in :func:`replay`'s."""
    starts: dict[str, Level] = field(default_factory=dict)
    """Per routine that starts new exercises below the article's dose, where they start."""

    def resting(self, exercise: str) -> bool:
        """True when an exercise's last hurt was repeated pain and it has not rested enough."""
        if not self.repeated.get(exercise, False):
            return False
        return self.since_hurt.get(exercise, REST_SESSIONS) < REST_SESSIONS

    def level(self, routine: str, exercise: str) -> Level:
        """The level of an exercise in a routine (a new one when the history has none).

        A new one starts at the routine's start (see :mod:`tui.history.intro`), else at 0.
        """
        found = self.levels.get((routine, exercise))
        return found if found is not None else self.starts.get(routine, Level())


def chronological(sessions: Iterable[Session]) -> Sequence[Session]:
    """The sessions in the order they started (ties keep their given order).

    The store's history is in that order already, and is handed back as it is: sorting it
    would decode every session at once.
    """
    if isinstance(sessions, SessionHistory):
        return sessions
    return sorted(sessions, key=lambda session: session.started_at)


def item_doses(catalogue: Catalogue) -> dict[Key, Dose]:
    """Every routine's dose for each of its exercises (the first item, when one repeats)."""
    found: dict[Key, Dose] = {}
    for routine in catalogue.routines.values():
        for item in routine.items:
            found.setdefault((routine.id, item.exercise), catalogue.dose_for(item))
    return found


def routine_seconds(catalogue: Catalogue, routine: Routine, rungs: dict[str, int]) -> int:
    """Roughly how long a routine plays with its exercises at these rungs (0 when not given)."""
    return sum(
        SETUP_SECONDS
        + plan_seconds(
            ladder(catalogue.dose_for(item)).at(rungs.get(item.exercise, 0)),
            catalogue.movement_of(item.exercise),
        )
        for item in routine.items
    )


def within_budget(catalogue: Catalogue, routine: Routine, rungs: dict[str, int]) -> bool:
    """True when the routine at these rungs still fits its time budget (or has none)."""
    if routine.budget_minutes is None:
        return True
    return round(routine_seconds(catalogue, routine, rungs) / 60) <= routine.budget_minutes


def new_levels(catalogue: Catalogue) -> dict[str, Level]:
    """Where a new exercise starts in each routine that starts below the article's doses."""
    return {
        routine: Level(rung, why=start_why(catalogue.routines[routine], rung))
        for routine, rung in start_rungs(catalogue).items()
    }


ReplayOf = tuple[Catalogue, int, Sequence[Session]]
"""What a replay was made of: the catalogue, the pain threshold and the sessions."""


def _same(known: ReplayOf, asked: ReplayOf) -> bool:
    """True when a replay of ``known`` answers for ``asked``.

    The store's history is the same only as the very same object (its sessions are decoded as
    they are read, so comparing them would walk it); other sessions are compared record by
    record.
    """
    if known[0] is not asked[0] or known[1] != asked[1]:
        return False
    if isinstance(known[2], SessionHistory) or isinstance(asked[2], SessionHistory):
        return known[2] is asked[2]
    return known[2] == asked[2]


_replays: Recent[ReplayOf, Replay] = Recent(_same)
"""The latest replays and what they were of (see :func:`replay`)."""


def replay(
    sessions: Iterable[Session], catalogue: Catalogue, threshold: int = DEFAULT_THRESHOLD
) -> Replay:
    """Replay the whole history under the rules of the module docstring.

    The latest replays are remembered (:mod:`tui.history.recent`): asked again of the same
    catalogue, threshold and sessions, one is not done again. So the replay the select screen
    does in a worker serves the session started from it, and ten years are not replayed again
    on the UI thread when Enter is pressed. A replay is never changed once made.
    """
    history = sessions if isinstance(sessions, SessionHistory) else tuple(sessions)
    asked = (catalogue, threshold, history)
    found = _replays.find(asked)
    if found is None:
        found = _replay(history, catalogue, threshold)
        _replays.keep(asked, found)
    return found


def replay_explained(
    sessions: Iterable[Session], catalogue: Catalogue, threshold: int = DEFAULT_THRESHOLD
) -> Replay:
    """A replay that keeps every change of every exercise's level (for the clinician's report).

    Not remembered, as :func:`replay` is: ten years hold some 30,000 changes.
    """
    return _replay(sessions, catalogue, threshold, lambda key: True)


def _replay(
    sessions: Iterable[Session],
    catalogue: Catalogue,
    threshold: int,
    explained: Callable[[Key], bool] = lambda key: False,
) -> Replay:
    """The replay itself, keeping the changes of the keys ``explained`` says yes to.

    (Ten years hold some 30,000 changes: kept for every key they would cost megabytes.)
    """
    found = Replay(starts=new_levels(catalogue))
    befores: list[int] = []
    locked = locked_keys(catalogue)
    ladders = {key: ladder(dose) for key, dose in item_doses(catalogue).items()}
    ladders |= {key: capped(ladders[key]) for key in locked if key in ladders}
    answers: list[GateAnswer] = []
    for session in chronological(sessions):
        answers.extend(answer for result in session.exercises for answer in result.gates)
        flags = pain_flags(session, befores, threshold)
        if session.pain_before is not None:
            befores.append(session.pain_before)
        _count_hurts(found, session, calm=not flags)
        grouped: dict[Key, list[ExerciseResult]] = {}
        for result in session.exercises:
            routine = result.routine or session.routine
            grouped.setdefault((routine, result.exercise), []).append(result)
        day = session.started_at.date()
        if flags:
            _hold_everywhere(found, set(grouped), f"held: {both(flags)} on {_day(day)}")
        for key, results in grouped.items():
            steps = ladders.get(key)
            if steps is None and key[1] in catalogue.exercises:
                # Not an item of that routine as the catalogue has it (the roadmap's rung swapped
                # in, an easier variant put in after pain): its own default dose.
                steps = ladders[key] = ladder(catalogue.exercise(key[1]).dose)
            if steps is None:
                continue
            before = found.level(*key)
            after = _judge(catalogue, found, key, steps, before, results, session, flags)
            if key in locked:
                after = _locked(after)
            found.levels[key] = after
            if explained(key):
                change = LevelChange(
                    day, session.id, after.change, before.rung, after.rung, after.why
                )
                found.changes.append((key, change))
    if isinstance(sessions, SessionHistory):
        read_in_passing(sessions, tuple(answers))  # the gates' walk, done in this one
    return found


def _count_hurts(found: Replay, session: Session, *, calm: bool) -> None:
    """Note, per exercise, whether it hurt in this session; count calm sessions since a hurt."""
    for exercise in found.since_hurt:
        found.since_hurt[exercise] += calm
    hurt: dict[str, bool] = {}
    for result in session.exercises:
        hurt[result.exercise] = hurt.get(result.exercise, False) or result.hurt
    for exercise, did in hurt.items():
        recent = found.hurts.setdefault(exercise, [])
        recent.append(did)
        if did:  # a hurt while resting keeps it resting, and the rest starts again
            repeated = sum(recent[-OF_LAST:]) >= REPEATED
            found.repeated[exercise] = found.resting(exercise) or repeated
            found.since_hurt[exercise] = 0


def _hold_everywhere(found: Replay, played: set[Key], reason: str) -> None:
    """A pain flag holds every exercise of every routine: each run of good sessions restarts."""
    for key, level in found.levels.items():
        if key in played:
            continue
        if level.change == "same":
            found.levels[key] = Level(level.rung, 0, "same", reason)
        else:
            found.levels[key] = Level(level.rung, 0, level.change, level.why, reason)


def _judge(
    catalogue: Catalogue,
    found: Replay,
    key: Key,
    steps: Ladder,
    before: Level,
    results: Sequence[ExerciseResult],
    session: Session,
    flags: Sequence[str],
) -> Level:
    """The level after one session's results for one exercise of one routine."""
    rung = steps.clamp(before.rung)
    on = _day(session.started_at.date())
    if any(result.hurt for result in results):
        if rung <= steps.bottom:
            return Level(rung, 0, "same", f"held: it hurt on {on}; this is the lightest dose")
        return Level(
            rung - 1, 0, "down", f"one step lighter: it hurt on {on}; held for two sessions"
        )
    held = held_because(results, session, flags)
    if held is not None:
        return Level(rung, 0, "same", f"held: {held} on {on}")
    run = before.run + 1
    if run < GOOD_RUN:
        return Level(
            rung, run, "same", f"one comfortable session ({on}); one more in a row to go up"
        )
    if rung >= steps.top:
        return Level(rung, run, "same", AT_TOP_OF_RANGE)
    routine = catalogue.routines[key[0]]
    rungs = {
        exercise: level.rung for (owner, exercise), level in found.levels.items() if owner == key[0]
    } | {key[1]: rung + 1}
    if not within_budget(catalogue, routine, rungs):
        return Level(
            rung, run, "same", f"held: {routine.name} stays within {routine.budget_minutes} min"
        )
    return Level(
        rung + 1,
        0,
        "up",
        f"one step up: done in full, comfortable and pain-free two sessions in a row ({on})",
    )


def _locked(level: Level) -> Level:
    """A locked item's level, its reason saying that the clinician locked it."""
    if level.change == "down":
        return Level(level.rung, level.run, level.change, lowered(level.why), level.since)
    if level.change == "up":
        return Level(level.rung, level.run, level.change, back_up(level.why), level.since)
    if level.why == AT_TOP_OF_RANGE:
        return Level(level.rung, level.run, level.change, AT_TOP, level.since)
    return level


def held_because(
    results: Sequence[ExerciseResult], session: Session, flags: Sequence[str]
) -> str | None:
    """Why a session that did not hurt this exercise holds it (None: a good session for it)."""
    if flags:
        return both(flags)
    if session.status != "complete":
        return "the session ended early"
    if pain_unknown(session):
        return "your pain before or after was not recorded"
    for result in results:
        if result.outcome == "skipped":
            return "you skipped it"
        if not result.full:
            return "not every rep or hold was done"
        if result.feedback == "hard":
            return "you rated it hard"
        if result.feedback not in GOOD_FEEDBACK:
            return "it was not rated"
    return None


def both(reasons: Sequence[str]) -> str:
    """Reasons joined as a sentence joins them: "a", "a and b", "a, b and c"."""
    if len(reasons) < 2:
        return "".join(reasons)
    return f"{', '.join(reasons[:-1])} and {reasons[-1]}"


@lru_cache(maxsize=4096)
def _day(day: date) -> str:
    """A day as "3 Dec"."""
    return f"{day.day} {day:%b}"


def explain(
    sessions: Iterable[Session], catalogue: Catalogue, routine: str, exercise: str
) -> list[LevelChange]:
    """Every session that moved or held this exercise in this routine, oldest first."""
    wanted = (routine, exercise)
    found = _replay(tuple(sessions), catalogue, DEFAULT_THRESHOLD, lambda key: key == wanted)
    return [change for _, change in found.changes]
