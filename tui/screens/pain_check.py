"""The pain check: how much does your back hurt, 0 to 10, before a session and after it.

One key gives the score (t, or 1 then 0, is 10); Escape skips, leaving the score unknown, never
"no pain". After the last exercise it may offer ``u`` for a moment, to take back the key that
ended the session. Its styles are in dialogs.tcss.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer

from tui.widgets.keys import with_keys
from tui.widgets.readout import Readout

PAIN_KEYS = [*(str(score) for score in range(10)), "t"]
"""The key for each pain score from 0 to 10: the digit itself, and t for ten."""

TEN_WAIT = 3.0
"""Seconds a 1 waits for the 0 of a 10 before it is kept as 1."""

PainAnswer = int | Literal["undo"]
"""A pain score from 0 to 10, or undo: take back the key that ended the session, in time."""


def score_of(answer: PainAnswer | None) -> int | None:
    """The pain score in an answer (None: skipped, or no score given)."""
    return answer if isinstance(answer, int) else None


class PainCheck(ModalScreen[PainAnswer | None]):
    """How much does your back hurt now, 0 to 10? One key (1 then 0 is 10); Escape skips.

    A 1 is not taken at once, since it may be the start of a 10: it waits, saying so, until 0
    makes it 10, Enter keeps it, or ``ten_wait`` seconds pass (then it is kept as 1). Any other
    score typed meanwhile is the answer instead. At the end of a session it may offer, for a
    few seconds, to undo the key that ended it (the last exercise's skip or rating).
    """

    CSS_PATH = "dialogs.tcss"

    HELP = """\
## Pain check

Press the key for your pain now: **{key:pain.score-0}** is no pain, **{key:pain.score-9}** is
nine, **{key:pain.score-10}** is ten, the worst you can imagine. **{key:pain.score-1}** then
**{key:pain.score-0}** is ten too: after **{key:pain.score-1}** the check waits a moment for
the **{key:pain.score-0}**, and **{keys:pain.keep}** (or the moment passing) keeps one.
**{keys:pain.skip}** skips the question (after a session, press it twice: a key meant for
the dialog before must not leave your pain unknown). Just after the last exercise,
**{key:pain.undo}** takes back its skip or its rating for a few seconds, and the session goes
on.
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
        Binding(
            "u",
            "undo",
            "Undo",
            id="pain.undo",
            tooltip="Take back the key that ended the session: the session goes on",
            show=False,
        ),
    ]

    def __init__(
        self,
        when: str,
        *,
        ten_wait: float = TEN_WAIT,
        undo: str = "",
        undo_left: Callable[[], float] | None = None,
        confirm_skip: bool = False,
    ) -> None:
        """Ask about pain ``when`` ("before you start" or "now you have finished").

        A 1 is kept after ``ten_wait`` seconds unless a 0 makes it 10 first. ``undo`` names
        what the undo key takes back ("the skip"), for ``undo_left()`` seconds more. With
        ``confirm_skip``, the skip key must be pressed twice.
        """
        super().__init__(classes="dialog-screen")
        self.when = when
        self.ten_wait = ten_wait
        self.undo = undo
        self.undo_left = undo_left or (lambda: 0.0)
        self.confirm_skip = confirm_skip
        self.skipping = False
        """True once the skip key was pressed where it must be pressed twice."""
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
        if self.skipping:
            return with_keys(
                self,
                "{keys:pain.skip} again leaves your pain unknown; or press the key for it.",
                short=True,
            )
        undo = f" {{key:pain.undo}} undoes {self.undo}." if self.undo_left() > 0 else ""
        return with_keys(self, f"Press one key. {{keys:pain.skip}} skips.{undo}", short=True)

    def on_mount(self) -> None:
        """While undo is in time, a timer takes it from the prompt when the time is up."""
        left = self.undo_left()
        if left > 0:
            self.set_timer(left, self.undo_lapsed)

    def undo_lapsed(self) -> None:
        """The time to undo is up: the key goes from the prompt."""
        if not self.pending:
            self.query_one("#pain-prompt", Readout).text = self.prompt()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo only while it is in time."""
        return self.undo_left() > 0 if action == "undo" else True

    def action_undo(self) -> None:
        """Take back the key that ended the session (only while in time); no score is kept."""
        if self.undo_left() > 0:
            self.answer("undo")

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
        """Answer nothing; where a skip must be meant (``confirm_skip``), only the second time.

        After a session, a key meant for the dialog before (Escape closing a question) must
        not leave the pain score unknown by accident.
        """
        if self.confirm_skip and not self.skipping:
            self.skipping = True
            self.query_one("#pain-prompt", Readout).text = self.prompt()
            return
        self.answer(None)

    def answer(self, score: PainAnswer | None) -> None:
        """Close with ``score`` (or undo); no 1 waits any longer."""
        self.pending = False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.dismiss(score)
