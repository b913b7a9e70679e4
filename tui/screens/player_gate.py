"""The player asks a stage's gate question: the dialog, and what the answer does.

When the session reaches a stage an article holds back (the Essential Guide's back extension
goes on to the elbows only once lying face down for 5 minutes without a pillow is
comfortable), the engine waits at a GATE step and the player asks, in a dialog: the question,
why it is asked and its source. Yes plays the stage now and is remembered with the session;
no ends the exercise there, recorded as waiting for that yes. Escape leaves it unanswered (the
session waits; Enter asks again): an unanswered question is never taken for a yes.
:class:`GateQuestions` is a base of the player screen.
"""

from __future__ import annotations

from textual.binding import Binding

from tui.model import Catalogue, Gate
from tui.screens.dialogs import YesNo
from tui.screens.player_pain import PainResponses
from tui.session import StepKind


def gate_note(catalogue: Catalogue, gate: Gate, stage: str) -> str:
    """What the dialog says under the question: why it is asked, what each answer does."""
    source = catalogue.sources.get(gate.source)
    named = f"{source.title} ({source.publisher})" if source is not None else gate.source
    return (
        f"{gate.why}\n\nYes: {stage} starts now, and lumbar stops asking (take it back in "
        f"Settings if your back gets worse). No: this exercise ends here for today, and "
        f"lumbar asks again next time.\n\nSource: {named}."
    )


class GateDialog(YesNo):
    """A stage's gate question; dismisses True for yes, False for no, None for not now."""

    BUTTONS = True
    AUTO_FOCUS = "#no"  # not yet is the safe answer
    HELP = """\
## A question before the next stage

**{key:gate.yes}** says yes: the stage starts, and lumbar remembers it. **{key:gate.no}** says
not yet: the exercise ends here for today. **{key:gate.later}** leaves it unanswered; the session
waits, and **Enter** asks again.
"""
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="gate.yes", tooltip="Yes: start the next stage"),
        Binding("n", "answer(False)", "Not yet", id="gate.no", tooltip="End the exercise here"),
        Binding("escape", "later", "Later", id="gate.later", tooltip="Leave it unanswered"),
    ]

    def action_later(self) -> None:
        """Close without an answer: unknown, never yes."""
        self.dismiss(None)


class GateQuestions(PainResponses):
    """Asks the gate question the session waits at, and hands the answer to the engine."""

    def ask_gate(self) -> None:
        """Ask the question of the GATE step in play (nothing at any other step)."""
        snapshot = self.engine.snapshot(self.clock())
        step = snapshot.step
        if not self.engine.at_gate or step.kind is not StepKind.GATE:
            return
        index = step.stage_number - 1
        gate = snapshot.exercise.gates[index] if index < len(snapshot.exercise.gates) else None
        if gate is None:
            return
        note = gate_note(self.engine.timeline.catalogue, gate, step.stage_name)
        where = f"{snapshot.exercise.name}, before {step.stage_name.lower()}. "
        dialog = GateDialog(gate.question, where + note)
        self.while_paused(dialog, self._gate_answered)

    def _gate_answered(self, passed: bool | None) -> None:
        """Yes or no goes to the engine (and is saved with the exercise); None waits."""
        if passed is not None:
            self._act(self.engine.answer_gate(passed, self.clock()))
