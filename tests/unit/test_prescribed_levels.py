"""Locked doses: progression leaves them alone; pain lowers them, never past the prescribed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers import PRESCRIBED, result_at, with_example
from tui.history.levels import replay
from tui.history.plan import plan_json, plan_lines, plan_routine
from tui.model import Catalogue, ExerciseResult, Session, ladder

DAY_ONE = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
TILT, BRIDGE = "pelvic-tilt", "bridge"


@pytest.fixture
def prescribed(catalogue: Catalogue, tmp_path: Path) -> Catalogue:
    """The example prescription: pelvic tilt locked at 10 to 15 reps (a range), bridge not."""
    ranged = ("hold = 5\nreps = 10", "hold = 5\nreps = [10, 15]")
    return with_example(catalogue, ranged, at=tmp_path / "prescription.toml")


def good(day: int) -> Session:
    """An easy, complete, comfortable session of the prescription: every item done in full."""
    when = DAY_ONE + timedelta(days=day)
    return Session(
        id=f"s{day}",
        routine=PRESCRIBED,
        routine_name="Back plan",
        started_at=when,
        status="complete",
        pain_before=2,
        pain_after=1,
        exercises=tuple(result_at(e, when, "done", "easy") for e in (TILT, BRIDGE)),
    )


def hurt(day: int) -> Session:
    """A session in which the pelvic tilt hurt."""
    when = DAY_ONE + timedelta(days=day)
    tilt = ExerciseResult(exercise=TILT, planned=(), outcome="hurt", started_at=when, ended_at=when)
    return Session(
        id=f"h{day}",
        routine=PRESCRIBED,
        routine_name="Back plan",
        started_at=when,
        status="complete",
        pain_before=2,
        pain_after=4,
        exercises=(tilt,),
    )


def test_a_locked_dose_stays_as_prescribed_after_easy_sessions(prescribed: Catalogue) -> None:
    """Six easy, complete, comfortable sessions leave the locked pelvic tilt at 10 reps."""
    history = [good(day) for day in range(6)]
    item = plan_routine(prescribed, prescribed.routine(PRESCRIBED), history).for_exercise(TILT)
    dose = prescribed.dose_for(prescribed.routine(PRESCRIBED).items[0])
    assert item is not None
    assert (item.rung, item.planned) == (0, ladder(dose).at(0))


def test_a_locked_dose_says_the_clinician_locked_it(prescribed: Catalogue) -> None:
    """The reason a locked dose holds names the clinician."""
    level = replay([good(day) for day in range(6)], prescribed).level(PRESCRIBED, TILT)
    assert "locked by your clinician" in level.why


def test_an_unlocked_item_of_a_prescription_progresses(prescribed: Catalogue) -> None:
    """The bridge, not locked, goes up after two good sessions, as any routine's dose does."""
    assert replay([good(0), good(1)], prescribed).level(PRESCRIBED, BRIDGE).rung == 1


def test_a_locked_dose_is_lowered_after_pain(prescribed: Catalogue) -> None:
    """It hurt: one step below the prescribed dose, and the reason says so."""
    level = replay([good(0), hurt(1)], prescribed).level(PRESCRIBED, TILT)
    assert level.rung == -1
    assert "lowered after pain" in level.why


def test_a_lowered_locked_dose_never_comes_back_past_the_prescribed(
    prescribed: Catalogue,
) -> None:
    """After pain, good sessions bring it back to the prescribed dose and no higher."""
    history = [hurt(0), *(good(day) for day in range(1, 9))]
    rungs = [replay(history[:n], prescribed).level(PRESCRIBED, TILT).rung for n in range(1, 10)]
    assert min(rungs) == -1 and max(rungs) == 0 and rungs[-1] == 0


def test_lumbar_plan_shows_a_locked_item_as_locked(prescribed: Catalogue) -> None:
    """``lumbar plan`` marks the pelvic tilt locked, and not the bridge."""
    lines = plan_lines(prescribed, plan_routine(prescribed, prescribed.routine(PRESCRIBED)))
    tilt = next(line for line in lines if line.startswith("1. "))
    bridge = next(line for line in lines if line.startswith("2. "))
    assert "locked by your clinician" in tilt and "locked" not in bridge


def test_lumbar_plan_json_says_which_items_are_locked(prescribed: Catalogue) -> None:
    """``lumbar plan --json`` gives ``locked`` for each item."""
    data = plan_json(prescribed, plan_routine(prescribed, prescribed.routine(PRESCRIBED)))
    assert [e["locked"] for e in data["exercises"]] == [True, False, True, False]
