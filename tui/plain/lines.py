"""What the plain player prints: one line per event, in words a screen reader reads well.

A step that starts gets a line (the exercise coming, a rep, a rest, a side to switch); a hold,
rest or lead-in long enough to be counted down gets one more line, ``3, 2, 1.``, as it nears its
end; never a line a second. Numbers are spelled for the ear ("5 seconds", not "5 s"). Pure
functions of the timeline and the records: nothing here reads a clock, a key or a file.
"""

from __future__ import annotations

from tui.model import (
    ExerciseResult,
    Session,
    outcomes_text,
    plural,
    position_change_words,
    session_minutes,
    shortfall_text,
)
from tui.plain.reps import rep_line, seconds, sentence
from tui.session import PlannedExercise, Step, StepKind, Timeline, dose_words

COUNTDOWN = "3, 2, 1."
"""The line said once as a long hold, rest or lead-in nears its end."""
FEEDBACK = "1 easy, 2 about right, 3 hard, 4 it hurt; or just carry on."
"""The answers to the question after an exercise, with their keys (the full player's)."""
PAIN_SCALE = "0 is no pain, 9 is nine, t (or 1 then 0) is 10, the worst you can imagine."
"""What the keys of the pain check mean."""


def lead_in_lines(timeline: Timeline, step: Step) -> list[str]:
    """The exercise coming: which of how many, its dose, where to go, how, and its caution."""
    exercise = timeline.exercises[step.exercise_index]
    count = len(timeline.exercises)
    head = [f"Exercise {exercise.index + 1} of {count}: {exercise.preview}."]
    if exercise.planned:
        head.append(sentence(dose_words(exercise.planned[0])))
    before = timeline.exercises[exercise.index - 1].position if exercise.index > 0 else None
    move = position_change_words(before, exercise.position)
    if move:
        head.append(sentence(move))
    if step.duration is None:
        head.append("Press Enter to start.")
    else:
        head.append(f"Starts in {seconds(step.duration)}.")
    lines = [" ".join(part for part in head if part)]
    if exercise.steps:
        lines.append("How: " + " ".join(sentence(each) for each in exercise.steps))
    if exercise.cautions:
        lines.append(f"Caution: {sentence(exercise.cautions[0])}")
    return lines


def step_lines(timeline: Timeline, index: int) -> list[str]:
    """What to print as step ``index`` starts (a lead-in says more than one line)."""
    step = timeline.steps[index]
    if step.kind.is_lead_in:
        return lead_in_lines(timeline, step)
    if step.kind is StepKind.REST:
        return [f"Rest {seconds(step.duration)}."]
    if step.kind is StepKind.SET_REST:
        return [f"Rest {seconds(step.duration)}, then set {step.set_number} of {step.set_count}."]
    if step.kind is StepKind.SWITCH_SIDE:
        return [f"{sentence(step.cue)} {seconds(step.duration)}."]
    if step.kind is StepKind.GATE:
        exercise = timeline.exercises[step.exercise_index]
        return [
            f"A question before {step.stage_name.lower()} of {exercise.name}: "
            f"{sentence(step.cue)} y yes (it starts now), n not yet (the exercise ends here)."
        ]
    return rep_line(timeline, index)


def exercise_line(exercise: PlannedExercise, result: ExerciseResult) -> str | None:
    """How an exercise ended, in one line (None: stopped by the end of the session)."""
    if result.outcome == "done":
        return f"Done: {exercise.name}."
    if result.outcome == "cut":
        short = shortfall_text(result)
        return f"Done, cut short: {exercise.name}" + (f" ({short})." if short else ".")
    if result.outcome == "skipped":
        return f"Skipped: {exercise.name}."
    if result.outcome == "hurt":
        return f"Stopped, it hurts: {exercise.name}. Saved as hurting."
    if result.outcome == "gated":
        return f"{exercise.name} ends here for today, until you are ready for the next stage."
    return None


def feedback_question(name: str) -> str:
    """The question after an exercise, with its keys."""
    return f"How did {name} feel? {FEEDBACK}"


def pain_question(when: str) -> str:
    """The pain check: ``Pain check, before you start: ...``."""
    return (
        f"Pain check, {when}: how much does your back hurt right now? {PAIN_SCALE} "
        "Enter skips (unknown, never no pain)."
    )


def summary_line(session: Session) -> str:
    """The session in one line: complete or ended early, minutes, outcomes, pain."""
    state = "complete" if session.status == "complete" else "ended early"
    pain = [
        f"pain before {'unknown' if session.pain_before is None else session.pain_before}",
        f"after {'unknown' if session.pain_after is None else session.pain_after}",
    ]
    minutes = plural(session_minutes(session), "minute")
    return (
        f"Session {state}: {session.routine_name}, {minutes}, {outcomes_text(session)}; "
        f"{', '.join(pain)}. Saved."
    )
