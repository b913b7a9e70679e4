"""What lumbar says aloud as a session plays: few words, at the moments that matter.

A new exercise is announced as its lead-in starts (its name, its dose, how to get into
position), the first rep of it, a set rest, a side to switch, a rest long enough to be worth a
word, and the end. At most one utterance per batch of events, and never one per rep of a fast
paced set: the bell keeps that rhythm. Words are spelled out for a speech synthesiser ("5
seconds", not "5 s"). Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.model import StagePlan, plural, position_change_words, spoken_duration
from tui.session.events import Event, SessionDone, SessionEnded, StepStarted
from tui.session.timeline import Step, StepKind, Timeline

SPOKEN_REST = 5
"""A rest between reps shorter than this many seconds is left to the bell (lumbar's choice)."""
DONE = "Session complete. Well done."


def dose_words(plan: StagePlan) -> str:
    """One stage's dose for the ear: ``8 reps, hold 5 seconds, alternating sides``."""
    parts = [plural(plan.reps, "rep")] if plan.reps > 1 else []
    if plan.sets > 1:
        parts.insert(0, plural(plan.sets, "set"))
    if plan.hold:
        parts.append(f"hold {spoken_duration(plan.hold)}")
    if plan.sides != "none":
        parts.append("each side" if plan.sides == "each" else "alternating sides")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def speech_for(events: Sequence[Event], timeline: Timeline) -> str | None:
    """What to say after these events, if anything: about the last step started, or the end."""
    if any(isinstance(event, SessionEnded) for event in events):
        return None
    if any(isinstance(event, SessionDone) for event in events):
        return DONE
    started = [event for event in events if isinstance(event, StepStarted)]
    if not started:
        return None
    index = started[-1].index
    if not 0 <= index < len(timeline.steps):
        return None
    return step_words(timeline, index)


def step_words(timeline: Timeline, index: int) -> str | None:
    """What to say as step ``index`` of ``timeline`` starts (None: nothing worth saying)."""
    step = timeline.steps[index]
    if step.kind.is_lead_in:
        return lead_in_words(timeline, step)
    if step.kind is StepKind.SWITCH_SIDE:
        return f"{step.cue}."
    if step.kind is StepKind.SET_REST:
        return f"Rest. Then set {step.set_number} of {step.set_count}."
    if step.kind is StepKind.REST:
        return "Rest." if (step.duration or 0) >= SPOKEN_REST else None
    before = timeline.steps[index - 1] if index > 0 else None
    first = before is None or before.kind.is_lead_in or before.exercise_index != step.exercise_index
    if not first and not words_before(timeline, index - 1):
        return None
    if step.kind is StepKind.HOLD:
        return f"Hold {spoken_duration(step.duration or 0)}."
    if step.kind is StepKind.COUNTED:
        return "Go. Press Enter after each rep." if first else "Go."
    return "Go."


def words_before(timeline: Timeline, index: int) -> bool:
    """True when step ``index`` was announced aloud (a pause the next rep follows)."""
    step = timeline.steps[index]
    return not step.kind.is_rep and step_words(timeline, index) is not None


def lead_in_words(timeline: Timeline, step: Step) -> str:
    """The exercise coming: its name, its dose, where to go, and the key if it waits for one."""
    exercise = timeline.exercises[step.exercise_index]
    parts = [f"{exercise.name}."]
    if exercise.planned:
        parts.append(f"{dose_words(exercise.planned[0])}.")
    if exercise.index > 0:
        before = timeline.exercises[exercise.index - 1].position
        move = position_change_words(before, exercise.position)
        if move:
            parts.append(f"{move}.")
    if step.duration is None:
        parts.append("Press Enter to start.")
    return " ".join(part for part in parts if part != ".")
