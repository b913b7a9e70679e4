"""The steps of one rep: a hold with the movement around it, a paced rep with its beats, or a count.

A held rep plays as a movement: move into position (a SHIFT step), hold, move to the next
position and hold again when the rep has several, then come out of it. The time to move is
the exercise's own (``Movement.seconds`` in the catalogue) or lumbar's default of
``MOVE_SECONDS``. An alternating paced rep crosses to the other side on a short SHIFT step
first; an alternating held rep needs none (it comes out of one side and goes into the other),
so its move in names the side. A paced rep carries its exercise's beats, spread over its tempo
on whole seconds where the tempo allows. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.model import COUNTED_REP_SECONDS, Movement, StagePlan
from tui.session.kinds import Shift, StepKind, switch_cue

if TYPE_CHECKING:
    from tui.session.timeline import Step

GENERIC_CUES = {"hold": "Hold", "move": "Lift and lower", "counted": "Do one rep, then count it"}
"""The cue of a rep when neither the dose nor the exercise says what to do."""
GENERIC_MOVES = {
    "into": "Move slowly into position",
    "between": "Move slowly into the next position",
    "out": "Slowly come back out of it",
}
"""How to move around a hold when the exercise does not say."""


def rep_steps(where: Step, plan: StagePlan, movement: Movement, *, crossing: bool) -> list[Step]:
    """The steps of one rep on one side (``where`` holds its counters and its stage cue).

    ``crossing``: the rep before was on the other side of an alternating dose.
    """
    if plan.hold == 0 and plan.tempo == 0:
        estimate = COUNTED_REP_SECONDS * max(1, len(plan.positions))
        cue = where.cue or GENERIC_CUES["counted"]
        return [replace(where, kind=StepKind.COUNTED, cue=cue, estimate=estimate, ends_rep=True)]
    if plan.hold == 0:
        return _paced(where, plan, movement, crossing=crossing)
    return _held(where, plan, movement, crossing=crossing)


def _paced(where: Step, plan: StagePlan, movement: Movement, *, crossing: bool) -> list[Step]:
    """A paced rep: one MOVE step per position with the exercise's cue and beats."""
    cues = plan.positions or (where.cue or movement.cue or GENERIC_CUES["move"],)
    steps = []
    if crossing and where.side is not None and movement.seconds > 0:
        cue = switch_cue(where.side)
        steps.append(_shift(where, "switch", cue, movement.seconds, 1, len(cues)))
    for number, cue in enumerate(cues, 1):
        steps.append(
            replace(
                where,
                kind=StepKind.MOVE,
                cue=cue,
                duration=plan.tempo,
                estimate=plan.tempo,
                position_number=number,
                position_count=len(cues),
                ends_rep=number == len(cues),
                rep_span=number,
                beats=movement.beats,
            )
        )
    return steps


def _held(where: Step, plan: StagePlan, movement: Movement, *, crossing: bool) -> list[Step]:
    """A held rep: move into position, hold each position (moving between), come out of it."""
    cues = plan.positions or (where.cue or GENERIC_CUES["hold"],)
    count = len(cues)
    into = movement.into or GENERIC_MOVES["into"]
    if plan.sides == "alternate" and where.side is not None:
        into = f"{where.side.capitalize()} side: {into[:1].lower()}{into[1:]}"
    moving = movement.seconds > 0
    steps = [_shift(where, "into", into, movement.seconds, 1, count)] if moving else []
    first = len(steps)  # the rep's first hold (a move into it is not part of its work)
    for number, cue in enumerate(cues, 1):
        if number > 1 and movement.between > 0:
            between = GENERIC_MOVES["between"]
            steps.append(_shift(where, "between", between, movement.between, number, count))
        steps.append(
            replace(
                where,
                kind=StepKind.HOLD,
                cue=cue,
                duration=plan.hold,
                estimate=plan.hold,
                position_number=number,
                position_count=count,
                ends_rep=number == count,
                rep_span=len(steps) - first + 1,
            )
        )
    if moving:
        out = movement.out or GENERIC_MOVES["out"]
        steps.append(_shift(where, "out", out, movement.seconds, count, count))
    return steps


def _shift(where: Step, shift: Shift, cue: str, seconds: int, number: int, count: int) -> Step:
    """A timed move around a rep's holds; not a rep itself (see ``StepKind.is_rep``)."""
    return replace(
        where,
        kind=StepKind.SHIFT,
        shift=shift,
        cue=cue,
        duration=seconds,
        estimate=seconds,
        position_number=number,
        position_count=count,
        ends_rep=False,
    )


def beat_starts(step: Step) -> tuple[float, ...]:
    """When each of a step's beats starts, in seconds into the step (empty without beats).

    The beats share the step's seconds evenly; they start on whole seconds whenever there are
    no more beats than seconds (5 s in 2 beats: at 0 and 2), else on even fractions.
    """
    count, seconds = len(step.beats), step.duration or 0
    if count == 0 or seconds == 0:
        return ()
    if count <= seconds:
        return tuple(float(number * seconds // count) for number in range(count))
    return tuple(number * seconds / count for number in range(count))


def beat_at(step: Step, elapsed: float) -> tuple[int, str] | None:
    """The beat of a paced rep at ``elapsed`` seconds into it: its index (from 0) and word.

    None for a step without beats, or before it starts; past its planned time (a step given
    more time) the last beat holds.
    """
    starts = beat_starts(step)
    if not starts or elapsed < 0:
        return None
    index = max(number for number, start in enumerate(starts) if start <= elapsed)
    return index, step.beats[index]
