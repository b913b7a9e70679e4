"""The plain player's loop on a fake clock, with keys pressed at set moments (nothing sleeps)."""

from __future__ import annotations

import signal

import pytest

from tests.helpers import (
    FakeClock,
    answered_safety_check,
    dosed,
    lines_of,
    plain_run,
    pressed,
    said_yes_to_a_red_flag,
    without_movement,
)
from tui.catalogue.load import load_catalogue
from tui.history.safety import red_flags
from tui.model.catalogue import Catalogue, Routine, RoutineItem
from tui.model.records import Session, Settings
from tui.plain.run import HungUp
from tui.store.store import Store


@pytest.fixture(scope="module")
def still() -> Catalogue:
    """The bundled catalogue without the moves around holds (the timings are the doses')."""
    return without_movement(load_catalogue().catalogue)


def routine_of(*items: RoutineItem) -> Routine:
    return Routine(id="test", name="Test", kind="custom", description="A test.", items=items)


TWO = routine_of(
    dosed("pelvic-tilt", hold=10, reps=2, rest_reps=5), dosed("bridge", hold=5, reps=2)
)
"""Get ready 5 s, tilt 10 + 5 + 10, a lead-in, two bridges of 5 s: about a minute."""


def play(
    still: Catalogue, store: Store, clock: FakeClock, *script: tuple[float, object]
) -> tuple[int, list[str]]:
    run, out = plain_run(still, store, clock, script)  # type: ignore[arg-type]
    return run.play(TWO), lines_of(out)


def only(store: Store) -> Session:
    (session,) = store.sessions()
    return session


def test_the_pain_before_is_saved_with_the_session(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    play(still, store, clock, *pressed("4"))
    assert only(store).pain_before == 4


def test_enter_at_the_pain_check_leaves_the_pain_unknown(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    play(still, store, clock, *pressed("enter"))
    assert only(store).pain_before is None


def test_one_kept_after_its_moment_is_one(still: Catalogue, store: Store, clock: FakeClock) -> None:
    play(still, store, clock, *pressed("1"), (5.0, "s"))
    assert only(store).pain_before == 1


def test_one_then_zero_is_ten_a_flare_up_and_stopping_saves_nothing(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    status, lines = play(still, store, clock, *pressed("1", "0", "s"))
    assert status == 1
    assert any("threshold for a flare-up" in line for line in lines)
    assert list(store.sessions()) == []


def test_played_to_the_end_the_session_is_complete_and_the_pain_after_kept(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    status, _ = play(still, store, clock, *pressed("4"), *pressed("3", at=120))
    session = only(store)
    assert (status, session.status, session.pain_after) == (0, "complete", 3)


def test_three_two_one_is_one_line_at_the_end_of_each_long_hold(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    """Two holds and a lead-in of 10 s; the 5 s holds, rest and get-ready have none."""
    _, lines = play(still, store, clock, *pressed("4"), *pressed("3", at=120))
    assert lines.count("3, 2, 1.") == 3
    assert not any(line in ("3", "2", "1", "3.", "2.", "1.") for line in lines)


def test_s_skips_the_exercise(still: Catalogue, store: Store, clock: FakeClock) -> None:
    play(still, store, clock, *pressed("4", "s"))
    assert only(store).exercises[0].outcome == "skipped"


def test_u_takes_a_skip_back(still: Catalogue, store: Store, clock: FakeClock) -> None:
    play(still, store, clock, *pressed("4", "s", "u"), *pressed("q", "y", "enter", "enter", at=7))
    assert only(store).exercises[0].outcome == "stopped"


def test_a_rating_after_an_exercise_is_saved(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    """The tilt ends 30 s in (5 + 10 + 5 + 10); 2 is about right."""
    play(still, store, clock, *pressed("4"), (31.0, "2"), *pressed("3", at=120))
    assert only(store).exercises[0].feedback == "right"


def test_q_then_y_ends_the_session_early(still: Catalogue, store: Store, clock: FakeClock) -> None:
    status, _ = play(still, store, clock, *pressed("4", "q", "y", "5"))
    session = only(store)
    assert (status, session.status, session.pain_after) == (0, "partial", 5)


def test_this_hurts_saves_the_exercise_as_hurting(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    play(still, store, clock, *pressed("4", "n", "exclamation_mark", "s"), (2.0, "q"), (2.0, "y"))
    assert only(store).exercises[0].outcome == "hurt"


def test_the_end_of_input_mid_session_saves_it_as_ended_early(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    status, lines = play(still, store, clock, *pressed("4"), (8.0, EOFError()))
    session = only(store)
    assert (status, session.status) == (1, "partial")
    assert session.ended_at is not None
    assert lines[-1] == "The input ended: the session so far is saved, as ended early."


def test_a_hang_up_saves_the_session_and_exits_as_a_shell_reports_it(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    status, lines = play(still, store, clock, *pressed("4"), (8.0, HungUp(signal.SIGHUP)))
    assert (status, only(store).status) == (128 + signal.SIGHUP, "partial")
    assert lines[-1].endswith("the session so far is saved, as ended early.")


def test_ctrl_c_saves_the_session_and_exits_130(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    status, _ = play(still, store, clock, *pressed("4"), (8.0, KeyboardInterrupt()))
    assert (status, only(store).status) == (130, "partial")


def test_a_red_flag_yes_starts_no_session(still: Catalogue, store: Store, clock: FakeClock) -> None:
    said_yes_to_a_red_flag(store, clock.wall())
    status, lines = play(still, store, clock, *pressed("enter"))
    assert status == 1
    assert any(line.startswith("Sessions are stopped: ") for line in lines)
    assert list(store.sessions()) == []


def test_a_clinicians_clearance_confirmed_lets_the_session_start(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    said_yes_to_a_red_flag(store, clock.wall())
    play(still, store, clock, *pressed("c", "y", "4"))
    safety = store.safety()
    assert safety is not None and safety.cleared_at is not None
    assert only(store).pain_before == 4


def test_the_check_is_asked_when_due_and_all_no_lets_the_session_start(
    still: Catalogue, empty_store: Store, clock: FakeClock
) -> None:
    empty_store.save_settings(Settings(warm_up=False))
    flags = len(red_flags(still))
    play(still, empty_store, clock, *pressed(*"n" * flags, "4"))
    safety = empty_store.safety()
    assert safety is not None and not safety.any_yes
    assert only(empty_store).pain_before == 4


def test_an_emergency_yes_ends_the_questions_and_stops_sessions(
    still: Catalogue, empty_store: Store, clock: FakeClock
) -> None:
    status, lines = play(still, empty_store, clock, *pressed("y", "enter", "enter"))
    assert status == 1
    assert any(line.startswith("Get urgent medical help now") for line in lines)
    assert list(empty_store.sessions()) == []


def test_nothing_in_the_session_starts_before_the_safety_answers_are_kept(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    """The store fixture's answers are not due: no question is asked."""
    answered_safety_check(store)
    _, lines = play(still, store, clock, *pressed("4", "q", "y", "enter", "enter"))
    assert not any(line.startswith("Question 1 of") for line in lines)


def test_ctrl_c_and_the_hang_up_signals_are_as_they_were_after_a_run(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    before = [signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGHUP)]
    play(still, store, clock, *pressed("4"), (8.0, HungUp(signal.SIGHUP)))
    assert [signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGHUP)] == before


def test_n_at_a_stages_gate_ends_the_exercise_there_with_the_no_kept(
    still: Catalogue, store: Store, clock: FakeClock
) -> None:
    """The back extension asks before the elbows, once lying face down has run its 5 minutes."""
    run, out = plain_run(still, store, clock, [*pressed("4"), (1000.0, "n")])
    run.play(still.routine("sciatica-friendly"))
    result = only(store).exercises[0]
    assert (result.exercise, result.outcome) == ("back-extension", "gated")
    assert [answer.passed for answer in result.gates] == [False]
    assert any(line.startswith("A question before on your elbows") for line in lines_of(out))
