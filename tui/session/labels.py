"""What comes next, in words: a step's short label, as shown under "what comes next".

``describe`` names the next exercise for a lead-in, a rest with its seconds, a gate's question,
a side switch, or a rep with where it sits in its dose (stage, rep, side, position). The
timeline gives each step the label of the step after it (:func:`tui.session.timeline.assemble`);
a desktop notice says it too (:mod:`tui.session.cues`). Nothing here imports Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.session.kinds import StepKind

if TYPE_CHECKING:
    from tui.session.planned import PlannedExercise
    from tui.session.timeline import Step


def describe(step: Step, exercise: PlannedExercise) -> str:
    """A short label for a step, as shown under "what comes next"."""
    if step.kind.is_lead_in:
        return f"Next exercise: {exercise.name}"
    if step.kind is StepKind.REST:
        return f"Rest {step.duration} s"
    if step.kind is StepKind.SET_REST:
        return f"Rest {step.duration} s before set {step.set_number} of {step.set_count}"
    if step.kind is StepKind.GATE:
        return f"A question before {step.stage_name}"
    if step.kind is StepKind.SWITCH_SIDE:
        return step.cue
    action = {
        StepKind.HOLD: f"Hold {step.duration} s",
        StepKind.MOVE: f"Move for {step.duration} s",
        StepKind.SHIFT: step.cue,
    }.get(step.kind, "Count a rep")
    where = [step.stage_name] if step.stage_count > 1 else []
    if step.rep_count > 1:
        where.append(f"rep {step.rep_number} of {step.rep_count}")
    if step.side is not None:
        where.append(f"{step.side} side")
    if step.position_count > 1:
        where.append(f"position {step.position_number} of {step.position_count}")
    return f"{action} ({', '.join(where)})" if where else action
