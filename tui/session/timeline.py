"""Turn a routine into a timeline: the ordered steps the session engine plays, one at a time.

A timeline is plain data. It knows nothing of clocks: durations are whole seconds, and a
counted rep has no duration at all (it lasts until the user counts it), nor has a lead-in that
waits for the user ("wait for me"). A held rep plays as a movement, with timed moves into and
out of its hold (see :mod:`tui.session.reps`). Nothing here imports Textual.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from tui.model import (
    Catalogue,
    DoseChange,
    ItemPlan,
    Plans,
    Routine,
    StagePlan,
    no_heavier,
    plan_dose,
    work,
)
from tui.session.kinds import Shift, StepKind, switch_cue
from tui.session.labels import describe
from tui.session.lead_in import fit_lead_in
from tui.session.planned import PART_WORDS, Part, PlannedExercise, plan_exercise
from tui.session.reps import GENERIC_CUES, beat_at, rep_steps

__all__ = [
    "GENERIC_CUES",
    "PART_WORDS",
    "Pacing",
    "Part",
    "PlannedExercise",
    "Shift",
    "Side",
    "Step",
    "StepKind",
    "Timeline",
    "assemble",
    "beat_at",
    "build_timeline",
    "plan_exercise",
]

Side = Literal["left", "right"]


@dataclass(frozen=True)
class Pacing:
    """The pauses a timeline puts around the work, in seconds (0 leaves the step out)."""

    get_ready: int = 5
    transition: int = 10
    switch: int = 5
    wait_for_me: bool = False
    """Each lead-in after the first waits for the user's key instead of counting down."""


@dataclass(frozen=True)
class Step:
    """One step of a timeline: what to do, for how long, and where it sits in the dose.

    Numbers are 1-based. A step that is not a rep (a lead-in, a rest, a side switch) carries
    the stage, set, rep, side and position of the rep it leads into; a SHIFT (a move around
    a hold, see ``shift``) carries those of the rep it belongs to. ``ends_rep`` marks a rep's
    last hold, move or count, and ``rep_span`` how many steps the rep has run up to it (its
    work and the moves between); ``beats`` are a paced rep's beat words (see ``beat_at``).
    """

    kind: StepKind
    exercise_index: int
    exercise_id: str
    cue: str
    duration: int | None
    estimate: int
    part: Part = "main"
    stage_number: int = 1
    stage_count: int = 1
    stage_name: str = ""
    set_number: int = 1
    set_count: int = 1
    rep_number: int = 1
    rep_count: int = 1
    side: Side | None = None
    position_number: int = 1
    position_count: int = 1
    ends_rep: bool = False
    next_label: str = ""
    shift: Shift | None = None
    rep_span: int = 1
    beats: tuple[str, ...] = ()

    @property
    def is_timed(self) -> bool:
        """True when the step ends when its time is up (not counted, nor a lead-in that waits)."""
        return self.duration is not None


@dataclass(frozen=True, eq=False)
class Timeline:
    """The steps a routine plays, in order, with the exercises they belong to."""

    routine_id: str
    routine_name: str
    exercises: tuple[PlannedExercise, ...]
    steps: tuple[Step, ...]
    offsets: tuple[int, ...]
    pacing: Pacing
    catalogue: Catalogue = field(repr=False)

    @property
    def total_seconds(self) -> int:
        """The planned length of the whole session, counted reps estimated."""
        return self.offsets[-1]

    def seconds_before(self, step_index: int) -> int:
        """The planned seconds of every step before this one."""
        return self.offsets[step_index]

    def inserting(
        self,
        at: int,
        exercise_id: str,
        planned: Plans | None = None,
        *,
        change: DoseChange = "new",
        why: str = "",
    ) -> Timeline:
        """A copy with an exercise spliced in at index ``at``: at ``planned``, else its low end.

        ``change`` and ``why`` say how its dose compares and why (an easier variant put in after
        "this hurts" is lighter than what hurt).
        """
        if exercise_id not in self.catalogue.exercises:
            raise ValueError(f"there is no exercise {exercise_id!r} in the catalogue")
        neighbour = self.exercises[min(max(at - 1, 0), len(self.exercises) - 1)]
        if planned is None:
            planned = plan_dose(self.catalogue.exercise(exercise_id).dose, 0.0)
        plan = ItemPlan(exercise_id, exercise_id, planned, change=change, why=why)
        added = plan_exercise(self.catalogue, exercise_id, part=neighbour.part, plan=plan)
        exercises = [*self.exercises[:at], added, *self.exercises[at:]]
        return assemble(self.catalogue, self.routine_id, self.routine_name, exercises, self.pacing)

    def easier_dose(self, exercise_id: str, than: PlannedExercise) -> Plans | None:
        """The dose an easier variant plays at in place of ``than``: never heavier than it.

        None when even the variant's lightest dose is heavier (then it is not offered).
        """
        variant = self.catalogue.exercises.get(exercise_id)
        if variant is None:
            return None
        return no_heavier(variant.dose, work(than.planned))


def build_timeline(
    catalogue: Catalogue,
    routine: Routine,
    plans: Mapping[str, Sequence[ItemPlan]] | None = None,
    *,
    get_ready_seconds: int = 5,
    transition_seconds: int = 10,
    switch_seconds: int = 5,
    wait_for_me: bool = False,
    warm_up: Routine | None = None,
    cool_down: Routine | None = None,
    passed: Collection[str] = (),
) -> Timeline:
    """Lay out a routine (with an optional warm-up and cool-down) as the steps to play.

    ``plans`` gives, per routine id, how each of its items plays (its dose, an easier variant
    swapped in, or left out); a routine without one plays every item at its low end.
    ``wait_for_me``: each exercise after the first starts on the user's key. A stage's gate
    is asked (a GATE step before it) unless its key is in ``passed``.
    """
    plans = plans or {}
    parts: list[tuple[Part, Routine]] = [("main", routine)]
    if warm_up is not None:
        parts.insert(0, ("warm-up", warm_up))
    if cool_down is not None:
        parts.append(("cool-down", cool_down))
    exercises = []
    for part, each in parts:
        chosen = plans.get(each.id)
        for index, item in enumerate(each.items):
            plan = chosen[index] if chosen is not None and index < len(chosen) else None
            if plan is not None and plan.item != item.exercise:
                plan = None  # a plan for another version of the routine: its low end instead
            if plan is not None and plan.left_out:
                continue
            exercise_id = plan.exercise if plan is not None else item.exercise
            dose = catalogue.dose_for(item) if exercise_id == item.exercise else None
            exercises.append(
                plan_exercise(
                    catalogue,
                    exercise_id,
                    dose,
                    part,
                    item.note,
                    plan=plan,
                    routine=each.id,
                    passed=passed,
                )
            )
    if not exercises:
        raise ValueError(f"every exercise of {routine.name} is left out: nothing to play")
    pacing = Pacing(get_ready_seconds, transition_seconds, switch_seconds, wait_for_me)
    return assemble(catalogue, routine.id, routine.name, exercises, pacing)


def assemble(
    catalogue: Catalogue,
    routine_id: str,
    routine_name: str,
    exercises: Sequence[PlannedExercise],
    pacing: Pacing,
) -> Timeline:
    """Number the exercises, lay out their steps and say what comes after each step.

    A lead-in is longer, and says what to do, when the starting position changes.
    """
    steps: list[Step] = []
    placed: list[PlannedExercise] = []
    for index, exercise in enumerate(exercises):
        exercise = replace(exercise, index=index)
        lead_in = pacing.get_ready if index == 0 else pacing.transition
        own = _exercise_steps(exercise, lead_in, pacing.switch)
        before = placed[-1].position if placed else None
        own = fit_lead_in(own, before, exercise.position, wait=pacing.wait_for_me)
        placed.append(
            replace(
                exercise,
                first_step=len(steps),
                step_count=len(own),
                seconds=sum(step.estimate for step in own),
            )
        )
        steps += own
    labels = [describe(step, placed[step.exercise_index]) for step in steps[1:]] + ["Finish"]
    steps = [replace(step, next_label=label) for step, label in zip(steps, labels, strict=True)]
    offsets = (0, *itertools.accumulate(step.estimate for step in steps))
    return Timeline(
        routine_id, routine_name, tuple(placed), tuple(steps), offsets, pacing, catalogue
    )


def _side_blocks(plan: StagePlan) -> list[list[tuple[int, Side | None]]]:
    """The reps of one set in playing order, in blocks separated by a side switch."""
    reps = range(1, plan.reps + 1)
    if plan.sides == "each":
        return [[(rep, side) for rep in reps] for side in ("left", "right")]
    if plan.sides == "alternate":
        return [[(rep, side) for rep in reps for side in ("left", "right")]]
    return [[(rep, None) for rep in reps]]


def _exercise_steps(exercise: PlannedExercise, lead_in: int, switch: int) -> list[Step]:
    """The steps of one exercise: its lead-in, then every rep with the pauses between."""
    steps: list[Step] = []
    if lead_in > 0:
        kind = StepKind.GET_READY if exercise.index == 0 else StepKind.TRANSITION
        steps.append(_pause(exercise, kind, lead_in))
    stage_count = len(exercise.planned)
    gates = exercise.gates or (None,) * stage_count
    for stage_number, (plan, stage_cue, gate) in enumerate(
        zip(exercise.planned, exercise.stage_cues, gates, strict=True), 1
    ):
        if gate is not None:
            steps.append(gate_step(exercise, plan, gate.question, stage_number, stage_count))
        for set_number in range(1, plan.sets + 1):
            if set_number > 1 and plan.rest_sets > 0:
                steps.append(_pause(exercise, StepKind.SET_REST, plan.rest_sets))
            for block_number, block in enumerate(_side_blocks(plan)):
                if block_number > 0 and switch > 0:
                    steps.append(_pause(exercise, StepKind.SWITCH_SIDE, switch))
                for number, (rep, side) in enumerate(block):
                    if number > 0 and plan.rest_reps > 0:
                        steps.append(_pause(exercise, StepKind.REST, plan.rest_reps))
                    crossing = number > 0 and plan.sides == "alternate"
                    where = Step(
                        StepKind.HOLD,
                        exercise.index,
                        exercise.id,
                        stage_cue,
                        None,
                        0,
                        exercise.part,
                        stage_number=stage_number,
                        stage_count=stage_count,
                        stage_name=plan.name,
                        set_number=set_number,
                        set_count=plan.sets,
                        rep_number=rep,
                        rep_count=plan.reps,
                        side=side,
                    )
                    steps += rep_steps(where, plan, exercise.movement, crossing=crossing)
    return _fill_pauses(steps, exercise)


def gate_step(
    exercise: PlannedExercise, plan: StagePlan, question: str, stage_number: int, stage_count: int
) -> Step:
    """The step that asks a stage's gate question before it: it waits for the answer."""
    return Step(
        StepKind.GATE,
        exercise.index,
        exercise.id,
        question,
        None,
        0,
        exercise.part,
        stage_number=stage_number,
        stage_count=stage_count,
        stage_name=plan.name,
        set_count=plan.sets,
        rep_count=plan.reps,
    )


def _pause(exercise: PlannedExercise, kind: StepKind, seconds: int) -> Step:
    """A timed step that is not a rep; its counters and cue are filled in afterwards."""
    return Step(kind, exercise.index, exercise.id, "", seconds, seconds, exercise.part)


def _fill_pauses(steps: list[Step], exercise: PlannedExercise) -> list[Step]:
    """Give each pause the counters of the rep it leads into, and a cue that says so."""
    filled = list(steps)
    for index in range(len(filled) - 2, -1, -1):
        step, after = filled[index], filled[index + 1]
        if step.kind.is_rep or step.kind in (StepKind.SHIFT, StepKind.GATE):
            continue
        cue = {
            StepKind.GET_READY: f"Get ready: {exercise.preview}",
            StepKind.TRANSITION: f"Next: {exercise.preview}",
            StepKind.REST: "Rest",
            StepKind.SET_REST: f"Rest: next set {after.set_number} of {after.set_count}",
            StepKind.SWITCH_SIDE: switch_cue(after.side or ""),
        }[step.kind]
        filled[index] = replace(
            after,
            kind=step.kind,
            cue=cue,
            duration=step.duration,
            estimate=step.estimate,
            ends_rep=False,
            shift=None,
            rep_span=1,
            beats=(),
        )
    return filled
