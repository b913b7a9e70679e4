"""``lumbar history``, ``export``, ``import`` and ``db``, with ``--db`` and ``LUMBAR_DB``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import make_session, run_cli
from tui.store.paths import default_db_path
from tui.store.store import Store

run = run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "mine" / "lumbar.json"
    store = Store.open(path)
    store.save_session(make_session("s-1", day=0))
    store.save_session(make_session("s-2", "partial", day=1, exercises=1))
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    path = tmp_path / "bad.json"
    path.write_text('{"sessions": ')
    return path


# --- choosing the file ----------------------------------------------------------------------


def test_db_path_is_the_default_without_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "db", "path") == (0, f"{default_db_path()}\n", "")


def test_db_option_chooses_the_file(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run(capsys, "--db", str(db), "db", "path")[1] == f"{db}\n"


def test_the_environment_chooses_the_file(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUMBAR_DB", str(db))
    status, out, _ = run(capsys, "history")
    assert status == 0 and "Quick 10" in out


def test_db_option_beats_the_environment(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUMBAR_DB", str(tmp_path / "other.json"))
    assert run(capsys, "--db", str(db), "db", "path")[1] == f"{db}\n"


# --- history --------------------------------------------------------------------------------


def test_history_lists_the_sessions(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, err = run(capsys, "--db", str(db), "history")
    assert (status, err) == (0, "")
    assert len(out.splitlines()) == 3
    assert "complete" in out and "partial" in out and "5 -> 3" in out


def test_history_of_a_new_file_says_there_is_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run(capsys, "--db", str(tmp_path / "new.json"), "history")
    assert status == 0 and out.startswith("No sessions yet")
    assert not (tmp_path / "new.json").exists()


def test_history_json_holds_the_records(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, _ = run(capsys, "--db", str(db), "history", "--json")
    data = json.loads(out)
    assert status == 0
    assert [(s["id"], s["status"]) for s in data] == [("s-1", "complete"), ("s-2", "partial")]


def test_history_csv_has_a_row_per_exercise(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, _ = run(capsys, "--db", str(db), "history", "--csv")
    assert status == 0
    assert len(list(csv.DictReader(io.StringIO(out)))) == 3


def test_history_json_and_csv_cannot_be_combined(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    assert run(capsys, "--db", str(db), "history", "--json", "--csv")[0] == 2


# --- export and import ----------------------------------------------------------------------


def test_export_then_import_round_trips(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    target, fresh = tmp_path / "out.json", tmp_path / "fresh.json"
    assert run(capsys, "--db", str(db), "export", str(target))[0] == 0
    status, out, _ = run(capsys, "--db", str(fresh), "import", str(target))
    assert status == 0 and "2 sessions" in out
    assert list(Store.open(fresh).sessions()) == list(Store.open(db).sessions())


def test_importing_twice_says_nothing_was_new(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    run(capsys, "--db", str(db), "export", str(target))
    status, out, _ = run(capsys, "--db", str(db), "import", str(target))
    assert status == 0 and out.startswith("Nothing new")


def test_export_csv_writes_the_file(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    status, out, _ = run(capsys, "--db", str(db), "export", str(tmp_path / "out.csv"))
    assert status == 0 and "3 rows" in out
    assert (tmp_path / "out.csv").read_text().startswith("session_id,")


def test_export_to_another_kind_of_file_is_an_error(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    status, out, err = run(capsys, "--db", str(db), "export", str(tmp_path / "out.xlsx"))
    assert (status, out) == (1, "")
    assert ".json" in err and ".csv" in err and "Traceback" not in err


def test_a_bad_import_file_is_an_error_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, bad: Path
) -> None:
    before = db.read_bytes()
    status, _, err = run(capsys, "--db", str(db), "import", str(bad))
    assert status == 1 and str(bad) in err and "Nothing was imported" in err
    assert db.read_bytes() == before


# --- db check and move-aside ----------------------------------------------------------------


def test_db_check_of_a_usable_file(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    status, out, _ = run(capsys, "--db", str(db), "db", "check")
    assert status == 0 and out.startswith(f"OK: {db} is usable: 2 sessions")


def test_db_check_of_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "--db", str(tmp_path / "new.json"), "db", "check")
    assert status == 0 and "does not exist yet" in out


def test_db_check_of_an_unusable_file(capsys: pytest.CaptureFixture[str], bad: Path) -> None:
    status, out, err = run(capsys, "--db", str(bad), "db", "check")
    assert (status, out) == (1, "")
    assert str(bad) in err and "cut short" in err and "move-aside" in err


def test_move_aside_refuses_a_usable_file(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    before = db.read_bytes()
    status, _, err = run(capsys, "--db", str(db), "db", "move-aside")
    assert status == 1 and "is usable" in err
    assert db.read_bytes() == before


def test_move_aside_with_nothing_there(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "--db", str(tmp_path / "new.json"), "db", "move-aside")
    assert status == 1 and "nothing at" in err


def test_move_aside_then_a_fresh_start(
    capsys: pytest.CaptureFixture[str], bad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUMBAR_DB", str(bad))
    status, out, _ = run(capsys, "db", "move-aside")
    [moved] = bad.parent.glob("bad.json.unusable-*")
    assert status == 0 and str(bad) in out and str(moved) in out
    assert moved.read_text() == '{"sessions": '
    assert run(capsys, "db", "check")[0] == 0
    assert run(capsys, "history")[1].startswith("No sessions yet")


def test_moving_aside_twice_in_one_second_keeps_both(
    capsys: pytest.CaptureFixture[str], bad: Path
) -> None:
    run(capsys, "--db", str(bad), "db", "move-aside")
    bad.write_text('{"meta": ')
    run(capsys, "--db", str(bad), "db", "move-aside")
    assert len(list(bad.parent.glob("bad.json.unusable-*"))) == 2


# --- errors ---------------------------------------------------------------------------------


def test_an_unusable_file_is_a_message_not_a_traceback(bad: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(bad), "history"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert str(bad) in result.stderr and "Traceback" not in result.stderr
    assert bad.read_text() == '{"sessions": '
