"""What the user tells the engine about a session, and the session record it all goes into.

How a finished exercise felt, the pain score before and after (0 to 10; a score not given stays
unknown, never "no pain"), and a note. A rating or a pain score can be taken back for a few
seconds (:mod:`tui.session.corrections`). :meth:`Answers.session` is the record so far, partial
until the last exercise ends, then complete.

:class:`Answers` is a base of :class:`~tui.session.engine.Engine`, on the undo of
:class:`~tui.session.corrections.Corrections`. Nothing here imports Textual.
"""

from __future__ import annotations

from datetime import datetime

import msgspec

from tui.model import Feedback, Session, tidy_note
from tui.session.corrections import Corrections
from tui.session.tally import check_pain


class Answers(Corrections):
    """Ratings, pain scores and the note, and the record; each answer can be undone a moment."""

    _id: str
    _phase: str | None
    _started_at: datetime | None
    _note: str

    def set_feedback(
        self, exercise_index: int, feedback: Feedback, now: float | None = None
    ) -> None:
        """Record how a finished exercise felt (undo can take it back for a few seconds)."""
        if exercise_index not in self._results:
            raise ValueError(f"exercise {exercise_index} has not finished; give feedback after")
        result = self._results[exercise_index]
        self._remember(
            "feedback", self._time(now), exercise_index=exercise_index, feedback=result.feedback
        )
        self._results[exercise_index] = msgspec.structs.replace(result, feedback=feedback)

    def set_pain_before(
        self, score: int, now: float | None = None, *, undoable: bool = True
    ) -> None:
        """Record the pain score (0 to 10) before the session; undo can take it back.

        Not ``undoable`` when it was given earlier (a session continued, the gentle routine
        after a flare-up): that is no key of a moment ago.
        """
        score = check_pain(score)
        if undoable:
            self._remember("pain-before", self._time(now), pain=self._pain_before)
        self._pain_before = score

    def set_pain_after(self, score: int, now: float | None = None) -> None:
        """Record the pain score (0 to 10) after the session (undo can take it back)."""
        score = check_pain(score)
        self._remember("pain-after", self._time(now), pain=self._pain_after)
        self._pain_after = score

    def set_note(self, text: str) -> None:
        """Keep the user's note about the session (trimmed; empty: none); it goes in the record."""
        self._note = tidy_note(text)

    def session(self) -> Session:
        """The session record so far: partial until the last exercise ends, then complete."""
        if self._started_at is None:
            raise RuntimeError("the session has not started: call start() first")
        return Session(
            id=self._id,
            routine=self._timeline.routine_id,
            routine_name=self._timeline.routine_name,
            phase=self._phase,
            started_at=self._started_at,
            ended_at=self._ended_at,
            status="complete" if self._complete else "partial",
            pain_before=self._pain_before,
            pain_after=self._pain_after,
            exercises=tuple(self._results[index] for index in sorted(self._results)),
            note=self._note,
        )
