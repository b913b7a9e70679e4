"""The dialogs: one yes-or-no question, and the player's (the summary; the pain check's names).

Each is a ``ModalScreen[T]`` that dismisses with its answer. The keys each one lists are built
from its bindings, so the text cannot drift from what the keys do. Their styles are in
dialogs.tcss. The pain check is in pain_check.py; the player's dialogs about pain ("this
hurts", a flare-up) are in pain_dialogs.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tui.failures import run_in_thread
from tui.model import Session, outcomes_text, session_minutes, shortfall_text
from tui.screens.note_dialog import NOTE_TOOLTIP, NoteKeeper
from tui.screens.pain_check import PAIN_KEYS as PAIN_KEYS
from tui.screens.pain_check import TEN_WAIT as TEN_WAIT
from tui.screens.pain_check import PainAnswer as PainAnswer
from tui.screens.pain_check import PainCheck as PainCheck
from tui.screens.pain_check import score_of as score_of
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import key_hints, with_keys
from tui.widgets.readout import Readout


class YesNo(ModalScreen[bool]):
    """A yes-or-no question and a note on what it means; dismisses True for yes.

    Each kind of question is a subclass that gives only its keys (``BINDINGS``: bound to
    ``answer(True)`` and ``answer(False)``, their descriptions are the answers' labels) and its
    ``HELP``; Textual reads both from the class (the footer, the help, ``set_keymap`` by id).
    With ``BUTTONS`` the question heads the box, with a button per answer and the footer;
    without, it is the box's title and the keys are listed under the note.
    """

    CSS_PATH = "dialogs.tcss"
    BUTTONS: ClassVar[bool] = False

    def __init__(self, question: str, note: str) -> None:
        """Ask ``question``, explained by ``note`` (plain text, never markup)."""
        super().__init__()
        self.question = question
        self.note = note

    def compose(self) -> ComposeResult:
        """The question, the note, and the answers: buttons, or the keys in a line."""
        with Vertical(id="yes-no") as box:
            if self.BUTTONS:
                yield Label(self.question, id="question", markup=False)
                with VerticalScroll(id="note-pane"):
                    yield Static(self.note, id="note", markup=False)
                with Horizontal(id="answers"):
                    yield Button(self.label(True), id="yes", variant="warning")
                    yield Button(self.label(False), id="no", variant="primary")
            else:
                box.border_title = Content(self.question)
                yield Static(self.note, id="note", markup=False)
                yield Static(key_hints(self, self.BINDINGS), id="keys", markup=False)
        if self.BUTTONS:
            yield KeyBar()

    def label(self, answer: bool) -> str:
        """The description of the first binding that gives ``answer``."""
        action = f"answer({answer})"
        return next(
            b.description for b in self.BINDINGS if isinstance(b, Binding) and b.action == action
        )

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        """A button answers the question."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """A key answers the question."""
        self.dismiss(yes)


def help_key(binding_id: str) -> Binding:
    """The key that opens the help and the advice over a dialog, as ``binding_id``.

    The app's own help key does not reach past a modal screen: this binds the same keys to the
    app's action.
    """
    return Binding(
        "question_mark,f1",
        "app.help",
        "Help",
        id=binding_id,
        tooltip="The keys, and how to look after your back: the advice on pain first",
        show=False,
    )


class Confirm(YesNo):
    """Ask before doing something that cannot be undone (delete, discard); True means do it."""

    HELP = "## Are you sure?\n\n**{keys:confirm.yes}** does it; **{keys:confirm.no}** does not.\n"
    # No Enter for yes: a stray Enter (the key that opened the routine) must not delete it.
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Yes, do it"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", tooltip="No, go back"),
    ]


class EndSession(YesNo):
    """Ask before ending a session early; what was done is saved either way."""

    HELP = "## End the session?\n\n**{keys:end.yes}** ends it; **{keys:end.no}** goes on.\n"
    BINDINGS = [
        Binding("y,enter", "answer(True)", "End it", id="end.yes", tooltip="End the session now"),
        Binding("n,escape", "answer(False)", "Go on", id="end.no", tooltip="Keep going"),
    ]

    def __init__(self) -> None:
        """The one question this asks."""
        super().__init__("End the session?", "Everything you have done so far is saved.")


class MoveOnDialog(YesNo):
    """Ask before moving on to the next roadmap phase early; dismisses True to move on."""

    BUTTONS = True
    AUTO_FOCUS = "#no"  # staying is the safe answer
    BINDINGS = [
        Binding("y", "answer(True)", "Move on", id="move-on.yes", tooltip="Move on now"),
        Binding("n", "answer(False)", "Stay", id="move-on.no", tooltip="Stay in this phase"),
        Binding("escape", "answer(False)", "Stay", id="move-on.cancel", tooltip="Stay", show=False),
    ]


SummaryAnswer = Literal["back", "undo"]
"""How the summary closes: back, or undo the pain score just given (to give it again)."""


class SessionSummary(ModalScreen[SummaryAnswer]):
    """What the session came to: done, cut short, skipped and hurt, minutes, pain before/after.

    After a session with a pain flag, it also says what lumbar will do about it next time:
    ``next_time`` works that out (it reads the store) in a worker, and the lines show when ready.
    For a few seconds (``undo_left``), undo takes back the pain score just given.
    """

    CSS_PATH = "dialogs.tcss"

    HELP = """\
## Summary

Your session is saved. **{keys:summary.close|2}** goes back. **{key:summary.note}** writes a
note about the session in your own words (the history and `lumbar report` show it). For a few
seconds after the pain check, **{key:summary.undo}** takes your pain score back.
"""
    BINDINGS = [
        Binding("enter,escape,q", "close", "Back", id="summary.close", tooltip="Go back"),
        Binding(
            "u",
            "undo",
            "Undo",
            id="summary.undo",
            tooltip="Take back the pain score just given, to give it again",
            show=False,
        ),
        Binding("w", "write_note", "Note", id="summary.note", tooltip=NOTE_TOOLTIP),
        help_key("summary.help"),
    ]

    @dataclass
    class NextTime(Message):
        """What lumbar will do next time about the session's pain flags (none: no flag)."""

        lines: list[str]

    def __init__(
        self,
        session: Session,
        names: Mapping[str, str] | None = None,
        *,
        next_time: Callable[[], list[str]] | None = None,
        undo_left: Callable[[], float] | None = None,
        write_note: Callable[[str], None] | None = None,
    ) -> None:
        """Sum up this session, naming its exercises by ``names`` (exercise id to name).

        ``next_time`` gives what lumbar will do about its pain flags; ``undo_left`` the seconds
        left to take back the pain score (None: nothing to take back); ``write_note`` keeps and
        saves a note about the session (None: no note can be written).
        """
        super().__init__(classes="dialog-screen")
        self.session = session
        self.names = names or {}
        self.next_time = next_time
        self.undo_left = undo_left or (lambda: 0.0)
        self.notes = NoteKeeper(session.note, write_note)

    def compose(self) -> ComposeResult:
        """One line per fact."""
        with Vertical(classes="dialog", id="summary") as box:
            complete = self.session.status == "complete"
            box.border_title = "Session complete" if complete else "Session ended early"
            for line in summary_lines(self.session, self.names):
                yield Readout(line)
            yield Readout(id="next-time")  # hidden until there is something to say
            yield Readout(id="summary-note")  # hidden until a note is written
            yield Readout(self.keys_line(), id="summary-keys", classes="hint")

    def keys_line(self) -> str:
        """The last line: the key back, and undo while it is in time."""
        undo = "    {key:summary.undo}: undo the pain score" if self.undo_left() > 0 else ""
        note = f"    {{key:summary.note}}: {self.notes.verb}" if self.notes.can_write else ""
        return with_keys(self, f"Saved. {{key:summary.close}}: back{note}{undo}")

    def on_mount(self) -> None:
        """Work out what lumbar will do next time, off the event loop; undo runs out."""
        if self.next_time is not None:
            run_in_thread(self, self.work_out_next_time, "plan_next_time")
        left = self.undo_left()
        if left > 0:
            self.set_timer(left, self.undo_lapsed)

    def undo_lapsed(self) -> None:
        """The time to undo is up: the key goes from the last line."""
        self.query_one("#summary-keys", Readout).text = self.keys_line()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo only while it is in time; a note only where it can be kept."""
        if action == "write_note":
            return self.notes.can_write
        return self.undo_left() > 0 if action == "undo" else True

    def action_write_note(self) -> None:
        """Ask for a note about the session, keep and save it (Escape keeps none)."""
        self.notes.ask(self.app, self.show_note)

    def show_note(self) -> None:
        """Show the note kept, and the note key's new words."""
        readout = self.query_one("#summary-note", Readout)
        readout.text, readout.display = self.notes.shown, bool(self.notes.text)
        self.query_one("#summary-keys", Readout).text = self.keys_line()

    def action_undo(self) -> None:
        """Take back the pain score just given (only while in time)."""
        if self.undo_left() > 0:
            self.dismiss("undo")

    def work_out_next_time(self) -> None:
        """On a worker's thread: what lumbar will do next time, posted back."""
        if self.next_time is not None:
            self.post_message(self.NextTime(self.next_time()))

    def on_session_summary_next_time(self, message: NextTime) -> None:
        """Show what lumbar will do next time, and the key that opens the advice."""
        if message.lines:
            advice = with_keys(self, "Press {key:summary.help} for help and the advice on pain.")
            readout = self.query_one("#next-time", Readout)
            readout.text = "\n".join([*message.lines, advice])
            readout.display = True

    def action_close(self) -> None:
        """Go back."""
        self.dismiss("back")


CUT_LINES = 3
"""How many exercises cut short the summary names, each with what was left undone."""


def summary_lines(session: Session, names: Mapping[str, str] | None = None) -> list[str]:
    """The summary in short lines: outcomes, what was cut short, minutes, the change in pain.

    ``names`` gives each exercise's name by id (the id is shown for one it lacks).
    """
    names = names or {}
    minutes = session_minutes(session)
    lines = [f"{session.routine_name}: {outcomes_text(session)}."]
    cut = [result for result in session.exercises if result.outcome == "cut"]
    for result in cut[:CUT_LINES]:
        name = names.get(result.exercise, result.exercise)
        lines.append(f"  {name}: {shortfall_text(result) or 'cut short'}.")
    if len(cut) > CUT_LINES:
        lines.append(f"  {len(cut) - CUT_LINES} more cut short: see Progress.")
    lines.append(f"{minutes} min of exercise." if minutes else "Less than a minute of exercise.")
    before, after = session.pain_before, session.pain_after
    if before is not None and after is not None:
        lines.append(f"Pain {before} before, {after} after.")
    return lines
