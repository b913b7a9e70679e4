"""What starting a session needs of the app, and the session's parts built from it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime
from typing import Protocol

from tui.model import Catalogue, ItemPlan, Routine, Session, Settings
from tui.session import SessionParts, SpeechSystem, build_session
from tui.store import SessionStore, Store


class SessionHost(Protocol):
    """What starting or continuing a session needs of the app: catalogue, store, clocks, cues."""

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue, with the user's routines."""

    @property
    def store(self) -> Store:
        """The user's file."""

    @property
    def saver(self) -> SessionStore:
        """Where the session is saved as it goes."""

    @property
    def clock(self) -> Callable[[], float]:
        """The monotonic clock."""

    @property
    def wall(self) -> Callable[[], datetime]:
        """The wall clock, in the user's time zone."""

    @property
    def terminal(self) -> Callable[[str], None] | None:
        """Where the cues' escape sequences go."""

    @property
    def tmux(self) -> bool:
        """True when the cues must pass through tmux."""

    @property
    def speech(self) -> SpeechSystem | None:
        """What the machine offers to speak cues with (None: nothing)."""


def session_parts(
    app: SessionHost,
    routine: Routine,
    plans: Mapping[str, Sequence[ItemPlan]],
    settings: Settings,
    *,
    phase: str | None = None,
    resuming: Session | None = None,
    passed: Collection[str] = (),
) -> SessionParts:
    """The session factory's parts for ``routine`` (see :func:`tui.session.build_session`).

    The app gives its catalogue, saver, clocks and terminal; ``resuming`` continues a session;
    ``passed`` holds the gates the user said yes to.
    """
    return build_session(
        app.catalogue,
        routine,
        plans,
        settings,
        app.saver,
        clock=app.clock,
        wall=app.wall,
        phase=phase,
        terminal=app.terminal,
        tmux=app.tmux,
        speech=app.speech,
        resuming=resuming,
        passed=passed,
    )
