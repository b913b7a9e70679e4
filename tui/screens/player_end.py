"""The end of a session in the player: the pain check after, the summary, then back.

For a few seconds after the last exercise, undo can take back the key that ended it (a skip,
a rating): the session is not over then, and goes on. A note written on the summary is saved
before the player leaves. :class:`PlayerEnding` is a base of the player screen.
"""

from __future__ import annotations

from functools import partial

from tui.screens.dialogs import PainAnswer, PainCheck, SessionSummary, score_of
from tui.screens.player_pain import PlayerResult
from tui.screens.player_undo import FINISHED, PlayerCorrections
from tui.session import ENDING_UNDO_WORDS, ENDING_UNDOES

LEAVE_WAIT = 1.0
"""Leaving the player waits at most this long for its last save (long written by then, as a
rule), so the screen it returns to shows the session as saved."""


class PlayerEnding(PlayerCorrections):
    """The player's last steps: pain after, the summary and its note, undo of the last key."""

    def _finish(self) -> None:
        """After the last exercise (and its question): pain check, summary, then back."""
        if self._ending or self.question is not None or self._hurting:
            return
        self._ending = True
        self.refresh_bindings()
        self._check_pain_after()

    def _check_pain_after(self) -> None:
        """Ask about pain now; for a few seconds, undo may take back the key that ended it."""
        undo_left = partial(self._undo_left, ENDING_UNDOES)
        kind = self.engine.undoable(self.clock())
        what = ENDING_UNDO_WORDS.get(kind.kind, "") if kind is not None else ""
        check = PainCheck(FINISHED, undo=what, undo_left=undo_left, confirm_skip=True)
        self.open(check, self._pain_after)

    def _pain_after(self, answer: PainAnswer | None) -> None:
        """Keep the pain score, then sum the session up; or undo the last key and go on."""
        if answer == "undo":
            self._unfinish()
            return
        pain = score_of(answer)
        if pain is not None:
            self.engine.set_pain_after(pain)
            self.recorder.save()
        session = self.engine.session()
        result = PlayerResult(session.id, session.status == "complete")

        def done(answer: str | None) -> None:
            if answer == "undo" and self.engine.undo(self.clock()) is not None:
                self.recorder.save()  # the pain after is unknown again, until given again
                self.open(PainCheck(FINISHED, confirm_skip=True), self._pain_after)
                return
            self.recorder.wait(LEAVE_WAIT)
            self.dismiss(result)

        names = {exercise.id: exercise.name for exercise in self.engine.timeline.exercises}
        undo_left = partial(self._undo_left, ("pain-after",)) if pain is not None else None
        summary = SessionSummary(
            session,
            names,
            next_time=self.next_time(session),
            undo_left=undo_left,
            write_note=self._write_note,
        )
        self.open(summary, done)

    def _write_note(self, text: str) -> None:
        """Keep the note written on the summary and save it (leaving waits for the save)."""
        self.engine.set_note(text)
        self.recorder.save()

    def _unfinish(self) -> None:
        """Undo the skip or rating that ended the session: it is not over, and it goes on."""
        undone = self.engine.undo(self.clock())
        self._ending = False
        self.refresh_bindings()
        if undone is None:  # too late after all: the session is over
            self._finish()
            return
        self._after_undo(undone)
