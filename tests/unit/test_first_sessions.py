"""Sensible first sessions: the phase routines start short, grow by lumbar's rules, warm up first.

ten-best (article 002) tells a beginner to start with 10 to 15 minute sessions; Klarity (003)
calls a warm-up imperative. The warm-up is its own routine and is not counted in the 15 minutes.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers import FakeClock
from tui.history.intro import session_seconds, start_rung
from tui.history.plan import RoutinePlan, plan_lines, plan_routine
from tui.model import Catalogue, ExerciseResult, Session, Settings
from tui.store.store import Store

PHASES = ("asm-align", "asm-stabilize")


def minutes(catalogue: Catalogue, plan: RoutinePlan) -> int:
    """The minutes ``lumbar plan`` gives for the plan's session."""
    found = re.search(r"about (\d+) min", plan_lines(catalogue, plan)[0])
    assert found is not None
    return int(found.group(1))


def played(
    catalogue: Catalogue,
    routine_id: str,
    days: int,
    *,
    pain: tuple[int, int] = (3, 2),
    history: tuple[Session, ...] = (),
) -> Session:
    """A complete session ``days`` after the fake clock's start, every item done in full."""
    plan = plan_routine(catalogue, catalogue.routine(routine_id), history)
    when = FakeClock().wall() + timedelta(days=days)
    results = tuple(
        ExerciseResult(
            exercise=item.exercise,
            routine=routine_id,
            rung=item.rung,
            planned=item.planned,
            reps_done=sum(stage.total_reps for stage in item.planned),
            outcome="done",
            feedback="right",
            started_at=when,
            ended_at=when,
        )
        for item in plan.playing
    )
    return Session(
        id=f"{routine_id}-{days}",
        routine=routine_id,
        routine_name=routine_id,
        started_at=when,
        ended_at=when + timedelta(minutes=15),
        status="complete",
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=results,
    )


def rungs(catalogue: Catalogue, routine_id: str, history: tuple[Session, ...]) -> set[int]:
    """The rungs the routine's items plan at after ``history``."""
    plan = plan_routine(catalogue, catalogue.routine(routine_id), history)
    return {item.rung for item in plan.items}


@pytest.mark.parametrize("routine_id", PHASES)
def test_a_new_users_first_phase_session_plans_within_15_minutes(
    catalogue: Catalogue, routine_id: str
) -> None:
    """ALIGN and STABILIZE start at 10 to 15 minutes, the warm-up not counted."""
    plan = plan_routine(catalogue, catalogue.routine(routine_id))
    assert 10 <= minutes(catalogue, plan) <= 15


@pytest.mark.parametrize("routine_id", PHASES)
def test_the_start_is_the_fewest_steps_down_that_fit(catalogue: Catalogue, routine_id: str) -> None:
    """One step fewer down would take the session past 15 minutes."""
    routine = catalogue.routine(routine_id)
    rung = start_rung(catalogue, routine)
    assert rung < 0 and session_seconds(catalogue, routine, rung + 1) > 15 * 60


def test_the_reason_names_the_article_and_lumbars_own_rule(catalogue: Catalogue) -> None:
    """The plan's why says the 10 to 15 minutes is ten-best's and the growth rule lumbar's."""
    (item, *_) = plan_routine(catalogue, catalogue.routine("asm-align")).items
    assert "ten-best: 10 to 15 minutes" in item.why and "lumbar's own rule" in item.why
    assert item.below_range


def test_a_routine_without_a_start_plays_the_articles_doses(catalogue: Catalogue) -> None:
    """MAINTAIN, already short, starts at the low end of the article's range."""
    assert start_rung(catalogue, catalogue.routine("asm-maintain")) == 0


def test_one_comfortable_session_does_not_grow_it(catalogue: Catalogue) -> None:
    """After one comfortable, complete session every exercise stays at its start."""
    start = start_rung(catalogue, catalogue.routine("asm-align"))
    history = (played(catalogue, "asm-align", 0),)
    assert rungs(catalogue, "asm-align", history) == {start}


def test_two_comfortable_complete_sessions_grow_it_one_step(catalogue: Catalogue) -> None:
    """After two in a row each exercise is one step up, and the session longer."""
    routine = catalogue.routine("asm-align")
    start = start_rung(catalogue, routine)
    first = played(catalogue, "asm-align", 0)
    second = played(catalogue, "asm-align", 1, history=(first,))
    assert rungs(catalogue, "asm-align", (first, second)) == {start + 1}


def test_a_pain_flag_never_grows_it(catalogue: Catalogue) -> None:
    """Two complete sessions, the second with pain rising over it: nothing grows."""
    start = start_rung(catalogue, catalogue.routine("asm-stabilize"))
    first = played(catalogue, "asm-stabilize", 0)
    second = played(catalogue, "asm-stabilize", 1, pain=(3, 6), history=(first,))
    assert rungs(catalogue, "asm-stabilize", (first, second)) == {start}


def test_the_warm_up_is_on_by_default() -> None:
    """A new user's settings play the warm-up first."""
    assert Settings().warm_up


def test_a_stored_warm_up_off_is_kept(tmp_path: Path) -> None:
    """A store that says the warm-up is off keeps it off."""
    store = Store.open(tmp_path / "lumbar.json")
    store.save_settings(Settings(warm_up=False))
    assert not Store.open(tmp_path / "lumbar.json").settings().warm_up


def test_a_store_with_no_settings_gets_the_warm_up(tmp_path: Path) -> None:
    """A store with no settings saved has the new default: warm-up on."""
    assert Store.open(tmp_path / "lumbar.json").settings().warm_up
