"""One exercise of a timeline, planned: what it is, its dose, why, and where its steps go.

Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.model import (
    POSITIONS,
    STILL,
    Catalogue,
    CountName,
    Dose,
    DoseChange,
    Gate,
    ItemPlan,
    Movement,
    Position,
    StagePlan,
    dose_notes,
    gate_key,
    plan_dose,
)

Part = Literal["warm-up", "main", "cool-down"]

PART_WORDS: dict[Part, str] = {"warm-up": "Warm-up: ", "main": "", "cool-down": "Cool-down: "}


@dataclass(frozen=True)
class PlannedExercise:
    """One exercise of a timeline: what it is, its planned dose, and where its steps are."""

    index: int
    id: str
    name: str
    position: Position
    equipment: tuple[str, ...]
    steps: tuple[str, ...]
    planned: tuple[StagePlan, ...]
    stage_cues: tuple[str, ...]
    rung: int = 0
    """Its level on the ladder of its routine's dose (see tui.model.dosing)."""
    change: DoseChange = "new"
    why: str = ""
    """Why it plays at this dose, in plain words (empty when no history was asked)."""
    routine: str = ""
    """The routine it comes from (the warm-up's or cool-down's own id for those parts)."""
    below_range: bool = False
    """True when its dose is below the low end of the article's range (lumbar's step down)."""
    easier: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()
    """The exercise's cautions, in the catalogue's order (the player shows the first)."""
    part: Part = "main"
    note: str = ""
    """The routine item's note (the player's ``c`` dialog shows it with the dose's notes)."""
    notes: tuple[str, ...] = ()
    """Every note of the exercise as played: the item's, the dose's, then each stage's."""
    stage_notes: tuple[str, ...] = ()
    """Each planned stage's note ("" for none), shown while that stage plays."""
    chosen: tuple[tuple[CountName, ...], ...] = ()
    """Each planned stage's numbers that are lumbar's choice, not the article's."""
    movement: Movement = STILL
    """How its reps move: around each hold, and a paced rep's cue and beats."""
    gates: tuple[Gate | None, ...] = ()
    """Per planned stage, the gate asked before it (None: none, or a yes is remembered)."""
    first_step: int = 0
    step_count: int = 0
    seconds: int = 0

    @property
    def span(self) -> range:
        """The indices of this exercise's steps in the timeline, its lead-in first."""
        return range(self.first_step, self.first_step + self.step_count)

    @property
    def preview(self) -> str:
        """A short line that says what is coming: name, position and equipment."""
        text = f"{PART_WORDS[self.part]}{self.name}, {POSITIONS[self.position]}"
        return f"{text}; you need: {', '.join(self.equipment)}" if self.equipment else text


def plan_exercise(
    catalogue: Catalogue,
    exercise_id: str,
    dose: Dose | None = None,
    part: Part = "main",
    note: str = "",
    *,
    plan: ItemPlan | None = None,
    routine: str = "",
    passed: Collection[str] = (),
) -> PlannedExercise:
    """Plan one exercise: as ``plan`` says, or at the low end of ``dose`` (else its default).

    Its gates are asked unless their key is in ``passed`` (a yes the user gave before).
    """
    exercise = catalogue.exercise(exercise_id)
    dose = exercise.dose if dose is None else dose
    planned = plan.planned if plan is not None else plan_dose(dose, 0.0)
    return PlannedExercise(
        index=0,
        id=exercise.id,
        name=exercise.name,
        position=exercise.position,
        equipment=tuple(exercise.equipment),
        steps=exercise.steps,
        planned=planned,
        stage_cues=_stage_cues(dose, planned),
        rung=plan.rung if plan is not None else 0,
        change=plan.change if plan is not None else "new",
        why=plan.why if plan is not None else "",
        routine=routine,
        below_range=plan is not None and plan.below_range,
        easier=exercise.easier,
        cautions=exercise.cautions,
        part=part,
        note=note,
        notes=dose_notes(dose, note),
        stage_notes=_stage_notes(dose, planned),
        chosen=_stage_chosen(dose, planned),
        movement=exercise.movement,
        gates=_stage_gates(dose, planned, passed),
    )


def _stage_chosen(dose: Dose, planned: Sequence[StagePlan]) -> tuple[tuple[CountName, ...], ...]:
    """Each planned stage's numbers that are lumbar's choice (none when the stages differ)."""
    chosen = tuple(counts.chosen for counts in dose.plan())
    return chosen if len(chosen) == len(planned) else ((),) * len(planned)


def _stage_notes(dose: Dose, planned: Sequence[StagePlan]) -> tuple[str, ...]:
    """Each planned stage's note: the dose's stage notes when they match, else none."""
    notes = tuple(stage.note for stage in dose.stages)
    return notes if len(notes) == len(planned) else ("",) * len(planned)


def _stage_cues(dose: Dose, planned: Sequence[StagePlan]) -> tuple[str, ...]:
    """The cue of each planned stage: the dose's stage cues when they match, else none."""
    cues = tuple(stage.cue for stage in dose.stages)
    return cues if len(cues) == len(planned) else ("",) * len(planned)


def _stage_gates(
    dose: Dose, planned: Sequence[StagePlan], passed: Collection[str]
) -> tuple[Gate | None, ...]:
    """The gate to ask before each planned stage: none when passed, or the stages do not match."""
    if len(dose.stages) != len(planned):
        return (None,) * len(planned)
    return tuple(
        stage.gate if stage.gate is not None and gate_key(stage) not in passed else None
        for stage in dose.stages
    )
