"""All the cautions of the exercise in hand, one key away from the player (which pauses)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.widgets.keys import key_hints

ALWAYS = "Whatever the exercise: stop if it hurts, and press {key:player.hurts} to say so."
"""The rule under every list of cautions (the player fills in its key)."""


def cautions_text(cautions: tuple[str, ...], always: str) -> str:
    """The cautions as a list, then the rule that always holds."""
    lines = [f"- {caution}" for caution in cautions] or ["- This exercise names no caution."]
    return "\n".join([*lines, "", always])


class CautionsDialog(ModalScreen[None]):
    """The cautions of one exercise; any of its keys closes it and the session carries on."""

    CSS_PATH = "cautions.tcss"

    HELP = "## Cautions\n\n**{keys:cautions.close|3}** goes back to the session.\n"
    BINDINGS = [
        Binding("c,escape,enter", "close", "Back", id="cautions.close", tooltip="Back to it"),
    ]

    def __init__(self, name: str, cautions: tuple[str, ...], always: str) -> None:
        """Show ``cautions`` (plain text) for the exercise ``name``, then ``always``."""
        super().__init__()
        self.exercise_name = name
        self.cautions = cautions
        self.always = always

    def compose(self) -> ComposeResult:
        """The list in a box titled with the exercise, and the keys under it."""
        with VerticalScroll(id="cautions") as box:
            box.border_title = Content(f"Cautions: {self.exercise_name}")
            text = cautions_text(self.cautions, self.always)
            yield Static(text, id="cautions-text", markup=False)
            yield Static(key_hints(self, self.BINDINGS), id="keys", markup=False)

    def action_close(self) -> None:
        """Back to the session."""
        self.dismiss(None)
