"""One routine, played: its timeline, the engine on an injected clock, events, recorder, cues.

The facade imports a module only when one of its names is first used: the command line needs
only the speech system before the first frame, and the engine, the recorder and the rest wait
for the first session (start-up time; see BENCHMARKS.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model import homes_of, on_first_use

if TYPE_CHECKING:
    from tui.session.corrections import (
        ENDING_UNDO_WORDS,
        ENDING_UNDOES,
        PLAYER_UNDOES,
        UNDO_SECONDS,
        UNDONE,
        Undoable,
        UndoKind,
    )
    from tui.session.cues import Cues, notification_for, warning_at, window_title
    from tui.session.engine import Engine
    from tui.session.events import (
        Event,
        ExerciseDone,
        SessionDone,
        SessionEnded,
        Snapshot,
        StepStarted,
    )
    from tui.session.factory import SessionParts, build_session, routine_of_kind
    from tui.session.pain import (
        MOST_OFFERED,
        REST_THE_FLARE_UP,
        Easier,
        FlareUp,
        Hurt,
        HurtAnswer,
        easier_why,
        flare_up_of,
        gentle_routine,
        hurt_of,
        settle_hurt,
    )
    from tui.session.recorder import SessionRecorder
    from tui.session.resume import ResumedEngine, ResumeError, ResumePoint, where_text
    from tui.session.speech import Speaker, SpeechSystem, Trial, try_speech
    from tui.session.spoken import dose_words, speech_for
    from tui.session.timeline import (
        PlannedExercise,
        Step,
        StepKind,
        Timeline,
        beat_at,
        build_timeline,
    )

__all__ = [
    "ENDING_UNDOES",
    "ENDING_UNDO_WORDS",
    "MOST_OFFERED",
    "PLAYER_UNDOES",
    "REST_THE_FLARE_UP",
    "UNDONE",
    "UNDO_SECONDS",
    "Cues",
    "Easier",
    "Engine",
    "Event",
    "ExerciseDone",
    "FlareUp",
    "Hurt",
    "HurtAnswer",
    "PlannedExercise",
    "ResumeError",
    "ResumePoint",
    "ResumedEngine",
    "SessionDone",
    "SessionEnded",
    "SessionParts",
    "SessionRecorder",
    "Snapshot",
    "Speaker",
    "SpeechSystem",
    "Step",
    "StepKind",
    "StepStarted",
    "Timeline",
    "Trial",
    "UndoKind",
    "Undoable",
    "beat_at",
    "build_session",
    "build_timeline",
    "dose_words",
    "easier_why",
    "flare_up_of",
    "gentle_routine",
    "hurt_of",
    "notification_for",
    "routine_of_kind",
    "settle_hurt",
    "speech_for",
    "try_speech",
    "warning_at",
    "where_text",
    "window_title",
]

_NAMES = {
    "tui.session.corrections": (
        "ENDING_UNDO_WORDS",
        "ENDING_UNDOES",
        "PLAYER_UNDOES",
        "UNDO_SECONDS",
        "UNDONE",
        "Undoable",
        "UndoKind",
    ),
    "tui.session.cues": ("Cues", "notification_for", "warning_at", "window_title"),
    "tui.session.engine": ("Engine",),
    "tui.session.events": (
        "Event",
        "ExerciseDone",
        "SessionDone",
        "SessionEnded",
        "Snapshot",
        "StepStarted",
    ),
    "tui.session.factory": ("SessionParts", "build_session", "routine_of_kind"),
    "tui.session.pain": (
        "MOST_OFFERED",
        "REST_THE_FLARE_UP",
        "Easier",
        "FlareUp",
        "Hurt",
        "HurtAnswer",
        "easier_why",
        "flare_up_of",
        "gentle_routine",
        "hurt_of",
        "settle_hurt",
    ),
    "tui.session.recorder": ("SessionRecorder",),
    "tui.session.resume": ("ResumedEngine", "ResumeError", "ResumePoint", "where_text"),
    "tui.session.speech": ("Speaker", "SpeechSystem", "Trial", "try_speech"),
    "tui.session.spoken": ("dose_words", "speech_for"),
    "tui.session.timeline": (
        "PlannedExercise",
        "Step",
        "StepKind",
        "Timeline",
        "beat_at",
        "build_timeline",
    ),
}
"""The names each module of the package exports through the facade."""
__getattr__ = on_first_use(__name__, homes_of(_NAMES), globals())
