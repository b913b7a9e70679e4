"""The player's answers to pain: a flare-up before the start, "this hurts", and what comes next.

:class:`PainResponses` is the player's base: it opens the player's dialogs (waiting under the
too-small note when it must) and does what the user chooses in the dialogs about pain. The
rules are the history's; the words and the advice are in tui.session.pain (what happens next
time in pain_words.py), the dialogs in pain_dialogs.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from textual.screen import Screen

from tui.history import DEFAULT_THRESHOLD, high_pain_before
from tui.messages import PlayRoutine
from tui.model import Session
from tui.screens.dialogs import PainAnswer, score_of
from tui.screens.pain_dialogs import FlareUpAnswer, FlareUpDialog, ThisHurts
from tui.screens.pain_words import next_time_lines
from tui.screens.too_small import PLAYER_MIN_SIZE, fits
from tui.session import (
    REST_THE_FLARE_UP,
    Engine,
    Event,
    HurtAnswer,
    PlannedExercise,
    SessionRecorder,
    Undoable,
    UndoKind,
    flare_up_of,
    gentle_routine,
    hurt_of,
    settle_hurt,
)

T = TypeVar("T")

SAVE_WAIT = 1.0
"""Working out next time waits at most this long for the session's last save to be written."""


@dataclass(frozen=True)
class PlayerResult:
    """What the player hands back: the session it saved and whether it was played to the end.

    The player hands back None when no session started (stopped at a flare-up): nothing saved.
    """

    session_id: str
    complete: bool


class PainResponses(Screen[PlayerResult]):
    """The player's dialogs, and what it does about pain (the base of the player screen).

    The player provides the session's flow: ``_act``, ``_begin``, ``_finish``,
    ``_close_question`` and ``_end_chosen``.
    """

    MIN_SIZE = PLAYER_MIN_SIZE
    """The compact player goes down to this; its dialogs are held to it too."""

    def __init__(
        self,
        engine: Engine,
        recorder: SessionRecorder,
        *,
        clock: Callable[[], float],
        threshold: int = DEFAULT_THRESHOLD,
        history: Callable[[], Sequence[Session]] | None = None,
    ) -> None:
        """Respond to pain in the engine's session, reading time from ``clock``.

        A pain before at or above ``threshold`` is a flare-up; ``history`` reads the saved
        sessions, for what lumbar will do next time.
        """
        super().__init__()
        self.engine = engine
        self.recorder = recorder
        self.clock = clock
        self.threshold = threshold
        self.history = history
        self._hurting = False  # the "this hurts" dialog is up: the end of the session waits
        self._ending = False  # the session is over: the pain check after, then the summary
        self._waiting: list[tuple[Screen[Any], Callable[[Any], None]]] = []

    def open(self, dialog: Screen[T], then: Callable[[T | None], None]) -> None:
        """Open a dialog now, or once the terminal is large enough for it.

        The app covers everything with a note while the terminal is too small; a dialog the
        session opens meanwhile (the pain check at the end) waits under it till it goes.
        """
        if fits(self.app.size, self.MIN_SIZE):
            self.app.push_screen(dialog, then)
        else:
            self._waiting.append((dialog, then))

    def while_paused(self, dialog: Screen[T], then: Callable[[T | None], None]) -> None:
        """Pause for a dialog; after its answer, resume unless the user had paused already."""
        was_paused = self.engine.snapshot(self.clock()).paused
        self._act(self.engine.pause())

        def answered(answer: T | None) -> None:
            then(answer)
            if not was_paused:
                self._act(self.engine.resume())

        self.open(dialog, answered)

    def on_screen_resume(self) -> None:
        """Back on top (the note went away): open the dialog that was waiting, if any."""
        if self._waiting and fits(self.app.size, self.MIN_SIZE):
            dialog, then = self._waiting.pop(0)
            self.app.push_screen(dialog, then)

    # A flare-up --------------------------------------------------------------------------

    def _pain_before_given(self, answer: PainAnswer | None) -> None:
        """Start; but at a high pain, first say so and offer a gentle routine or stopping."""
        pain = score_of(answer)
        if pain is not None and high_pain_before(pain, self.threshold):
            timeline = self.engine.timeline
            flare_up = flare_up_of(timeline.catalogue, pain, self.threshold, timeline.routine_id)
            self.open(FlareUpDialog(flare_up), partial(self._flare_up_chosen, pain))
        else:
            self._begin(pain)

    def _flare_up_chosen(self, pain: int, answer: FlareUpAnswer | None) -> None:
        """Play the gentle routine (this one, or the app plays it instead), or stop.

        Stopping leaves before the session starts, so nothing is saved: no session is counted
        for a day when none was played. A session already started (the pain score before was
        given again after an undo) ends, saved as ended early.
        """
        gentle = gentle_routine(self.engine.timeline.catalogue)
        started = self.engine.running
        if (
            answer == "gentle"
            and gentle is not None
            and gentle.id == self.engine.timeline.routine_id
        ):
            if started:
                self._act(self.engine.resume())
            else:
                self._begin(pain)
            return
        result = None
        if started:
            self._ending = True  # no pain check after, no summary: it is stopped for today
            self._act(self.engine.quit(self.clock()))
            result = PlayerResult(self.engine.session().id, complete=False)
        self.dismiss(result)
        if answer == "gentle" and gentle is not None:
            self.app.post_message(PlayRoutine(gentle, pain_before=pain))
            return
        saved = "What you began is saved as ended early." if started else "Nothing is saved."
        self.app.notify(
            f"{saved} {REST_THE_FLARE_UP}",
            title="Stopped for today",
            markup=False,
        )

    # This hurts ---------------------------------------------------------------------------

    def action_this_hurts(self) -> None:
        """Pause; stop the exercise (or mark the one just done) as hurting; then ask what now.

        The hurt is saved at once, whatever is chosen next (even if the link drops meanwhile).
        """
        snapshot = self.engine.snapshot(self.clock())
        self._hurting = True
        self._act(self.engine.pause())
        hurt: PlannedExercise | None = snapshot.exercise
        undoes: tuple[UndoKind, ...] = ("hurt",)
        if not snapshot.step.kind.is_lead_in:
            self._act(self.engine.this_hurts(wait_if_last=True))
        else:
            hurt, undoes = self._mark_hurt(snapshot.exercise.index - 1), ("feedback",)
        dialog = ThisHurts(hurt_of(self.engine, hurt), undo_left=partial(self._undo_left, undoes))
        self.open(dialog, partial(self._hurt_answered, hurt))

    def _mark_hurt(self, index: int) -> PlannedExercise | None:
        """Save the exercise just done as hurting; None if none has been done yet."""
        try:
            self.engine.set_feedback(index, "hurt")
        except ValueError:
            return None
        self.recorder.save()
        self._close_question(index)
        return self.engine.timeline.exercises[index]

    def _hurt_answered(self, hurt: PlannedExercise | None, answer: HurtAnswer | None) -> None:
        """Do what was chosen (see ``settle_hurt``); anything but stay paused goes on (or ends)."""
        self._hurting = False
        events, undone = settle_hurt(self.engine, hurt, answer, self.clock())
        if undone is not None:
            self._after_undo(undone)
        self._act(events)
        if answer == "end":
            self._end_chosen(True)
        if self.engine.snapshot().finished:
            self._finish()

    def _undo_left(self, kinds: Sequence[UndoKind]) -> float:
        """Seconds left to undo the engine's last action, if it is one of ``kinds`` (else 0)."""
        now = self.clock()
        undo = self.engine.undoable(now)
        return undo.seconds_left(now) if undo is not None and undo.kind in kinds else 0.0

    # Next time ----------------------------------------------------------------------------

    def next_time(self, session: Session) -> Callable[[], list[str]] | None:
        """What works out, on a worker, what lumbar will do about this session's pain flags."""
        history = self.history
        if history is None:
            return None
        catalogue = self.engine.timeline.catalogue
        threshold, recorder = self.threshold, self.recorder

        def work_out() -> list[str]:
            recorder.wait(SAVE_WAIT)  # the store has the session by then, as a rule
            return next_time_lines(catalogue, history(), session, threshold)

        return work_out

    # The session's flow (the player's) ---------------------------------------------------

    def _act(self, events: Sequence[Event]) -> None:
        raise NotImplementedError

    def _begin(self, pain: int | None, *, given: bool = False) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        raise NotImplementedError

    def _close_question(self, exercise_index: int | None = None) -> None:
        raise NotImplementedError

    def _end_chosen(self, end: bool | None) -> None:
        raise NotImplementedError

    def _after_undo(self, undone: Undoable) -> None:
        raise NotImplementedError
