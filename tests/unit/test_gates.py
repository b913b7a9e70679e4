"""Gates from the articles: a yes/no question before a stage, asked, answered and remembered.

The Essential Guide's back extension goes on to the elbows only once lying face down for 5
minutes without a pillow is comfortable; the Sciatica-friendly routine opens with it.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.helpers import START, FakeClock, without_movement
from tui.history.gates import gate_answers, gated_stages, passed_gates, taken_back
from tui.history.plan import plan_json, plan_lines, plan_routine
from tui.model import Catalogue, ExerciseResult, GateAnswer, Session, Settings, gate_key
from tui.session.engine import Engine
from tui.session.timeline import StepKind, Timeline, build_timeline

SCIATICA = "sciatica-friendly"


@pytest.fixture(scope="module")
def catalogue(catalogue: Catalogue) -> Catalogue:
    """The bundled catalogue without the moves around holds (steps at the articles' times)."""
    return without_movement(catalogue)


def question(catalogue: Catalogue) -> str:
    """The back extension's gate key (its question)."""
    (gated,) = gated_stages(catalogue)
    return gated.key


def timeline(catalogue: Catalogue, passed: frozenset[str] = frozenset()) -> Timeline:
    """The Sciatica-friendly routine laid out, with these gates passed."""
    return build_timeline(catalogue, catalogue.routine(SCIATICA), passed=passed)


def at_gate(catalogue: Catalogue) -> tuple[Engine, FakeClock]:
    """An engine on the Sciatica-friendly routine, played up to the back extension's gate."""
    clock = FakeClock()
    engine = Engine(timeline(catalogue), clock, clock.wall, session_id="s1")
    engine.start()
    clock.now = START + 5 + 300  # get ready, then lying face down for 5 minutes
    engine.tick()
    return engine, clock


def answer(catalogue: Catalogue, passed: bool, days: int) -> GateAnswer:
    """An answer to the back extension's gate, ``days`` days after the fake clock's start."""
    when = FakeClock().wall() + timedelta(days=days)
    return GateAnswer(gate=question(catalogue), passed=passed, answered_at=when)


# The format ----------------------------------------------------------------------------------


def test_the_back_extension_asks_before_its_elbows_stage(catalogue: Catalogue) -> None:
    """The gate sits on the second stage (on the elbows), sourced to the Essential Guide."""
    stages = catalogue.exercise("back-extension").dose.stages
    assert [stage.gate is not None for stage in stages] == [False, True, False]
    gate = stages[1].gate
    assert gate is not None and gate.source == "essential-guide"
    assert "5 minutes" in gate.question and "pillow" in gate.question


def test_every_routine_playing_the_staged_back_extension_asks_the_same_question(
    catalogue: Catalogue,
) -> None:
    """The Sciatica-friendly and Essential Guide routines' own doses carry the same gate."""
    for routine_id in (SCIATICA, "essential-guide"):
        routine = catalogue.routine(routine_id)
        item = next(i for i in routine.items if i.dose is not None and i.dose.stages)
        assert [gate_key(stage) for stage in catalogue.dose_for(item).stages][1] == question(
            catalogue
        )


# The timeline --------------------------------------------------------------------------------


def test_without_a_yes_the_timeline_asks_before_the_elbows(catalogue: Catalogue) -> None:
    """A GATE step comes right after the face-down hold, before the first elbows step."""
    steps = timeline(catalogue).steps
    gate = next(i for i, step in enumerate(steps) if step.kind is StepKind.GATE)
    assert (steps[gate - 1].stage_number, steps[gate].stage_number) == (1, 2)
    assert steps[gate].duration is None and steps[gate].stage_name == "On your elbows"


def test_with_a_yes_the_timeline_plays_the_elbows_straight_away(catalogue: Catalogue) -> None:
    """A remembered yes leaves the question out."""
    steps = timeline(catalogue, frozenset({question(catalogue)})).steps
    assert all(step.kind is not StepKind.GATE for step in steps)


# The engine ----------------------------------------------------------------------------------


def test_the_session_waits_at_the_gate(catalogue: Catalogue) -> None:
    """However long it waits, the gate step stays until it is answered."""
    engine, clock = at_gate(catalogue)
    clock.now += 600
    engine.tick()
    assert engine.at_gate and engine.snapshot().step.kind is StepKind.GATE


def test_yes_starts_the_gated_stage_and_is_recorded(catalogue: Catalogue) -> None:
    """Yes: the elbows stage starts now; the exercise's record keeps the yes."""
    engine, _ = at_gate(catalogue)
    engine.answer_gate(True)
    step = engine.snapshot().step
    assert (step.stage_name, step.kind) == ("On your elbows", StepKind.HOLD)
    engine.quit()
    (result, *_) = engine.session().exercises
    assert [(a.gate, a.passed) for a in result.gates] == [(question(catalogue), True)]


def test_no_ends_the_exercise_as_gated_and_moves_on(catalogue: Catalogue) -> None:
    """No: the back extension ends, recorded as gated with the no; the next exercise leads in."""
    engine, _ = at_gate(catalogue)
    engine.answer_gate(False)
    snapshot = engine.snapshot()
    assert snapshot.exercise.id == "piriformis-stretch" and snapshot.step.kind.is_lead_in
    (result,) = engine.session().exercises
    assert result.outcome == "gated" and not result.hurt
    assert [(a.gate, a.passed) for a in result.gates] == [(question(catalogue), False)]


def test_an_answer_anywhere_else_does_nothing(catalogue: Catalogue) -> None:
    """At a hold, answering a gate neither moves on nor records anything."""
    clock = FakeClock()
    engine = Engine(timeline(catalogue), clock, clock.wall)
    engine.start()
    assert engine.answer_gate(True) == [] and engine.snapshot().step_index == 0


def test_quitting_at_the_gate_leaves_it_unanswered(catalogue: Catalogue) -> None:
    """A link that drops at the question records no answer: unknown, not yes."""
    engine, _ = at_gate(catalogue)
    engine.quit()
    (result,) = engine.session().exercises
    assert result.outcome == "stopped" and result.gates == ()


def test_back_from_the_elbows_asks_again(catalogue: Catalogue) -> None:
    """Back from the first elbows step returns to the question, and its answer is dropped."""
    engine, _ = at_gate(catalogue)
    engine.answer_gate(True)
    engine.previous_step()
    assert engine.at_gate
    engine.quit()
    (result,) = engine.session().exercises
    assert result.gates == ()


# Remembering ---------------------------------------------------------------------------------


def test_the_latest_answer_counts(catalogue: Catalogue) -> None:
    """A yes after a no passes the gate; a yes taken back later asks again."""
    no, yes = answer(catalogue, False, 0), answer(catalogue, True, 1)
    session = _session_with(no, yes)
    assert passed_gates([session], Settings()) == {question(catalogue)}
    again = taken_back(Settings(), answer(catalogue, False, 2))
    assert passed_gates([session], Settings(gates_again=again)) == frozenset()


def test_a_yes_taken_back_earlier_does_not_undo_a_later_yes(catalogue: Catalogue) -> None:
    """Only the latest answer by its date counts, wherever it was given."""
    settings = Settings(gates_again=(answer(catalogue, False, 0),))
    session = _session_with(answer(catalogue, True, 1))
    assert gate_answers([session], settings)[question(catalogue)].passed


def _session_with(*answers: GateAnswer) -> Session:
    """A session of the Sciatica-friendly routine whose back extension carries ``answers``."""
    when = FakeClock().wall()
    result = ExerciseResult(
        exercise="back-extension",
        planned=(),
        outcome="gated",
        started_at=when,
        ended_at=when,
        gates=answers,
    )
    return Session(id="s", routine=SCIATICA, routine_name="S", started_at=when, exercises=(result,))


# The planned length --------------------------------------------------------------------------


def test_the_routine_length_counts_gated_stages_only_after_a_yes(catalogue: Catalogue) -> None:
    """Without a yes, the elbows and the press-ups (over 5 minutes) are not counted."""
    routine = catalogue.routine(SCIATICA)
    without = catalogue.routine_seconds(routine)
    with_yes = catalogue.routine_seconds(routine, passed={question(catalogue)})
    assert with_yes - without >= 5 * 60


def test_the_plan_says_the_later_stages_wait_for_the_yes(catalogue: Catalogue) -> None:
    """lumbar plan names the question; its JSON gives it too, and a yes clears both."""
    plan = plan_routine(catalogue, catalogue.routine(SCIATICA))
    text = " ".join(plan_lines(catalogue, plan))
    assert "wait for your yes" in text and "pillow" in text
    assert plan_json(catalogue, plan)["exercises"][0]["waits_for"] == question(catalogue)
    passed = plan_routine(catalogue, catalogue.routine(SCIATICA), passed={question(catalogue)})
    assert plan_json(catalogue, passed)["exercises"][0]["waits_for"] is None
