"""Typed records of the catalogue: sources, exercises, doses, routines, the roadmap and advice.

These are the shapes the TOML files in ``catalogue/`` decode into (unknown fields are refused),
and the shapes the rest of lumbar works with. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Annotated, Any, Literal

import msgspec
from msgspec import Meta, Struct

from tui.model.movement import STILL, Cue, Movement
from tui.model.prescription import Prescription
from tui.model.ranges import Count as Count
from tui.model.ranges import Range as Range
from tui.model.ranges import Seconds as Seconds
from tui.model.ranges import decode_hook as decode_hook
from tui.model.ranges import encode_hook as encode_hook
from tui.model.ranges import encode_toml_range as encode_toml_range

Category = Literal["stretch", "strengthen", "stabilise", "mobility", "technique", "aerobic"]
Position = Literal[
    "lying-on-back", "face-down", "all-fours", "kneeling", "standing", "seated", "side-lying"
]
Equipment = Literal[
    "towel", "chair", "stool", "tennis-ball", "dowel", "wall", "mat", "pillow", "weights"
]
Sides = Literal["none", "each", "alternate"]
CountName = Literal["sets", "reps", "hold", "sides", "rest_reps", "rest_sets", "tempo"]
"""A number of a dose that may be lumbar's own choice rather than an article's."""
RoutineKind = Literal[
    "article", "phase", "composed", "warm-up", "cool-down", "custom", "prescribed"
]
ProgressionMode = Literal["ladder", "sequence"]
AdviceKind = Literal[
    "avoid",
    "pain",
    "red-flag",
    "see-clinician",
    "mistake",
    "frequency",
    "warm-up",
    "cool-down",
    "aerobic",
    "disclaimer",
    "general",
]

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, Meta(pattern=ID_PATTERN)]
Text = Annotated[str, Meta(min_length=1)]
IsoDate = Annotated[str, Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
COUNTED_REP_SECONDS = 3  # a rep with no hold and no tempo, counted by the user
SETUP_SECONDS = 10  # getting into position before an exercise

RestSeconds = Annotated[int, Meta(ge=0, le=600)]
TempoSeconds = Annotated[int, Meta(ge=0, le=60)]


class Record(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """Base of every catalogue record: keyword-only, immutable, unknown fields refused."""


class Counts(Record, kw_only=True, frozen=True):
    """The counts and timings shared by a dose and each stage of a multi-stage dose.

    A rep may pass through several ``positions`` (cat, then cow): each is a cue held for
    ``hold`` seconds (or ``tempo`` seconds when there is no hold).
    """

    sets: Count = Count(1)
    reps: Count = Count(1)
    hold: Seconds | None = None
    sides: Sides = "none"
    rest_reps: RestSeconds = 0
    rest_sets: RestSeconds = 0
    tempo: TempoSeconds = 0
    positions: tuple[Cue, ...] = ()
    note: str = ""
    chosen: tuple[CountName, ...] = ()
    """The numbers that are lumbar's own choice because the article gives none."""

    def __post_init__(self) -> None:
        """Refuse a ``chosen`` count that this dose does not set."""
        unset = [name for name in self.chosen if not self.sets_count(name)]
        if unset:
            raise ValueError(
                f"chosen names {', '.join(unset)}, which this dose does not set: set "
                "it here or take it out of `chosen`"
            )

    def sets_count(self, name: CountName) -> bool:
        """True when the count ``name`` is set on these counts (differs from its default)."""
        default = {"sets": Count(1), "reps": Count(1), "hold": None, "sides": "none"}
        value = getattr(self, name)
        return bool(value) if name not in default else value != default[name]

    @property
    def has_counts(self) -> bool:
        """True when any count or timing differs from the defaults."""
        return (
            self.sets != Count(1)
            or self.reps != Count(1)
            or self.hold is not None
            or self.sides != "none"
            or self.rest_reps > 0
            or self.rest_sets > 0
            or self.tempo > 0
            or bool(self.positions)
        )

    def seconds(self, level: float = 0.0, movement: Movement = STILL) -> int:
        """Roughly how long this plays at a progression level (0 is the low end of every range).

        Holds count in full, once per position, with the ``movement`` into and out of each;
        a rep without a hold takes its tempo, or about three seconds when the user counts it;
        rests count; set-up and side switches do not.
        """
        sides = 1 if self.sides == "none" else 2
        reps, hold = self.reps.at(level), self.hold.at(level) if self.hold else 0
        each = (hold or self.tempo or COUNTED_REP_SECONDS) * max(1, len(self.positions))
        per_set = reps * sides * each + (reps * sides - 1) * self.rest_reps
        per_set += movement.per_set(
            reps=reps, sides=self.sides, hold=hold, tempo=self.tempo, positions=len(self.positions)
        )
        sets = self.sets.at(level)
        return sets * per_set + (sets - 1) * self.rest_sets


class Gate(Record, kw_only=True, frozen=True):
    """A yes/no question an article asks before a stage may start, and where it comes from.

    The player asks it before the stage; a yes is remembered, a no ends the exercise there.
    """

    question: Text
    why: Text
    source: Id


class Stage(Counts, kw_only=True, frozen=True):
    """One stage of a multi-stage exercise, such as lying face down before the press-ups."""

    name: Text
    cue: Cue
    gate: Gate | None = None
    """Asked before this stage starts (see :mod:`tui.model.gates`)."""


class Dose(Counts, kw_only=True, frozen=True):
    """How much of an exercise to do; either counts of its own or a list of stages."""

    stages: tuple[Stage, ...] = ()

    def __post_init__(self) -> None:
        """Refuse a dose that mixes stages with counts of its own (or choices of counts)."""
        if self.stages and (self.has_counts or self.chosen):
            raise ValueError(
                "dose has both stages and its own counts: move sets, reps, hold, sides, rests, "
                "tempo and chosen into each [[...dose.stages]] table"
            )
        super().__post_init__()

    def plan(self) -> tuple[Counts, ...]:
        """The stages to play, in order: the stages, or the dose itself as a single stage."""
        return self.stages or (self,)

    def seconds(
        self, level: float = 0.0, movement: Movement = STILL, stages: int | None = None
    ) -> int:
        """Roughly how long the dose plays, moving as ``movement``: its first ``stages`` stages.

        ``stages`` None counts every stage.
        """
        if not self.stages:
            return super().seconds(level, movement)
        return sum(stage.seconds(level, movement) for stage in self.stages[:stages])


class Source(Record, kw_only=True, frozen=True):
    """An article the catalogue's content comes from."""

    id: Id
    title: Text
    publisher: str = ""
    """Who published it; empty when the article does not say."""
    author: str = ""
    published: IsoDate | None = None


class Exercise(Record, kw_only=True, frozen=True):
    """One exercise: how to do it safely, its default dose, and where it comes from."""

    id: Id
    name: Text
    aliases: tuple[Text, ...] = ()
    category: Category
    position: Position
    equipment: tuple[Equipment, ...] = ()
    muscles: tuple[Text, ...] = ()
    sciatica_friendly: bool = False
    summary: Text
    steps: Annotated[tuple[Cue, ...], Meta(min_length=1)]
    cautions: tuple[Text, ...] = ()
    easier: tuple[Id, ...] = ()
    harder: tuple[Id, ...] = ()
    sources: Annotated[tuple[Id, ...], Meta(min_length=1)]
    dose: Dose
    movement: Movement = STILL
    """How its reps move: around each hold, and a paced rep's cue and beats."""


class RoutineItem(Record, kw_only=True, frozen=True):
    """An exercise inside a routine, with the routine's own dose when it has one."""

    exercise: Id
    dose: Dose | None = None
    note: str = ""
    locked: bool = False
    """Only in a prescription: progression never takes its dose above the prescribed one."""


class Routine(Record, kw_only=True, frozen=True):
    """An ordered list of exercises with their doses."""

    id: Id
    name: Text
    kind: RoutineKind
    source: Id | None = None
    description: Text
    budget_minutes: Annotated[int, Meta(ge=1, le=240)] | None = None
    """A time budget: the routine's doses never grow past it (lumbar's own choice)."""
    start_minutes: Annotated[int, Meta(ge=1, le=240)] | None = None
    """A first-session length: its doses start low enough to fit, then grow (lumbar's choice)."""
    items: Annotated[tuple[RoutineItem, ...], Meta(min_length=1)]


class Progression(Record, kw_only=True, frozen=True):
    """Exercises inside a phase that belong together, easiest (or first) first."""

    name: Text
    exercises: Annotated[tuple[Id, ...], Meta(min_length=2)]
    mode: ProgressionMode
    why: str = ""


class PhaseRule(Record, kw_only=True, frozen=True):
    """When a roadmap phase counts as complete."""

    min_sessions: Annotated[int, Meta(ge=1, le=365)]
    min_days: Annotated[int, Meta(ge=0, le=365)]
    pain_free_streak: Annotated[int, Meta(ge=0, le=50)]
    progressions_done: bool = True
    text: Text


class Phase(Record, kw_only=True, frozen=True):
    """One phase of the roadmap: ALIGN, STABILIZE or MAINTAIN."""

    id: Id
    name: Text
    summary: Text
    source: Id
    routine: Id
    exercises: Annotated[tuple[Id, ...], Meta(min_length=1)]
    progressions: tuple[Progression, ...] = ()
    complete_when: PhaseRule


class Advice(Record, kw_only=True, frozen=True):
    """A piece of safety or training advice, with its sources.

    A red flag marked ``emergency`` needs urgent medical help now, not an appointment: the
    safety check asks it first, and a yes to it shows the emergency page at once.
    """

    id: Id
    kind: AdviceKind
    title: Text
    text: Text
    points: tuple[Text, ...] = ()
    sources: Annotated[tuple[Id, ...], Meta(min_length=1)]
    emergency: bool = False

    def __post_init__(self) -> None:
        """Refuse an emergency that is not a red flag."""
        if self.emergency and self.kind != "red-flag":
            raise ValueError(
                f'only a red flag can be an emergency, not advice of kind "{self.kind}": '
                'set kind = "red-flag" or remove `emergency`'
            )


class CatalogueFile(Record, kw_only=True, frozen=True):
    """What one TOML file may hold: any of the five kinds of record."""

    source: tuple[Source, ...] = ()
    exercise: tuple[Exercise, ...] = ()
    routine: tuple[Routine, ...] = ()
    phase: tuple[Phase, ...] = ()
    advice: tuple[Advice, ...] = ()
    prescription: Prescription | None = None
    """Only in a prescription file (installed by ``lumbar prescribe``)."""

    @property
    def is_empty(self) -> bool:
        """True when the file defines nothing."""
        return not (self.source or self.exercise or self.routine or self.phase or self.advice)


class Catalogue(Struct, kw_only=True, frozen=True):
    """The whole resolved catalogue, every record by id (phases in roadmap order)."""

    sources: dict[str, Source]
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    phases: tuple[Phase, ...]
    advice: tuple[Advice, ...]
    user_ids: frozenset[str] = frozenset()
    prescriptions: dict[str, Prescription] = {}
    """The active prescription, by the id of its routine (empty when there is none)."""

    def prescribed(self) -> tuple[Routine, Prescription] | None:
        """The active prescription and its routine (None when there is none)."""
        for routine_id, prescription in self.prescriptions.items():
            if routine_id in self.routines:
                return self.routines[routine_id], prescription
        return None

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise with this id (KeyError if there is none)."""
        return self.exercises[exercise_id]

    def routine(self, routine_id: str) -> Routine:
        """The routine with this id (KeyError if there is none)."""
        return self.routines[routine_id]

    def dose_for(self, item: RoutineItem) -> Dose:
        """The dose a routine item plays: its own, or else its exercise's default."""
        return item.dose if item.dose is not None else self.exercises[item.exercise].dose

    def routine_seconds(
        self, routine: Routine, level: float = 0.0, passed: Collection[str] = ()
    ) -> int:
        """Roughly how long a routine plays, with a short set-up before each exercise.

        A stage behind a gate counts only when the gate's key is in ``passed`` (the user said
        yes): without that yes the exercise ends before it.
        """
        return sum(
            SETUP_SECONDS
            + self.dose_for(item).seconds(
                level, self.movement_of(item.exercise), gated_at(self.dose_for(item), passed)
            )
            for item in routine.items
        )

    def movement_of(self, exercise_id: str) -> Movement:
        """How an exercise's reps move (lumbar's defaults for an id not in the catalogue)."""
        exercise = self.exercises.get(exercise_id)
        return exercise.movement if exercise is not None else STILL

    def to_builtins(self) -> dict[str, Any]:
        """The whole catalogue as JSON-ready data, routine items with their doses resolved."""
        data: dict[str, Any] = msgspec.to_builtins(self, enc_hook=encode_hook)
        for routine in data["routines"].values():
            for item in routine["items"]:
                item["dose_from"] = "routine" if item.get("dose") else "exercise"
                if not item.get("dose"):
                    exercise = self.exercises[item["exercise"]]
                    item["dose"] = msgspec.to_builtins(exercise.dose, enc_hook=encode_hook)
        data["user_ids"] = sorted(self.user_ids)
        return data


def gate_key(stage: Stage) -> str:
    """The key a gate's answer is remembered under: its question (the same question, one answer)."""
    return stage.gate.question if stage.gate is not None else ""


def gated_at(dose: Dose, passed: Collection[str]) -> int | None:
    """The number of stages that play before the first gate not in ``passed`` (None: all)."""
    for index, stage in enumerate(dose.stages):
        if stage.gate is not None and gate_key(stage) not in passed:
            return index
    return None
