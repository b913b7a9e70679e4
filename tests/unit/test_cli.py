"""The ``lumbar`` command line: version, help, the catalogue as JSON, and checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import GOOD, run_cli
from tui import __version__
from tui.catalogue.load import bundled_dir, user_dir
from tui.model.catalogue import Routine, RoutineItem
from tui.store.store import Store

run = run_cli


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"lumbar {__version__}\n", "")


def test_help_lists_the_commands_and_says_it_is_not_medical_advice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    assert "catalogue" in out
    assert "not medical advice" in out


def test_catalogue_json_holds_everything_resolved(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "catalogue", "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert set(data) >= {"sources", "exercises", "routines", "phases", "advice"}
    assert len(data["exercises"]) == 51
    bird_dog = data["exercises"]["bird-dog"]
    assert bird_dog["steps"] and bird_dog["sources"] and bird_dog["dose"]["hold"]["low"] >= 1
    for routine in data["routines"].values():
        for item in routine["items"]:
            assert item["dose"]["reps"]["low"] >= 1 or item["dose"]["stages"]
            assert item["dose_from"] in ("routine", "exercise")
    spinenation = data["routines"]["spinenation"]["items"][0]["dose"]
    assert spinenation["hold"] == {"low": 15, "high": 30}
    assert [p["name"] for p in data["phases"]] == ["ALIGN", "STABILIZE", "MAINTAIN"]


def test_catalogue_json_includes_the_users_own_routine(capsys: pytest.CaptureFixture[str]) -> None:
    user_dir().mkdir(parents=True)
    (user_dir() / "mine.toml").write_text(GOOD, encoding="utf-8")
    _, out, _ = run(capsys, "catalogue", "--json")
    data = json.loads(out)
    assert "towel-stretch" in data["exercises"]
    assert data["user_ids"] == ["towel-stretch"]


def test_a_broken_user_file_is_reported_on_stderr_and_the_rest_still_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    user_dir().mkdir(parents=True)
    (user_dir() / "mine.toml").write_text("[[exercise]]\nid = ", encoding="utf-8")
    status, out, err = run(capsys, "catalogue", "--json")
    assert status == 0
    assert "skipped your catalogue files" in err and "mine.toml:2" in err
    assert len(json.loads(out)["exercises"]) == 51


def test_check_without_paths_checks_the_bundled_catalogue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "catalogue", "check")
    assert status == 0
    assert out.startswith("OK: ")


def test_check_lists_every_problem_and_exits_non_zero(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.toml").write_text(GOOD.replace("hold = 20", "hold = [30, 15]"), encoding="utf-8")
    (tmp_path / "b.toml").write_text("not toml at all", encoding="utf-8")
    status, out, _ = run(
        capsys, "catalogue", "check", str(tmp_path / "a.toml"), str(tmp_path / "b.toml")
    )
    assert status == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'a.toml'}:11:")
    assert lines[1].startswith(f"{tmp_path / 'b.toml'}:1:")
    assert lines[-1] == "2 problems in 2 file(s) checked."


def test_check_of_the_bundled_folder_itself_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "catalogue", "check", str(bundled_dir()))[0] == 0


def test_the_console_script_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"lumbar {__version__}"


def test_play_refuses_an_unknown_routine_before_opening_the_app(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "--db", str(tmp_path / "x.json"), "play", "quick-11")
    assert status == 2
    assert "no routine or exercise 'quick-11'" in err and "lumbar catalogue" in err


@pytest.mark.parametrize(
    ("typed", "meant"), [("quick10", "quick-10"), ("bird-dgo", "bird-dog"), ("qqqq", None)]
)
def test_play_suggests_the_nearest_ids(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, typed: str, meant: str | None
) -> None:
    """A mistyped routine or exercise id: the closest ids are named, or none when none is close."""
    status, _, err = run(capsys, "--db", str(tmp_path / "x.json"), "play", typed)
    assert status == 2
    assert (f"Did you mean {meant}" in err) if meant else ("Did you mean" not in err)


def test_the_app_refuses_an_unusable_data_file_and_leaves_it_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "lumbar.json"
    path.write_bytes(b'{"sessions": ')
    status, _, err = run(capsys, "--db", str(path))
    assert status == 1
    assert f"lumbar cannot use {path}" in err and "move-aside" in err
    assert path.read_bytes() == b'{"sessions": '


def test_playing_a_routine_whose_exercises_are_gone_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``lumbar play`` a routine of yours naming only a removed exercise: why, exit 2."""
    db = tmp_path / "lumbar.json"
    gone = Routine(
        id="gone",
        name="Gone",
        kind="custom",
        description="Mine.",
        items=(RoutineItem(exercise="no-such-thing"),),
    )
    Store.open(db).save_routine(gone)
    status, _, err = run_cli(capsys, "--db", str(db), "play", "gone")
    assert status == 2 and "names no-such-thing" in err and "hidden" in err
