"""A stage's gate, answered: yes plays the stage (and is remembered), no ends the exercise there.

An article may let a later stage start only once the user can do something (the Essential
Guide's back extension goes on to the elbows only once lying face down for 5 minutes without
a pillow is comfortable). The timeline puts a GATE step before such a stage; it waits, like a
counted rep, until the player asks the question and hands the answer here. The answer goes
into the exercise's record (:class:`~tui.model.GateAnswer`), so it is saved with the session;
a link that drops at the question leaves no answer, and the question is asked again next time.

:class:`GateAnswers` is a base of :class:`~tui.session.engine.Engine`. Nothing here imports
Textual.
"""

from __future__ import annotations

from datetime import datetime

from tui.model import GateAnswer, Outcome
from tui.session.events import Event, StepEnd
from tui.session.kinds import StepKind
from tui.session.tally import ExerciseTally
from tui.session.timeline import Step


class GateAnswers:
    """Answering the gate question the session waits at: the engine's state it reads and uses."""

    _tally: ExerciseTally | None

    @property
    def running(self) -> bool:
        """True between start and the end of the session (the engine's)."""
        raise NotImplementedError

    @property
    def at_gate(self) -> bool:
        """True while the session waits at a stage's gate question."""
        return self.running and self._step.kind is StepKind.GATE

    def answer_gate(self, passed: bool, now: float | None = None) -> list[Event]:
        """Answer the gate question the session waits at (nothing happens anywhere else).

        Yes starts the gated stage now; no ends the exercise here, recorded as "gated" (not
        skipped, not hurt), and the next exercise's lead-in starts. Either way the answer is
        kept in the exercise's record, and the last action before it can no longer be undone.
        """
        t = self._time(now)
        if not self.at_gate:
            return []
        self.make_final()
        if self._tally is not None:
            self._tally.gates[self._index] = GateAnswer(
                gate=self._step.cue, passed=passed, answered_at=self._wall_at(t)
            )
        if passed:
            return self._advance(t, "next")
        return self._leave_exercise(t, "gated")

    # The engine's -------------------------------------------------------------------------

    _index: int

    def make_final(self) -> None:
        """Make the last action final (see :mod:`tui.session.corrections`)."""
        raise NotImplementedError

    @property
    def _step(self) -> Step:
        raise NotImplementedError

    def _time(self, now: float | None) -> float:
        raise NotImplementedError

    def _wall_at(self, t: float) -> datetime:
        raise NotImplementedError

    def _advance(self, t: float, reason: StepEnd) -> list[Event]:
        raise NotImplementedError

    def _leave_exercise(self, t: float, outcome: Outcome, *, wait: bool = False) -> list[Event]:
        raise NotImplementedError
