"""``lumbar play ROUTINE --plain``: the red-flag gate, the session, a clean end however it stops.

The session is built from the same plans, settings and gates as the app's player, and saved by
the same background saver, so the record is the same. A hang-up (SIGHUP and the other signals
the app catches), Ctrl+C and the end of input all end it the same way: the session so far is
saved as ended early, one line says so, and the exit status says why (128 + the signal, 130 for
Ctrl+C, 1 for input that ended mid-session). Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from types import FrameType

from tui.history import passed_gates, plans_for, resting_note
from tui.model import Catalogue, Routine
from tui.plain.asking import Asker
from tui.plain.keys import Keys
from tui.plain.player import PlainPlayer
from tui.plain.safety import NOT_ADVICE, open_the_gate
from tui.session import build_session, gentle_routine
from tui.store import SessionSaver, Store, StoreError, keep_unsaved

HANG_UPS = tuple(
    getattr(signal, name)
    for name in ("SIGHUP", "SIGTERM", "SIGQUIT", "SIGUSR1", "SIGUSR2")
    if hasattr(signal, name)
)
"""The signals that mean the process is going away (the same as the app's)."""
SAVE_WAIT = 5.0
"""Seconds the end waits for the saves still being written (lumbar's own figure)."""
INTERRUPTED = 128 + signal.SIGINT
"""The exit status after Ctrl+C, as a shell reports it."""
STOPPED_BY_INPUT = 1
"""The exit status when the input ended, or the output went, in the middle of a session."""
NOT_STARTED = 1
"""The exit status when no session could start (a red-flag yes, nothing left to play)."""


class HungUp(Exception):
    """The terminal or the link went, or the process was told to stop (a signal)."""

    def __init__(self, signum: int) -> None:
        """The signal that came."""
        super().__init__(signum)
        self.signum = signum


def write_out(text: str) -> None:
    """Write to standard output at once (a screen reader reads each line as it comes)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def local_now() -> datetime:
    """The wall clock: now, in the user's time zone."""
    return datetime.now().astimezone()


@contextlib.contextmanager
def hang_ups_raise() -> Iterator[None]:
    """While inside, a hang-up raises :class:`HungUp` where the player is (main thread)."""

    def hung_up(signum: int, frame: FrameType | None) -> None:
        raise HungUp(signum)

    before = {signum: signal.signal(signum, hung_up) for signum in HANG_UPS}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def signals_kept() -> Iterator[None]:
    """Whatever is done to Ctrl+C and the hang-up signals inside, they are as they were after."""
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, *HANG_UPS)}
    try:
        yield
    finally:
        for signum, handler in before.items():
            if handler is not None:
                signal.signal(signum, handler)


def hold_signals() -> None:
    """Ignore Ctrl+C and hang-ups from now on: the last save must not be cut short."""
    for signum in (signal.SIGINT, *HANG_UPS):
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signum, signal.SIG_IGN)


@dataclass
class PlainRun:
    """One plain run: the catalogue (with the user's routines), the store, clocks and I/O."""

    catalogue: Catalogue
    store: Store
    keys: Keys
    write: Callable[[str], None]
    clock: Callable[[], float] = time.monotonic
    wall: Callable[[], datetime] = local_now
    player: PlainPlayer | None = None

    def say(self, line: str) -> None:
        """Print one line (nowhere, once the output is gone)."""
        with contextlib.suppress(OSError):
            self.write(f"{line}\n")

    def play(self, routine: Routine) -> int:
        """Play ``routine`` (then the gentle routine, if chosen at a flare-up); the exit status."""
        ask = Asker(self.keys, self.say, self.clock)
        self.say(f"{NOT_ADVICE} Stop any exercise that causes sharp, shooting or burning pain.")
        saver = SessionSaver(self.store, on_error=self.not_saved)
        with signals_kept():
            return self.play_until_the_end(routine, ask, saver)

    def play_until_the_end(self, routine: Routine, ask: Asker, saver: SessionSaver) -> int:
        """Play, then end cleanly however it stops (see the module's docstring)."""
        status, why = 0, ""
        try:
            with hang_ups_raise():
                if not open_the_gate(self.catalogue, self.store, ask, self.wall):
                    self.say("No session started.")
                    return NOT_STARTED
                status = self.sessions(routine, saver)
        except KeyboardInterrupt:
            status, why = INTERRUPTED, "Interrupted"
        except HungUp as hung_up:
            status, why = 128 + hung_up.signum, "The terminal went away"
        except StoreError as error:
            status, why = NOT_STARTED, str(error)
        except (EOFError, OSError):
            over = self.player is not None and self.player.engine.snapshot().finished
            status, why = (0 if over else STOPPED_BY_INPUT), "The input ended"
        finally:
            hold_signals()
            self.end(saver, why)
        return status

    def sessions(self, routine: Routine | None, saver: SessionSaver) -> int:
        """Play the routine, and the gentle one after it if a flare-up chose it."""
        pain: int | None = None
        while routine is not None:
            player = self.player_for(routine, saver, pain)
            if player is None:
                return NOT_STARTED
            end = player.play()
            if end.gentle_pain is None:
                return 0 if end.session is not None else NOT_STARTED
            pain, routine = end.gentle_pain, gentle_routine(self.catalogue)
            self.say(f"Playing {routine.name if routine else 'nothing'} instead.")
        return NOT_STARTED

    def player_for(
        self, routine: Routine, saver: SessionSaver, pain: int | None
    ) -> PlainPlayer | None:
        """The plain player on ``routine`` as the coach plans it (None: nothing to play)."""
        settings, history = self.store.settings(), self.store.sessions()
        threshold = settings.pain_threshold
        plans = plans_for(self.catalogue, routine, history, threshold)
        note = resting_note(self.catalogue, plans[routine.id])
        if note is not None:
            self.say(note)
        if all(item.left_out for item in plans[routine.id]):
            self.say(f"Nothing of {routine.name} plays today: no session started.")
            return None
        parts = build_session(
            self.catalogue,
            routine,
            plans,
            settings,
            saver,
            clock=self.clock,
            wall=self.wall,
            passed=passed_gates(history, settings),
        )
        self.player = PlainPlayer(
            parts.engine,
            parts.recorder,
            clock=self.clock,
            keys=self.keys,
            write=self.write,
            threshold=threshold,
            bell=parts.bell,
            pain_before=pain,
        )
        return self.player

    def end(self, saver: SessionSaver, why: str) -> None:
        """Save the session as it stands (ended early if it was running) and say so once."""
        player = self.player
        started = player is not None and player.engine.running
        if player is not None:
            player.abandon()
        if not saver.close(SAVE_WAIT):
            self.keep(saver)
        elif why and started:
            self.say(f"{why}: the session so far is saved, as ended early.")
        elif why:
            self.say(f"{why}.")

    def keep(self, saver: SessionSaver) -> None:
        """Keep beside the data file what could not be written into it (another lumbar held it)."""
        unsaved = saver.unsaved()
        try:
            kept = keep_unsaved(self.store.path, unsaved)
        except StoreError as error:
            self.say(f"lumbar could not save the session: {error}")
            return
        self.say(
            f"lumbar could not write the session to {self.store.path}: it is kept in {kept} "
            "and added the next time lumbar starts."
        )

    def not_saved(self, error: Exception) -> None:
        """A save failed (it is tried again at the next one): say so."""
        self.say(f"lumbar could not save the session just now ({error}); it tries again.")
