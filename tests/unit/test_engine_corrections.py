"""Putting a wrong key right: undo of a skip, a hurt, a rating or a pain score; back an exercise.

The routines start at START: get ready 5 s, transitions 10 s (see ``started``).
"""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from tests.helpers import START, FakeClock, without_movement
from tui.model.catalogue import Catalogue, Dose, Routine, RoutineItem, decode_hook
from tui.session.corrections import UNDO_SECONDS
from tui.session.engine import Engine
from tui.session.timeline import StepKind, build_timeline


@pytest.fixture(scope="module")
def catalogue(catalogue: Catalogue) -> Catalogue:
    """The bundled catalogue without the moves around holds: these tests act at set times,
    laid out as the articles time them (the moves have tests of their own)."""
    return without_movement(catalogue)


def item(exercise: str, **dose: Any) -> RoutineItem:
    """A routine item with its own dose, written as it would be in TOML."""
    return RoutineItem(
        exercise=exercise, dose=msgspec.convert(dose, Dose, dec_hook=decode_hook, strict=True)
    )


def started(catalogue: Catalogue, *items: RoutineItem) -> Engine:
    """An engine for a small routine, started at START."""
    clock = FakeClock()
    routine = Routine(id="test", name="Test", kind="custom", description="A test.", items=items)
    engine = Engine(build_timeline(catalogue, routine), clock, clock.wall, session_id="s1")
    engine.start()
    return engine


def two(catalogue: Catalogue) -> Engine:
    """Wall sit (2 holds of 10 s, from 5 to 25) then a bridge (from 35, after 10 s)."""
    return started(catalogue, item("wall-sit", hold=10, reps=2), item("bridge", hold=6))


# Undo a skip ---------------------------------------------------------------------------------


def test_undoing_a_skip_puts_the_exercise_back_where_it_was(catalogue: Catalogue) -> None:
    """Skipped 3 s into a hold, undone 2 s later: the same hold with 7 s left, running."""
    engine = two(catalogue)
    engine.skip_exercise(START + 8)
    undone = engine.undo(START + 10)
    assert undone is not None and undone.kind == "skip"
    snapshot = engine.snapshot(START + 10)
    assert (snapshot.exercise.index, snapshot.step_index, snapshot.remaining) == (0, 1, 7.0)
    assert not snapshot.paused


def test_undoing_a_skip_removes_the_skipped_result(catalogue: Catalogue) -> None:
    """The record has no result for the exercise any more."""
    engine = two(catalogue)
    engine.skip_exercise(START + 8)
    engine.undo(START + 10)
    assert engine.session().exercises == ()


def test_the_exercise_undone_is_recorded_as_done_when_played_out(catalogue: Catalogue) -> None:
    """What it did before the skip still counts: played to the end, it is done in full."""
    engine = two(catalogue)
    engine.skip_exercise(START + 8)
    engine.undo(START + 10)
    engine.tick(START + 40)  # the time between skip and undo was a pause: it ends at 27
    (result,) = engine.session().exercises
    assert (result.outcome, result.reps_done, result.seconds_held) == ("done", 2, 20)


def test_undo_after_its_time_does_nothing(catalogue: Catalogue) -> None:
    """UNDO_SECONDS after the skip it is final."""
    engine = two(catalogue)
    engine.skip_exercise(START + 8)
    assert engine.undoable(START + 8 + UNDO_SECONDS) is None
    assert engine.undo(START + 8 + UNDO_SECONDS) is None
    assert [r.outcome for r in engine.session().exercises] == ["skipped"]


def test_undo_takes_back_only_once(catalogue: Catalogue) -> None:
    """A second undo finds nothing left to undo."""
    engine = two(catalogue)
    engine.skip_exercise(START + 8)
    engine.undo(START + 9)
    assert engine.undo(START + 9) is None


def test_undo_while_paused_stays_paused(catalogue: Catalogue) -> None:
    """Paused after the skip: the exercise comes back paused, nothing counting down."""
    engine = two(catalogue)
    engine.skip_exercise(START + 8)
    engine.pause(START + 9)
    engine.undo(START + 10)
    later = engine.snapshot(START + 30)
    assert (later.paused, later.step_index, later.remaining) == (True, 1, 7.0)


def test_undoing_a_skip_that_ended_the_session_opens_it_again(catalogue: Catalogue) -> None:
    """Skipping the last exercise ended the session; undo plays it on, partial again."""
    engine = started(catalogue, item("wall-sit", hold=10))
    engine.skip_exercise(START + 8)
    assert not engine.running
    engine.undo(START + 9)
    assert engine.running and engine.session().status == "partial"
    assert engine.session().ended_at is None


# Undo "this hurts" ---------------------------------------------------------------------------


def test_undoing_a_hurt_removes_it_and_the_exercise_goes_on(catalogue: Catalogue) -> None:
    """A mistaken !: no hurt recorded, the hold in play again."""
    engine = two(catalogue)
    engine.this_hurts(START + 8)
    undone = engine.undo(START + 9)
    assert undone is not None and undone.kind == "hurt"
    assert not engine.session().hurt and engine.session().exercises == ()
    assert (engine.snapshot(START + 9).step_index, engine.snapshot(START + 9).remaining) == (1, 7)


def test_a_hurt_is_final_once_an_easier_exercise_is_put_in(catalogue: Catalogue) -> None:
    """Undo never takes back a hurt once its easier variant is in."""
    engine = two(catalogue)
    engine.this_hurts(START + 8)
    engine.insert_exercise("bridge", START + 9)
    assert engine.undo(START + 10) is None
    assert engine.session().hurt


def test_undoing_the_last_hurt_stops_waiting_for_an_easier_one(catalogue: Catalogue) -> None:
    """The last exercise hurt (the session waits); undo plays it on."""
    engine = started(catalogue, item("wall-sit", hold=10))
    engine.this_hurts(START + 8, wait_if_last=True)
    engine.undo(START + 9)
    assert not engine.waiting and engine.running
    assert engine.snapshot(START + 9).step.kind is StepKind.HOLD


# Undo a rating or a pain score ---------------------------------------------------------------


def test_undoing_a_rating_leaves_the_exercise_unrated(catalogue: Catalogue) -> None:
    """The rating is gone; undo says which exercise to ask about again."""
    engine = two(catalogue)
    engine.tick(START + 26)
    engine.set_feedback(0, "hurt", START + 27)
    undone = engine.undo(START + 28)
    assert undone is not None and (undone.kind, undone.exercise_index) == ("feedback", 0)
    assert engine.session().exercises[0].feedback is None


def test_undoing_a_second_rating_gives_back_the_first(catalogue: Catalogue) -> None:
    """A rating changed by mistake goes back to what it was."""
    engine = two(catalogue)
    engine.tick(START + 26)
    engine.set_feedback(0, "easy", START + 27)
    engine.set_feedback(0, "hard", START + 28)
    engine.undo(START + 29)
    assert engine.session().exercises[0].feedback == "easy"


def test_undoing_the_pain_before_makes_it_unknown(catalogue: Catalogue) -> None:
    """The pain score before is unknown again until answered."""
    engine = two(catalogue)
    engine.set_pain_before(4, START + 1)
    undone = engine.undo(START + 2)
    assert undone is not None and undone.kind == "pain-before"
    assert engine.session().pain_before is None


def test_undoing_the_pain_after_makes_it_unknown(catalogue: Catalogue) -> None:
    """After the end too: the score after is unknown again."""
    engine = two(catalogue)
    engine.tick(START + 100)
    engine.set_pain_after(2, START + 100)
    engine.undo(START + 101)
    assert engine.session().pain_after is None and engine.session().status == "complete"


def test_undoing_a_pain_score_leaves_the_session_where_it_is(catalogue: Catalogue) -> None:
    """Only the score changes: the hold in play goes on."""
    engine = two(catalogue)
    engine.tick(START + 6)
    engine.set_pain_before(4, START + 6)
    engine.undo(START + 7)
    assert (engine.snapshot(START + 7).step_index, engine.snapshot(START + 7).remaining) == (1, 8)


# Back an exercise ----------------------------------------------------------------------------


def test_back_at_the_first_rep_goes_to_the_previous_exercise(catalogue: Catalogue) -> None:
    """On the bridge's first hold, b goes to the wall sit's get-ready, counting afresh."""
    engine = two(catalogue)
    engine.tick(START + 36)
    engine.previous_step(START + 36)
    snapshot = engine.snapshot(START + 36)
    assert (snapshot.exercise.index, snapshot.step_index, snapshot.remaining) == (0, 0, 5.0)


def test_back_at_a_lead_in_goes_to_the_previous_exercise(catalogue: Catalogue) -> None:
    """During the transition to the bridge, b goes back to the wall sit's start too."""
    engine = two(catalogue)
    engine.tick(START + 27)
    engine.previous_step(START + 27)
    assert engine.snapshot(START + 27).step_index == 0


def test_back_after_the_first_rep_stays_in_the_exercise(catalogue: Catalogue) -> None:
    """On the second hold, b goes back one step: the first hold."""
    engine = two(catalogue)
    engine.tick(START + 16)
    engine.previous_step(START + 16)
    assert engine.snapshot(START + 16).step_index == 1


def test_back_at_the_first_exercise_starts_it_again(catalogue: Catalogue) -> None:
    """On the wall sit's first hold there is nothing before: its get-ready starts again."""
    engine = two(catalogue)
    engine.previous_step(START + 7)
    snapshot = engine.snapshot(START + 7)
    assert (snapshot.step_index, snapshot.remaining) == (0, 5.0)


def test_an_exercise_done_again_is_recorded_once(catalogue: Catalogue) -> None:
    """Its second result replaces the first."""
    engine = two(catalogue)
    engine.tick(START + 27)
    engine.set_feedback(0, "easy", START + 27)
    engine.previous_step(START + 27)
    engine.tick(START + 1000)
    assert [r.exercise for r in engine.session().exercises] == ["wall-sit", "bridge"]
    assert engine.session().exercises[0].feedback is None
