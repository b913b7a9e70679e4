"""The engine's invariants, under random routines, random actions and random clock jumps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import START, FakeClock
from tui.catalogue.load import load_catalogue
from tui.model import ItemPlan, ladder
from tui.model.catalogue import Dose, Routine, RoutineItem, decode_hook
from tui.model.records import ExerciseResult
from tui.session.engine import Engine
from tui.session.events import Event, SessionDone, SessionEnded, Snapshot, StepDone, StepStarted
from tui.session.timeline import StepKind, Timeline, build_timeline

CATALOGUE = load_catalogue().catalogue
EXERCISE_IDS = sorted(CATALOGUE.exercises)
FAR = 1e7  # longer than any step can last, however extended
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# Strategies ----------------------------------------------------------------------------------

POSITIONS = ["Reach.", "Return.", "Rest there."]


@st.composite
def counts(draw: st.DrawFn) -> dict[str, Any]:
    """The counts of a small dose (or stage): hold, tempo or counted, with sides and rests."""
    dose: dict[str, Any] = {
        "sets": draw(st.sampled_from([1, 2, [1, 2]])),
        "reps": draw(st.sampled_from([1, 2, 3, [1, 3]])),
        "sides": draw(st.sampled_from(["none", "each", "alternate"])),
    }
    work = draw(st.sampled_from(["hold", "tempo", "counted"]))
    if work == "hold":
        dose["hold"] = draw(st.one_of(st.integers(1, 20), st.just([2, 9])))
    elif work == "tempo":
        dose["tempo"] = draw(st.integers(1, 6))
    positions = draw(st.lists(st.sampled_from(POSITIONS), max_size=2))
    if positions:
        dose["positions"] = positions
    dose["rest_reps"] = draw(st.sampled_from([0, 0, 4]))
    dose["rest_sets"] = draw(st.sampled_from([0, 0, 7]))
    return dose


@st.composite
def doses(draw: st.DrawFn) -> Dose | None:
    """The exercise's own dose (None), a small dose, or a dose of two stages."""
    shape = draw(st.sampled_from(["default", "counts", "stages"]))
    if shape == "default":
        return None
    raw: dict[str, Any] = draw(counts())
    if shape == "stages":
        stages = [draw(counts()) | {"name": f"Stage {n}", "cue": f"Cue {n}."} for n in (1, 2)]
        raw = {"stages": stages}
    return msgspec.convert(raw, Dose, dec_hook=decode_hook, strict=True)


@dataclass(frozen=True)
class Plan:
    """A small random routine and how to lay it out (kept small so failures print well)."""

    routine: Routine
    rungs: tuple[int, ...]
    pacing: tuple[int, int, int]

    def timeline(self) -> Timeline:
        get_ready, transition, switch = self.pacing
        chosen = []
        for item, rung in zip(self.routine.items, self.rungs, strict=True):
            steps = ladder(CATALOGUE.dose_for(item))
            chosen.append(ItemPlan(item.exercise, item.exercise, steps.at(rung), steps.clamp(rung)))
        return build_timeline(
            CATALOGUE,
            self.routine,
            {self.routine.id: tuple(chosen)},
            get_ready_seconds=get_ready,
            transition_seconds=transition,
            switch_seconds=switch,
        )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """One to three real exercises, each at its own dose or a random one, at random rungs."""
    items = tuple(
        RoutineItem(exercise=draw(st.sampled_from(EXERCISE_IDS)), dose=draw(doses()))
        for _ in range(draw(st.integers(1, 3)))
    )
    routine = Routine(id="random", name="Random", kind="custom", description="x", items=items)
    rungs = tuple(draw(st.integers(-3, 8)) for _ in items)
    pacing = (
        draw(st.sampled_from([0, 5])),
        draw(st.sampled_from([0, 10])),
        draw(st.sampled_from([0, 5])),
    )
    return Plan(routine, rungs, pacing)


# Mostly short jumps, so the actions land inside the routine; now and then a very long one.
JUMPS = st.one_of(
    st.just(0.0),
    st.floats(0.0, 10.0),
    st.floats(0.0, 10.0),
    st.floats(0.0, 30.0),
    st.integers(0, 400).map(float),
    st.sampled_from([1e4, 1e6]),
)
NAMES = [
    *["tick"] * 3,
    *["pause", "resume", "next_step", "previous_step", "count_rep"] * 2,
    *["extend", "shorten", "skip_exercise", "this_hurts", "insert_exercise", "feedback", "quit"],
    "undo",
]
ACTIONS = st.tuples(st.sampled_from(NAMES), st.integers(0, 30), st.sampled_from(EXERCISE_IDS))
SCRIPTS = st.lists(st.tuples(ACTIONS, JUMPS), min_size=5, max_size=40)
PAUSING = st.sampled_from(
    ["pause", "pause", "tick", "resume", "next_step", "previous_step", "skip_exercise", "quit"]
)
WHOLE_JUMPS = st.one_of(
    st.just(0),
    st.integers(0, 10),
    st.integers(0, 30),
    st.integers(0, 400),
    st.sampled_from([10_000, 1_000_000]),
)
PAUSE_SCRIPTS = st.lists(st.tuples(PAUSING, WHOLE_JUMPS.map(float)), min_size=5, max_size=40)


# Running a script ----------------------------------------------------------------------------


@dataclass
class Run:
    """What a script did: its events, the time spent paused and the snapshots along the way."""

    engine: Engine
    clock: FakeClock
    events: list[Event] = field(default_factory=list)
    paused: float = 0.0
    paused_jumps: list[bool] = field(default_factory=list)
    snapshots: list[Snapshot] = field(default_factory=list)
    reopened: int = 0
    """How many times undo took back the key that had ended the session (a skip of the last)."""

    def jump(self, seconds: float) -> None:
        before = self.engine.snapshot()
        self.paused_jumps.append(before.paused)
        if before.paused:
            self.paused += seconds
        self.clock.now += seconds
        if before.paused:
            assert self.engine.snapshot().elapsed == before.elapsed, "a pause counted as time"

    def act(self, action: str | tuple[str, int, str]) -> None:
        """Do one action: a name, or a name with a number of seconds and an exercise id."""
        name, number, exercise_id = (action, 0, "") if isinstance(action, str) else action
        engine = self.engine
        if name in ("extend", "shorten"):
            self.events += getattr(engine, name)(number)
        elif name == "insert_exercise":
            self.events += engine.insert_exercise(exercise_id)
        elif name == "undo":
            ended = engine.snapshot().finished
            engine.undo()
            self.reopened += ended and not engine.snapshot().finished
        elif name == "feedback":
            if number < len(engine.session().exercises):
                engine.set_feedback(number, "right")
        else:
            self.events += getattr(engine, name)()
        self.snapshots.append(engine.snapshot())

    def finish(self) -> None:
        """Resume, then tick to the far future, count every counted rep and say yes at every gate
        question, until the end."""
        self.act("resume")
        for _ in range(100_000):
            if self.engine.snapshot().finished:
                return
            self.jump(FAR)
            self.act("tick")
            if self.engine.snapshot().step.kind is StepKind.COUNTED:
                self.act("count_rep")
            if self.engine.at_gate:
                self.events += self.engine.answer_gate(True)
        raise AssertionError("the session never ended")


def play(plan: Plan, script: list[tuple[Any, float]]) -> Run:
    clock = FakeClock()
    run = Run(Engine(plan.timeline(), clock, clock.wall), clock)
    run.events += run.engine.start()
    for action, jump in script:
        run.jump(jump)
        run.act(action)
    return run


def planned_holds(result: ExerciseResult) -> int:
    """Every hold the plan asked for: one per position of every rep of a stage with a hold."""
    return sum(
        stage.total_reps * max(1, len(stage.positions)) for stage in result.planned if stage.hold
    )


def planned_hold_seconds(result: ExerciseResult) -> int:
    return sum(
        stage.total_reps * stage.hold * max(1, len(stage.positions))
        for stage in result.planned
        if stage.hold
    )


# Properties ----------------------------------------------------------------------------------


@SETTINGS
@given(plans(), SCRIPTS)
def test_seconds_remaining_are_never_negative(plan: Plan, script: list[Any]) -> None:
    run = play(plan, script)
    for snapshot in run.snapshots:
        assert snapshot.remaining is None or snapshot.remaining >= 0
        waits = snapshot.step.kind in (StepKind.COUNTED, StepKind.GATE)
        assert (snapshot.remaining is None) == waits
        assert snapshot.elapsed >= 0 and snapshot.session_remaining >= 0
        assert 0.0 <= snapshot.progress <= 1.0


@SETTINGS
@given(plans(), SCRIPTS)
def test_counters_stay_within_their_totals(plan: Plan, script: list[Any]) -> None:
    run = play(plan, script)
    for snapshot in run.snapshots:
        step = snapshot.step
        assert 1 <= step.stage_number <= step.stage_count
        assert 1 <= step.set_number <= step.set_count
        assert 1 <= step.rep_number <= step.rep_count
        assert 1 <= step.position_number <= step.position_count
        assert step.side in (None, "left", "right")
        assert 0 <= snapshot.exercise.index < snapshot.exercise_count


@SETTINGS
@given(plans(), SCRIPTS)
def test_every_session_ends(plan: Plan, script: list[Any]) -> None:
    run = play(plan, script)
    run.finish()
    last = run.events[-1]
    assert isinstance(last, SessionDone | SessionEnded)
    ends = sum(isinstance(e, SessionDone | SessionEnded) for e in run.events)
    assert ends == 1 + run.reopened  # once, and once more after each end undone
    session = run.engine.session()
    assert session.status == ("complete" if isinstance(last, SessionDone) else "partial")
    ids = [e.id for e in run.engine.timeline.exercises]
    recorded = [r.exercise for r in session.exercises]
    assert recorded == ids[: len(recorded)]
    if isinstance(last, SessionDone):
        assert recorded == ids


@SETTINGS
@given(plans(), SCRIPTS)
def test_no_exercise_records_more_than_was_planned(plan: Plan, script: list[Any]) -> None:
    run = play(plan, script)
    run.finish()
    for result in run.engine.session().exercises:
        assert 0 <= result.reps_done <= result.planned_reps
        assert 0 <= result.seconds_held <= planned_hold_seconds(result) + result.seconds_added


def outline(run: Run) -> list[tuple[Any, ...]]:
    """What happened in a run, leaving out when."""
    events = [
        (type(e).__name__, getattr(e, "index", None), getattr(e, "reason", None))
        for e in run.events
    ]
    results = [
        (r.exercise, r.reps_done, r.seconds_held, r.seconds_added, r.outcome)
        for r in run.engine.session().exercises
    ]
    return [*events, *results]


@SETTINGS
@given(plans(), PAUSE_SCRIPTS)
def test_paused_time_is_never_held(plan: Plan, script: list[Any]) -> None:
    paused = play(plan, script)
    paused.finish()
    flags = paused.paused_jumps[: len(script)]
    without = play(plan, [(a, 0.0 if p else j) for (a, j), p in zip(script, flags, strict=True)])
    without.finish()
    assert outline(paused) == outline(without)
    assert paused.events[-1].at - without.events[-1].at == paused.paused
    session = paused.engine.session()
    active = paused.events[-1].at - START - paused.paused
    assert paused.engine.snapshot().session_elapsed == active
    for result in session.exercises:
        assert result.seconds_held <= planned_hold_seconds(result) + result.seconds_added


@SETTINGS
@given(plans(), st.lists(JUMPS, max_size=40))
def test_ticking_alone_ends_at_the_planned_time_plus_the_waits_on_counted_reps(
    plan: Plan, jumps: list[float]
) -> None:
    run = play(plan, [("tick", jump) for jump in jumps])
    run.finish()
    steps = run.engine.timeline.steps
    timed = sum(step.duration for step in steps if step.duration is not None)
    starts = {e.index: e.at for e in run.events if isinstance(e, StepStarted)}
    counted = [
        e
        for e in run.events
        if isinstance(e, StepDone) and (e.reason == "counted" or e.step.kind is StepKind.GATE)
    ]
    end = run.events[-1]
    assert isinstance(end, SessionDone)
    if counted:
        waits = sum(e.at - starts[e.index] for e in counted)
        assert end.at == pytest.approx(START + timed + waits, rel=0, abs=1e-6)
    else:
        assert end.at == START + timed == START + run.engine.timeline.total_seconds


@SETTINGS
@given(plans(), SCRIPTS)
def test_an_exercise_recorded_as_done_was_done_in_full(plan: Plan, script: list[Any]) -> None:
    """Whatever the keys: "done" means every planned rep done and no hold cut short."""
    run = play(plan, script)
    run.finish()
    for result in run.engine.session().exercises:
        assert 0 <= result.holds_cut <= planned_holds(result)
        if result.outcome == "done":
            assert result.full
        if result.outcome == "cut":
            assert result.reps_done < result.planned_reps or result.holds_cut


@SETTINGS
@given(plans(), st.lists(st.tuples(st.sampled_from(["tick", "pause", "resume"]), JUMPS)))
def test_a_session_left_to_its_clock_is_done_in_full(plan: Plan, script: list[Any]) -> None:
    """Only ticks, pauses and counted reps: every exercise is done in full."""
    run = play(plan, script)
    run.finish()
    assert all(result.full for result in run.engine.session().exercises)


@SETTINGS
@given(plans(), st.integers(0, 60), st.floats(0.0, 0.4))
def test_next_during_a_rep_before_its_time_is_never_done_in_full(
    plan: Plan, pick: int, into: float
) -> None:
    """Next pressed early in any hold or move leaves its exercise cut short, never done."""
    clock = FakeClock()
    engine = Engine(plan.timeline(), clock, clock.wall)
    engine.start()
    steps = engine.timeline.steps
    timed = [i for i, step in enumerate(steps) if step.kind.is_rep and step.duration]
    if not timed:
        return
    target = timed[pick % len(timed)]
    while engine.snapshot().step_index < target:  # play up to it: wait out or count each step
        remaining = engine.snapshot().remaining
        if remaining is None:
            engine.count_rep()
            engine.answer_gate(True)
        else:
            clock.now += remaining
            engine.tick()
    clock.now += (steps[target].duration or 0) * into
    engine.next_step()
    run = Run(engine, clock)
    run.finish()
    result = engine.session().exercises[steps[target].exercise_index]
    assert result.outcome == "cut" and not result.full
