"""Sessions that could not be saved as lumbar closed are kept beside the file, added next time."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelock import FileLock

from tests.helpers import make_session, run_cli
from tui.store import storage
from tui.store.paths import lock_path
from tui.store.pending import keep_unsaved, recover_unsaved, unsaved_dir
from tui.store.saver import SessionSaver
from tui.store.store import Store


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data file whose lock gives up after 0.2 s."""
    monkeypatch.setattr(storage, "LOCK_TIMEOUT", 0.2)
    return tmp_path / "lumbar.json"


def test_a_session_the_busy_lock_kept_out_is_unsaved_then_kept(db: Path) -> None:
    """Another lumbar holds the lock at the end: the saver says what is unsaved; it is kept."""
    store = Store.open(db)
    saver = SessionSaver(store)
    session = make_session("s-1", exercises=3)
    with FileLock(lock_path(db)):
        saver.save_session(session)
        assert not saver.close()
    assert saver.unsaved() == [session]
    folder = keep_unsaved(db, saver.unsaved())
    assert [p.name for p in folder.iterdir()] == ["s-1.json"]
    assert list(Store.open(db).sessions()) == []


def test_kept_sessions_are_added_at_the_next_start_and_their_files_go(db: Path) -> None:
    """recover_unsaved adds them to the file, then removes the folder."""
    session = make_session("s-1", exercises=3)
    keep_unsaved(db, [session])
    store = Store.open(db)
    assert recover_unsaved(store) == 1
    assert list(store.sessions()) == [session]
    assert not unsaved_dir(db).exists()


def test_a_kept_snapshot_never_replaces_a_stored_one_that_holds_more(db: Path) -> None:
    """A stored copy with more exercises (played on elsewhere) stays as it is."""
    store = Store.open(db)
    store.save_session(make_session("s-1", exercises=3))
    keep_unsaved(db, [make_session("s-1", exercises=1)])
    assert recover_unsaved(store) == 0
    assert len(store.sessions()[0].exercises) == 3


def test_with_the_lock_busy_again_the_kept_sessions_wait(db: Path) -> None:
    """Still no lock at the next start: nothing is lost, the files wait for the one after."""
    keep_unsaved(db, [make_session("s-1")])
    store = Store.open(db)
    with FileLock(lock_path(db)):
        assert recover_unsaved(store) == 0
    assert (unsaved_dir(db) / "s-1.json").exists()
    assert recover_unsaved(store) == 1


def test_lumbar_history_adds_kept_sessions_first(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``lumbar history`` lists a session kept beside the file as if it had been saved."""
    keep_unsaved(db, [make_session("s-1")])
    status, out, _ = run_cli(capsys, "--db", str(db), "history")
    assert status == 0 and "Quick 10" in out
    assert not unsaved_dir(db).exists()
