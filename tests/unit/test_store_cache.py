"""The store remembers the file between saves, and never trusts that memory over the disk.

A save writes one new document among the others as they are, and reads decode only the
documents they have not seen; but whenever the file is not the one remembered (another lumbar
saved, someone edited it: its device, inode, size or times differ), it is read and checked again.
"""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.helpers import counted_decodes, make_session
from tui.model.records import SCHEMA_VERSION, SafetyCheck
from tui.store.schema import to_stored
from tui.store.storage import StoreError
from tui.store.store import Store
from tui.store.writer import write_raw_tables


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lumbar.json"


def test_a_save_after_another_store_saved_keeps_both(db: Path) -> None:
    mine, theirs = Store.open(db), Store.open(db)
    mine.save_session(make_session("a"))
    theirs.save_session(make_session("b"))
    mine.save_session(make_session("c"))  # must not write back its memory of the file without b
    assert [s.id for s in Store.open(db).sessions()] == ["a", "b", "c"]


def test_a_file_changed_by_hand_is_read_again(db: Path) -> None:
    store = Store.open(db)
    store.save_session(make_session("a", pain_before=5))
    data = json.loads(db.read_text())
    data["sessions"]["a"]["pain_before"] = 2
    db.write_text(json.dumps(data))
    assert store.session("a") == make_session("a", pain_before=2)


def test_a_file_replaced_by_one_of_the_same_size_is_read_again(db: Path) -> None:
    """Another lumbar's write is a rename: a new inode, seen though size and bytes count agree."""
    store = Store.open(db)
    store.save_session(make_session("a", pain_before=5))
    text = db.read_text().replace('"pain_before":5', '"pain_before":2')
    other = db.with_name("other.json")
    other.write_text(text)
    os.utime(other, ns=(db.stat().st_atime_ns, db.stat().st_mtime_ns))  # the same times, even
    other.replace(db)
    assert store.session("a") == make_session("a", pain_before=2)


def test_an_unchanged_file_is_not_read_again(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reads after the first look at the file's stamp only, not at its bytes."""
    store = Store.open(db)
    store.save_session(make_session("a"))
    opened: list[Path] = []
    real = Path.open

    def counting(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting)
    for _ in range(3):
        assert [s.id for s in store.sessions()] == ["a"]
        assert store.settings() is not None
    assert db not in opened


def test_a_file_that_went_bad_is_refused_though_it_was_remembered(db: Path) -> None:
    store = Store.open(db)
    store.save_session(make_session("a"))
    text = db.read_text().replace('"pain_before":5', '"pain_before":11')
    db.write_text(text)
    with pytest.raises(StoreError, match="damaged"):
        store.sessions()
    with pytest.raises(StoreError, match="damaged"):
        store.save_session(make_session("b"))
    assert db.read_text() == text


def test_the_saved_bytes_are_what_a_full_encode_gives(db: Path) -> None:
    store = Store.open(db)
    for number in range(3):
        store.save_session(make_session(f"s-{number}", day=number))
    written = json.loads(db.read_bytes())
    assert list(written) == ["sessions", "meta"]
    assert written["meta"] == {"schema": {"version": SCHEMA_VERSION}}
    assert written["sessions"]["s-1"] == json.loads(
        msgspec.json.encode(to_stored(make_session("s-1", day=1)))
    )


def twenty_sessions(db: Path) -> Store:
    """A store of twenty daily sessions, opened afresh (so checked, and nothing read yet)."""
    store = Store.open(db)
    for number in range(20):
        store.save_session(make_session(f"s-{number}", day=number))
    return Store.open(db)


def test_the_history_is_the_same_object_until_a_write(db: Path) -> None:
    """The same log comes back while the file is unchanged (what is worked out from it is kept)."""
    store = twenty_sessions(db)
    log = store.sessions()
    assert store.sessions() is log
    store.save_session(make_session("s-3", pain_before=1))
    assert store.sessions() is not log


def test_the_history_decodes_a_session_only_when_it_is_read(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Getting, measuring and slicing the history decode nothing; reading one decodes one."""
    store = twenty_sessions(db)
    decoded = counted_decodes(monkeypatch)
    log = store.sessions()
    assert len(log) == 20 and len(log[:-1]) == 19
    assert decoded == []
    assert log[-1].id == "s-19"
    assert decoded == ["s-19"]


def test_no_session_is_kept_decoded(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each walk of the history decodes every session again: none is held in memory between."""
    store = twenty_sessions(db)
    decoded = counted_decodes(monkeypatch)
    assert [session.id for session in store.sessions()] == [f"s-{n}" for n in range(20)]
    assert len(list(store.sessions())) == 20
    assert len(decoded) == 40


def test_the_history_is_in_order_of_start_then_id(db: Path) -> None:
    """Sessions saved out of order come back oldest first, ties by id."""
    store = Store.open(db)
    for key, day in (("c", 2), ("b", 1), ("a", 2), ("d", 0)):
        store.save_session(make_session(key, day=day))
    assert [session.id for session in Store.open(db).sessions()] == ["d", "b", "a", "c"]


def damage_a_session(db: Path) -> str:
    """Save two sessions, then break one by hand; the file's text after that."""
    store = Store.open(db)
    store.save_session(make_session("a"))
    store.save_session(make_session("b"))
    text = db.read_text().replace('"pain_before":5', '"pain_before":11', 1)
    db.write_text(text)
    return text


def test_sessions_left_unchecked_on_open_are_checked_before_they_are_read(db: Path) -> None:
    text = damage_a_session(db)
    store = Store.open(db, check_sessions=False)  # quick: years of sessions wait
    assert store.settings() == Store(db).settings()  # the rest of the file is read and checked
    assert store.routines() == []
    with pytest.raises(StoreError, match="damaged"):
        store.sessions()
    with pytest.raises(StoreError, match="damaged"):
        store.check()
    assert db.read_text() == text


def test_a_save_checks_the_sessions_left_unchecked_and_writes_nothing_if_one_is_bad(
    db: Path,
) -> None:
    text = damage_a_session(db)
    store = Store.open(db, check_sessions=False)
    with pytest.raises(StoreError, match="damaged"):
        store.save_safety(SafetyCheck(answered_at=datetime.now(UTC), any_yes=False))
    assert db.read_text() == text


def test_opening_checks_the_sessions_unless_told_to_wait(db: Path) -> None:
    damage_a_session(db)
    with pytest.raises(StoreError, match="damaged"):
        Store.open(db)
    Store.open(db, check_sessions=False)


@pytest.mark.parametrize("count", [0, 1, 2, 700])
def test_a_file_written_in_chunks_is_the_file_encoded_whole(count: int) -> None:
    """The documents written one by one make the very bytes of one encode."""
    sessions = {f"s-{n}": msgspec.Raw(b'{"id":"s-%d"}' % n) for n in range(count)}
    tables = {"sessions": sessions, "routines": {}, "meta": {"schema": msgspec.Raw(b"{}")}}
    written = io.BytesIO()
    write_raw_tables(written, tables)
    assert written.getvalue() == msgspec.json.encode(tables) + b"\n"


def test_a_slice_of_the_history_is_the_same_each_time(db: Path) -> None:
    """The sessions before an unfinished one are one object, so their replay is found again."""
    log = twenty_sessions(db).sessions()
    assert log[:-1] is log[:-1] and log[:-1] is not log[:-2]
    assert [session.id for session in log[:-1]][-1] == "s-18"
