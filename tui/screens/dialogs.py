"""The dialogs: one yes-or-no question, and the player's (pain check, this hurts, summary).

Each is a ``ModalScreen[T]`` that dismisses with its answer. The keys each one lists are built
from its bindings, so the text cannot drift from what the keys do. Their styles are in
dialogs.tcss.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Footer, Label, Static

from tui.model import Session, outcomes_text, session_minutes, shortfall_text
from tui.widgets.keys import key_hints, with_keys
from tui.widgets.readout import Readout

PAIN_KEYS = [*(str(score) for score in range(10)), "t"]
"""The key for each pain score from 0 to 10: the digit itself, and t for ten."""

TEN_WAIT = 3.0
"""Seconds a 1 waits for the 0 of a 10 before it is kept as 1."""


class PainCheck(ModalScreen[int | None]):
    """How much does your back hurt now, 0 to 10? One key (1 then 0 is 10); Escape skips.

    A 1 is not taken at once, since it may be the start of a 10: it waits, saying so, until 0
    makes it 10, Enter keeps it, or ``ten_wait`` seconds pass (then it is kept as 1). Any other
    score typed meanwhile is the answer instead.
    """

    CSS_PATH = "dialogs.tcss"

    HELP = """\
## Pain check

Press the key for your pain now: **{key:pain.score-0}** is no pain, **{key:pain.score-9}** is
nine, **{key:pain.score-10}** is ten, the worst you can imagine. **{key:pain.score-1}** then
**{key:pain.score-0}** is ten too: after **{key:pain.score-1}** the check waits a moment for
the **{key:pain.score-0}**, and **{keys:pain.keep}** (or the moment passing) keeps one.
**{keys:pain.skip}** skips the question.
"""
    BINDINGS = [
        *(
            Binding(
                key,
                f"score({score})",
                str(score),
                id=f"pain.score-{score}",
                tooltip=f"Pain {score} out of 10",
                show=False,
            )
            for score, key in enumerate(PAIN_KEYS)
        ),
        Binding("enter", "keep", "Keep 1", id="pain.keep", tooltip="Keep the 1", show=False),
        Binding("escape", "skip", "Skip", id="pain.skip", tooltip="Skip the pain check"),
    ]

    def __init__(self, when: str, *, ten_wait: float = TEN_WAIT) -> None:
        """Ask about pain ``when`` ("before you start" or "now you have finished").

        A 1 is kept after ``ten_wait`` seconds unless a 0 makes it 10 first.
        """
        super().__init__(classes="dialog-screen")
        self.when = when
        self.ten_wait = ten_wait
        self.pending = False
        """True while a 1 waits for the 0 of a 10."""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """The question, the keys in a row and what the ends of the scale mean."""
        keys = "  ".join(
            with_keys(self, f"{{key:pain.score-{score}}}") for score in range(len(PAIN_KEYS))
        )
        with Vertical(classes="dialog", id="pain-check") as box:
            box.border_title = f"Pain check: {self.when}"
            yield Readout("How much does your back hurt right now?")
            yield Readout(keys, id="pain-keys")
            yield Readout(
                with_keys(
                    self,
                    "{key:pain.score-0} is no pain; {key:pain.score-10} is 10,"
                    " the worst you can imagine.",
                ),
                classes="hint",
            )
            yield Readout(self.prompt(), id="pain-prompt", classes="hint")

    def prompt(self) -> str:
        """The last line: how to answer, or what the 1 waiting for a 0 needs."""
        if self.pending:
            wait = f"{self.ten_wait:g} s"
            return with_keys(
                self,
                "1? Press {key:pain.score-0} for 10, or {key:pain.keep} to keep 1"
                f" (kept in {wait}).",
                short=True,
            )
        return with_keys(self, "Press one key. {keys:pain.skip} skips.", short=True)

    def action_score(self, score: int) -> None:
        """Answer with this score; a 1 waits for a 0 (ten), and a 0 after a 1 is ten."""
        if self.pending and score == 0:
            self.answer(10)
        elif score == 1:
            self.pending = True
            self.query_one("#pain-prompt", Readout).text = self.prompt()
            if self._timer is not None:
                self._timer.stop()
            self._timer = self.set_timer(self.ten_wait, self.action_keep)
        else:
            self.answer(score)

    def action_keep(self) -> None:
        """Keep the 1 that was waiting for a 0 (Enter, or the wait running out)."""
        if self.pending:
            self.answer(1)

    def action_skip(self) -> None:
        """Answer nothing."""
        self.answer(None)

    def answer(self, score: int | None) -> None:
        """Close with ``score``; no 1 waits any longer."""
        self.pending = False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.dismiss(score)


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
            yield Footer()

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


class ThisHurts(ModalScreen[str | None]):
    """The exercise stopped because it hurt: offer its easier variants to play next."""

    CSS_PATH = "dialogs.tcss"

    HELP = """\
## It hurt

The exercise was stopped and recorded as hurting, so its dose will not go up. Press the number
of an easier variant to do it next, or **{keys:hurts.no|/}** to go on without it. Sharp,
shooting or burning pain, or numbness or tingling in the legs: stop and get advice.
"""
    BINDINGS = [
        *(
            Binding(
                str(number),
                f"choose({number})",
                f"Variant {number}",
                id=f"hurts.variant-{number}",
                tooltip=f"Do easier variant {number} next",
                show=False,
            )
            for number in (1, 2, 3)
        ),
        Binding("n,escape", "choose(0)", "Go on", id="hurts.no", tooltip="Go on without it"),
    ]

    def __init__(self, name: str, variants: Sequence[tuple[str, str]]) -> None:
        """The exercise that hurt and its easier variants as (id, name) pairs."""
        super().__init__(classes="dialog-screen")
        self.exercise_name = name
        self.variants = list(variants)[:3]

    def compose(self) -> ComposeResult:
        """What happened, then the variants with their keys."""
        with Vertical(classes="dialog", id="this-hurts") as box:
            box.border_title = "It hurt: stopped"
            yield Readout(f"{self.exercise_name} is stopped and saved as hurting.")
            yield Readout("Sharp, shooting or burning pain: stop and get advice.", classes="hint")
            yield Readout("Do an easier variant next?")
            for number, (_, name) in enumerate(self.variants, 1):
                yield Readout(f"  {number}  {name}", classes="choice")
            yield Readout(
                with_keys(self, "{keys:hurts.no|/}  go on without it", short=True), classes="hint"
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the numbers of variants on offer do anything."""
        if action == "choose" and parameters and isinstance(parameters[0], int):
            return parameters[0] <= len(self.variants)
        return True

    def action_choose(self, number: int) -> None:
        """Choose variant ``number`` (1-based), or 0 for none."""
        self.dismiss(self.variants[number - 1][0] if number else None)


class SessionSummary(ModalScreen[None]):
    """What the session came to: done, cut short, skipped and hurt, minutes, pain before/after."""

    CSS_PATH = "dialogs.tcss"

    HELP = "## Summary\n\nYour session is saved. **{keys:summary.close|2}** goes back.\n"
    BINDINGS = [
        Binding("enter,escape,q", "close", "Back", id="summary.close", tooltip="Go back"),
    ]

    def __init__(self, session: Session, names: Mapping[str, str] | None = None) -> None:
        """Sum up this session, naming its exercises by ``names`` (exercise id to name)."""
        super().__init__(classes="dialog-screen")
        self.session = session
        self.names = names or {}

    def compose(self) -> ComposeResult:
        """One line per fact."""
        with Vertical(classes="dialog", id="summary") as box:
            complete = self.session.status == "complete"
            box.border_title = "Session complete" if complete else "Session ended early"
            for line in summary_lines(self.session, self.names):
                yield Readout(line)
            yield Readout(with_keys(self, "Saved. {key:summary.close}: back"), classes="hint")

    def action_close(self) -> None:
        """Go back."""
        self.dismiss(None)


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
