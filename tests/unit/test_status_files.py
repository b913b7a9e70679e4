"""The status files: written after each save, trusted only when fresh, else worked out again.

These run on the real clock (``lumbar status`` reads the machine's date, as a prompt would):
sessions are placed relative to now.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.helpers.histories import session_before
from tui import quick
from tui.cli_status import StatusWriter, attach_status
from tui.model.records import WEEKDAYS, SafetyCheck, Session, Settings
from tui.status_file import local_day, read_fresh, status_paths
from tui.store.paths import resolve_db_path
from tui.store.store import Store


def now() -> datetime:
    return datetime.now().astimezone()


def session_today() -> Session:
    """A 20-minute session this morning (at 8, or at once if it is not yet 8)."""
    when = min(now(), now().replace(hour=8, minute=0, second=0, microsecond=0))
    return session_before(when, 0, [("bird-dog", "done", "right")])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A data file with the safety questions answered no, and nothing else."""
    path = tmp_path / "lumbar.json"
    Store.open(path).save_safety(SafetyCheck(answered_at=now(), any_yes=False))
    return path


def line_file(db: Path) -> Path:
    return Path(status_paths(str(db)).line)


def json_file(db: Path) -> Path:
    return Path(status_paths(str(db)).json)


def status(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--db", str(db), *argv)


def test_a_save_through_the_store_writes_both_files(db: Path) -> None:
    """A session saved: the line file and the JSON say it is done today."""
    store = Store.open(db)
    attach_status(store)
    store.save_session(session_today())
    assert line_file(db).read_text() == "lumbar: done today (20 min)\n"
    fresh = read_fresh(str(db), local_day())
    assert fresh is not None and fresh.line == "lumbar: done today (20 min)"


def test_a_change_of_settings_rewrites_them(db: Path) -> None:
    """Reminders turned to quiet: the JSON's remind goes from true to false."""
    store = Store.open(db)
    attach_status(store)
    store.save_settings(Settings())
    assert read_fresh(str(db), local_day()) is not None
    assert b'"remind":true' in json_file(db).read_bytes()
    store.save_settings(Settings(remind_quiet=True))
    assert b'"remind":false' in json_file(db).read_bytes()


def test_fresh_files_answer_without_the_cli(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fresh files: the console script answers alone, from the files."""
    attach_status(Store.open(db))()
    out = io.StringIO()
    assert quick.answer(["--db", str(db), "status"], {}, out)
    assert out.getvalue() == "lumbar: due today\n"


def test_missing_files_are_worked_out_again(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """No status files: `lumbar status` works it out, prints it and writes them."""
    assert not line_file(db).exists()
    assert status(capsys, db, "status") == (0, "lumbar: due today\n", "")
    assert line_file(db).read_text() == "lumbar: due today\n"
    assert quick.answer(["--db", str(db), "status"], {}, io.StringIO())


@pytest.mark.parametrize("which", ["json", "line"])
def test_a_damaged_file_is_not_trusted(
    capsys: pytest.CaptureFixture[str], db: Path, which: str
) -> None:
    """Either file damaged: not trusted by the quick answer, then rewritten by the CLI."""
    attach_status(Store.open(db))()
    damaged = json_file(db) if which == "json" else line_file(db)
    damaged.write_bytes(b'{"stamp":"garbage \xff')
    assert not quick.answer(["--db", str(db), "status"], {}, io.StringIO())
    assert status(capsys, db, "status")[1] == "lumbar: due today\n"
    assert read_fresh(str(db), local_day()) is not None


def test_files_of_another_day_are_worked_out_again(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """Written yesterday (a session then, so done): today it is a rest day, not done."""
    yesterday = now() - timedelta(days=1)
    store = Store.open(db)
    attach_status(store, lambda: yesterday)
    store.save_session(session_before(yesterday, 0, [("bird-dog", "done", "right")]))
    assert line_file(db).read_text().startswith("lumbar: done today")
    assert read_fresh(str(db), local_day()) is None
    assert not status(capsys, db, "status")[1].startswith("lumbar: done today")


def test_files_older_than_the_data_file_are_worked_out_again(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """A save by a lumbar that wrote no status (an older one): the next status sees it."""
    attach_status(Store.open(db))()
    Store.open(db).save_session(session_today())  # no writer attached
    assert read_fresh(str(db), local_day()) is None
    assert status(capsys, db, "status")[1] == "lumbar: done today (20 min)\n"


def test_no_data_file_no_status_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Nothing saved yet: due today, and nothing is written beside the missing file."""
    db = tmp_path / "new" / "lumbar.json"
    assert status(capsys, db, "status") == (0, "lumbar: due today\n", "")
    assert not db.parent.exists()


def test_status_json_has_the_fields(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """`lumbar status --json`: due, done_today, streak_weeks, last_session, flag."""
    _, out, _ = status(capsys, db, "status", "--json")
    for field in ('"due":true', '"done_today":false', '"streak_weeks":0', '"last_session":null'):
        assert field in out
    assert '"flag":false' in out


def test_a_status_file_that_cannot_be_written_never_fails_a_save(db: Path) -> None:
    """A folder in the status file's place (as a read-only one would): saved, told once."""
    json_file(db).mkdir()
    store = Store.open(db)
    writer = attach_status(store)
    store.save_session(session_today())
    store.save_session(session_today())
    assert [s.id for s in Store.open(db).sessions()] == [session_today().id]
    err = io.StringIO()
    writer.tell(err)
    writer.tell(err)
    assert err.getvalue().count("no status file") == 1


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root writes into a read-only folder all the same",
)
def test_a_read_only_folder_means_no_status_file_and_says_why(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """`lumbar status` in a read-only folder: the line all the same, and why on stderr."""
    db.parent.chmod(0o500)
    try:
        code, out, err = status(capsys, db, "status")
    finally:
        db.parent.chmod(0o700)
    assert (code, out) == (0, "lumbar: due today\n")
    assert "no status file" in err and not line_file(db).exists()


def test_remind_prints_the_line_when_due(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """Nothing done yet: one line, exit 0."""
    assert status(capsys, db, "remind") == (0, "lumbar: due today\n", "")


def test_remind_prints_nothing_when_done(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """A session today: nothing, exit 0 (from fresh files and when worked out again)."""
    store = Store.open(db)
    attach_status(store)
    store.save_session(session_today())
    out = io.StringIO()
    assert quick.answer(["--db", str(db), "remind"], {}, out) and out.getvalue() == ""
    line_file(db).unlink()
    assert status(capsys, db, "remind") == (0, "", "")


def test_remind_prints_nothing_on_a_rest_day(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """Trained yesterday, a target of 1: never due today (a rest day, or the week met)."""
    store = Store.open(db)
    store.save_settings(Settings(weekly_target=1))
    store.save_session(session_before(now() - timedelta(days=1), 0, [("bird-dog", "done", None)]))
    assert status(capsys, db, "remind") == (0, "", "")


def test_remind_prints_nothing_on_a_day_left_out(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """Due, but today is not among the reminder days: nothing."""
    today = WEEKDAYS[now().weekday()]
    Store.open(db).save_settings(Settings(remind_days=tuple(d for d in WEEKDAYS if d != today)))
    assert status(capsys, db, "remind") == (0, "", "")


def test_a_slow_answer_is_the_same_as_a_quick_one(db: Path, tmp_path: Path) -> None:
    """The writer's JSON is byte for byte what the quick answer prints."""
    encoded = StatusWriter(Store.open(db)).refresh()
    out = io.StringIO()
    assert quick.answer(["--db", str(db), "status", "--json"], {}, out)
    assert out.getvalue().encode() == encoded


@pytest.mark.parametrize(
    "environ",
    [
        {"XDG_DATA_HOME": "/srv/data", "HOME": "/home/me"},
        {"XDG_DATA_HOME": "", "HOME": "/home/me"},
        {"XDG_DATA_HOME": "relative/data", "HOME": "/home/me"},
        {"HOME": "/home/me"},
        {"LUMBAR_DB": "/elsewhere/mine.json", "HOME": "/home/me"},
    ],
)
def test_the_quick_answer_finds_the_file_the_cli_does(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str]
) -> None:
    """The quick rule for the data file agrees with platformdirs' (or leaves it to the CLI)."""
    for name in ("XDG_DATA_HOME", "HOME", "LUMBAR_DB"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    found = quick.data_path(None, environ)
    assert found is None or Path(found) == resolve_db_path(None, environ)


def test_the_quick_answer_imports_nothing_heavy(db: Path) -> None:
    """`lumbar status` from fresh files loads only tui.quick and tui.status_file."""
    attach_status(Store.open(db))()
    probe = (
        "import sys; before = set(sys.modules); from tui.quick import answer; "
        f"assert answer(['--db', {str(db)!r}, 'status'], {{}}, sys.stdout); "
        "print(sorted(set(sys.modules) - before))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.splitlines() == [
        "lumbar: due today",
        "['tui', 'tui.quick', 'tui.status_file']",
    ]


def test_stale_files_are_worked_out_without_the_catalogue(db: Path) -> None:
    """No fresh files: the console script works the status out, and loads no catalogue."""
    probe = (
        "import sys; from tui.quick import main; "
        f"code = main(['--db', {str(db)!r}, 'status']); "
        "print(code, 'tui.catalogue' in sys.modules, 'textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.splitlines() == ["lumbar: due today", "0 False False"]
    assert line_file(db).read_text() == "lumbar: due today\n"
