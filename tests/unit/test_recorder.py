"""Every built-in routine plays start to finish and is saved as it goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import START, FakeClock, plans_after
from tui.model import ladder
from tui.model.catalogue import Catalogue
from tui.session.engine import Engine
from tui.session.events import ExerciseDone, SessionDone
from tui.session.recorder import SessionRecorder
from tui.session.timeline import StepKind, build_timeline
from tui.store.store import Store

DAY = 24 * 60 * 60
ROUTINES = [
    "spinenation",
    "essential-guide",
    "ten-best",
    "klarity",
    "asm-roadmap",
    "quick-10",
    "desk-break",
    "sciatica-friendly",
    "warm-up",
    "cool-down",
    "asm-align",
    "asm-stabilize",
    "asm-maintain",
]


def test_the_list_names_every_bundled_routine(catalogue: Catalogue) -> None:
    assert sorted(ROUTINES) == sorted(catalogue.routines)


@pytest.mark.parametrize("routine_id", ROUTINES)
def test_a_routine_plays_to_the_end_on_time_and_is_saved_after_every_exercise(
    catalogue: Catalogue, tmp_path: Path, routine_id: str
) -> None:
    routine = catalogue.routine(routine_id)
    timeline = build_timeline(catalogue, routine)
    clock = FakeClock()
    store = Store.open(tmp_path / "lumbar.json")
    engine = Engine(timeline, clock, clock.wall)
    recorder = SessionRecorder(engine, store)
    start = clock.now
    engine.set_pain_before(4)
    recorder.handle(engine.start())
    recorder.save()
    saved_after: list[int] = []
    finished = False
    jumps = [0.4, 7.3, 0.0, 31.0, 2.2, 123.0]
    turn = 0
    while not finished:
        if engine.snapshot().step.kind is StepKind.COUNTED:
            events = engine.count_rep()
        elif engine.at_gate:  # the back extension's question: yes, plays every stage
            events = engine.answer_gate(True)
        else:
            clock.now += jumps[turn % len(jumps)]
            turn += 1
            events = engine.tick()
        for event in events:
            if isinstance(event, ExerciseDone):
                engine.set_feedback(event.index, "right")
        done_now = sum(1 for event in events if isinstance(event, ExerciseDone))
        if recorder.handle(events):
            saved = store.session(engine.session().id)
            assert saved == engine.session()
            saved_after.append(len(saved.exercises))
        else:
            assert done_now == 0
        finished = any(isinstance(event, SessionDone) for event in events)
    session = store.session(engine.session().id)
    assert session is not None
    assert session.status == "complete"
    assert [r.exercise for r in session.exercises] == [i.exercise for i in routine.items]
    assert all(r.outcome == "done" and r.reps_done == r.planned_reps for r in session.exercises)
    assert session.pain_before == 4
    assert saved_after == sorted(saved_after)
    assert saved_after[-1] == len(routine.items)
    waits = (StepKind.COUNTED, StepKind.GATE)  # a counted rep, or a question: answered at once
    counted = sum(1 for step in timeline.steps if step.kind in waits)
    if not counted:
        assert session.ended_at == clock.at(start + timeline.total_seconds)


def play_to_end(engine: Engine, clock: FakeClock, recorder: SessionRecorder, feedback: str) -> None:
    """Play on, rating every exercise, until the session ends."""
    while not engine.snapshot().finished:
        if engine.snapshot().step.kind is StepKind.COUNTED:
            events = engine.count_rep()
        elif engine.at_gate:  # the back extension's question: yes, plays every stage
            events = engine.answer_gate(True)
        else:
            clock.now += 10
            events = engine.tick()
        for event in events:
            if isinstance(event, ExerciseDone) and event.result.outcome == "done":
                engine.set_feedback(event.index, feedback)  # type: ignore[arg-type]
        recorder.handle(events)
    recorder.save()


def test_this_hurts_is_stored_and_the_next_session_does_not_raise_that_dose(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    """Two good sessions raise each dose a step; "this hurts" then lowers it and holds the rest."""
    store = Store.open(tmp_path / "lumbar.json")
    routine = catalogue.routine("spinenation")
    for day in range(2):  # two good sessions in a row, a day apart, raise every dose one step
        clock = FakeClock(now=START + day * DAY)
        plans = plans_after(catalogue, store.sessions())
        engine = Engine(build_timeline(catalogue, routine, plans), clock, clock.wall)
        recorder = SessionRecorder(engine, store)
        recorder.handle(engine.start())
        engine.set_pain_before(2)
        play_to_end(engine, clock, recorder, "easy")
        engine.set_pain_after(2)
        recorder.save()
    rungs = {item.item: item.rung for item in plans_after(catalogue, store.sessions())[routine.id]}
    assert (rungs["bird-dog"], rungs["pelvic-tilt"]) == (1, 1)

    clock = FakeClock(now=START + 2 * DAY)
    plans = plans_after(catalogue, store.sessions())
    engine = Engine(build_timeline(catalogue, routine, plans), clock, clock.wall)
    recorder = SessionRecorder(engine, store)
    recorder.handle(engine.start())
    while (
        engine.snapshot().exercise.id != "bird-dog"
        or engine.snapshot().step.kind is not StepKind.HOLD
    ):
        clock.now += 1
        recorder.handle(engine.tick())
    recorder.handle(engine.this_hurts())
    play_to_end(engine, clock, recorder, "easy")

    stored = store.session(engine.session().id)
    assert stored is not None and stored == store.sessions()[-1]
    (bird_dog,) = [r for r in stored.exercises if r.exercise == "bird-dog"]
    assert (bird_dog.outcome, bird_dog.routine, bird_dog.rung) == ("hurt", routine.id, 1)
    after = {item.item: item for item in plans_after(catalogue, store.sessions())[routine.id]}
    assert (after["bird-dog"].rung, after["bird-dog"].change) == (0, "down")
    assert (after["pelvic-tilt"].rung, after["pelvic-tilt"].change) == (1, "same")  # held
    (item,) = [i for i in routine.items if i.exercise == "bird-dog"]
    next_plan = build_timeline(catalogue, routine, plans_after(catalogue, store.sessions()))
    assert next_plan.exercises[4].id == "bird-dog"
    assert next_plan.exercises[4].planned == ladder(catalogue.dose_for(item)).at(0)
