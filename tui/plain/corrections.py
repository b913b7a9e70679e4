"""The plain player's corrections: + and -, undo within seconds, and going back an exercise.

``u`` takes back the last skip, "this hurts", rating or pain score for a few seconds (the
engine's :data:`~tui.session.UNDO_SECONDS`), as in the full player: the record is saved again,
and what was answered is asked again (the rating; the pain check before, the session paused
meanwhile). :class:`PlainCorrections` is a base of the plain player. Nothing here imports
Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.catalogue import hold_extension, largest_dose
from tui.history import high_pain_before
from tui.model import Feedback
from tui.plain.asking import Asker
from tui.plain.hurting import HurtChoices
from tui.plain.lines import pain_question
from tui.plain.reps import seconds
from tui.session import (
    PLAYER_UNDOES,
    UNDONE,
    Engine,
    Event,
    SessionRecorder,
    Snapshot,
    StepKind,
    Undoable,
    UndoKind,
)

ADJUST_SECONDS = 5
"""How much + and - change the step in play (the full player's)."""


@dataclass(frozen=True)
class Question:
    """The open question after an exercise: which one, and when it lapses (a clock reading)."""

    exercise_index: int
    lapses_at: float


class PlainCorrections(HurtChoices):
    """Undo and going back (a base of the plain player, which provides the rest)."""

    engine: Engine
    recorder: SessionRecorder
    clock: Callable[[], float]
    ask: Asker
    threshold: int
    question: Question | None
    _warned: int | None

    def extend(self, snapshot: Snapshot) -> None:
        """+: 5 seconds more; a hold never past the articles' longest (a note says so)."""
        step = snapshot.step
        seconds_added, note = ADJUST_SECONDS, ""
        if step.kind.is_rep:
            seconds_added, note = self.extension(snapshot)
        if note:
            self.say(note)
        if step.is_timed and seconds_added:
            self.react(self.engine.extend(seconds_added))
            self._warned = None
            self.say_left()

    def extension(self, snapshot: Snapshot) -> tuple[int, str]:
        """The seconds + adds to the rep in play, and what to say: see ``hold_extension``."""
        step, remaining = snapshot.step, snapshot.remaining
        hold = step.kind is StepKind.HOLD and remaining is not None
        length = snapshot.elapsed + remaining if hold and remaining is not None else None
        largest = largest_dose(self.engine.timeline.catalogue, step.exercise_id)
        return hold_extension(largest, length, ADJUST_SECONDS)

    def say_left(self) -> None:
        """How long the step in play has left, after + or -."""
        snapshot = self.engine.snapshot(self.clock())
        if not snapshot.finished and snapshot.remaining is not None:
            self.say(f"{seconds(round(snapshot.remaining))} left.")

    def went_back(self) -> None:
        """After b: a question about the exercise now played again goes (it is asked after)."""
        playing = self.engine.snapshot(self.clock()).exercise.index
        if self.question is not None and self.question.exercise_index >= playing:
            self.close_question()

    def undo_left(self, kinds: Sequence[UndoKind]) -> Callable[[], float]:
        """Seconds left to undo the engine's last action, if it is one of ``kinds`` (else 0)."""

        def left() -> float:
            now = self.clock()
            undo = self.engine.undoable(now)
            return undo.seconds_left(now) if undo is not None and undo.kind in kinds else 0.0

        return left

    def undo(self) -> None:
        """u: take back the last skip, "this hurts", rating or pain score, within seconds."""
        if self.undo_left(PLAYER_UNDOES)() <= 0:
            self.say("Nothing to undo now.")
            return
        undone = self.engine.undo(self.clock())
        if undone is not None:
            self.after_undo(undone)

    def after_undo(self, undone: Undoable) -> None:
        """Save the record as it is now; say what was undone; ask again what was answered."""
        self.recorder.save()
        self.say(UNDONE[undone.kind])
        index = undone.exercise_index
        if undone.kind == "feedback" and undone.feedback is None and index is not None:
            self.ask_feedback(index)
        if undone.kind == "pain-before":
            was_paused = self.engine.snapshot(self.clock()).paused
            self.react(self.engine.pause())
            pain = self.ask.pain(pain_question("before you start"))
            if isinstance(pain, int):
                self.engine.set_pain_before(pain, self.clock())
                self.recorder.save()
                if high_pain_before(pain, self.threshold):
                    self.flare_up_again(pain)
                    return
            if not was_paused:
                self.react(self.engine.resume())

    # The plain player's ------------------------------------------------------------------

    def ask_feedback(self, exercise_index: int) -> None:
        """Ask how the exercise felt."""
        raise NotImplementedError

    def react(self, events: Sequence[Event]) -> None:
        """Save, ring and print as the engine's events say."""
        raise NotImplementedError


def feedback_words(feedback: Feedback) -> str:
    """A rating in words: ``about right``."""
    return {"easy": "easy", "right": "about right", "hard": "hard", "hurt": "it hurt"}[feedback]
