"""What the engine tallies for the exercise in play, step by step, and the record it becomes.

Tallies are kept per step, so a step played again (after "back") replaces what it did the
first time instead of adding to it. A rep is done when each of its holds, moves or counts ran
its time (after any + or -) or was counted; next before the time is up leaves it undone, and a
hold ended before its planned seconds is cut short. The moves around a hold (SHIFT steps) are
not the rep's work: skipping one neither undoes the rep nor cuts its hold. Nothing here imports
Textual.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from tui.model import ExerciseResult, GateAnswer, Outcome
from tui.session.events import StepEnd
from tui.session.timeline import PlannedExercise, Step, StepKind


def half_up(value: float) -> int:
    """Round to the nearest whole number, halves up (so adding whole numbers commutes with it)."""
    return math.floor(value + 0.5)


def check_pain(score: int) -> int:
    """A pain score, checked to be a whole number from 0 to 10."""
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
        raise ValueError(f"a pain score is a whole number from 0 to 10, not {score!r}")
    return score


HELD_TOLERANCE = 0.5
"""A hold ended this close to its planned seconds counts as held in full (a key pressed in the
last half second, or a clock reading a hair short)."""


def step_done(step: Step, active: float, reason: StepEnd) -> bool:
    """True when a rep's step was done: its time ran out, or it was counted.

    Next counts too once the step's planned time is up (a step given more time with +).
    """
    if not step.kind.is_rep or reason not in ("time", "counted", "next"):
        return False
    if reason != "next":
        return True
    return step.duration is not None and active >= step.duration - HELD_TOLERANCE


@dataclass
class ExerciseTally:
    """What has been done of the exercise in play, by step index.

    ``done`` holds the rep steps done (see :func:`step_done`); ``reps`` maps the last step of
    each rep played to all of its steps (a rep may hold several positions, with moves between),
    so a rep counts as done only when every one of its work steps (``work``) was; ``cut`` holds
    the holds that ended before their planned seconds.
    """

    index: int
    started_at: datetime
    done: set[int] = field(default_factory=set)
    reps: dict[int, range] = field(default_factory=dict)
    work: set[int] = field(default_factory=set)
    cut: set[int] = field(default_factory=set)
    held: dict[int, float] = field(default_factory=dict)
    added: dict[int, float] = field(default_factory=dict)
    gates: dict[int, GateAnswer] = field(default_factory=dict)
    """The gate questions answered, by the step that asked."""

    def forget(self, step_index: int) -> None:
        """Drop what a step did, because it is about to be played again."""
        self.done.discard(step_index)
        self.reps.pop(step_index, None)
        self.cut.discard(step_index)
        self.held.pop(step_index, None)
        self.added.pop(step_index, None)
        self.gates.pop(step_index, None)

    def record(
        self, step_index: int, step: Step, active: float, extension: float, reason: StepEnd
    ) -> None:
        """Keep what a step did: time held, seconds added, a hold cut short, a rep's step done."""
        if step.kind is StepKind.HOLD and step.duration is not None:
            held = min(active, max(0.0, step.duration + extension))
            self.held[step_index] = held
            self.added[step_index] = extension
            if held < step.duration - HELD_TOLERANCE:
                self.cut.add(step_index)
        if step.kind.is_rep:
            self.work.add(step_index)
        if step_done(step, active, reason):
            self.done.add(step_index)
        if step.ends_rep:
            self.reps[step_index] = range(step_index - step.rep_span + 1, step_index + 1)

    @property
    def reps_done(self) -> int:
        """The reps played with every one of their work steps done (the moves between aside)."""
        return sum(
            all(i in self.done for i in steps if i in self.work) for steps in self.reps.values()
        )

    def result(
        self, exercise: PlannedExercise, outcome: Outcome, ended_at: datetime
    ) -> ExerciseResult:
        """The record of the exercise, ended at ``ended_at`` with ``outcome``.

        An exercise played to its end ("done") with a rep left undone or a hold cut short is
        recorded as "cut": it was not done in full.
        """
        reps_done = self.reps_done
        planned_reps = sum(stage.total_reps for stage in exercise.planned)
        if outcome == "done" and (reps_done < planned_reps or self.cut):
            outcome = "cut"
        return ExerciseResult(
            exercise=exercise.id,
            routine=exercise.routine or None,
            rung=exercise.rung,
            planned=exercise.planned,
            reps_done=reps_done,
            seconds_held=half_up(sum(self.held.values())),
            seconds_added=half_up(sum(self.added.values())),
            holds_cut=len(self.cut),
            outcome=outcome,
            started_at=self.started_at,
            ended_at=ended_at,
            gates=tuple(self.gates[index] for index in sorted(self.gates)),
        )
