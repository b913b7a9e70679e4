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
from tui.model import CHOSEN_MARK, minutes_left, plan_text
from tui.session import PlannedExercise, Snapshot, Step, StepKind, beat_at
from tui.widgets.countdown import Countdown, PhaseWord, clock_text
from tui.widgets.readout import Readout
from tui.widgets.session_bar import SessionBar, fraction

KIND_WORDS = {
    StepKind.GET_READY: "GET READY",
    StepKind.TRANSITION: "GET READY",
    StepKind.HOLD: "HOLD",
    StepKind.MOVE: "MOVE",
    StepKind.COUNTED: "REP",
    StepKind.SHIFT: "MOVE",
    StepKind.REST: "REST",
    StepKind.SET_REST: "REST",
    StepKind.SWITCH_SIDE: "SWITCH SIDE",
    StepKind.GATE: "QUESTION",
}
"""The phase word over the countdown for each kind of step (a word, never colour alone)."""
WAITING = "START: ENTER"
"""The word over a lead-in that waits for the user's key (the setting "wait for me")."""
PHASES = {
    StepKind.GET_READY: "ready",
    StepKind.TRANSITION: "ready",
    StepKind.HOLD: "hold",
    StepKind.MOVE: "move",
    StepKind.SHIFT: "move",
    StepKind.COUNTED: "count",
    StepKind.REST: "rest",
    StepKind.SET_REST: "rest",
    StepKind.SWITCH_SIDE: "switch",
    StepKind.GATE: "ready",
}
"""The phase each kind of step shows in (its accent colour, from the player's styles)."""


def waiting_for_me(snapshot: Snapshot) -> bool:
    """True while a lead-in waits for the user's key ("wait for me")."""
    return snapshot.remaining is None and snapshot.step.kind.is_lead_in


def phase_of(snapshot: Snapshot) -> tuple[str, str]:
    """The phase word and the phase of a moment: the step's, or paused, or done."""
    if snapshot.finished:
        return "DONE", "done"
    if snapshot.paused:
        return "PAUSED", "paused"
    if waiting_for_me(snapshot):
        return WAITING, "ready"
    if snapshot.step.shift == "switch":
        return "SWITCH SIDE", "switch"
    return KIND_WORDS[snapshot.step.kind], PHASES[snapshot.step.kind]


def counters_line(step: Step) -> str:
    """Rep, set and side on one line, for the compact player: ``Rep 3/8 · Set 1/2 · left``."""
    parts = [f"Rep {step.rep_number}/{step.rep_count}", f"Set {step.set_number}/{step.set_count}"]
    if step.side is not None:
        parts.append(f"{step.side} side")
    return " · ".join(parts)


def caution_text(exercise: PlannedExercise, key: str = "") -> str:
    """The exercise's first caution, how many there are and the key for all of them."""
    cautions = exercise.cautions or ("Stop if it hurts.",)
    count = f", 1 of {len(cautions)}" if len(cautions) > 1 else ""
    more = " and notes" if exercise.notes else ""
    hint = f" ({key} for all{more})" if key and (exercise.cautions or exercise.notes) else ""
    return f"Caution{count}{hint}: {cautions[0]}"


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


def cue_text(step: Step, elapsed: float) -> str:
    """The cue, with the beat of a paced rep when it has beats: ``Tip... · back (1 of 4)``."""
    beat = beat_at(step, elapsed)
    if beat is None:
        return step.cue
    number, word = beat
    return f"{step.cue} · {word.upper()} ({number + 1} of {len(step.beats)})"


CHOSEN_SHORT = f"({CHOSEN_MARK} lumbar's choice)"
"""What the player says after a dose with a number lumbar chose (the article gives none)."""


def reason_text(exercise: PlannedExercise) -> str:
    """The exercise's dose and why it plays at it: ``10 reps, hold 5 s. Same as last time: ...``.

    A number that is lumbar's choice, not the article's, carries a ``*``, explained after it.
    """
    reason = dose_reason(exercise.change, exercise.why, below_range=exercise.below_range)
    dose = plan_text(exercise.planned, exercise.chosen)
    if CHOSEN_MARK in dose:
        dose = f"{dose} {CHOSEN_SHORT}"
    return f"{dose[:1].upper()}{dose[1:]}. {reason}".strip()


def stage_note(exercise: PlannedExercise, step: Step) -> str:
    """The note of the stage in play (``Stage name: note``), or "" when it has none."""
    index = step.stage_number - 1
    if not 0 <= index < len(exercise.stage_notes) or not exercise.stage_notes[index]:
        return ""
    return f"{step.stage_name or 'This stage'}: {exercise.stage_notes[index]}"


def steps_text(exercise: PlannedExercise, step: Step | None = None) -> str:
    """The exercise's instructions, numbered, after the note of the stage in play if it has one."""
    lines = [f"{number}. {line}" for number, line in enumerate(exercise.steps, 1)]
    note = stage_note(exercise, step) if step is not None else ""
    return "\n".join([note, *lines] if note else lines)


def seconds_left(snapshot: Snapshot) -> int:
    """Whole seconds left in the session, rounded up like the countdown (so both tick at once)."""
    return math.ceil(snapshot.session_remaining)


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
    brief: var[str] = var("")
    """Rep, set and side on one line (the compact player shows this in place of counters)."""
    done: var[int] = var(0)
    """Seconds of the session done, for the bar."""
    left: var[str] = var("")
    """How far through, and the minutes left."""
    next_up: var[str] = var("")
    """What comes next."""
    caution: var[str] = var("")
    """The exercise's first caution."""
    steps: var[str] = var("")
    """The exercise's instructions."""
    phase: var[str] = var("ready")
    """The phase (ready, move, hold, count, rest, switch, paused, done): the accent colour."""

    def __init__(self, *, id: str | None = None) -> None:
        """Empty until the first snapshot."""
        super().__init__(id=id)
        self.cautions_key = ""
        """The key that shows all the cautions, as the caution line names it (the player's)."""

    def compose(self) -> ComposeResult:
        """Exercise and cue; the phase word; the countdown and counters; progress; the rest.

        Under the progress bar: what is next, the first caution and the instructions. Each
        part is bound to the reactive that holds its text. The phase's colour goes on the few
        widgets that carry it (the word, the digits, the bar), not on the view: a class on the
        view would restyle and repaint everything in it at every change of step.
        """
        phase = SessionView.phase
        yield Readout(id="exercise").data_bind(text=SessionView.exercise_line)
        yield Readout(id="reason").data_bind(text=SessionView.reason)
        yield Readout(id="cue").data_bind(text=SessionView.cue)
        yield PhaseWord(id="state").data_bind(phase, text=SessionView.state)
        with Horizontal(id="clock-row"):
            yield Countdown(id="countdown").data_bind(phase, text=SessionView.count)
            yield Readout(id="counters").data_bind(text=SessionView.counters)
        yield Readout(id="brief").data_bind(text=SessionView.brief)
        with Horizontal(id="progress-row"):
            yield SessionBar(id="progress").data_bind(
                phase, SessionView.done, total=SessionView.total_seconds
            )
            yield Readout(id="left").data_bind(text=SessionView.left)
        yield Readout(id="next").data_bind(text=SessionView.next_up)
        yield Readout(id="caution").data_bind(text=SessionView.caution)
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
        self.cue = cue_text(step, snapshot.elapsed)
        self.state, self.phase = phase_of(snapshot)
        remaining = snapshot.remaining
        self.count = str(step.rep_number) if remaining is None else clock_text(remaining)
        if snapshot.finished or waiting_for_me(snapshot):
            self.count = ""
        self.counters = counters_text(step)
        self.brief = counters_line(step)
        self.caution = caution_text(exercise, self.cautions_key)
        self.next_up = f"Then: {step.next_label}"
        self.steps = steps_text(exercise, step)
        left, total = seconds_left(snapshot), self.total_seconds
        self.done = total if snapshot.complete else max(0, total - left)
        self.left = f"{fraction(self.done, total):4.0%}  {minutes_left(left)}"
