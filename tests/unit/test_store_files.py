"""The data file itself: unusable files are never written, writes are atomic, the lock holds."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from filelock import FileLock

from tests.helpers import make_session, run_cli
from tui.cli import main
from tui.model.records import SCHEMA_VERSION
from tui.store import storage
from tui.store.paths import lock_path
from tui.store.storage import StoreError
from tui.store.store import NewerSchemaError, Store, to_document
from tui.store.transfer import recognisable

GOOD = {
    "meta": {"schema": {"version": SCHEMA_VERSION}},
    "sessions": {"s-1": to_document(make_session())},
}
GOOD_BYTES = json.dumps(GOOD, indent=1).encode()


def with_session(change: Callable[[dict[str, Any]], object]) -> bytes:
    document = to_document(make_session())
    change(document)
    data = {"meta": GOOD["meta"], "sessions": {"s-1": document}}
    return json.dumps(data).encode()


# name: (bytes of the file, words the message must contain)
UNUSABLE: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "empty (0 bytes)"),
    "truncated": (GOOD_BYTES[: len(GOOD_BYTES) // 2], "not valid JSON, or it was cut short"),
    "cut short inside a wrong shape": (b'{"foo": 1', "not valid JSON, or it was cut short"),
    "not json": (b"sessions: none\n", "not valid JSON"),
    "binary": (b"\xff\xfe\x00\x01", "not valid JSON"),
    "a list": (b"[]", "not a lumbar database"),
    "a number": (b"42", "not a lumbar database"),
    "table of numbers": (b'{"sessions": {"s-1": 3}}', "not a lumbar database"),
    "foreign tables": (b'{"users": {"1": {"name": "Ann"}}}', "tables lumbar does not know (users)"),
    "no schema version": (json.dumps({"sessions": GOOD["sessions"]}).encode(), "no schema version"),
    "damaged version": (b'{"meta": {"schema": {"version": "one"}}}', "schema version"),
    "session missing a field": (
        with_session(lambda doc: doc.pop("started_at")),
        "record 's-1' in table 'sessions' is damaged",
    ),
    "session with a bad value": (
        with_session(lambda doc: doc.update(pain_before=11)),
        "record 's-1' in table 'sessions' is damaged",
    ),
    "session under another id": (with_session(lambda doc: doc.update(id="s-2")), "another id"),
    "unknown field": (with_session(lambda doc: doc.update(mood="happy")), "damaged"),
    "newer schema": (
        json.dumps({"meta": {"schema": {"version": SCHEMA_VERSION + 1}}}).encode(),
        f"newer lumbar (schema version {SCHEMA_VERSION + 1}",
    ),
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "lumbar.json"


def state(path: Path) -> tuple[bytes, int, int]:
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, stat.S_IMODE(info.st_mode)


def plant(db: Path, data: bytes) -> tuple[bytes, int, int]:
    db.write_bytes(data)
    os.utime(db, ns=(1_000_000_000, 1_000_000_000))  # an old mtime, so any write would show
    return state(db)


@pytest.mark.parametrize("case", UNUSABLE)
def test_an_unusable_file_is_refused_on_open_and_left_as_it_was(db: Path, case: str) -> None:
    data, words = UNUSABLE[case]
    before = plant(db, data)
    with pytest.raises(StoreError) as caught:
        Store.open(db)
    message = str(caught.value)
    assert str(db) in message
    assert words in message
    assert "left exactly as it was" in message
    assert state(db) == before


@pytest.mark.parametrize("case", UNUSABLE)
def test_a_save_onto_a_file_that_went_bad_is_refused(db: Path, case: str) -> None:
    store = Store.open(db)
    store.save_session(make_session("first"))
    before = plant(db, UNUSABLE[case][0])
    with pytest.raises(StoreError):
        store.save_session(make_session("second"))
    assert state(db) == before


@pytest.mark.parametrize("case", sorted(set(UNUSABLE) - {"newer schema"}))
def test_the_message_says_what_to_do(db: Path, case: str) -> None:
    plant(db, UNUSABLE[case][0])
    with pytest.raises(StoreError) as caught:
        Store.open(db)
    message = str(caught.value)
    assert "restore a backup" in message
    assert "--db PATH" in message
    assert f"lumbar --db {db} db move-aside" in message


def test_a_newer_file_says_to_upgrade_lumbar(db: Path) -> None:
    plant(db, UNUSABLE["newer schema"][0])
    with pytest.raises(NewerSchemaError, match="Upgrade lumbar"):
        Store.open(db)


@pytest.mark.parametrize("case", UNUSABLE)
def test_move_aside_keeps_the_bad_file_and_a_fresh_one_starts(
    db: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = UNUSABLE[case][0]
    plant(db, data)
    confirm = [] if recognisable(db) else ["--confirm", str(db)]  # not lumbar's: say it again
    assert main(["--db", str(db), "db", "move-aside", *confirm]) == 0
    [moved] = db.parent.glob("lumbar.json.unusable-*")
    assert moved.read_bytes() == data
    out = capsys.readouterr().out
    assert str(db) in out and str(moved) in out
    store = Store.open(db)
    store.save_session(make_session())
    assert [s.id for s in Store.open(db).sessions()] == ["s-1"]


def test_a_directory_at_the_path_is_refused_and_left_alone(db: Path) -> None:
    db.mkdir()
    (db / "inside.txt").write_text("mine")
    with pytest.raises(StoreError, match="is a directory, not a file") as caught:
        Store.open(db)
    assert "move-aside" in str(caught.value)
    assert [p.name for p in db.iterdir()] == ["inside.txt"]


def test_a_directory_at_the_path_can_be_moved_aside(db: Path) -> None:
    db.mkdir()
    (db / "inside.txt").write_text("mine")
    assert main(["--db", str(db), "db", "move-aside"]) == 1  # not a file lumbar recognises
    assert main(["--db", str(db), "db", "move-aside", "--confirm", str(db)]) == 0
    [moved] = db.parent.glob("lumbar.json.unusable-*")
    assert (moved / "inside.txt").read_text() == "mine"
    Store.open(db).save_session(make_session())
    assert db.is_file()


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root reads files whatever their permissions, so an unreadable file cannot be made",
)
def test_an_unreadable_file_is_refused_and_left_alone(db: Path) -> None:
    before = plant(db, GOOD_BYTES)
    db.chmod(0)
    try:
        with pytest.raises(StoreError, match="permission denied"):
            Store.open(db)
        assert state(db)[:2] == before[:2]
    finally:
        db.chmod(0o600)


def test_a_read_refused_by_the_system_is_reported_not_taken_as_empty(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulates a file without read permission where the test runs as root.
    before = plant(db, GOOD_BYTES)

    def refuse(self: Path, *args: object, **kwargs: object) -> BinaryIO:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(StoreError, match="permission denied") as caught:
        Store.open(db)
    assert "move-aside" in str(caught.value)
    monkeypatch.undo()
    assert state(db) == before


# --- atomic writes --------------------------------------------------------------------------


def test_a_new_file_is_private_to_the_user(db: Path) -> None:
    Store.open(db).save_session(make_session())
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_file_keeps_the_permissions_the_user_gave_it(db: Path) -> None:
    store = Store.open(db)
    store.save_session(make_session("a"))
    db.chmod(0o640)
    store.save_session(make_session("b"))
    assert stat.S_IMODE(db.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(db)
    store.save_session(make_session("a"))
    before = state(db)

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(StoreError, match="no space left on device") as caught:
        store.save_session(make_session("b"))
    assert "was not changed" in str(caught.value)
    assert state(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["lumbar.json", "lumbar.json.lock"]


def test_a_write_fsyncs_the_file_and_its_directory(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[bool] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    Store.open(db).save_session(make_session())
    assert synced == [False, True]


def test_a_temp_file_left_by_a_killed_writer_is_removed(db: Path) -> None:
    store = Store.open(db)
    store.save_session(make_session("a"))
    leftover = db.parent / ".lumbar.json.abc123.tmp"
    leftover.write_text('{"half": ')
    Store.open(db).save_session(make_session("b"))
    assert not leftover.exists()


def test_writing_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "synced" / "lumbar.json"
    target.parent.mkdir()
    link = tmp_path / "lumbar.json"
    link.symlink_to(target)
    Store.open(link).save_session(make_session())
    assert link.is_symlink()
    assert [s.id for s in Store.open(target).sessions()] == ["s-1"]


def test_the_lock_file_sits_beside_the_database(db: Path) -> None:
    Store.open(db).save_session(make_session())
    assert lock_path(db) == db.parent / "lumbar.json.lock"
    assert lock_path(db).exists()


def test_a_write_waits_for_the_lock_and_gives_up_with_a_message(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "LOCK_TIMEOUT", 0.2)
    store = Store.open(db)
    with FileLock(lock_path(db)), pytest.raises(StoreError, match="another lumbar") as caught:
        store.save_session(make_session())
    assert str(db) in str(caught.value)
    assert not db.exists()


def test_the_storage_never_reads_a_bad_file_as_empty(db: Path) -> None:
    db.write_bytes(b"")
    with pytest.raises(StoreError):
        storage.AtomicStorage(db).read()


def test_json_nested_too_deep_is_refused_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """100,000 levels of nesting: history, db check and import say so; nothing changes."""
    deep = tmp_path / "deep.json"
    deep.write_text('{"meta": {"schema": ' + "[" * 100_000 + "]" * 100_000 + "}}")
    before = deep.read_bytes()
    for argv in (["history"], ["db", "check"], ["import", str(deep)]):
        status, _, err = run_cli(capsys, "--db", str(deep), *argv)
        assert status != 0 and "nested too deeply" in err, (argv, err)
    empty = tmp_path / "empty.json"
    status, _, err = run_cli(capsys, "--db", str(empty), "import", str(deep))
    assert status != 0 and "nested too deeply" in err and not empty.exists()
    assert deep.read_bytes() == before


def test_a_time_without_an_offset_is_refused_not_sorted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A session whose start has no time zone: a message naming the record, not a crash."""
    db = tmp_path / "lumbar.json"
    store = Store.open(db)
    store.save_session(make_session("s-1", day=0))
    store.save_session(make_session("s-2", day=1))
    text = re.sub(r'("started_at":"[^"]*?)(\+\d\d:\d\d|Z)"', r'\1"', db.read_text(), count=1)
    db.write_text(text)
    status, _, err = run_cli(capsys, "--db", str(db), "history")
    assert status != 0 and "'s-1'" in err and "timezone" in err
    assert db.read_text() == text


def test_a_file_that_is_not_lumbars_is_never_moved_aside_unconfirmed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--db /etc/hosts db move-aside``: refused, the file as it was, no lock file left."""
    hosts = tmp_path / "etc" / "hosts"
    hosts.parent.mkdir()
    hosts.write_text("127.0.0.1 localhost\n")
    for confirm in ([], ["--confirm", str(tmp_path / "other")]):
        status, _, err = run_cli(capsys, "--db", str(hosts), "db", "move-aside", *confirm)
        assert status == 1 and "does not look like a lumbar file" in err
        assert f"--confirm {hosts}" in err
    assert sorted(p.name for p in hosts.parent.iterdir()) == ["hosts"]
    assert hosts.read_text() == "127.0.0.1 localhost\n"


@pytest.mark.parametrize(
    "case", ["empty", "truncated", "cut short inside a wrong shape", "foreign tables", "binary"]
)
def test_only_a_file_that_begins_as_lumbars_is_recognised(db: Path, case: str) -> None:
    """Cut short, lumbar's file still names its tables; the others do not."""
    plant(db, UNUSABLE[case][0])
    assert recognisable(db) == (case == "truncated")


def test_a_read_only_file_is_never_replaced(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Import into a file made read-only (0444): refused with what to do; the file unchanged."""
    Store.open(db).save_session(make_session("s-1"))
    db.chmod(0o444)
    before = state(db)
    other = tmp_path / "other.json"
    Store.open(other).save_session(make_session("s-2"))
    run_cli(capsys, "--db", str(other), "export", str(tmp_path / "export.json"))
    status, _, err = run_cli(capsys, "--db", str(db), "import", str(tmp_path / "export.json"))
    assert status == 1 and "is read-only" in err and "chmod u+w" in err
    assert state(db) == before


def test_a_symlink_loop_as_the_data_file_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--db`` names a symlink loop: the store says it cannot look at it; no traceback."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    status, _, err = run_cli(capsys, "--db", str(tmp_path / "a"), "history")
    assert status == 1 and "symbolic links" in err


def test_tinydb_reads_and_writes_lumbar_s_file_through_its_storage(tmp_path: Path) -> None:
    """The file is a TinyDB database: TinyDB opens it through lumbar's storage (string ids)."""
    from tinydb import Query, TinyDB
    from tinydb.table import Table

    class Keyed(Table):
        """Documents keyed by lumbar's ids, not TinyDB's numbers."""

        document_id_class = str  # type: ignore[assignment]  # TinyDB's types say int

    db = tmp_path / "lumbar.json"
    store = Store.open(db)
    store.save_session(make_session("s-1"))
    tiny = TinyDB(db, storage=storage.AtomicStorage)
    tiny.table_class = Keyed
    sessions = tiny.table("sessions")
    assert [str(document.doc_id) for document in sessions] == ["s-1"]
    found = sessions.get(Query().id == "s-1")
    assert isinstance(found, dict)
    assert found["routine"] == "quick-10"
    sessions.update({"note": "written by TinyDB"}, Query().id == "s-1")
    tiny.close()
    saved = Store.open(db).session("s-1")
    assert saved is not None
    assert saved.note == "written by TinyDB"
