"""What the player shows of one moment of a session: exercise, cue, countdown, counters, next.

The player hands it the engine's snapshot (attributes down); each part repaints only when its
text changes, so a hold changes the screen once a second at most.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from tui.model import minutes_left
from tui.session import PlannedExercise, Snapshot, Step, StepKind
from tui.widgets.countdown import Countdown, clock_text
from tui.widgets.readout import Readout
from tui.widgets.session_bar import SessionBar

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


def steps_text(exercise: PlannedExercise) -> str:
    """The exercise's instructions, numbered."""
    return "\n".join(f"{number}. {line}" for number, line in enumerate(exercise.steps, 1))


def seconds_left(snapshot: Snapshot) -> int:
    """Whole seconds left in the session, rounded up like the countdown (so both tick at once)."""
    return math.ceil(snapshot.session_remaining)


class SessionView(Vertical):
    """One moment of a session, from the exercise's name down to its instructions.

    The exercise with position and equipment, the cue, a big countdown, rep, set and side,
    progress through the session, what comes next and the exercise's instructions.
    """

    def __init__(self, *, id: str | None = None) -> None:
        """Empty until the first ``show``."""
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        """Exercise and cue on top, the countdown beside the counters, then progress and next."""
        yield Readout(id="exercise")
        yield Readout(id="cue")
        with Horizontal(id="clock-row"):
            with Vertical(id="count-box"):
                yield Readout(id="state")
                yield Countdown(id="countdown")
            yield Readout(id="counters")
        with Horizontal(id="progress-row"):
            yield SessionBar(id="progress")
            yield Readout(id="left")
        yield Readout(id="next")
        yield Readout(id="steps")

    def show(self, snapshot: Snapshot, total_seconds: int) -> None:
        """Show this moment; only the parts whose text changed are repainted."""
        step, exercise = snapshot.step, snapshot.exercise
        number = f"Exercise {exercise.index + 1} of {snapshot.exercise_count}"
        self.query_one("#exercise", Readout).show(f"{number}: {exercise.preview}")
        self.query_one("#cue", Readout).show(step.cue)
        state = "PAUSED" if snapshot.paused else KIND_WORDS[step.kind]
        self.query_one("#state", Readout).show(state)
        remaining = snapshot.remaining
        count = str(step.rep_number) if remaining is None else clock_text(remaining)
        self.query_one(Countdown).show(count)
        self.query_one("#counters", Readout).show(counters_text(step))
        self.query_one("#next", Readout).show(f"Then: {step.next_label}")
        self.query_one("#steps", Readout).show(steps_text(exercise))
        left = seconds_left(snapshot)
        done = total_seconds if snapshot.complete else max(0, total_seconds - left)
        bar = self.query_one(SessionBar)
        bar.show(done, total_seconds)
        self.query_one("#left", Readout).show(f"{bar.fraction:4.0%}  {minutes_left(left)}")
        # On the two widgets that change colour, not on the view: a class on the view would
        # restyle everything in it (some 15 ms a key press on a slow machine).
        for widget in (self.query_one("#state"), self.query_one(Countdown)):
            widget.set_class(snapshot.paused, "-paused")
            widget.set_class(not step.kind.is_rep, "-resting")
