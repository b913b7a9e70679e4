"""A note about the session, in the user's words, written at its end (one key on the summary).

What happened, how the back felt, what to ask the physiotherapist: the session keeps it, and the
history, the report and the exports show it. Enter keeps it; Escape leaves the note as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.model import NOTE_LENGTH, tidy_note, visible
from tui.widgets.keys import with_keys

NOTE_HINT = (
    "What happened? How did your back feel? Anything for your physiotherapist? "
    f"Up to {NOTE_LENGTH} characters."
)
NOTE_KEYS = "Enter: keep the note    {key:note.cancel}: leave it as it was"


class NoteDialog(ModalScreen[str | None]):
    """Ask for a note about the session; dismisses with the note (tidied), or None."""

    CSS_PATH = "note_dialog.tcss"
    HELP = """\
## A note about this session

Type what happened, in your own words, and press **Enter**: the session keeps it, and the
history, `lumbar report` and the exports show it. An empty note removes one written before.
**{key:note.cancel}** leaves the note as it was.
"""
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="note.cancel", tooltip="Keep no new note"),
    ]

    def __init__(self, note: str = "") -> None:
        """Offer ``note`` (the session's note so far) to edit."""
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        """The question, the line to type on, and the keys."""
        with Vertical(id="note") as box:
            box.border_title = "A note about this session"
            yield Static(NOTE_HINT, id="note-hint", markup=False)
            yield Input(
                self.note,
                id="note-text",
                max_length=NOTE_LENGTH,
                placeholder="e.g. the bridge pulled on the left; better after the walk",
                select_on_focus=False,
            )
            yield Static(with_keys(self, NOTE_KEYS), id="note-keys", markup=False)

    @on(Input.Submitted)
    def keep(self, event: Input.Submitted) -> None:
        """Enter keeps the note typed."""
        self.dismiss(tidy_note(event.value))

    def action_cancel(self) -> None:
        """Escape keeps no new note."""
        self.dismiss(None)


NOTE_TOOLTIP = "Write a note about this session, in your own words"


class NoteKeeper:
    """The note of a session being summed up, and the one way to keep it (the player's save)."""

    def __init__(self, text: str, write: Callable[[str], None] | None) -> None:
        """Start from the session's note ``text``; ``write`` keeps and saves a new one."""
        self.text = text
        self.write = write

    @property
    def can_write(self) -> bool:
        """True when a note can be kept (the player gave the way to save it)."""
        return self.write is not None

    @property
    def verb(self) -> str:
        """What the note key does now: write a note, or edit the one written."""
        return "edit your note" if self.text else "write a note"

    @property
    def shown(self) -> str:
        """The note as the summary shows it (visible: no control character acts)."""
        return f"Your note: {visible(self.text)}" if self.text else ""

    def ask(self, app: App[Any], then: Callable[[], None]) -> None:
        """Open the note dialog; keep and save what it gives, then call ``then``."""
        if self.write is None:
            return
        write = self.write

        def kept(text: str | None) -> None:
            if text is None or text == self.text:
                return
            self.text = text
            write(text)
            then()

        app.push_screen(NoteDialog(self.text), kept)
