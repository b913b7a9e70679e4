"""Build what a player needs to play one routine: the engine, its recorder and its cues.

The caller hands in everything read from elsewhere (how each routine's items play, worked out
from their history; their settings; the saver that writes sessions), so building a session reads
nothing and writes nothing. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from tui.model import Catalogue, ItemPlan, Routine, RoutineKind, Session, Settings
from tui.session.cues import Cues
from tui.session.engine import Engine
from tui.session.recorder import SessionRecorder
from tui.session.resume import framing, resumed_engine
from tui.session.speech import Speaker, SpeechSystem
from tui.session.timeline import build_timeline
from tui.store import SessionStore


@dataclass(frozen=True)
class SessionParts:
    """One routine, ready to play: the engine, the recorder that saves it, its cues, the bell."""

    engine: Engine
    recorder: SessionRecorder
    cues: Cues
    bell: bool
    """Ring the terminal bell at each change of step (the user's setting)."""
    speaker: Speaker | None = None
    """Speaks the cues (None: speech is off, over SSH, or there is no speech command)."""


def routine_of_kind(catalogue: Catalogue, kind: RoutineKind, playing: Routine) -> Routine | None:
    """The first warm-up or cool-down routine (by ``kind``), unless it is the one played."""
    found = (r for r in catalogue.routines.values() if r.kind == kind)
    return next((r for r in found if r.id != playing.id), None)


def build_session(
    catalogue: Catalogue,
    routine: Routine,
    plans: Mapping[str, Sequence[ItemPlan]],
    settings: Settings,
    saver: SessionStore,
    *,
    clock: Callable[[], float],
    wall: Callable[[], datetime],
    phase: str | None = None,
    terminal: Callable[[str], None] | None = None,
    tmux: bool = False,
    speech: SpeechSystem | None = None,
    resuming: Session | None = None,
    passed: Collection[str] = (),
) -> SessionParts:
    """Lay out ``routine`` as ``plans`` say (per routine id) with the user's ``settings``.

    The warm-up and cool-down routines of the catalogue frame it when the settings ask for
    them; ``saver`` receives the session as it goes; ``phase`` is the roadmap phase it counts
    for; ``terminal`` receives the cues' escape sequences (through tmux when ``tmux``);
    ``speech`` is what the machine offers to speak the cues with, if the settings ask for it.
    ``resuming`` is a partial session of ``routine`` to continue (see :mod:`tui.session.resume`:
    ``plans`` are then those it began with); ResumeError says why it cannot be. ``passed``
    holds the gates the user said yes to (see :mod:`tui.session.gates`): they are not asked
    again, and neither is one answered yes in the session being continued.
    """
    warm_up = routine_of_kind(catalogue, "warm-up", routine) if settings.warm_up else None
    cool_down = routine_of_kind(catalogue, "cool-down", routine) if settings.cool_down else None
    if resuming is not None:
        said_yes = (a.gate for r in resuming.exercises for a in r.gates if a.passed)
        passed = {*passed, *said_yes}
        warm_up, cool_down = framing(
            resuming,
            settings,
            routine_of_kind(catalogue, "warm-up", routine),
            routine_of_kind(catalogue, "cool-down", routine),
        )
    timeline = build_timeline(
        catalogue,
        routine,
        plans,
        get_ready_seconds=settings.get_ready_seconds,
        wait_for_me=settings.wait_for_me,
        warm_up=warm_up,
        cool_down=cool_down,
        passed=passed,
    )
    if resuming is not None:
        engine: Engine = resumed_engine(catalogue, resuming, timeline, clock, wall)
    else:
        engine = Engine(timeline, clock, wall, phase=phase)
    return SessionParts(
        engine=engine,
        recorder=SessionRecorder(engine, saver),
        cues=Cues(terminal, settings.notify, tmux=tmux),
        bell=settings.bell,
        speaker=speech.speaker() if speech is not None and settings.speech else None,
    )
