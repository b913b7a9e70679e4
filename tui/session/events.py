"""What the session engine reports: the events of a session and a snapshot of one moment.

Times named ``at`` are readings of the engine's monotonic clock, in seconds. Nothing here
imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.model import ExerciseResult, Session
from tui.session.timeline import PlannedExercise, Step

StepEnd = Literal["time", "next", "counted", "back", "skipped", "hurt", "quit", "replaced"]


@dataclass(frozen=True)
class StepStarted:
    """A step began (the screens ring a bell)."""

    index: int
    step: Step
    at: float


@dataclass(frozen=True)
class StepDone:
    """A step ended: its time ran out, the user moved on, or the exercise or session ended."""

    index: int
    step: Step
    at: float
    reason: StepEnd


@dataclass(frozen=True)
class ExerciseDone:
    """An exercise ended (done, skipped, hurt or stopped); the store saves the session."""

    index: int
    result: ExerciseResult
    easier: tuple[str, ...]
    at: float


@dataclass(frozen=True)
class SessionDone:
    """The last exercise ended: the session is complete."""

    session: Session
    at: float


@dataclass(frozen=True)
class SessionEnded:
    """The user quit before the end: the session is partial."""

    session: Session
    at: float


Event = StepStarted | StepDone | ExerciseDone | SessionDone | SessionEnded


@dataclass(frozen=True)
class Snapshot:
    """Everything a screen shows at one moment; the step and exercise carry the static parts.

    ``remaining`` is None for a counted rep and never negative. Session times exclude pauses;
    ``progress`` runs from 0 to 1 by planned time.
    """

    exercise: PlannedExercise
    exercise_count: int
    step: Step
    step_index: int
    step_count: int
    remaining: float | None
    elapsed: float
    progress: float
    session_elapsed: float
    session_remaining: float
    started: bool
    paused: bool
    finished: bool
    complete: bool
