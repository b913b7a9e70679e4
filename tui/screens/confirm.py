"""A yes-or-no question in a dialog, for changes that cannot be undone (delete, discard)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.screens.dialogs import key_hints


class Confirm(ModalScreen[bool]):
    """Ask before doing something that cannot be undone; True means do it."""

    CSS_PATH = "builder.tcss"

    HELP = "## Are you sure?\n\n**y** does it; **n** or **Escape** does not.\n"
    # No Enter for yes: a stray Enter (the key that opened the routine) must not delete it.
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Yes, do it"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="No, go back"),
    ]

    def __init__(self, title: str, question: str) -> None:
        """Ask ``question`` under ``title``."""
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        """The question and its keys."""
        with Vertical(id="confirm-box") as box:
            box.border_title = self.title_text
            yield Static(self.question, id="confirm-question", markup=False)
            yield Static(key_hints(self.BINDINGS), id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        """Answer the question."""
        self.dismiss(yes)
