"""The player's corrections: undo, back an exercise, and the keys the footer offers right now.

``u`` takes back the last skip, "this hurts", rating or pain score for a few seconds (the
engine's :data:`~tui.session.UNDO_SECONDS`): the record is saved again, and what was answered
is asked again (the rating; the pain check before, which pauses the session meanwhile). The
footer offers only the keys that do something now: ``b`` where there is a step to go back to,
``+`` and ``-`` on a timed step (``+`` not on a hold already at the articles' longest), Enter on
a counted rep, ``u`` while an undo is in time; a timer wakes when the undo runs out, so it goes.
"""

from __future__ import annotations

from functools import partial

from textual.reactive import var

from tui.catalogue import hold_extension, largest_dose
from tui.history import high_pain_before
from tui.screens.dialogs import PainAnswer, PainCheck, score_of
from tui.screens.pain_dialogs import FlareUpDialog
from tui.screens.player_gate import GateQuestions
from tui.screens.player_keys import ADJUST_SECONDS
from tui.session import (
    PLAYER_UNDOES,
    UNDONE,
    Snapshot,
    StepKind,
    Undoable,
    flare_up_of,
)
from tui.widgets.feedback import Question

FINISHED = "now you have finished"
"""When the pain check after the session asks."""
OFFERED = (
    "count_rep",
    "start_exercise",
    "previous_step",
    "extend",
    "extend_refused",
    "shorten",
    "undo",
)
"""The player's actions offered in the footer only at some moments of the session."""


class PlayerCorrections(GateQuestions):
    """Undo, and the keys offered in the footer (a base of the player screen)."""

    question: var[Question | None]
    _offered: tuple[bool, ...] = ()

    def offers(self, action: str, snapshot: Snapshot | None = None) -> bool:
        """True when ``action`` (one of :data:`OFFERED`) does something now.

        ``snapshot`` is the moment, when the caller has one (the footer asks for every key).
        """
        if not self.engine.running:
            return False
        snapshot = snapshot or self.engine.snapshot(self.clock())
        step = snapshot.step
        if action == "count_rep":
            return step.kind is StepKind.COUNTED
        if action == "start_exercise":  # "wait for me", or a gate question left unanswered
            return (step.kind.is_lead_in or step.kind is StepKind.GATE) and not step.is_timed
        if action == "previous_step":
            return snapshot.step_index > 0
        if action == "shorten":
            return step.is_timed
        extend = step.is_timed and (not step.kind.is_rep or self.extension(snapshot)[0] > 0)
        if action in ("extend", "extend_refused"):
            return extend == (action == "extend")
        return self._undo_left(PLAYER_UNDOES) > 0

    def extension(self, snapshot: Snapshot) -> tuple[int, str]:
        """The seconds + adds to the rep in play, and what to say: see ``hold_extension``."""
        step, remaining = snapshot.step, snapshot.remaining
        hold = step.kind is StepKind.HOLD and remaining is not None
        length = snapshot.elapsed + remaining if hold and remaining is not None else None
        largest = largest_dose(self.engine.timeline.catalogue, step.exercise_id)
        return hold_extension(largest, length, ADJUST_SECONDS)

    def show_keys(self, snapshot: Snapshot) -> None:
        """Refresh the footer when the keys it offers at ``snapshot`` have changed."""
        offered = tuple(self.offers(action, snapshot) for action in OFFERED)
        if offered != self._offered:
            self._offered = offered
            self.refresh_bindings()

    def undo_wake(self, delay: float | None) -> float | None:
        """The timer's delay, shortened to wake when the undo on offer runs out."""
        left = self._undo_left(PLAYER_UNDOES)
        if left <= 0:
            return delay
        return left if delay is None else min(delay, left)

    def action_undo(self) -> None:
        """Take back the last skip, "this hurts", rating or pain score, within seconds."""
        if self._undo_left(PLAYER_UNDOES) <= 0:
            return
        undone = self.engine.undo(self.clock())
        if undone is not None:
            self._after_undo(undone)

    def _after_undo(self, undone: Undoable) -> None:
        """Save the record as it is now; ask again what was answered; say what was undone."""
        self.recorder.save()
        self.notify(UNDONE[undone.kind], timeout=3)
        index = undone.exercise_index
        if undone.kind == "feedback" and undone.feedback is None and index is not None:
            self._ask(index)
        if undone.kind == "pain-before":
            was_paused = self.engine.snapshot(self.clock()).paused
            self._act(self.engine.pause())
            self.open(PainCheck("before you start"), partial(self._pain_before_again, was_paused))
        self._act([])

    def _pain_before_again(self, was_paused: bool, answer: PainAnswer | None) -> None:
        """Keep the pain score given again; at a flare-up, say so and offer what to do."""
        pain = score_of(answer)
        if pain is not None:
            self.engine.set_pain_before(pain, self.clock())
            self.recorder.save()
        if pain is not None and high_pain_before(pain, self.threshold):
            timeline = self.engine.timeline
            flare_up = flare_up_of(timeline.catalogue, pain, self.threshold, timeline.routine_id)
            self.open(FlareUpDialog(flare_up), partial(self._flare_up_chosen, pain))
        elif not was_paused:
            self._act(self.engine.resume())

    def went_back(self) -> None:
        """After ``b``: a question about the exercise now played again goes (it is asked after)."""
        question = self.question
        playing = self.engine.snapshot(self.clock()).exercise.index
        if question is not None and question.exercise_index >= playing:
            self._close_question()

    # The session's flow (the player's) ---------------------------------------------------

    def _ask(self, exercise_index: int) -> None:
        raise NotImplementedError
