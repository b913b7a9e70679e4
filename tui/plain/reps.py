"""A rep in one line: what to do in it, said once as it starts, not at each of its steps.

A held rep plays as several steps (move in, hold, move between positions, hold, move out), some
of two seconds: a line for each would come every second or two, and a screen reader would
drown. So a rep gets one line as it starts: in full for the first rep of an exercise (every
move and hold in turn), then short (where it is in the dose and how long it holds). A run of
paced reps gets one line for the whole run: the bell keeps the rhythm. Pure functions of the
timeline: nothing here imports Textual.
"""

from __future__ import annotations

from tui.model import spoken_duration
from tui.session import Step, StepKind, Timeline

RepKey = tuple[int, int, int, int, str | None]


def seconds(count: int | None) -> str:
    """``5 seconds``, ``1 second``, ``5 minutes`` (a time for the ear)."""
    return spoken_duration(count or 0)


def sentence(text: str) -> str:
    """``text`` ending with a full stop (or the mark it has)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:" else f"{text}."


def rep_key(step: Step) -> RepKey:
    """Which rep a step belongs to: exercise, stage, set, rep and side."""
    return (step.exercise_index, step.stage_number, step.set_number, step.rep_number, step.side)


def in_a_rep(step: Step) -> bool:
    """True for the steps a rep is made of: its work and the moves around it."""
    return step.kind.is_rep or step.kind is StepKind.SHIFT


def rep_at(timeline: Timeline, index: int) -> list[Step]:
    """The steps of the rep that starts at ``index``, or [] when no rep starts there."""
    steps = timeline.steps
    step = steps[index]
    before = steps[index - 1] if index > 0 else None
    fresh = before is None or not in_a_rep(before) or rep_key(before) != rep_key(step)
    if not (in_a_rep(step) and fresh):
        return []
    found = []
    for each in steps[index:]:
        if not in_a_rep(each) or rep_key(each) != rep_key(step):
            break
        found.append(each)
    return found


def where_in_dose(step: Step, *, position: bool = False) -> str:
    """Where a rep sits in its dose: ``Set 2 of 3, rep 4 of 8, left side``."""
    parts = [step.stage_name] if step.stage_count > 1 and step.stage_name else []
    if step.set_count > 1:
        parts.append(f"set {step.set_number} of {step.set_count}")
    if step.rep_count > 1:
        parts.append(f"rep {step.rep_number} of {step.rep_count}")
    if step.side is not None:
        parts.append(f"{step.side} side")
    if position and step.position_count > 1:
        parts.append(f"position {step.position_number} of {step.position_count}")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def part_words(step: Step) -> str:
    """One step of a rep in words: a move's cue, or a hold, paced move or count and its time."""
    cue = sentence(step.cue)
    if step.kind is StepKind.HOLD:
        generic = cue.rstrip(".").lower() == "hold"  # "Hold 10 seconds." says it
        return " ".join(p for p in ("" if generic else cue, f"Hold {seconds(step.duration)}.") if p)
    if step.kind is StepKind.MOVE:
        return f"{cue or 'Move.'} {seconds(step.duration)} a rep, to the bell."
    if step.kind is StepKind.COUNTED:
        return f"{cue} Press Enter when the rep is done."
    return cue


def short_words(work: list[Step]) -> str:
    """A rep after the first: only how long it holds, or what ends it."""
    first = work[0]
    if first.kind is StepKind.COUNTED:
        return "Press Enter when the rep is done."
    if first.kind is StepKind.MOVE:
        return f"{seconds(first.duration)} a rep, to the bell."
    if len(work) == 1:
        return f"Hold {seconds(first.duration)}."
    return f"Hold {seconds(first.duration)} in each of {len(work)} positions."


def rep_line(timeline: Timeline, index: int) -> list[str]:
    """The line for the rep starting at step ``index`` ([] for a step inside a rep or a run)."""
    rep = rep_at(timeline, index)
    work = [step for step in rep if step.kind.is_rep]
    if not work or (work[0].kind is StepKind.MOVE and in_a_run(timeline, index)):
        return []
    before = timeline.steps[index - 1] if index > 0 else None
    first = before is None or before.kind.is_lead_in or before.kind is StepKind.GATE
    said = " ".join(part_words(step) for step in rep) if first else short_words(work)
    where = where_in_dose(work[0])
    return [f"{where}: {said}" if where else said]


def in_a_run(timeline: Timeline, index: int) -> bool:
    """True when a paced rep follows another straight on (only the first of a run has a line)."""
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


def step_label(step: Step) -> str:
    """Any step of a rep in a few words (after going back to it): ``Rep 2 of 8: Hold 5 s``."""
    where = where_in_dose(step, position=True)
    said = part_words(step)
    return f"{where}: {said}" if where else said
