"""The sessions stay in the file: read back when wanted, the same bytes, never another version.

The store keeps where each session lies in the file (:mod:`tui.store.on_disk`) rather than the
file's bytes, so years of history do not grow lumbar's memory; these tests hold what a reader
sees against the file as it was written, across saves, other writers and odd files.
"""

from __future__ import annotations

import contextlib
import io
import json
import threading
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import msgspec
import pytest

from tests.helpers import make_session, years_of_sessions
from tui.model import Catalogue, Session
from tui.store.files import APART, read_apart
from tui.store.on_disk import SPAN, Document
from tui.store.schema import to_stored
from tui.store.session_log import Decode, SessionLog
from tui.store.storage import Tables
from tui.store.store import Store
from tui.store.writer import write_raw_tables


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lumbar.json"


def many_sessions(db: Path, count: int) -> Store:
    """A file of ``count`` daily sessions, written by lumbar, then opened afresh and checked."""
    store = Store.open(db)
    for number in range(count):
        store.save_session(make_session(f"s-{number}", day=number))
    return Store.open(db)


def test_an_opened_history_is_not_held_in_memory(db: Path, catalogue: Catalogue) -> None:
    """A year of sessions opened and walked keeps well under half the file's size in memory.

    (The file's bytes, kept as they were before, were more than the whole file.)
    """
    year = years_of_sessions(catalogue, datetime(2026, 6, 1, 8, tzinfo=UTC), years=1)

    def put(tables: Tables) -> bool:
        tables["sessions"] = {session.id: to_stored(session) for session in year}
        return True

    Store.open(db).update(put)
    size = db.stat().st_size
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        store = Store.open(db)
        assert len(list(store.sessions())) == len(year)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held < size / 2


def test_a_walk_begun_before_a_save_reads_the_history_as_it_was(db: Path) -> None:
    """A log handed out before a save still reads its own version of the file, whole."""
    store = many_sessions(db, 30)
    log = store.sessions()
    store.save_session(make_session("s-3", pain_before=1))
    store.save_session(make_session("new", day=40))
    assert [session.id for session in log] == [f"s-{n}" for n in range(30)]
    assert log[3].pain_before == make_session("s-3").pain_before
    assert store.session("s-3") == make_session("s-3", pain_before=1)


def test_a_walk_begun_before_another_lumbar_saved_reads_the_history_as_it_was(db: Path) -> None:
    """Another process's rename does not change what an earlier log reads."""
    mine = many_sessions(db, 10)
    log = mine.sessions()
    Store.open(db).save_session(make_session("s-0", pain_before=0))
    assert log[0] == make_session("s-0")
    assert mine.session("s-0") == make_session("s-0", pain_before=0)


COUNT = 200
"""Sessions enough to make a file larger than the piece a save copies at a time."""

CHANGED = (0, 99, 100, COUNT - 1)


def test_many_saves_read_back_every_session_as_saved(db: Path) -> None:
    """Saves that replace sessions in the middle and add others keep every document whole."""
    store = many_sessions(db, COUNT)
    assert db.stat().st_size > SPAN
    for number in CHANGED:
        store.save_session(make_session(f"s-{number}", day=number, pain_before=number % 10))
    store.save_session(make_session("late", day=500))
    expected = {f"s-{n}": make_session(f"s-{n}", day=n) for n in range(COUNT)}
    for number in CHANGED:
        expected[f"s-{number}"] = make_session(f"s-{number}", day=number, pain_before=number % 10)
    expected["late"] = make_session("late", day=500)
    for reader in (store, Store.open(db)):
        assert {session.id: session for session in reader.sessions()} == expected
    assert json.loads(db.read_bytes())["sessions"]["late"]["id"] == "late"


def test_a_file_laid_out_by_hand_is_saved_whole(db: Path) -> None:
    """A file with spaces and new lines between its documents: a save keeps every session."""
    many_sessions(db, 30)
    db.write_text(json.dumps(json.loads(db.read_bytes()), indent=2, ensure_ascii=False))
    store = Store.open(db)
    store.save_session(make_session("s-7", day=7, pain_before=1))
    expected = [make_session(f"s-{n}", day=n) for n in range(30)]
    expected[7] = make_session("s-7", day=7, pain_before=1)
    assert list(Store.open(db).sessions()) == expected
    assert list(store.sessions()) == expected


def test_a_file_with_an_id_twice_reads_as_json_does(db: Path) -> None:
    """Of two documents with one id, the later is read (as any JSON reader would take it)."""
    first = msgspec.json.encode(make_session("a", pain_before=1)).decode()
    second = msgspec.json.encode(make_session("a", pain_before=2)).decode()
    other = msgspec.json.encode(make_session("b", day=1)).decode()
    sessions = f'"a": {first}, "b": {other}, "a": {second}'
    db.write_text('{"sessions": {' + sessions + '}, "meta": {"schema": {"version": 2}}}')
    store = Store.open(db)
    assert [session.id for session in store.sessions()] == ["a", "b"]
    assert store.session("a") == make_session("a", pain_before=2)
    assert store.session("b") == make_session("b", day=1)


@pytest.mark.parametrize("count", [0, 1, 2, 300])
def test_a_written_file_says_where_each_document_lies(count: int) -> None:
    """The places returned by a write hold exactly each document's bytes."""
    sessions = {f"s-{n}": msgspec.Raw(b'{"id":"s-%d","x":"\\u00e9"}' % n) for n in range(count)}
    tables = {"sessions": sessions, "meta": {"schema": msgspec.Raw(b"{}")}}
    written = io.BytesIO()
    places = write_raw_tables(written, tables)
    data = written.getvalue()
    for name, documents in tables.items():
        assert len(places[name]) == len(documents)
        for offset, document in zip(places[name], documents.values(), strict=True):
            assert data[offset : offset + len(bytes(document))] == bytes(document)


def test_a_large_file_is_read_whole_into_memory_of_its_own(tmp_path: Path) -> None:
    """A file past the size read apart comes back byte for byte."""
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b"1," * APART + b"1]")
    with path.open("rb") as file:
        data = read_apart(file, path)
    assert bytes(data) == path.read_bytes()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts /proc/self/fd (Linux)")
def test_saves_and_walks_leave_no_file_open_behind(db: Path) -> None:
    """Each version of the file is closed once nothing can read it: thirty saves hold one open."""
    store = many_sessions(db, 5)
    list(store.sessions())
    before = len(list(Path("/proc/self/fd").iterdir()))
    for number in range(30):
        store.save_session(make_session("today", day=10, pain_before=number % 10))
        assert len(list(store.sessions())) == 6
    assert len(list(Path("/proc/self/fd").iterdir())) <= before


def test_a_session_saved_again_is_stored_as_a_fresh_one_would_be(catalogue: Catalogue) -> None:
    """Results kept compact from an earlier save give the same document as new ones."""
    (session,) = years_of_sessions(catalogue, datetime(2026, 6, 1, 8, tzinfo=UTC), years=1)[-1:]
    first = to_stored(session)
    again = msgspec.structs.replace(session, pain_after=1)
    fresh = msgspec.json.decode(msgspec.json.encode(again), type=Session)
    assert to_stored(again) == to_stored(fresh) == {**first, "pain_after": 1}
    assert to_stored(again)["exercises"] == first["exercises"]


def test_two_threads_asking_for_the_history_at_once_get_one_log(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What one works out from the history (the dose replay) is found again by the other."""
    store = many_sessions(db, 40)
    together = threading.Barrier(2)
    real = SessionLog.of

    def of_waiting(documents: dict[str, Document], decode: Decode) -> SessionLog:
        with contextlib.suppress(threading.BrokenBarrierError):
            together.wait(timeout=0.5)  # both inside at once, unless one keeps the other out
        return real(documents, decode)

    monkeypatch.setattr(SessionLog, "of", of_waiting)
    logs: list[SessionLog] = []
    threads = [threading.Thread(target=lambda: logs.append(store.sessions())) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(logs) == 2 and logs[0] is logs[1]
