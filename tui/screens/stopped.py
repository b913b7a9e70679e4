"""The dialog in place of the player while a red-flag yes stops sessions: why, and what to do.

It offers the two ways on: take the red-flag check again, or state that a clinician has cleared
you to exercise (asked once more, as a yes-or-no question, before it counts). It dismisses with
the choice; the app does the rest.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.history import Stop
from tui.screens.dialogs import Confirm
from tui.screens.safety import NOT_ADVICE
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import with_keys

StopChoice = Literal["retake", "cleared"]
"""What the user chose: take the check again, or a clinician has cleared them."""


class SessionsStopped(ModalScreen[StopChoice | None]):
    """No session starts: a red-flag yes stands. Take the check again, or state a clearance."""

    CSS_PATH = "safety.tcss"

    HELP = """\
## Sessions are stopped

You answered yes to a red flag, so lumbar starts no session. **{key:stopped.retake}** takes the
red-flag check again: with no yes, sessions start again. **{key:stopped.cleared}** tells lumbar
that a doctor or physiotherapist has cleared you to exercise (you are asked to confirm; it is
kept with the date and shown in your progress history). **{key:stopped.close}** goes back.
"""
    BINDINGS = [
        Binding(
            "k",
            "retake",
            "Take the check again",
            id="stopped.retake",
            tooltip="Answer the red-flag questions again",
        ),
        Binding(
            "c",
            "cleared",
            "A clinician cleared me",
            id="stopped.cleared",
            tooltip="A doctor or physiotherapist has cleared you to exercise (asks first)",
        ),
        Binding("escape", "close", "Not now", id="stopped.close", tooltip="Back, no session"),
    ]

    def __init__(self, stop: Stop) -> None:
        """Say why sessions are stopped (``stop``: since when, after which yes)."""
        super().__init__()
        self.stop = stop

    def compose(self) -> ComposeResult:
        """Why, what it means, an emergency's reminder, the ways on and the note."""
        stop = self.stop
        with Vertical(id="stopped") as box:
            box.border_title = "Sessions are stopped"
            yield Static(
                f"On {stop.since} you answered yes to a red flag: {stop.yes}.",
                id="stopped-why",
                markup=False,
            )
            if stop.emergency:
                yield Static(
                    "That is an emergency: if you have not had urgent medical help yet, "
                    "get it now.",
                    id="stopped-emergency",
                    markup=False,
                )
            yield Static(
                "lumbar starts no session until you take the check again with no yes, "
                "or a clinician has cleared you to exercise.",
                markup=False,
            )
            keys = with_keys(
                self,
                "{key:stopped.retake}    take the red-flag check again\n"
                "{key:stopped.cleared}    a clinician has cleared me to exercise\n"
                "{key:stopped.close}  not now",
                short=True,
            )
            yield Static(Content(keys), id="stopped-keys")
            yield Static(NOT_ADVICE, id="stopped-note", markup=False)
        yield KeyBar()

    def action_retake(self) -> None:
        """Take the check again."""
        self.dismiss("retake")

    def action_cleared(self) -> None:
        """Ask once more, then count the clearance."""
        note = (
            f"Has a doctor or physiotherapist seen you since {self.stop.since} and told you "
            "that you may exercise? lumbar keeps your word for it, dated today, and starts "
            "sessions again."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss("cleared")

        self.app.push_screen(Confirm("Cleared to exercise?", note), answered)

    def action_close(self) -> None:
        """Back, with no session."""
        self.dismiss(None)
