"""The background saver: in order, coalescing, flushed on demand, failures reported and retried.

A fake store holds each save until the test lets it go (events, never sleeps), so the tests
decide exactly what is waiting while the writer is busy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from tests.helpers import make_session
from tui.model.records import Session
from tui.store.saver import SessionSaver
from tui.store.storage import StoreError
from tui.store.store import Store

WAIT = 10.0
"""Seconds a test waits for the writer thread before it fails (never reached when all is well)."""


def version(session_id: str, number: int) -> Session:
    """The ``number``-th snapshot of a session (its pain score tells them apart)."""
    return make_session(session_id, "partial", pain_before=number)


class SlowStore:
    """Saves only when the test says so: ``entered`` is set while a save waits for ``release``."""

    def __init__(self) -> None:
        self.saved: list[tuple[str, int | None]] = []
        self.entered = threading.Event()
        self.release = threading.Event()
        self.fail_next = 0

    def save_session(self, session: Session) -> None:
        self.entered.set()
        assert self.release.wait(WAIT), "the test never let the save go"
        if self.fail_next:
            self.fail_next -= 1
            raise StoreError("the disk is full", Path("lumbar.json"))
        self.saved.append((session.id, session.pain_before))


@pytest.fixture
def slow() -> SlowStore:
    return SlowStore()


@pytest.fixture
def saver(slow: SlowStore) -> Iterator[SessionSaver]:
    saver = SessionSaver(slow)
    yield saver
    slow.release.set()
    saver.close(timeout=WAIT)


def writing(slow: SlowStore) -> None:
    """Wait until the writer is inside a save (held there until ``slow.release``)."""
    assert slow.entered.wait(WAIT)


def test_a_save_returns_while_the_store_is_still_writing(
    slow: SlowStore, saver: SessionSaver
) -> None:
    saver.save_session(version("a", 1))
    writing(slow)  # the store has not finished, yet we are here: the call did not wait
    assert slow.saved == []
    assert saver.busy
    slow.release.set()
    assert saver.flush(WAIT)
    assert slow.saved == [("a", 1)]
    assert not saver.busy


def test_later_snapshots_of_a_session_replace_the_waiting_one(
    slow: SlowStore, saver: SessionSaver
) -> None:
    saver.save_session(version("a", 1))
    writing(slow)
    for number in (2, 3, 4):
        saver.save_session(version("a", number))
    slow.release.set()
    assert saver.flush(WAIT)
    assert slow.saved == [("a", 1), ("a", 4)]  # 2 and 3 were superseded, never written
    assert saver.written == 2


def test_an_earlier_snapshot_never_overwrites_a_later_one(
    slow: SlowStore, saver: SessionSaver
) -> None:
    saver.save_session(version("a", 1))
    writing(slow)
    saver.save_session(version("b", 1))
    saver.save_session(version("a", 2))
    saver.save_session(version("b", 2))
    slow.release.set()
    assert saver.flush(WAIT)
    for session_id in "ab":
        numbers = [number or 0 for saved_id, number in slow.saved if saved_id == session_id]
        assert numbers == sorted(numbers)
        assert numbers[-1] == 2
    assert len(slow.saved) == 3  # a1 while busy, then b2 and a2: one write per waiting session


def test_flush_waits_for_the_save_in_progress(slow: SlowStore, saver: SessionSaver) -> None:
    saver.save_session(version("a", 1))
    writing(slow)
    assert not saver.flush(timeout=0)  # held: not written yet
    done = threading.Event()

    def flush_then_say_so() -> None:
        if saver.flush(WAIT):
            done.set()

    flushing = threading.Thread(target=flush_then_say_so)
    flushing.start()
    assert not done.is_set()
    slow.release.set()
    flushing.join(WAIT)
    assert done.is_set()
    assert slow.saved == [("a", 1)]


def test_a_failed_save_is_reported_and_tried_again_at_the_flush(slow: SlowStore) -> None:
    errors: list[Exception] = []
    reported = threading.Event()

    def on_error(error: Exception) -> None:
        errors.append(error)
        reported.set()

    saver = SessionSaver(slow, on_error=on_error)
    slow.fail_next = 1
    slow.release.set()
    saver.save_session(version("a", 1))
    assert reported.wait(WAIT)
    assert "the disk is full" in str(errors[0])
    assert slow.saved == []
    assert saver.flush(WAIT)  # tried once more, and it works now
    assert slow.saved == [("a", 1)]
    saver.close(WAIT)


def test_a_failed_snapshot_gives_way_to_a_later_one(slow: SlowStore) -> None:
    reported = threading.Event()
    saver = SessionSaver(slow, on_error=lambda error: reported.set())
    slow.fail_next = 1
    slow.release.set()
    saver.save_session(version("a", 1))
    assert reported.wait(WAIT)
    saver.save_session(version("a", 2))
    assert saver.flush(WAIT)
    assert slow.saved == [("a", 2)]  # the failed first snapshot is never written over it
    saver.close(WAIT)


def test_after_close_a_save_is_written_at_once(slow: SlowStore) -> None:
    saver = SessionSaver(slow)
    slow.release.set()
    saver.save_session(version("a", 1))
    assert saver.close(WAIT)
    saver.save_session(version("a", 2))  # the app is going: no thread, written now
    assert slow.saved == [("a", 1), ("a", 2)]


def test_with_a_real_store_the_last_snapshot_is_what_is_on_disk(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "lumbar.json")
    saver = SessionSaver(store)
    session = make_session("s", "partial", exercises=0)
    for count in range(1, 30):
        session = msgspec.structs.replace(
            session, exercises=make_session("s", exercises=count).exercises
        )
        saver.save_session(session)
    assert saver.close(WAIT)
    assert list(Store.open(store.path).sessions()) == [session]
