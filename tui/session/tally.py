"""What the engine tallies for the exercise in play, step by step, and the record it becomes.

Tallies are kept per step, so a step played again (after "back") replaces what it did the
first time instead of adding to it. Nothing here imports Textual.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from tui.model import ExerciseResult, Outcome
from tui.session.timeline import PlannedExercise, Step, StepKind


def half_up(value: float) -> int:
    """Round to the nearest whole number, halves up (so adding whole numbers commutes with it)."""
    return math.floor(value + 0.5)


def check_pain(score: int) -> int:
    """A pain score, checked to be a whole number from 0 to 10."""
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
        raise ValueError(f"a pain score is a whole number from 0 to 10, not {score!r}")
    return score


@dataclass
class ExerciseTally:
    """What has been done of the exercise in play, by step index."""

    index: int
    started_at: datetime
    reps: set[int] = field(default_factory=set)
    held: dict[int, float] = field(default_factory=dict)
    added: dict[int, float] = field(default_factory=dict)

    def forget(self, step_index: int) -> None:
        """Drop what a step did, because it is about to be played again."""
        self.reps.discard(step_index)
        self.held.pop(step_index, None)
        self.added.pop(step_index, None)

    def record(
        self, step_index: int, step: Step, active: float, extension: float, *, completed: bool
    ) -> None:
        """Keep what a step did: a hold's time held and seconds added, and a completed rep."""
        if step.kind is StepKind.HOLD and step.duration is not None:
            self.held[step_index] = min(active, max(0.0, step.duration + extension))
            self.added[step_index] = extension
        if step.ends_rep and completed:
            self.reps.add(step_index)

    def result(
        self, exercise: PlannedExercise, outcome: Outcome, ended_at: datetime
    ) -> ExerciseResult:
        """The record of the exercise, ended at ``ended_at`` with ``outcome``."""
        return ExerciseResult(
            exercise=exercise.id,
            routine=exercise.routine or None,
            rung=exercise.rung,
            planned=exercise.planned,
            reps_done=len(self.reps),
            seconds_held=half_up(sum(self.held.values())),
            seconds_added=half_up(sum(self.added.values())),
            outcome=outcome,
            started_at=self.started_at,
            ended_at=ended_at,
        )
