"""The one-key question after each exercise, shown as a panel while the session goes on."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.reactive import var
from textual.widget import Widget

from tui.model import Feedback
from tui.widgets.keys import with_keys
from tui.widgets.readout import Readout


@dataclass(frozen=True)
class Choice:
    """One answer: the key that gives it, what is recorded, and what the panel says."""

    key: str
    feedback: Feedback
    label: str


CHOICES = (
    Choice("1", "easy", "easy"),
    Choice("2", "right", "about right"),
    Choice("3", "hard", "hard"),
    Choice("4", "hurt", "it hurt"),
)
"""The answers, in the order the panel lists them (the player binds these keys)."""

WAIT_SECONDS = 10.0
"""How long the question stays up unanswered before it goes away on its own."""


@dataclass(frozen=True)
class Question:
    """The exercise asked about, and the clock reading at which the question lapses."""

    exercise_index: int
    name: str
    lapses_at: float


class FeedbackPrompt(Widget):
    """How did it feel? Answered with one key, skipped with Escape or by waiting.

    It never takes focus and never stops the session: the player owns the keys and the clock,
    and binds its open question here (``data_bind``); the panel shows while there is one.
    """

    question: var[Question | None] = var(None)
    """The question open (the player binds it); None hides the panel."""
    prompt: var[str] = var("")
    """The question in words."""

    def compose(self) -> ComposeResult:
        """The question on one line, the answers and their keys on the next."""
        yield Readout(id="feedback-question").data_bind(text=FeedbackPrompt.prompt)
        answers = "   ".join(
            f"{{key:player.feedback-{choice.feedback}}} {choice.label}" for choice in CHOICES
        )
        hint = with_keys(self, f"{answers}    {{key:player.escape}} skip", short=True)
        yield Readout(hint, id="feedback-choices")

    def watch_question(self, question: Question | None) -> None:
        """Show the panel with the question while there is one; hide it when there is none."""
        if question is not None:
            self.prompt = f"How did {question.name} feel? One key, or just carry on."
        self.display = question is not None
