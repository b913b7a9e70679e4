"""Dose steps: how a dose moves up or down one step, and how heavy a dose is.

These are lumbar's own rules (no article gives them), written to be ones a physiotherapist
would sign:

- **Work** is the seconds of effort in a dose: every rep of every set on every side, times
  the seconds each rep takes (its hold, or its tempo, or about three seconds when counted),
  once per position. Rests do not count.
- **One step up** moves one variable, in the order reps, then hold, then sets, and adds no
  more than a quarter (``MOST_MORE``) of the work, and no more than a quarter of that
  variable (or one unit, when a quarter is less than one). Reps and holds stay inside the
  routine's range. A step that adds a rep may shorten the hold, within its range, to stay
  inside a quarter; a step that adds a set may lower the reps of each set, even below the
  range, for the same reason (2 x 7 after 1 x 12). When no variable can move within those
  limits, the dose stays where it is.
- **One step down** takes about a fifth off: fewer reps first (down to one), then a shorter
  hold (down to one second), then fewer sets. Below the range's low end is allowed: that is
  how a fixed dose steps down after pain. Every stage of a staged dose steps down together.
- **The ladder** of a dose is every step up from its low end to the top, and every step down
  from its low end to the floor (one rep of one second in one set). A level is a position on
  it: 0 is the low end, +n n steps up, -n n steps below the low end.

Nothing here imports Textual.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from msgspec.structs import replace

from tui.model.catalogue import COUNTED_REP_SECONDS, Counts, Dose
from tui.model.movement import STILL, Movement
from tui.model.records import StagePlan, plan_dose

MOST_MORE = 0.25
"""The most a step up may add, as a fraction of the work (and of the variable it moves)."""
DOWN_TO = 0.8
"""A step down keeps about this fraction of the variable it lowers."""
MOST_STEPS_DOWN = 6
"""How many steps below the low end the ladder goes, at most."""

Plans = tuple[StagePlan, ...]


def rep_seconds(plan: StagePlan) -> int:
    """The seconds of effort one rep on one side takes: hold, tempo or a counted rep.

    The movement into and out of a hold is not effort here: work (and so every step up or
    down, and the "never heavier" rule) weighs the holds alone; ``plan_seconds`` adds it.
    """
    each = plan.hold or plan.tempo or COUNTED_REP_SECONDS
    return each * max(1, len(plan.positions))


def stage_work(plan: StagePlan) -> int:
    """The seconds of effort in one stage: reps x sides x sets x seconds a rep."""
    return plan.total_reps * rep_seconds(plan)


def work(plans: Sequence[StagePlan]) -> int:
    """The seconds of effort in a whole dose, every stage included (rests left out)."""
    return sum(stage_work(plan) for plan in plans)


def plan_seconds(plans: Sequence[StagePlan], movement: Movement = STILL) -> int:
    """Roughly how long a dose plays: its work, the rests, and the ``movement`` around holds."""
    total = 0
    for plan in plans:
        reps = plan.reps * plan.side_count
        per_set = reps * rep_seconds(plan) + (reps - 1) * plan.rest_reps
        per_set += movement.per_set(
            reps=plan.reps,
            sides=plan.sides,
            hold=plan.hold,
            tempo=plan.tempo,
            positions=len(plan.positions),
        )
        total += plan.sets * per_set + (plan.sets - 1) * plan.rest_sets
    return total


def _most(value: int) -> int:
    """The largest value one step may move ``value`` to: a quarter more, or one more."""
    return max(value + 1, math.floor(value * (1 + MOST_MORE)))


def _up_stage(counts: Counts, plan: StagePlan, budget: int) -> StagePlan | None:
    """One step up for one stage, adding at most ``budget`` seconds of work (None: no step)."""
    before = stage_work(plan)
    hold = counts.hold

    def fits(candidate: StagePlan) -> bool:
        return before < stage_work(candidate) <= before + budget

    # Reps: the largest count within the range and both limits.
    for reps in range(min(counts.reps.high, _most(plan.reps)), plan.reps, -1):
        if fits(candidate := replace(plan, reps=reps)):
            return candidate
    # One more rep, with a shorter hold inside its range.
    if plan.reps < counts.reps.high and hold is not None:
        for seconds in range(plan.hold - 1, hold.low - 1, -1):
            if fits(candidate := replace(plan, reps=plan.reps + 1, hold=seconds)):
                return candidate
    # Hold: the longest within the range and both limits.
    if hold is not None:
        for seconds in range(min(hold.high, _most(plan.hold)), plan.hold, -1):
            if fits(candidate := replace(plan, hold=seconds)):
                return candidate
    # One more set, with fewer reps in each.
    if plan.sets < counts.sets.high:
        for reps in range(plan.reps, 0, -1):
            if fits(candidate := replace(plan, sets=plan.sets + 1, reps=reps)):
                return candidate
    return None


def step_up(counts: Sequence[Counts], plans: Plans) -> Plans | None:
    """One step up for a dose: the first stage that can move, moves (None at the top)."""
    budget = math.floor(work(plans) * MOST_MORE)
    for index, (stage, plan) in enumerate(zip(counts, plans, strict=True)):
        moved = _up_stage(stage, plan, max(budget, 1))
        if moved is not None:
            return (*plans[:index], moved, *plans[index + 1 :])
    return None


def _lower(value: int) -> int:
    """About a fifth less, at least one less, never below one."""
    return max(1, min(value - 1, math.floor(value * DOWN_TO)))


def _down_stage(plan: StagePlan) -> StagePlan | None:
    """One step down for one stage: fewer reps, then a shorter hold, then fewer sets."""
    if plan.reps > 1:
        return replace(plan, reps=_lower(plan.reps))
    if plan.hold > 1:
        return replace(plan, hold=_lower(plan.hold))
    if plan.sets > 1:
        return replace(plan, sets=plan.sets - 1)
    return None


def step_down(plans: Plans) -> Plans | None:
    """One step down for a dose: every stage that can go lower does (None at the floor)."""
    lowered = tuple(_down_stage(plan) for plan in plans)
    if all(stage is None for stage in lowered):
        return None
    pairs = zip(plans, lowered, strict=True)
    return tuple(plan if stage is None else stage for plan, stage in pairs)


@dataclass(frozen=True)
class Ladder:
    """Every dose a routine item can be played at, from the floor to the top of its ranges."""

    up: tuple[Plans, ...]
    """The low end of the ranges first, then each step up to the top."""
    down: tuple[Plans, ...]
    """Each step below the low end, the nearest first."""

    @property
    def top(self) -> int:
        """The highest level."""
        return len(self.up) - 1

    @property
    def bottom(self) -> int:
        """The lowest level (zero or negative)."""
        return -len(self.down)

    def clamp(self, level: int) -> int:
        """The level held inside the ladder."""
        return min(max(level, self.bottom), self.top)

    def at(self, level: int) -> Plans:
        """The dose at a level (0 the low end, negative below it), held inside the ladder."""
        level = self.clamp(level)
        return self.up[level] if level >= 0 else self.down[-level - 1]


@lru_cache(maxsize=512)
def ladder(dose: Dose) -> Ladder:
    """The ladder of a dose (see the module docstring); worked out once per dose."""
    counts = dose.plan()
    up = [plan_dose(dose, 0.0)]
    while (higher := step_up(counts, up[-1])) is not None:
        up.append(higher)
    down: list[Plans] = []
    lower = step_down(up[0])
    while lower is not None and len(down) < MOST_STEPS_DOWN:
        down.append(lower)
        lower = step_down(lower)
    return Ladder(tuple(up), tuple(down))


def no_heavier(dose: Dose, limit: int) -> Plans | None:
    """A dose stepped down from its low end until it has no more than ``limit`` seconds of work.

    This is how an easier variant is offered after "this hurts": never heavier than what hurt.
    None when even the floor is heavier.
    """
    plans: Plans | None = ladder(dose).at(0)
    while plans is not None and work(plans) > limit:
        plans = step_down(plans)
    return plans


DoseChange = Literal["up", "same", "down", "new"]
"""How a dose compares with the last time its routine was played."""


@dataclass(frozen=True)
class ItemPlan:
    """How one item of a routine plays next time, and why, in plain words."""

    item: str
    """The routine item's exercise."""
    exercise: str
    """The exercise that plays: the item's, or an easier variant swapped in after pain."""
    planned: Plans
    """The dose to play; empty when the item is left out."""
    rung: int = 0
    """Its level on the ladder of the routine's dose (0 the low end; below 0 below it)."""
    change: DoseChange = "new"
    why: str = ""

    @property
    def left_out(self) -> bool:
        """True when the item does not play this time."""
        return not self.planned

    @property
    def swapped(self) -> bool:
        """True when an easier variant plays in its place."""
        return self.exercise != self.item

    @property
    def below_range(self) -> bool:
        """True when the dose is below the low end of the article's range."""
        return self.rung < 0 and not self.swapped
