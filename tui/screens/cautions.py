"""About the exercise in hand, one key away from the player (which pauses): cautions and notes.

The notes are the routine item's, the dose's and each stage's, and which numbers are lumbar's
choice rather than the article's.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.model import chosen_sentence
from tui.session import PlannedExercise
from tui.widgets.keys import key_hints

ALWAYS = "Whatever the exercise: stop if it hurts, and press {key:player.hurts} to say so."
"""The rule under every list of cautions (the player fills in its key)."""


def exercise_notes(exercise: PlannedExercise) -> tuple[str, ...]:
    """The notes of an exercise as played, then which of its numbers are lumbar's choice."""
    chosen = chosen_sentence(exercise.chosen)
    return (*exercise.notes, chosen) if chosen else exercise.notes


def cautions_text(cautions: tuple[str, ...], always: str, notes: tuple[str, ...] = ()) -> str:
    """The cautions as a list, then the rule that always holds, then the notes (if any)."""
    lines = [f"- {caution}" for caution in cautions] or ["- This exercise names no caution."]
    noted = ["", "Notes", *(f"- {note}" for note in notes)] if notes else []
    return "\n".join(["Cautions", *lines, "", always, *noted])


class CautionsDialog(ModalScreen[None]):
    """The cautions and notes of one exercise; any of its keys closes it and the session goes on."""

    CSS_PATH = "cautions.tcss"

    HELP = (
        "## About this exercise: cautions and notes\n\n"
        "**{keys:cautions.close|3}** goes back to the session.\n"
    )
    BINDINGS = [
        Binding("c,escape,enter", "close", "Back", id="cautions.close", tooltip="Back to it"),
    ]

    def __init__(
        self, name: str, cautions: tuple[str, ...], always: str, notes: tuple[str, ...] = ()
    ) -> None:
        """Show ``cautions`` (plain text) for the exercise ``name``, then ``always``, ``notes``."""
        super().__init__()
        self.exercise_name = name
        self.cautions = cautions
        self.always = always
        self.notes = notes

    def compose(self) -> ComposeResult:
        """The list in a box titled with the exercise, and the keys under it."""
        with VerticalScroll(id="cautions") as box:
            about = "cautions and notes" if self.notes else "cautions"
            box.border_title = Content(f"{self.exercise_name}: {about}")
            text = cautions_text(self.cautions, self.always, self.notes)
            yield Static(text, id="cautions-text", markup=False)
            yield Static(key_hints(self, self.BINDINGS), id="keys", markup=False)

    def action_close(self) -> None:
        """Back to the session."""
        self.dismiss(None)
