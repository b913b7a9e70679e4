"""The safety check (first run, every 30 days, or when asked): the red-flag questions.

One question at a time, one key each, the emergencies first. A yes to an emergency shows the
emergency page at once (get urgent help now); any other yes ends on a page saying to see a
clinician, and that sessions are stopped until the check is taken again with no yes or a
clinician's clearance is stated. The not-medical-advice note stays in view throughout. The
screen keeps the answers and their date (in a worker: the store may wait for its lock), then
dismisses with them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown, Static

from tui.failures import run_in_thread
from tui.history import (
    answer,
    is_emergency,
    red_flags,
    said_yes,
    see_a_clinician,
    sessions_stopped,
)
from tui.model import Catalogue, SafetyCheck
from tui.screens.advice import advice_markdown, disclaimer_markdown
from tui.store import Store
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import with_keys

NOT_ADVICE = "lumbar is not medical advice and does not replace a doctor or physiotherapist."
"""The line kept in view under every page of the check."""

STOPPED = (
    "lumbar starts no session until you take this check again with no yes "
    "(**{key:safety.retake}**, at any time), or tell it that a clinician has cleared you to "
    "exercise (it asks when you next start a session)."
)
"""What a yes means for sessions, under the outcome and the emergency page."""


class SafetyScreen(Screen[SafetyCheck]):
    """Ask the red-flag questions; dismiss with the answers once they are all given.

    A whole screen rather than a dialog: nothing else should compete with these questions.
    """

    CSS_PATH = "safety.tcss"

    HELP = """\
## Before you exercise

lumbar asks these questions the first time, again every 30 days, and whenever you press
**{key:safety.retake}**. Answer each one with **{key:safety.yes}** (yes) or **{key:safety.no}**
(no); **{key:safety.back}** goes back to the previous question. The emergencies come first: a
yes to one means get urgent medical help now. Any yes means see a doctor or physiotherapist
before you exercise, and lumbar starts no session until you take the check again with no yes
or tell it that a clinician has cleared you.
"""
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="safety.yes", tooltip="Yes, I have this now"),
        Binding("n", "answer(False)", "No", id="safety.no", tooltip="No, I do not have this"),
        Binding("b,left", "back", "Back", id="safety.back", tooltip="The previous question"),
        Binding(
            "enter",
            "understood",
            "I understand",
            id="safety.understood",
            tooltip="Go on to lumbar, having read the advice",
        ),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        store: Store,
        now: Callable[[], datetime],
        previous: SafetyCheck | None = None,
    ) -> None:
        """Ask the catalogue's red-flag questions, keep the answers in ``store``, dated ``now``.

        ``previous`` are the answers before these: their clearances are kept with the new ones.
        """
        super().__init__()
        self.catalogue = catalogue
        self.store = store
        self.now = now
        self.previous = previous
        self.flags = red_flags(catalogue)
        self.answers: dict[str, bool] = {}
        self.result: SafetyCheck | None = None

    def compose(self) -> ComposeResult:
        """The question (or the outcome), the not-medical-advice line and the keys."""
        yield Header()
        with Vertical(id="safety"), VerticalScroll(id="safety-pane") as pane:
            pane.border_title = "Before you exercise"
            yield Markdown(id="safety-text")
        yield Static(NOT_ADVICE, id="not-advice", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the first question (a catalogue without red flags has nothing to ask)."""
        if not self.flags:
            self.finish(answer({}, self.now(), self.previous))
            return
        self.show()

    @property
    def asking(self) -> bool:
        """True while a question is on screen (not the outcome)."""
        return self.result is None

    @property
    def emergency(self) -> bool:
        """True when the outcome shows because of a yes to an emergency."""
        return self.result is not None and is_emergency(self.catalogue, self.result.yes_to)

    def show(self) -> None:
        """Show the current question, or the outcome once it is known."""
        text = self.query_one("#safety-text", Markdown)
        pane = self.query_one("#safety-pane", VerticalScroll)
        if self.result is None:
            text.update(self.question_markdown())
        elif self.emergency:
            text.update(self.emergency_markdown())
        else:
            text.update(self.outcome_markdown())
        pane.border_title = (
            "Emergency"
            if self.emergency
            else "Sessions stopped"
            if self.result is not None
            else "Before you exercise"
        )
        pane.set_class(self.emergency, "-emergency")
        pane.scroll_home(animate=False)
        self.refresh_bindings()

    def question_markdown(self) -> str:
        """Question n of N, then the catalogue's not-medical-advice note."""
        number = len(self.answers)
        flag = self.flags[number]
        return "\n".join(
            [
                f"**Question {number + 1} of {len(self.flags)}.** Do you have this now?",
                "",
                f"## {flag.title}",
                "",
                with_keys(
                    self,
                    "**{key:safety.yes}** yes, **{key:safety.no}** no"
                    + (", **{key:safety.back}** back" if number else ""),
                ),
                "",
                disclaimer_markdown(self.catalogue),
            ]
        )

    def said_yes_markdown(self, heading: str) -> str:
        """The flags answered yes, with what the articles say about each."""
        yes_to = self.result.yes_to if self.result is not None else ()
        return advice_markdown(self.catalogue, said_yes(self.catalogue, yes_to), heading)

    def emergency_markdown(self) -> str:
        """A yes to an emergency: get urgent medical help now, before anything else."""
        lines = [
            "## Get urgent medical help now",
            "",
            "Go to an emergency department, or call your local emergency number, **now**. "
            "Do not wait for an ordinary appointment, and do not exercise.",
            "",
            with_keys(
                self,
                "**{key:safety.understood}**: I understand. "
                "**{key:safety.back}**: change your last answer.",
            ),
            "",
            self.said_yes_markdown("You answered yes to"),
            "",
            with_keys(self, STOPPED),
        ]
        return "\n".join(lines)

    def outcome_markdown(self) -> str:
        """Any other yes: see a clinician first, and sessions stop until the check is clear."""
        lines = ["## See a doctor or physiotherapist before you exercise"]
        lines += ["", with_keys(self, STOPPED)]
        lines += [
            "",
            with_keys(
                self,
                "**{key:safety.understood}** goes on to lumbar (you can read the routines and"
                " the advice); **{key:safety.back}** changes your last answer.",
            ),
        ]
        lines += ["", self.said_yes_markdown("You answered yes to")]
        before = see_a_clinician(self.catalogue)[:1]
        lines += ["", advice_markdown(self.catalogue, before, "Before any programme")]
        return "\n".join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Answers while asking; Enter once the outcome shows; Back when there is a way back."""
        if action == "answer":
            return self.asking
        if action == "understood":
            return not self.asking
        if action == "back":
            return bool(self.answers)
        return True

    def action_answer(self, yes: bool) -> None:
        """Answer the question on screen and move on: the next one, the outcome, or finish.

        A yes to an emergency ends the questions at once: the emergency page comes first.
        """
        flag = self.flags[len(self.answers)]
        self.answers[flag.id] = yes
        if len(self.answers) < len(self.flags) and not (yes and flag.emergency):
            self.show()
            return
        self.result = answer(self.answers, self.now(), self.previous)
        if self.result.any_yes:
            self.show()
        else:
            self.finish(self.result)

    def action_back(self) -> None:
        """Take back the last answer and ask that question again."""
        self.result = None
        self.answers.popitem()
        self.show()

    def action_understood(self) -> None:
        """The user has read the outcome: go on."""
        if self.result is not None:
            self.finish(self.result)

    def finish(self, check: SafetyCheck) -> None:
        """Keep the answers (a worker of the app: a failure is reported there), then go."""
        run_in_thread(self, partial(self.store.save_safety, check), "save_safety")
        if not check.any_yes:
            again = "Sessions can start again. " if sessions_stopped(self.previous) else ""
            message = f"Thank you. {again}lumbar will ask again in 30 days."
            self.notify(message, title="Safety check")
        self.dismiss(check)
