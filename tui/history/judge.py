"""How one session moves one exercise's level in one routine: lumbar's rules, one by one.

The rules are set out in :mod:`tui.history.levels`, which replays the history through
:func:`judge` session by session; :func:`held_because` and :func:`both` also say why the roadmap
holds a phase. Pure functions: no clock, no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from tui.history.flags import pain_unknown
from tui.history.locked import AT_TOP, Key, back_up, lowered
from tui.model import (
    SETUP_SECONDS,
    Catalogue,
    ExerciseResult,
    Ladder,
    Routine,
    Session,
    ladder,
    plan_seconds,
)

GOOD_RUN = 2
"""How many good sessions in a row move a dose one step up."""
GOOD_FEEDBACK = frozenset({"easy", "right"})
"""The ratings that let a dose move up."""

Change = Literal["up", "same", "down", "new"]
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


def judge(
    catalogue: Catalogue,
    levels: Mapping[Key, Level],
    key: Key,
    steps: Ladder,
    before: Level,
    results: Sequence[ExerciseResult],
    held: str | None,
    on: str,
) -> Level:
    """The level after one session's results for one exercise of one routine.

    ``held`` is why the session holds every exercise it played (:func:`session_held`), ``on``
    its day in words.
    """
    rung = steps.clamp(before.rung)
    if any(result.hurt for result in results):
        if rung <= steps.bottom:
            return Level(rung, 0, "same", f"held: it hurt on {on}; this is the lightest dose")
        return Level(
            rung - 1, 0, "down", f"one step lighter: it hurt on {on}; held for two sessions"
        )
    held = held or results_held(results)
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
        exercise: level.rung for (owner, exercise), level in levels.items() if owner == key[0]
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


def locked_level(level: Level) -> Level:
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
    return session_held(session, flags) or results_held(results)


def session_held(session: Session, flags: Sequence[str]) -> str | None:
    """Why a session holds every exercise it played, whatever their results (None: none)."""
    if flags:
        return both(flags)
    if session.status != "complete":
        return "the session ended early"
    if pain_unknown(session):
        return "your pain before or after was not recorded"
    return None


def results_held(results: Sequence[ExerciseResult]) -> str | None:
    """Why an exercise's results in a session hold it (None: done in full and rated well)."""
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


@lru_cache(maxsize=16)
def day_text(day: date) -> str:
    """A day as "3 Dec" (a replay asks in order of days: the few latest are kept, not ten years)."""
    return f"{day.day} {day:%b}"
