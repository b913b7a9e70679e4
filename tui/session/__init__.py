"""One routine, played: its timeline, the engine on an injected clock, events, recorder, cues."""

from __future__ import annotations

from tui.session.cues import (
    Cues,
    notification_for,
    window_title,
)
from tui.session.engine import (
    Engine,
)
from tui.session.events import (
    Event,
    ExerciseDone,
    SessionDone,
    SessionEnded,
    Snapshot,
    StepStarted,
)
from tui.session.factory import (
    SessionParts,
    build_session,
    routine_of_kind,
)
from tui.session.recorder import (
    SessionRecorder,
)
from tui.session.resume import (
    ResumedEngine,
    ResumeError,
    ResumePoint,
    where_text,
)
from tui.session.timeline import (
    PlannedExercise,
    Step,
    StepKind,
    build_timeline,
)

__all__ = [
    "Cues",
    "Engine",
    "Event",
    "ExerciseDone",
    "PlannedExercise",
    "ResumeError",
    "ResumePoint",
    "ResumedEngine",
    "SessionDone",
    "SessionEnded",
    "SessionParts",
    "SessionRecorder",
    "Snapshot",
    "Step",
    "StepKind",
    "StepStarted",
    "build_session",
    "build_timeline",
    "notification_for",
    "routine_of_kind",
    "where_text",
    "window_title",
]
