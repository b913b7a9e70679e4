"""What the player shows of one moment of a session: exercise, cue, countdown, counters, next.

Attributes down: the player binds its snapshot into the view (``data_bind``); the view turns it
into the text of each part, in reactives bound into its children. Textual skips a value equal
to the one before, so a part repaints only when its text changes, and a hold changes the
screen once a second at most.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import var

from tui.catalogue import dose_reason
from tui.model import minutes_left, plan_text
from tui.session import PlannedExercise, Snapshot, Step, StepKind
from tui.widgets.countdown import Countdown, clock_text
from tui.widgets.readout import Readout
from tui.widgets.session_bar import SessionBar, fraction

KIND_WORDS = {
    StepKind.GET_READY: "GET READY",
    StepKind.TRANSITION: "NEXT UP",
    StepKind.HOLD: "HOLD",
    StepKind.MOVE: "MOVE",
    StepKind.COUNTED: "COUNT: ENTER",
    StepKind.REST: "REST",
    StepKind.SET_REST: "REST",
    StepKind.SWITCH_SIDE: "SWITCH SIDE",
}
"""What the label over the countdown says for each kind of step."""
WAITING = "START: ENTER"
"""The label over a lead-in that waits for the user's key (the setting "wait for me")."""


def counters_text(step: Step) -> str:
    """Rep, set and side with their totals (and position and stage when there are several)."""
    lines = [
        f"Rep {step.rep_number} of {step.rep_count}",
        f"Set {step.set_number} of {step.set_count}",
    ]
    if step.side is None:
        lines.append("No sides to switch")
    else:
        lines.append(f"Side {1 if step.side == 'left' else 2} of 2: {step.side}")
    if step.position_count > 1:
        lines.append(f"Position {step.position_number} of {step.position_count}")
    if step.stage_count > 1:
        lines.append(f"{step.stage_name} ({step.stage_number} of {step.stage_count})")
    return "\n".join(lines)


def reason_text(exercise: PlannedExercise) -> str:
    """The exercise's dose and why it plays at it: ``10 reps, hold 5 s. Same as last time: ...``."""
    reason = dose_reason(exercise.change, exercise.why, below_range=exercise.below_range)
    dose = plan_text(exercise.planned)
    return f"{dose[:1].upper()}{dose[1:]}. {reason}".strip()


def steps_text(exercise: PlannedExercise) -> str:
    """The exercise's instructions, numbered."""
    return "\n".join(f"{number}. {line}" for number, line in enumerate(exercise.steps, 1))


def seconds_left(snapshot: Snapshot) -> int:
    """Whole seconds left in the session, rounded up like the countdown (so both tick at once)."""
    return math.ceil(snapshot.session_remaining)


class StepLabel(Readout):
    """The word over the countdown (HOLD, REST, PAUSED), tinted like the countdown."""

    paused: var[bool] = var(False, toggle_class="-paused")
    """The session is paused."""
    resting: var[bool] = var(False, toggle_class="-resting")
    """The step is not a rep."""


class SessionView(Vertical):
    """One moment of a session, from the exercise's name down to its instructions.

    The exercise with position and equipment, its dose and why, the cue, a big countdown, rep,
    set and side, progress through the session, what comes next and the exercise's
    instructions.
    """

    snapshot: var[Snapshot | None] = var(None, init=False)
    """The moment shown (the player binds it); None until the first."""
    total_seconds: var[int] = var(0, init=False)
    """The session's planned seconds (the player binds it)."""

    exercise_line: var[str] = var("")
    """Which exercise of how many, with its position and equipment."""
    reason: var[str] = var("")
    """Its dose, and why it plays at it (from the history: up, the same, down or new)."""
    cue: var[str] = var("")
    """What to do now."""
    state: var[str] = var("")
    """The word over the countdown: the kind of step, or PAUSED."""
    count: var[str] = var("")
    """What the countdown shows: the time left, or the rep to count."""
    counters: var[str] = var("")
    """Rep, set and side with their totals."""
    done: var[int] = var(0)
    """Seconds of the session done, for the bar."""
    left: var[str] = var("")
    """How far through, and the minutes left."""
    next_up: var[str] = var("")
    """What comes next."""
    steps: var[str] = var("")
    """The exercise's instructions."""
    paused: var[bool] = var(False)
    """The session is paused (the countdown and the word over it change colour)."""
    resting: var[bool] = var(False)
    """The step is not a rep (the countdown and the word over it change colour)."""

    def __init__(self, *, id: str | None = None) -> None:
        """Empty until the first snapshot."""
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        """Exercise and cue on top, the countdown beside the counters, then progress and next.

        Each part is bound to the reactive that holds its text. The colours go on the two
        widgets that change colour, not on the view: a class on the view would restyle
        everything in it (some 15 ms a key press on a slow machine).
        """
        tint = (SessionView.paused, SessionView.resting)
        yield Readout(id="exercise").data_bind(text=SessionView.exercise_line)
        yield Readout(id="reason").data_bind(text=SessionView.reason)
        yield Readout(id="cue").data_bind(text=SessionView.cue)
        with Horizontal(id="clock-row"):
            with Vertical(id="count-box"):
                yield StepLabel(id="state").data_bind(*tint, text=SessionView.state)
                yield Countdown(id="countdown").data_bind(*tint, text=SessionView.count)
            yield Readout(id="counters").data_bind(text=SessionView.counters)
        with Horizontal(id="progress-row"):
            yield SessionBar(id="progress").data_bind(
                SessionView.done, total=SessionView.total_seconds
            )
            yield Readout(id="left").data_bind(text=SessionView.left)
        yield Readout(id="next").data_bind(text=SessionView.next_up)
        yield Readout(id="steps").data_bind(text=SessionView.steps)

    def watch_snapshot(self) -> None:
        """A new moment: work out what each part says."""
        self._show()

    def watch_total_seconds(self) -> None:
        """The session grew or shrank (an exercise was put in): the progress moves."""
        self._show()

    def _show(self) -> None:
        """Set each part's text from the snapshot; Textual passes on only what changed."""
        snapshot = self.snapshot
        if snapshot is None:
            return
        step, exercise = snapshot.step, snapshot.exercise
        number = f"Exercise {exercise.index + 1} of {snapshot.exercise_count}"
        self.exercise_line = f"{number}: {exercise.preview}"
        self.reason = reason_text(exercise)
        self.cue = step.cue
        remaining = snapshot.remaining
        waiting = remaining is None and step.kind.is_lead_in  # "wait for me": on the user's key
        self.state = "PAUSED" if snapshot.paused else WAITING if waiting else KIND_WORDS[step.kind]
        counted = str(step.rep_number) if not waiting else ""
        self.count = counted if remaining is None else clock_text(remaining)
        self.counters = counters_text(step)
        self.next_up = f"Then: {step.next_label}"
        self.steps = steps_text(exercise)
        left, total = seconds_left(snapshot), self.total_seconds
        self.done = total if snapshot.complete else max(0, total - left)
        self.left = f"{fraction(self.done, total):4.0%}  {minutes_left(left)}"
        self.paused = snapshot.paused
        self.resting = not step.kind.is_rep
