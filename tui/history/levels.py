"""Dose levels from the history: where each exercise of each routine stands, and why.

A level belongs to an exercise *within a routine*, on the ladder of that routine's dose for it
(:mod:`tui.model.dosing`): 0 is the low end of the article's range, +n is n steps up, -n is n
steps below it. Progress in one routine never moves another. Sessions are replayed in the
order they started. Lumbar's own rules, for each exercise of each session (applied one session
at a time by :func:`tui.history.judge.judge`):

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

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from tui.history.flags import DEFAULT_THRESHOLD, pain_flags
from tui.history.gates import read_in_passing
from tui.history.intro import start_rungs, start_why
from tui.history.judge import Change, Level, day_text, judge, locked_level, session_held
from tui.history.judge import both as both  # roadmap and plan give their reasons with these
from tui.history.judge import held_because as held_because
from tui.history.locked import capped, locked_keys
from tui.history.recent import Recent
from tui.model import (
    Catalogue,
    Dose,
    ExerciseResult,
    GateAnswer,
    Session,
    SessionHistory,
    ladder,
)

if TYPE_CHECKING:  # the progress figures are added up only where they are shown (memory)
    from tui.history.progress import Progress
    from tui.history.tally import Kept, ProgressTally

REPEATED = 2
"""Hurting in this many of an exercise's last ``OF_LAST`` sessions is repeated pain."""
OF_LAST = 3
"""How many of an exercise's latest sessions are looked at for repeated pain."""
REST_SESSIONS = 2
"""How many sessions with no pain flag an exercise rests after repeated pain."""

Key = tuple[str, str]
"""A routine id and an exercise id."""


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
_tallies: Recent[ReplayOf, ProgressTally] = Recent(_same)
"""The latest progress figures and what they were of (see :func:`progress_of`)."""


def replay(
    sessions: Iterable[Session], catalogue: Catalogue, threshold: int = DEFAULT_THRESHOLD
) -> Replay:
    """Replay the whole history under the rules of the module docstring.

    The latest replays are remembered (:mod:`tui.history.recent`): asked again of the same
    catalogue, threshold and sessions, one is not done again, and one asked for while another
    thread makes it is waited for. So the replay the select screen does in a worker serves the
    session started from it, and ten years are not walked again when Enter is pressed. A
    replay is never changed once made. It does not add up the progress screen's figures as it
    goes: kept from the start on, they cost 2 MB at ten years that most starts never show
    (:func:`progress_of` walks for them when they are first wanted).
    """
    history = sessions if isinstance(sessions, SessionHistory) else tuple(sessions)
    asked = (catalogue, threshold, history)
    return _replays.made(asked, lambda: _replay(history, catalogue, threshold))


def progress_of(
    sessions: Sequence[Session],
    catalogue: Catalogue,
    target: int,
    today: date,
    threshold: int = DEFAULT_THRESHOLD,
    kept: Kept | None = None,
) -> Progress:
    """What the progress screen shows (as :func:`work_out` finds), walking as little as it can.

    The history is walked for the figures alone (no dose levels: a third of a replay's time)
    the first time they are wanted, and that walk is remembered: the screen opened again on an
    unchanged file walks nothing. With ``kept`` (a checkpoint kept between starts), the walk
    carries on from where the last one kept its figures, if they still hold
    (:func:`tui.history.tally.carry_on`). Only the streak and the calendar are worked out each
    time, for ``target`` and ``today``.
    """
    from tui.history.tally import carry_on, tally_of

    history = sessions if isinstance(sessions, SessionHistory) else tuple(sessions)
    asked = (catalogue, threshold, history)

    def walk() -> ProgressTally:
        if kept is not None and isinstance(history, SessionHistory):
            return carry_on(history, catalogue, threshold, kept)
        return tally_of(history, catalogue, threshold)

    tally = _tallies.made(asked, walk)
    return tally.progress(target, today, history)


_clear = threading.Event()
"""Clear while the progress screen opens and works out its figures: walks of the history made
in the background wait (see below)."""
_clear.set()
GIVE_WAY_AT_MOST = 1.0
"""The longest replays wait for the progress screen, in seconds: never stuck, whatever happens."""


def hold_replays() -> None:
    """Replays under way on other threads wait until :func:`let_replays_go` (1 s at most).

    The app calls it as it opens the progress screen, which lets them go once its figures are
    drawn: the user asked for those, and the select screen's replay (a background walk of the
    whole history) would otherwise share the processor with drawing the screen and working
    out its figures.
    """
    _clear.clear()


def let_replays_go() -> None:
    """Replays held back by :func:`hold_replays` go on."""
    _clear.set()


def give_way() -> None:
    """Wait while the progress screen works out its figures (a second at most, then go on).

    Replays call it as they walk; other walks of the history the start-up makes off the
    event loop (the file's check, the search for an unfinished session) call it first.
    """
    if not _clear.wait(GIVE_WAY_AT_MOST):
        _clear.set()  # not released in time: hold no replay longer for that screen


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
    holds = _Holds(found)
    for index, session in enumerate(chronological(sessions)):
        if not _clear.is_set():
            give_way()  # the progress screen is opening
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
        on = day_text(day)
        if flags:
            holds.flag(index, f"held: {both(flags)} on {on}")
        held = session_held(session, flags)
        for key, results in grouped.items():
            steps = ladders.get(key)
            if steps is None and key[1] in catalogue.exercises:
                # Not an item of that routine as the catalogue has it (the roadmap's rung swapped
                # in, an easier variant put in after pain): its own default dose.
                steps = ladders[key] = ladder(catalogue.exercise(key[1]).dose)
            if steps is None:
                continue
            before = holds.level(key, index)
            after = judge(catalogue, found.levels, key, steps, before, results, held, on)
            if key in locked:
                after = locked_level(after)
            holds.judged(key, after, index)
            if explained(key):
                change = LevelChange(
                    day, session.id, after.change, before.rung, after.rung, after.why
                )
                found.changes.append((key, change))
    holds.settle()
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


class _Holds:
    """The levels of a replay, with the hold every pain flag puts on the exercises not played.

    A pain flag holds every exercise of every routine but those of its own session: each run
    of good sessions restarts, and the flag is the reason. Holding again only replaces the
    reason, so an exercise owes only the latest flag since it was last judged; that one is put
    on it when it is next read, and on all of them at the end, rather than on every level at
    every flag (ten years: some 1,000 flags over some 100 levels).
    """

    def __init__(self, found: Replay) -> None:
        """The levels of ``found``; no flag yet."""
        self._found = found
        self._judged: dict[Key, int] = {}
        """The session each level was last judged in (its index in the walk)."""
        self._latest: tuple[int, str] | None = None
        self._earlier: tuple[int, str] | None = None
        """The flag before the latest: the one a key played in the latest flag's session owes."""

    def flag(self, index: int, reason: str) -> None:
        """Session ``index`` has a pain flag: it holds every level not played in it."""
        self._earlier, self._latest = self._latest, (index, reason)

    def level(self, key: Key, index: int) -> Level:
        """The level of ``key`` as session ``index`` finds it, with any hold it owes put on."""
        found = self._found.levels.get(key)
        if found is None:
            return self._found.level(*key)
        owed = self._latest if self._latest is None or self._latest[0] < index else self._earlier
        if owed is not None and owed[0] > self._judged[key]:
            found = self._found.levels[key] = _held(found, owed[1])
        return found

    def judged(self, key: Key, level: Level, index: int) -> None:
        """``key`` was judged in session ``index``: its level now."""
        self._found.levels[key] = level
        self._judged[key] = index

    def settle(self) -> None:
        """Put the latest flag on every level judged before it (the walk is over)."""
        if self._latest is None:
            return
        index, reason = self._latest
        levels = self._found.levels
        for key, judged in self._judged.items():
            if judged < index:
                levels[key] = _held(levels[key], reason)


def _held(level: Level, reason: str) -> Level:
    """A level held by a pain flag in another session: its run of good sessions restarts."""
    if level.change == "same":
        return Level(level.rung, 0, "same", reason)
    return Level(level.rung, 0, level.change, level.why, reason)


def explain(
    sessions: Iterable[Session], catalogue: Catalogue, routine: str, exercise: str
) -> list[LevelChange]:
    """Every session that moved or held this exercise in this routine, oldest first."""
    wanted = (routine, exercise)
    found = _replay(tuple(sessions), catalogue, DEFAULT_THRESHOLD, lambda key: key == wanted)
    return [change for _, change in found.changes]
