"""The engine's clock: when an action happens, how long a step has run, what a screen shows.

:class:`StepClock` is the first base of :class:`~tui.session.engine.Engine`: its deadlines come
from the injected monotonic clock, pauses left out, and the wall clock is anchored once, at the
first action, so a wall clock set back or forward mid-session moves no duration. Nothing here
sleeps or imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from tui.session.events import Snapshot
from tui.session.timeline import Step, Timeline


class StepClock:
    """Time in a session: the engine's state it reads (set by the engine)."""

    _timeline: Timeline
    _clock: Callable[[], float]
    _wall: Callable[[], datetime]
    _index: int
    _started: float | None
    _finished: float | None
    _complete: bool
    _step_start: float
    _extension: float
    _paused_in_step: float
    _paused_since: float | None
    _paused_total: float
    _latest: float
    _anchor: tuple[float, datetime]

    def snapshot(self, now: float | None = None) -> Snapshot:
        """What a screen shows at ``now`` (call tick first so finished steps move on)."""
        t = max(self._clock() if now is None else now, self._latest)
        if self._finished is not None:
            t = self._finished
        step = self._step
        started = self._started is not None
        elapsed = self._active(t) if started else 0.0
        remaining = self._remaining(t) if started else step.duration
        total = self._timeline.total_seconds
        left_in_step = max(0.0, step.estimate - elapsed) if remaining is None else remaining
        after = total - self._timeline.seconds_before(self._index + 1)
        done = self._timeline.seconds_before(self._index) + min(elapsed, step.estimate)
        return Snapshot(
            exercise=self._timeline.exercises[step.exercise_index],
            exercise_count=len(self._timeline.exercises),
            step=step,
            step_index=self._index,
            step_count=len(self._timeline.steps),
            remaining=None if remaining is None else float(remaining),
            elapsed=elapsed,
            progress=1.0 if self._complete else min(1.0, done / total) if total else 0.0,
            session_elapsed=self._session_elapsed(t),
            session_remaining=0.0 if self._finished is not None else left_in_step + after,
            started=started,
            paused=self._paused_since is not None,
            finished=self._finished is not None,
            complete=self._complete,
        )

    @property
    def _step(self) -> Step:
        return self._timeline.steps[self._index]

    def _time(self, now: float | None) -> float:
        """The moment an action happens (never before one already seen).

        The first one anchors the wall clock: later times are that wall time plus the clock's
        seconds since, so a wall clock set back or forward mid-session moves no duration.
        """
        clock = self._clock()
        if self._anchor[1] == datetime.min:
            self._anchor = (clock, self._wall())
        t = max(clock if now is None else now, self._latest)
        self._latest = t
        return t

    def _wall_at(self, t: float) -> datetime:
        """The wall-clock time of clock reading ``t``."""
        clock, wall = self._anchor
        return wall + timedelta(seconds=t - clock)

    def _active(self, t: float) -> float:
        """Seconds the current step has run at ``t``, pauses left out."""
        end = t if self._paused_since is None else self._paused_since
        return max(0.0, end - self._step_start - self._paused_in_step)

    def _remaining(self, t: float) -> float | None:
        """Seconds left in the current timed step at ``t`` (None for a counted rep)."""
        duration = self._step.duration
        if duration is None:
            return None
        return max(0.0, duration + self._extension - self._active(t))

    def _deadline(self) -> float | None:
        """When the current step ends, unless it is paused or counted."""
        duration = self._step.duration
        if duration is None or self._paused_since is not None:
            return None
        return self._step_start + duration + self._extension + self._paused_in_step

    def _session_elapsed(self, t: float) -> float:
        """Seconds since the start at ``t``, pauses left out."""
        if self._started is None:
            return 0.0
        pausing = 0.0 if self._paused_since is None else t - self._paused_since
        return max(0.0, t - self._started - self._paused_total - pausing)
