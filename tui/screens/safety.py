"""The safety check on first run (and monthly): not medical advice, and the red-flag questions.

One question at a time, one key each. Any "yes" ends on a plain page saying to see a clinician
before exercising. The screen keeps the answers and their date (in a worker: the store may wait
for its lock), then dismisses with them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from tui.failures import run_in_thread
from tui.history import answer, red_flags, see_a_clinician
from tui.model import Catalogue, SafetyCheck
from tui.screens.advice import advice_markdown, disclaimer_markdown
from tui.store import Store
from tui.widgets.keys import with_keys


class SafetyScreen(Screen[SafetyCheck]):
    """Ask the red-flag questions; dismiss with the answers once they are all given.

    A whole screen rather than a dialog: nothing else should compete with these questions.
    """

    CSS_PATH = "safety.tcss"

    HELP = """\
## Before you exercise

lumbar asks these questions the first time and again every 30 days. Answer each one with
**{key:safety.yes}** (yes) or **{key:safety.no}** (no); **{key:safety.back}** goes back to the
previous question. If any answer is yes, see a doctor or physiotherapist before you exercise.
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

    def __init__(self, catalogue: Catalogue, store: Store, now: Callable[[], datetime]) -> None:
        """Ask the catalogue's red-flag questions, keep the answers in ``store``, dated ``now``."""
        super().__init__()
        self.catalogue = catalogue
        self.store = store
        self.now = now
        self.flags = red_flags(catalogue)
        self.answers: dict[str, bool] = {}
        self.result: SafetyCheck | None = None

    def compose(self) -> ComposeResult:
        """The note, the question (or the outcome) and the keys."""
        yield Header()
        with Vertical(id="safety"), VerticalScroll(id="safety-pane") as pane:
            pane.border_title = "Before you exercise"
            yield Markdown(id="safety-text")
        yield Footer()

    def on_mount(self) -> None:
        """Show the first question (a catalogue without red flags has nothing to ask)."""
        if not self.flags:
            self.finish(answer({}, self.now()))
            return
        self.show()

    @property
    def asking(self) -> bool:
        """True while a question is on screen (not the outcome)."""
        return self.result is None

    def show(self) -> None:
        """Show the current question, or the outcome once every question is answered."""
        text = self.query_one("#safety-text", Markdown)
        if self.result is not None:
            text.update(self.outcome_markdown())
        else:
            text.update(self.question_markdown())
        self.query_one("#safety-pane", VerticalScroll).scroll_home(animate=False)
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

    def outcome_markdown(self) -> str:
        """Any yes: see a clinician first, with what the articles say about each yes."""
        said_yes = [flag for flag in self.flags if self.answers.get(flag.id)]
        lines = ["## See a doctor or physiotherapist before you exercise"]
        lines += ["", advice_markdown(self.catalogue, said_yes, "You answered yes to")]
        lines += [
            "",
            advice_markdown(
                self.catalogue, see_a_clinician(self.catalogue)[:1], "Before any programme"
            ),
        ]
        lines += [
            "",
            with_keys(
                self,
                "**{key:safety.understood}** goes on to lumbar (you can read the routines and the"
                " advice); **{key:safety.back}** changes your last answer.",
            ),
        ]
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
        """Answer the question on screen and move on (or finish)."""
        self.answers[self.flags[len(self.answers)].id] = yes
        if len(self.answers) < len(self.flags):
            self.show()
            return
        self.result = answer(self.answers, self.now())
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
        """The user has read that they should see a clinician: go on."""
        if self.result is not None:
            self.finish(self.result)

    def finish(self, check: SafetyCheck) -> None:
        """Keep the answers (a worker of the app: a failure is reported there), then go."""
        run_in_thread(self, partial(self.store.save_safety, check), "save_safety")
        if not check.any_yes:
            self.notify("Thank you. lumbar will ask again in 30 days.", title="Safety check")
        self.dismiss(check)
