"""Putting a wrong key right: undo the last skip, "this hurts", rating or pain score; go back.

The engine remembers what its last undoable action changed, and for how long it may be taken
back (:data:`UNDO_SECONDS`, on the engine's clock). A skip or "this hurts" keeps where the
session stood, so undo puts the exercise back where it was: the seconds between the key and
the undo count as a pause, and the session is paused after the undo only if it is paused at
it. A rating or a pain score keeps the value it replaced (None: unknown again). Only the last
action can be undone, once; an easier exercise put in after "this hurts" makes the hurt final.

Going back: ``b`` at the start of an exercise (its lead-in or its first rep) goes to the start
(the lead-in) of the exercise before it; at the first exercise it starts that one again.

:class:`Corrections` is a base of :class:`~tui.session.engine.Engine` (through
:class:`~tui.session.answers.Answers`). Nothing here imports Textual.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import msgspec

from tui.model import ExerciseResult, Feedback
from tui.session.tally import ExerciseTally
from tui.session.timeline import Timeline

UNDO_SECONDS = 8.0
"""How long after the key undo still takes it back (lumbar's own choice: long enough to see a
wrong key, short enough that nothing much has happened since)."""

UndoKind = Literal["skip", "hurt", "feedback", "pain-before", "pain-after"]
"""What can be undone: a skip, "this hurts", a rating, or the pain score before or after."""

PLAYER_UNDOES: tuple[UndoKind, ...] = ("skip", "hurt", "feedback", "pain-before")
"""What ``u`` in a player takes back (the pain score after is undone from the summary)."""
ENDING_UNDOES: tuple[UndoKind, ...] = ("skip", "hurt", "feedback")
"""What ``u`` in the pain check after the last exercise takes back: the key that ended it."""
ENDING_UNDO_WORDS: dict[UndoKind, str] = {
    "skip": "the skip",
    "hurt": '"this hurts"',
    "feedback": "the rating",
}
"""What the pain check after the last exercise says its undo takes back."""
UNDONE: dict[UndoKind, str] = {
    "skip": "Skip undone: the exercise goes on.",
    "hurt": '"This hurts" undone: the exercise goes on.',
    "feedback": "Rating undone.",
    "pain-before": "Pain score undone: answer the pain check again.",
    "pain-after": "Pain score undone.",
}
"""What a player says once each kind of action is undone."""


@dataclass(frozen=True)
class Played:
    """Where the session stood just before a skip or "this hurts": enough to put it back."""

    index: int
    step_start: float
    extension: float
    paused_in_step: float
    paused_since: float | None
    paused_total: float
    tally: ExerciseTally | None
    results: dict[int, ExerciseResult]
    waiting: bool
    finished: float | None
    ended_at: datetime | None
    complete: bool


@dataclass(frozen=True)
class Undoable:
    """The last action that undo can take back, and when it was done (a clock reading).

    ``exercise_index`` is the exercise it was about; ``feedback`` and ``pain`` hold the
    rating or score it replaced; ``played`` where the session stood before a skip or a hurt.
    """

    kind: UndoKind
    at: float
    exercise_index: int | None = None
    feedback: Feedback | None = None
    pain: int | None = None
    played: Played | None = None

    def seconds_left(self, now: float) -> float:
        """Seconds left at ``now`` to undo it (0 once the time is up)."""
        return max(0.0, self.at + UNDO_SECONDS - now)


class Corrections:
    """Undo and going back an exercise: the engine's state they read and change, and how."""

    _timeline: Timeline
    _clock: Callable[[], float]
    _index: int
    _step_start: float
    _extension: float
    _paused_in_step: float
    _paused_since: float | None
    _paused_total: float
    _tally: ExerciseTally | None
    _results: dict[int, ExerciseResult]
    _pain_before: int | None
    _pain_after: int | None
    _waiting: bool
    _finished: float | None
    _ended_at: datetime | None
    _complete: bool
    _undo: Undoable | None = None

    def undoable(self, now: float | None = None) -> Undoable | None:
        """The action undo would take back at ``now``; None when there is none, or too late."""
        undo = self._undo
        t = self._clock() if now is None else now
        return undo if undo is not None and undo.seconds_left(t) > 0 else None

    def undo(self, now: float | None = None) -> Undoable | None:
        """Take back the last skip, hurt, rating or pain score, if still in time; what it was.

        The caller saves the record again (it changed) and asks again what was answered.
        """
        t = self._time(now)
        undo = self.undoable(t)
        self._undo = None
        if undo is None:
            return None
        if undo.kind == "feedback" and undo.exercise_index in self._results:
            result = self._results[undo.exercise_index]
            self._results[undo.exercise_index] = msgspec.structs.replace(
                result, feedback=undo.feedback
            )
        elif undo.kind == "pain-before":
            self._pain_before = undo.pain
        elif undo.kind == "pain-after":
            self._pain_after = undo.pain
        elif undo.played is not None:
            self._put_back(undo.played, undo.at, t)
        return undo

    def make_final(self) -> None:
        """Make the last action final: undo no longer takes it back (a choice confirmed it)."""
        self._undo = None

    def _time(self, now: float | None) -> float:
        raise NotImplementedError  # the engine's

    def _remember_played(self, kind: UndoKind, t: float) -> None:
        """Keep where the session stands now, before a skip or a hurt changes it."""
        self._undo = Undoable(
            kind,
            t,
            exercise_index=self._timeline.steps[self._index].exercise_index,
            played=Played(
                self._index,
                self._step_start,
                self._extension,
                self._paused_in_step,
                self._paused_since,
                self._paused_total,
                copy.deepcopy(self._tally),
                dict(self._results),
                self._waiting,
                self._finished,
                self._ended_at,
                self._complete,
            ),
        )

    def _remember(
        self,
        kind: UndoKind,
        t: float,
        *,
        exercise_index: int | None = None,
        feedback: Feedback | None = None,
        pain: int | None = None,
    ) -> None:
        """Keep the rating or pain score an answer is about to replace."""
        self._undo = Undoable(kind, t, exercise_index, feedback, pain)

    def _put_back(self, played: Played, at: float, t: float) -> None:
        """Return to where the session stood at ``at``; the time since counts as a pause."""
        paused_now = self._paused_since is not None and self._finished is None
        self._index, self._step_start = played.index, played.step_start
        self._extension, self._paused_in_step = played.extension, played.paused_in_step
        self._paused_since, self._paused_total = played.paused_since, played.paused_total
        self._tally, self._results = played.tally, dict(played.results)
        self._waiting, self._finished = played.waiting, played.finished
        self._ended_at, self._complete = played.ended_at, played.complete
        if self._paused_since is None:
            self._paused_since = at
        if not paused_now:
            self._paused_in_step += t - self._paused_since
            self._paused_total += t - self._paused_since
            self._paused_since = None

    def _back_target(self) -> int:
        """The step ``back`` goes to: the one before, or at an exercise's start, the last one's.

        At the start of an exercise (its lead-in or its first rep) that is the lead-in of the
        exercise before it; at the first exercise, its own first step (it starts again).
        """
        steps = self._timeline.steps
        exercise = self._timeline.exercises[steps[self._index].exercise_index]
        first_rep = exercise.first_step + int(steps[exercise.first_step].kind.is_lead_in)
        if self._index > first_rep:
            return self._index - 1
        if exercise.index == 0:
            return exercise.first_step
        return self._timeline.exercises[exercise.index - 1].first_step
