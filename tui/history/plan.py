"""The next session of a routine, as lumbar would play it: each dose, its change, and why.

Built from the replayed history (:mod:`tui.history.levels`). On top of each item's level, one
more of lumbar's own rules: an exercise that hurt in two of its last three sessions
(``REPEATED``) rests until ``REST_SESSIONS`` sessions with no pain flag have passed: its easier
variant plays in its place at a dose no heavier than its own, or, with no easier variant light
enough, it is left out; either way lumbar suggests asking a clinician. Then it comes back, a
step lighter than where it hurt. Pure functions: no clock, no I/O, no Textual.
"""

from __future__ import annotations

import textwrap
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from tui.history.flags import DEFAULT_THRESHOLD
from tui.history.levels import OF_LAST, REPEATED, Replay, both, replay
from tui.history.locked import NEW as LOCKED_NEW
from tui.history.locked import capped
from tui.model import (
    SETUP_SECONDS,
    Catalogue,
    ItemPlan,
    Routine,
    RoutineItem,
    Session,
    Stage,
    about_minutes,
    gated_at,
    ladder,
    no_heavier,
    plan_seconds,
    plan_text,
    position_change_note,
    position_change_seconds,
    work,
)

ASK = "ask a clinician about it"
WIDTH = 80
"""How wide ``lumbar plan`` wraps its reasons (a terminal of 80 columns)."""
FIXED = "new to this routine: the dose it gives, which has no range to climb"


@dataclass(frozen=True)
class RoutinePlan:
    """The next session of one routine, item by item."""

    routine: Routine
    items: tuple[ItemPlan, ...]
    passed: frozenset[str] = frozenset()
    """The gates the user said yes to (see :mod:`tui.history.gates`)."""

    def waits_at(self, catalogue: Catalogue, number: int) -> Stage | None:
        """The gated stage item ``number`` (0-based) stops before until a yes (None: plays all)."""
        item, entry = self.items[number], self.routine.items[number]
        if item.swapped or item.exercise not in catalogue.exercises:
            return None
        dose = catalogue.dose_for(entry)
        cut = gated_at(dose, self.passed)
        return (
            dose.stages[cut] if cut is not None and len(item.planned) == len(dose.stages) else None
        )

    def seconds(self, catalogue: Catalogue, number: int) -> int:
        """Roughly how long item ``number`` plays, without any stage waiting for a yes."""
        item = self.items[number]
        waiting = self.waits_at(catalogue, number)
        stages = item.planned
        if waiting is not None:
            stages = stages[: [s.name for s in stages].index(waiting.name)]
        return plan_seconds(stages, catalogue.movement_of(item.exercise))

    @property
    def playing(self) -> tuple[ItemPlan, ...]:
        """The items that play (not left out)."""
        return tuple(item for item in self.items if not item.left_out)

    def for_exercise(self, exercise: str) -> ItemPlan | None:
        """The first item of this exercise (as the routine lists it), if any."""
        return next((item for item in self.items if item.item == exercise), None)


def plan_item(catalogue: Catalogue, routine: Routine, item: RoutineItem, found: Replay) -> ItemPlan:
    """How one item of a routine plays next time."""
    level = found.level(routine.id, item.exercise)
    steps = ladder(catalogue.dose_for(item))
    if item.locked:
        steps = capped(steps)
    rung = steps.clamp(level.rung)
    planned = steps.at(rung)
    if not found.resting(item.exercise):
        why = level.reason if level.change != "new" or steps.top > 0 or rung < 0 else FIXED
        if item.locked and level.change == "new" and rung >= 0:
            why = LOCKED_NEW
        return ItemPlan(item.exercise, item.exercise, planned, rung, level.change, why)
    hurt = f"it hurt in {REPEATED} of its last {OF_LAST} sessions"
    exercise = catalogue.exercises.get(item.exercise)
    for easier in exercise.easier if exercise is not None else ():
        variant = catalogue.exercises.get(easier)
        lighter = no_heavier(variant.dose, work(planned)) if variant is not None else None
        if variant is not None and lighter is not None:
            why = f"swapped for the easier {variant.name}, no heavier: {hurt}; {ASK}"
            return ItemPlan(item.exercise, easier, lighter, rung, "down", why)
    why = f"left out for now: {hurt} and no easier variant is light enough; {ASK}"
    return ItemPlan(item.exercise, item.exercise, (), rung, "down", why)


def plan_routine(
    catalogue: Catalogue,
    routine: Routine,
    sessions: Iterable[Session] = (),
    threshold: int = DEFAULT_THRESHOLD,
    *,
    found: Replay | None = None,
    passed: Collection[str] = (),
) -> RoutinePlan:
    """The next session of ``routine`` after ``sessions`` (or an already replayed history).

    ``passed``: the gates the user said yes to, whose stages play.
    """
    if found is None:
        found = replay(sessions, catalogue, threshold)
    items = tuple(plan_item(catalogue, routine, item, found) for item in routine.items)
    return RoutinePlan(routine, items, frozenset(passed))


def plan_all(
    catalogue: Catalogue,
    sessions: Iterable[Session],
    threshold: int = DEFAULT_THRESHOLD,
    *,
    found: Replay | None = None,
) -> dict[str, RoutinePlan]:
    """The next session of every routine of the catalogue, by id (the history replayed once)."""
    if found is None:
        found = replay(sessions, catalogue, threshold)
    return {
        routine.id: plan_routine(catalogue, routine, found=found)
        for routine in catalogue.routines.values()
    }


def plans_for(
    catalogue: Catalogue,
    routine: Routine,
    sessions: Iterable[Session],
    threshold: int = DEFAULT_THRESHOLD,
) -> dict[str, tuple[ItemPlan, ...]]:
    """How the items of every routine play next, for the session factory.

    ``routine`` is planned as given: the roadmap may have swapped its rung into it. The history
    is replayed once.
    """
    found = replay(sessions, catalogue, threshold)
    plans = {each: plan.items for each, plan in plan_all(catalogue, (), found=found).items()}
    plans[routine.id] = plan_routine(catalogue, routine, found=found).items
    return plans


def resting_note(catalogue: Catalogue, items: Iterable[ItemPlan]) -> str | None:
    """What the player says before it starts about items left out or swapped after pain."""
    names = {e.id: e.name for e in catalogue.exercises.values()}
    out = [names.get(item.item, item.item) for item in items if item.left_out]
    swapped = [
        f"{names.get(item.exercise, item.exercise)} for {names.get(item.item, item.item)}"
        for item in items
        if item.swapped
    ]
    parts = []
    if out:
        parts.append(f"Left out today: {both(out)}.")
    if swapped:
        parts.append(f"Easier today: {both(swapped)}.")
    if not parts:
        return None
    return " ".join([*parts, f"Each hurt in {REPEATED} of its last {OF_LAST} sessions: {ASK}."])


def item_seconds(catalogue: Catalogue, item: ItemPlan) -> int:
    """Roughly how long an item plays as planned, the movement around its holds included."""
    return plan_seconds(item.planned, catalogue.movement_of(item.exercise))


def plan_json(catalogue: Catalogue, plan: RoutinePlan) -> dict[str, Any]:
    """The plan as ``lumbar plan --json`` prints it (a staged dose gives its heaviest stage)."""
    exercises = []
    for number, item in enumerate(plan.items):
        waiting = plan.waits_at(catalogue, number)
        main = max(item.planned, key=lambda stage: work((stage,)), default=None)
        exercises.append(
            {
                "exercise": item.exercise,
                "item": item.item,
                "sets": main.sets if main else 0,
                "reps": main.reps if main else 0,
                "hold": main.hold if main else 0,
                "sides": main.sides if main else "none",
                "seconds": plan.seconds(catalogue, number),
                "waits_for": waiting.gate.question if waiting and waiting.gate else None,
                "change": item.change,
                "why": item.why,
                "left_out": item.left_out,
                "locked": plan.routine.items[number].locked,
                "below_range": item.below_range,
            }
        )
    return {"routine": plan.routine.id, "exercises": exercises}


def plan_lines(catalogue: Catalogue, plan: RoutinePlan) -> list[str]:
    """The plan as ``lumbar plan`` prints it: each exercise, its dose and change, then why.

    The length counts the moves around each hold, and the time to get into position before
    each exercise, more where the position changes (lumbar's own figures, said in the last
    line).
    """
    seconds = sum(SETUP_SECONDS + plan.seconds(catalogue, n) for n in range(len(plan.items)))
    positions = [
        catalogue.exercises[item.exercise].position
        for item in plan.playing
        if item.exercise in catalogue.exercises
    ]
    seconds += sum(map(position_change_seconds, positions, positions[1:]))
    lines = [f"{plan.routine.name} ({plan.routine.id}): the next session, {about_minutes(seconds)}"]
    for number, item in enumerate(plan.items, 1):
        exercise = catalogue.exercises.get(item.exercise)
        name = exercise.name if exercise is not None else item.exercise
        if item.left_out:
            lines.append(f"{number}. {name}: left out [{item.change}]")
        else:
            below = " (below the article's range)" if item.below_range else ""
            locked = ", locked by your clinician" if plan.routine.items[number - 1].locked else ""
            lines.append(
                f"{number}. {name}: {plan_text(item.planned)}{below} [{item.change}{locked}]"
            )
        why = f"{item.why[:1].upper()}{item.why[1:]}."
        waiting = plan.waits_at(catalogue, number - 1)
        if waiting is not None and waiting.gate is not None:
            why += (
                f" {waiting.name} and after wait for your yes to: {waiting.gate.question} "
                f"(asked before it; not counted in the length)"
            )
        lines += textwrap.wrap(why, WIDTH, initial_indent="   ", subsequent_indent="   ")
    return [*lines, *textwrap.wrap(position_change_note(), WIDTH)]
