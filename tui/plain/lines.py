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
from tui.session import PlannedExercise, Step, StepKind, Timeline, dose_words

COUNTDOWN = "3, 2, 1."
"""The line said once as a long hold, rest or lead-in nears its end."""
FEEDBACK = "1 easy, 2 about right, 3 hard, 4 it hurt; or just carry on."
"""The answers to the question after an exercise, with their keys (the full player's)."""
PAIN_SCALE = "0 is no pain, 9 is nine, t (or 1 then 0) is 10, the worst you can imagine."
"""What the keys of the pain check mean."""


def seconds(count: int | None) -> str:
    """``5 seconds``, ``1 second``."""
    return plural(count or 0, "second")


def sentence(text: str) -> str:
    """``text`` ending with a full stop (or the mark it has)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:" else f"{text}."


def where_in_dose(step: Step) -> str:
    """Where a rep sits in its dose: ``Set 2 of 3, rep 4 of 8, left side``."""
    parts = [step.stage_name] if step.stage_count > 1 and step.stage_name else []
    if step.set_count > 1:
        parts.append(f"set {step.set_number} of {step.set_count}")
    if step.rep_count > 1:
        parts.append(f"rep {step.rep_number} of {step.rep_count}")
    if step.side is not None:
        parts.append(f"{step.side} side")
    if step.position_count > 1:
        parts.append(f"position {step.position_number} of {step.position_count}")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


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


def rep_line(step: Step) -> str:
    """A rep starting: where it is in the dose, what to do and for how long."""
    where = where_in_dose(step)
    cue = step.cue.strip()
    if step.kind is StepKind.HOLD and cue.rstrip(".").lower() == "hold":
        cue = ""  # the generic cue: "Hold 10 seconds." says it
    if step.kind is StepKind.HOLD:
        action = f"{sentence(cue)} Hold {seconds(step.duration)}." if cue else ""
        action = action or f"Hold {seconds(step.duration)}."
    elif step.kind is StepKind.MOVE:
        action = f"{sentence(cue) or 'Move.'} {seconds(step.duration)} a rep, to the bell."
    else:
        action = f"{sentence(cue)} Press Enter when the rep is done."
    return f"{where}: {action}" if where else action


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
    if step.kind is StepKind.SHIFT:
        return [] if step.shift == "switch" else [sentence(step.cue)]
    if step.kind is StepKind.MOVE and in_a_run(timeline, index):
        return []
    if step.kind is StepKind.GATE:
        exercise = timeline.exercises[step.exercise_index]
        return [
            f"A question before {step.stage_name.lower()} of {exercise.name}: "
            f"{sentence(step.cue)} y yes (it starts now), n not yet (the exercise ends here)."
        ]
    return [rep_line(step)]


def in_a_run(timeline: Timeline, index: int) -> bool:
    """True when a paced rep follows another straight on (only the first of a run has a line).

    A line for each would come every second or two; the bell keeps the rhythm.
    """
    step = timeline.steps[index]
    before = timeline.steps[index - 1] if index > 0 else None
    while before is not None and before.kind is StepKind.SHIFT and before.shift == "switch":
        index -= 1
        before = timeline.steps[index - 1] if index > 0 else None
    return (
        before is not None
        and before.kind is StepKind.MOVE
        and before.exercise_index == step.exercise_index
    )


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
