"""``lumbar plan ROUTINE [--json]``: the next session of a routine, each dose with its reason."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers import result_at, run_cli
from tui.model import Session, Settings
from tui.store import Store

OLD_EXPORT = Path(__file__).resolve().parents[1] / "data" / "export-before-the-coach.json"
"""A JSON export written by the lumbar before the coach (commit 6ba3317), with 8 sessions."""
KEYS = {"exercise", "sets", "reps", "hold", "sides", "seconds", "change", "why"}
DAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def quick_10(day: int, pain: tuple[int, int] = (2, 1), feedback: str = "easy") -> Session:
    """A complete Quick 10 session with the pelvic tilt done in full and rated ``feedback``."""
    when = DAY + timedelta(days=day)
    return Session(
        id=f"q{day}",
        routine="quick-10",
        routine_name="Quick 10 minutes",
        started_at=when,
        ended_at=when + timedelta(minutes=10),
        status="complete",
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=(result_at("pelvic-tilt", when, "done", feedback),),  # type: ignore[arg-type]
    )


def plan(capsys: pytest.CaptureFixture[str], db: Path, routine: str = "quick-10") -> dict:  # type: ignore[type-arg]
    """The JSON plan of a routine for the store at ``db``."""
    status, out, err = run_cli(capsys, "--db", str(db), "plan", routine, "--json")
    assert (status, err) == (0, "")
    return json.loads(out)  # type: ignore[no-any-return]


def test_a_new_store_plans_every_exercise_as_new(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No history: every item of the routine, in order, new, with the JSON fields the issue asks."""
    found = plan(capsys, tmp_path / "lumbar.json")
    assert found["routine"] == "quick-10"
    assert len(found["exercises"]) == 5
    assert all(set(item) >= KEYS and item["change"] == "new" for item in found["exercises"])
    tilt = {key: found["exercises"][0][key] for key in ("exercise", "reps", "hold", "seconds")}
    # 10 holds of 5 s, with 2 s to tip the pelvis and 2 s to let it go around each
    assert tilt == {"exercise": "pelvic-tilt", "reps": 10, "hold": 5, "seconds": 90}


def test_two_good_sessions_put_the_tilt_up_and_say_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two comfortable sessions in a row: up one step, 10 reps to 12, and the reason says so."""
    store = Store.open(tmp_path / "lumbar.json")
    for day in (0, 1):
        store.save_session(quick_10(day))
    tilt = plan(capsys, store.path)["exercises"][0]
    assert (tilt["change"], tilt["reps"]) == ("up", 12)
    assert "two sessions in a row" in tilt["why"]


def test_pain_at_the_threshold_holds_and_the_text_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Pain 7 after: the tilt holds, and the plain text names the pain as the reason."""
    store = Store.open(tmp_path / "lumbar.json")
    store.save_session(quick_10(0))
    store.save_session(quick_10(1, pain=(3, 7)))
    status, out, _ = run_cli(capsys, "--db", str(store.path), "plan", "quick-10")
    assert status == 0
    assert "1. Pelvic tilt: 10 reps, hold 5 s [same]" in out
    reason = "your pain rose from 3 to 7 out of 10 and your pain after was 7 out of 10 on 3 Mar."
    assert f"Held: {reason}" in " ".join(line.strip() for line in out.splitlines())
    assert max(len(line) for line in out.splitlines()[:-1]) <= 80  # the disclaimer is one line
    assert "not medical advice" in out


def test_the_threshold_is_the_users_setting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With the threshold at 4, pain 4 after holds what pain 4 alone would not."""
    store = Store.open(tmp_path / "lumbar.json")
    for day in (0, 1):
        store.save_session(quick_10(day, pain=(4, 4)))
    assert plan(capsys, store.path)["exercises"][0]["change"] == "up"
    store.save_settings(Settings(pain_threshold=4))
    assert plan(capsys, store.path)["exercises"][0]["change"] == "same"


def test_a_store_filled_from_an_old_export_plans(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An export made before the coach still imports, and every routine plans from it."""
    db = tmp_path / "lumbar.json"
    status, out, err = run_cli(capsys, "--db", str(db), "import", str(OLD_EXPORT))
    assert (status, err) == (0, ""), out
    assert len(Store.open(db).sessions()) == 8
    for routine in ("essential-guide", "quick-10", "asm-align", "ten-best", "desk-break"):
        found = plan(capsys, db, routine)
        assert found["exercises"] and all(
            item["change"] in {"up", "same", "down", "new"} for item in found["exercises"]
        )


def test_an_unknown_routine_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A routine id that does not exist: exit 2 and a message naming it and where to look."""
    status, out, err = run_cli(capsys, "--db", str(tmp_path / "x.json"), "plan", "nope")
    assert (status, out) == (2, "")
    assert "there is no routine 'nope'" in err and "lumbar catalogue" in err
