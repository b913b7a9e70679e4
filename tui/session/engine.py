"""The session engine: plays a timeline against an injected clock, driven by the user's actions.

Each timed step ends at its deadline: its start, plus its duration, plus any time added,
plus the time spent paused. The next step starts at that deadline, not when the engine next
hears from the clock, so a session never drifts however irregularly it is ticked. Nothing
here sleeps or imports Textual.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from datetime import datetime

from tui.model import DoseChange, ExerciseResult, Outcome, Plans
from tui.session.answers import Answers
from tui.session.clocked import StepClock
from tui.session.events import (
    Event,
    ExerciseDone,
    SessionDone,
    SessionEnded,
    StepDone,
    StepEnd,
    StepStarted,
)
from tui.session.gates import GateAnswers
from tui.session.tally import ExerciseTally
from tui.session.timeline import Step, StepKind, Timeline

RECORDING: frozenset[StepEnd] = frozenset({"time", "next", "counted", "skipped", "hurt", "quit"})


class Engine(StepClock, Answers, GateAnswers):
    """Plays a timeline against a monotonic clock and reports what happened as events.

    Its clock (and what a screen shows at a moment) is in :mod:`tui.session.clocked`; ratings,
    pain scores, the note and the session record in :mod:`tui.session.answers`; its undo and its
    way back an exercise in :mod:`tui.session.corrections`; answering a stage's gate in
    :mod:`tui.session.gates`.
    """

    def __init__(
        self,
        timeline: Timeline,
        clock: Callable[[], float],
        wall: Callable[[], datetime],
        *,
        session_id: str | None = None,
        phase: str | None = None,
        start_at: int = 0,
    ) -> None:
        self._timeline = timeline
        self._start_at = start_at  # the first step played (a session resumed part-way)
        self._clock = clock
        self._wall = wall
        self._id = session_id or uuid.uuid4().hex
        self._phase = phase
        self._index = start_at
        self._started: float | None = None
        self._started_at: datetime | None = None
        self._finished: float | None = None
        self._ended_at: datetime | None = None
        self._complete = False
        self._step_start = 0.0
        self._extension = 0.0
        self._paused_in_step = 0.0
        self._paused_since: float | None = None
        self._paused_total = 0.0
        self._latest = -math.inf
        self._anchor = (0.0, datetime.min)
        self._tally: ExerciseTally | None = None
        self._results: dict[int, ExerciseResult] = {}
        self._pain_before: int | None = None
        self._pain_after: int | None = None
        self._note = ""
        self._waiting = False  # the last exercise hurt: an easier one may still be put in

    @property
    def timeline(self) -> Timeline:
        """The timeline being played (a new one after an exercise is inserted)."""
        return self._timeline

    @property
    def running(self) -> bool:
        """True between start and the end of the session."""
        return self._started is not None and self._finished is None

    # Actions -----------------------------------------------------------------------------

    def start(self, now: float | None = None) -> list[Event]:
        """Start the session: the first step (``start_at``, else step 0) begins now."""
        t = self._time(now)
        if self._started is not None:
            return []
        started_at = self._wall_at(t)
        if started_at.tzinfo is None:
            raise ValueError("wall() must give timezone-aware times: datetime.now().astimezone()")
        self._started, self._started_at = t, started_at
        return self._start_step(self._start_at, t)

    def tick(self, now: float | None = None) -> list[Event]:
        """Finish every step whose deadline has passed; each next step starts at that deadline."""
        return self._catch_up(self._time(now))

    def pause(self, now: float | None = None) -> list[Event]:
        """Stop the clock for the session: nothing ends and no hold counts until resume."""
        t = self._time(now)
        events = self._catch_up(t)
        if self.running and self._paused_since is None:
            self._paused_since = t
        return events

    def resume(self, now: float | None = None) -> list[Event]:
        """Restart the clock; every later deadline moves by the time spent paused."""
        t = self._time(now)
        if self._waiting:
            return self._settle(t)
        if self.running and self._paused_since is not None:
            self._paused_in_step += t - self._paused_since
            self._paused_total += t - self._paused_since
            self._paused_since = None
        return self._catch_up(t)

    def next_step(self, now: float | None = None) -> list[Event]:
        """End the current step now; the next one starts now.

        A rep ended before its time is up is not done, and a hold so ended is cut short: the
        exercise is then recorded as "cut", not "done" (see :mod:`tui.session.tally`).
        """
        t = self._time(now)
        if self._waiting:
            return self._settle(t)
        events = self._catch_up(t)
        return events + self._advance(t, "next") if self.running else events

    def previous_step(self, now: float | None = None) -> list[Event]:
        """Restart the step before this one now; it counts only once.

        At the start of an exercise, the exercise before it starts again (its result is
        replaced when it ends again); at the first exercise, that one starts again.
        """
        t = self._time(now)
        if self._waiting:
            return self._settle(t)
        events = self._catch_up(t)
        if not self.running:
            return events
        events.append(self._end_step(t, "back"))
        return events + self._start_step(self._back_target(), t)

    def extend(self, seconds: int = 5, now: float | None = None) -> list[Event]:
        """Add seconds to the current timed step."""
        if seconds < 0:
            raise ValueError("extend by a positive number of seconds; use shorten to take away")
        t = self._time(now)
        if self._waiting:
            return self._settle(t)
        events = self._catch_up(t)
        if self.running and self._step.is_timed:
            self._extension += seconds
        return events

    def shorten(self, seconds: int = 5, now: float | None = None) -> list[Event]:
        """Take seconds off the current timed step; taking all that remains ends it now."""
        if seconds < 0:
            raise ValueError("shorten by a positive number of seconds; use extend to add")
        t = self._time(now)
        if self._waiting:
            return self._settle(t)
        events = self._catch_up(t)
        remaining = self._remaining(t)
        if not self.running or remaining is None:
            return events
        if seconds < remaining:
            self._extension -= seconds
            return events
        self._extension -= remaining
        return events + self._advance(t, "time")

    def count_rep(self, now: float | None = None) -> list[Event]:
        """Complete the current counted rep; on any other step this does nothing."""
        t = self._time(now)
        if self._waiting:
            return self._settle(t)
        events = self._catch_up(t)
        if self.running and self._step.kind is StepKind.COUNTED:
            events += self._advance(t, "counted")
        return events

    def skip_exercise(self, now: float | None = None) -> list[Event]:
        """Leave the exercise now, recorded as skipped; the next exercise's lead-in starts."""
        t = self._time(now)
        if self._waiting:
            return self._settle(t)
        events = self._catch_up(t)
        if self.running:
            self._remember_played("skip", t)
        return events + self._leave_exercise(t, "skipped")

    def this_hurts(self, now: float | None = None, *, wait_if_last: bool = False) -> list[Event]:
        """Stop the exercise now, recorded as hurt; ExerciseDone carries its easier variants.

        During a lead-in no exercise is in play, so this does nothing: the exercise just
        finished takes ``set_feedback(index, "hurt")`` instead. With ``wait_if_last``, the
        last exercise hurting does not end the session yet: an easier one may be put in
        (``insert_exercise``); any other action ends it, complete.
        """
        t = self._time(now)
        if self._waiting:
            return []
        events = self._catch_up(t)
        if not self.running or self._step.kind.is_lead_in:
            return events
        self._remember_played("hurt", t)
        return events + self._leave_exercise(t, "hurt", wait=wait_if_last)

    @property
    def waiting(self) -> bool:
        """True when the last exercise hurt and the session waits to hear what comes next."""
        return self._waiting

    def insert_exercise(
        self,
        exercise_id: str,
        now: float | None = None,
        *,
        planned: Plans | None = None,
        change: DoseChange = "new",
        why: str = "",
    ) -> list[Event]:
        """Play an exercise next (at ``planned``, else its low end): after this one, or before it.

        During a lead-in the new exercise goes before the one previewed, and the lead-in
        restarts now to preview it. Does nothing before the start or after the end. ``change``
        and ``why`` say how its dose compares and why (the player shows them).
        """
        t = self._time(now)
        events = self._catch_up(t)
        if not self.running:
            return events
        step = self._step
        lead_in = step.kind.is_lead_in
        at = step.exercise_index if lead_in else step.exercise_index + 1
        waiting, self._waiting = self._waiting, False
        self._undo = None  # an easier exercise is in: what hurt stays hurt
        self._timeline = self._timeline.inserting(at, exercise_id, planned, change=change, why=why)
        if waiting:  # the last exercise hurt: the one put in after it starts now
            return events + self._start_step(self._timeline.exercises[at].first_step, t)
        if not lead_in:
            return events
        events.append(self._end_step(t, "replaced", step))
        self._tally = None
        return events + self._start_step(self._index, t)

    def quit(self, now: float | None = None) -> list[Event]:
        """End the session early: the exercise in play is recorded as stopped."""
        t = self._time(now)
        if self._waiting:
            return self._settle(t)
        events = self._catch_up(t)
        if not self.running:
            return events
        lead_in = self._step.kind.is_lead_in
        events.append(self._end_step(t, "quit"))
        if not lead_in:
            events.append(self._finish_exercise(t, "stopped"))
        return events + self._finish_session(t, complete=False)

    # Inside ------------------------------------------------------------------------------

    def _catch_up(self, t: float) -> list[Event]:
        events: list[Event] = []
        while self.running and not self._waiting:
            deadline = self._deadline()
            if deadline is None or deadline > t:
                break
            events += self._advance(deadline, "time")
        return events

    def _start_step(self, index: int, t: float) -> list[Event]:
        """Begin step ``index`` at ``t`` (a pause in progress carries on into it)."""
        if self._paused_since is not None:
            self._paused_total += t - self._paused_since
            self._paused_since = t
        self._index, self._step_start = index, t
        self._extension, self._paused_in_step = 0.0, 0.0
        step = self._step
        if self._tally is None or self._tally.index != step.exercise_index:
            self._tally = ExerciseTally(step.exercise_index, self._wall_at(t))
        self._tally.forget(index)
        return [StepStarted(index, step, t)]

    def _end_step(self, t: float, reason: StepEnd, step: Step | None = None) -> StepDone:
        """End the current step at ``t``, keeping what it did unless it is being replayed."""
        step = step or self._step
        if self._tally is not None and reason in RECORDING:
            self._tally.record(self._index, step, self._active(t), self._extension, reason)
        return StepDone(self._index, step, t, reason)

    def _advance(self, t: float, reason: StepEnd) -> list[Event]:
        """End the current step at ``t`` and start the next, closing the exercise if it ends."""
        events: list[Event] = [self._end_step(t, reason)]
        following = self._index + 1
        steps = self._timeline.steps
        if following == len(steps) or steps[following].exercise_index != self._step.exercise_index:
            events.append(self._finish_exercise(t, "done"))
        if following == len(steps):
            return events + self._finish_session(t, complete=True)
        return events + self._start_step(following, t)

    def _leave_exercise(self, t: float, outcome: Outcome, *, wait: bool = False) -> list[Event]:
        """End the exercise now with ``outcome`` and go on to the next one's lead-in.

        After the last exercise the session ends, unless ``wait``: then it waits (see
        ``this_hurts``).
        """
        events = self._catch_up(t)
        if not self.running:
            return events
        events.append(self._end_step(t, "hurt" if outcome == "hurt" else "skipped"))
        events.append(self._finish_exercise(t, outcome))
        following = self._timeline.exercises[self._step.exercise_index].span.stop
        if following == len(self._timeline.steps):
            if wait:
                self._waiting = True
                return events
            return events + self._finish_session(t, complete=True)
        return events + self._start_step(following, t)

    def _settle(self, t: float) -> list[Event]:
        """Stop waiting after the last exercise hurt: the session ends now, complete."""
        self._waiting = False
        return self._finish_session(t, complete=True)

    def _finish_exercise(self, t: float, outcome: Outcome) -> ExerciseDone:
        """Record the exercise in play as ended at ``t`` with ``outcome``."""
        exercise = self._timeline.exercises[self._step.exercise_index]
        tally = self._tally or ExerciseTally(exercise.index, self._wall_at(t))
        result = tally.result(exercise, outcome, self._wall_at(t))
        self._results[exercise.index] = result
        self._tally = None
        return ExerciseDone(exercise.index, result, exercise.easier, t)

    def _finish_session(self, t: float, *, complete: bool) -> list[Event]:
        """Close the session at ``t``: complete, or ended early by the user."""
        if self._paused_since is not None:
            self._paused_total += t - self._paused_since
            self._paused_since = None
        self._finished, self._ended_at, self._complete = t, self._wall_at(t), complete
        session = self.session()
        return [SessionDone(session, t) if complete else SessionEnded(session, t)]
