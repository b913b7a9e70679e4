"""Continue a session that stopped part-way (a dropped link, a crash, quit) into the same record.

The exercises already recorded keep their results and the doses they were planned at; the rest
of the routine plays as it was planned when the session began (the caller re-plans it from the
history before the session, which is what planned it then). The exercise it stopped in starts
again at the start of the set it was in: the sets before count as done, and the record of that
exercise becomes one result for the whole of it. The record keeps its id, its start and its
pain before, and notes the break (:class:`~tui.model.Resumption`), so the break is never
counted as exercise time. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

import msgspec

from tui.model import (
    Catalogue,
    ExerciseResult,
    ItemPlan,
    Resumption,
    Routine,
    Session,
    Settings,
)
from tui.session.engine import Engine
from tui.session.events import Event
from tui.session.planned import PlannedExercise, plan_exercise
from tui.session.timeline import Timeline, assemble


class ResumeError(ValueError):
    """The session cannot be continued; the message says why, in plain words."""


@dataclass(frozen=True)
class ResumePoint:
    """Where a resumed session starts: which exercise, which of its sets, and at which step."""

    exercise: int
    """The index of the exercise it continues with."""
    step: int
    """The step it starts at: the exercise's lead-in, or the start of the set it stopped in."""
    sets_done: int
    """The sets of that exercise done before the stop (each stage's sets counted in turn)."""
    reps_done: int
    """The reps of those sets: what the record keeps of the part before the stop."""


def sets_done(result: ExerciseResult) -> tuple[int, int]:
    """The sets done in full before the one it stopped in, and their reps, from its reps done.

    Sets are counted in playing order while the reps done cover them; never every set (the one
    it stopped in is played again). A set with a rep left undone before the stop is counted by
    reps, so the count never claims more reps than were done.
    """
    left, count, reps = result.reps_done, 0, 0
    total = sum(stage.sets for stage in result.planned)
    for stage in result.planned:
        per_set = stage.reps * stage.side_count
        for _ in range(stage.sets):
            if per_set <= 0 or left < per_set or count == total - 1:
                return count, reps
            left, count, reps = left - per_set, count + 1, reps + per_set
    return count, reps


def resumed_timeline(
    catalogue: Catalogue,
    saved: Session,
    fresh: Timeline,
) -> Timeline:
    """The whole session again: the recorded exercises at their recorded doses, then the rest.

    ``fresh`` is the routine laid out as it was planned at the start; an exercise put in during
    the session (an easier variant, recorded without a routine) goes back where it was.
    """
    exercises: list[PlannedExercise] = []
    following = 0
    for result in saved.exercises:
        if result.exercise not in catalogue.exercises:
            raise ResumeError(f"the exercise {result.exercise!r} is no longer in the catalogue")
        if result.routine is None:  # put in during the session, after its neighbour
            part = exercises[-1].part if exercises else "main"
            plan = ItemPlan(result.exercise, result.exercise, result.planned, result.rung or 0)
            exercises.append(plan_exercise(catalogue, result.exercise, part=part, plan=plan))
            continue
        if following >= len(fresh.exercises) or (
            (fresh.exercises[following].id, fresh.exercises[following].routine)
            != (result.exercise, result.routine)
        ):
            raise ResumeError(f"the routine {saved.routine_name} has changed since it stopped")
        exercises.append(_as_recorded(fresh.exercises[following], result))
        following += 1
    exercises += fresh.exercises[following:]
    return assemble(catalogue, fresh.routine_id, fresh.routine_name, exercises, fresh.pacing)


def _as_recorded(exercise: PlannedExercise, result: ExerciseResult) -> PlannedExercise:
    """The planned exercise at the dose its result records (never re-planned)."""
    cues = exercise.stage_cues
    if len(cues) != len(result.planned):
        cues = ("",) * len(result.planned)
    return replace(exercise, planned=result.planned, stage_cues=cues, rung=result.rung or 0)


def resume_point(saved: Session, timeline: Timeline) -> ResumePoint:
    """Where ``saved`` continues in its ``timeline`` (see :func:`resumed_timeline`)."""
    done = len(saved.exercises)
    if saved.exercises and saved.exercises[-1].outcome == "stopped":
        index = done - 1
        count, reps = sets_done(saved.exercises[-1])
    else:
        index, count, reps = done, 0, 0
    if index >= len(timeline.exercises):
        raise ResumeError("every exercise of the session is recorded: nothing is left to play")
    exercise = timeline.exercises[index]
    if count == 0:
        return ResumePoint(index, exercise.first_step, 0, 0)
    # Every step carries the stage and set it belongs to (a rest, the set it leads into), so
    # the first step of each set, whatever its kind, begins it: a rest before it comes first.
    starts: dict[tuple[int, int], int] = {}
    for number in exercise.span:
        step = timeline.steps[number]
        if not step.kind.is_lead_in:
            starts.setdefault((step.stage_number, step.set_number), number)
    start = list(starts.values())[count]
    return ResumePoint(index, start, count, reps)


def where_text(timeline: Timeline, point: ResumePoint) -> str:
    """Where the session continues, in plain words: ``Bird dog (exercise 3 of 8), set 2 of 3``.

    Part-way through an exercise, its stage (when it has several) and its set are named.
    """
    exercise = timeline.exercises[point.exercise]
    text = f"{exercise.name} (exercise {point.exercise + 1} of {len(timeline.exercises)})"
    if point.sets_done == 0:
        return text
    step = timeline.steps[point.step]
    if step.stage_count > 1 and step.stage_name:
        text += f", {step.stage_name.lower()}"
    if step.set_count > 1:
        text += f", set {step.set_number} of {step.set_count}"
    return text


def merge_results(kept: ExerciseResult, new: ExerciseResult, reps_before: int) -> ExerciseResult:
    """One result for an exercise played in two parts: ``reps_before`` done, then ``new``.

    The time held and added adds up; the holds cut before the stop stay counted (lumbar cannot
    tell which set they were in), so an exercise stopped mid-hold is recorded as cut and never
    counts towards a dose going up.
    """
    reps = min(kept.planned_reps, reps_before + new.reps_done)
    holds_cut = kept.holds_cut + new.holds_cut
    outcome = new.outcome
    if outcome in ("done", "cut"):
        outcome = "done" if reps >= kept.planned_reps and holds_cut == 0 else "cut"
    return msgspec.structs.replace(
        new,
        routine=kept.routine,
        rung=kept.rung,
        planned=kept.planned,
        reps_done=reps,
        seconds_held=kept.seconds_held + new.seconds_held,
        seconds_added=kept.seconds_added + new.seconds_added,
        holds_cut=holds_cut,
        outcome=outcome,
        feedback=new.feedback or kept.feedback,
        started_at=kept.started_at,
        gates=kept.gates + new.gates,
    )


class ResumedEngine(Engine):
    """An engine that continues a saved session: its record is the saved one, carried on."""

    def __init__(
        self,
        saved: Session,
        timeline: Timeline,
        point: ResumePoint,
        clock: Callable[[], float],
        wall: Callable[[], datetime],
    ) -> None:
        """Continue ``saved`` in ``timeline`` (see :func:`resumed_timeline`) from ``point``."""
        super().__init__(
            timeline, clock, wall, session_id=saved.id, phase=saved.phase, start_at=point.step
        )
        self.saved = saved
        self.point = point
        self.set_note(saved.note)  # a note written when it stopped is kept, to edit at the end

    def start(self, now: float | None = None) -> list[Event]:
        """Start where it stopped; in the middle of an exercise, paused: the user gets ready."""
        events = super().start(now)
        if events and self.timeline.steps[self.point.step].kind.is_rep:
            events += self.pause(now)
        return events

    def session(self) -> Session:
        """The saved record carried on: its results kept, the stopped exercise made whole."""
        own = super().session()
        results = dict(self._results)
        exercises: list[ExerciseResult] = []
        for index, kept in enumerate(self.saved.exercises):
            new = results.pop(index, None)
            if new is None or new.exercise != kept.exercise:
                exercises.append(kept)
            elif index == self.point.exercise and kept.outcome == "stopped":
                exercises.append(merge_results(kept, new, self.point.reps_done))
            else:  # played again
                exercises.append(new)
        exercises += [results[index] for index in sorted(results)]
        saved = self.saved
        gap = Resumption(stopped_at=saved.stopped_at, resumed_at=own.started_at)
        return msgspec.structs.replace(
            own,
            routine=saved.routine,
            routine_name=saved.routine_name,
            started_at=saved.started_at,
            pain_before=saved.pain_before if own.pain_before is None else own.pain_before,
            exercises=tuple(exercises),
            resumed=(*saved.resumed, gap),
        )


def framing(
    saved: Session, settings: Settings, warm_up: Routine | None, cool_down: Routine | None
) -> tuple[Routine | None, Routine | None]:
    """The warm-up and cool-down of a session continued: as the record shows, else the settings.

    A record that begins with the main routine had no warm-up; one that reached the cool-down
    had one; one that stopped before it follows the settings.
    """
    first = saved.exercises[0].routine if saved.exercises else None
    if first is not None:
        with_warm_up = warm_up is not None and first == warm_up.id
    else:
        with_warm_up = settings.warm_up
    played = {result.routine for result in saved.exercises}
    with_cool_down = settings.cool_down or (cool_down is not None and cool_down.id in played)
    return (warm_up if with_warm_up else None, cool_down if with_cool_down else None)


def resumed_engine(
    catalogue: Catalogue,
    saved: Session,
    fresh: Timeline,
    clock: Callable[[], float],
    wall: Callable[[], datetime],
) -> ResumedEngine:
    """The engine that continues ``saved``; ``fresh`` is its routine laid out as it began.

    ResumeError says why it cannot continue.
    """
    timeline = resumed_timeline(catalogue, saved, fresh)
    return ResumedEngine(saved, timeline, resume_point(saved, timeline), clock, wall)
