"""The data file's lock: one holder at a time, across processes and across threads, reentrant.

The lock is ``flock`` on the lock file, as ``filelock`` takes it (``tests/unit/test_store_files.py``
and ``tests/unit/test_pending.py`` hold the lock with ``filelock`` and see lumbar wait for it).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.helpers import make_session
from tui.store import writer
from tui.store.storage import StoreError, StoreLock
from tui.store.store import Store


def test_the_lock_is_reentrant_in_one_thread(tmp_path: Path) -> None:
    """A holder may take it again (a read-modify-write writes under its own lock)."""
    lock = StoreLock(tmp_path / "lumbar.json", timeout=0.05)
    with lock, lock:
        pass
    with lock:  # and it was let go of entirely
        pass


def test_another_thread_waits_for_the_lock_and_gives_up_with_a_message(tmp_path: Path) -> None:
    """A second thread of the same lumbar is kept out as another process would be."""
    lock = StoreLock(tmp_path / "lumbar.json", timeout=0.05)
    failures: list[StoreError] = []

    def other() -> None:
        try:
            with lock:
                pass
        except StoreError as error:
            failures.append(error)

    with lock:
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert len(failures) == 1 and "another lumbar" in str(failures[0])


def test_a_lock_in_a_folder_not_yet_made_makes_it(tmp_path: Path) -> None:
    """The first save of a new file locks it even though its folder is not there yet."""
    db = tmp_path / "new" / "folder" / "lumbar.json"
    Store.open(db).save_session(make_session("a"))
    assert [session.id for session in Store.open(db).sessions()] == ["a"]
    assert (db.parent / "lumbar.json.lock").exists()


def test_a_save_without_the_kernel_copy_keeps_every_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the kernel cannot copy between the files, the old file is copied by hand."""
    db = tmp_path / "lumbar.json"
    store = Store.open(db)
    for number in range(5):
        store.save_session(make_session(f"s-{number}", day=number))
    monkeypatch.setattr(writer, "_copy_file_range", None)
    store = Store.open(db)
    store.save_session(make_session("s-2", day=2, pain_before=1))
    store.save_session(make_session("s-5", day=5))
    expected = [make_session(f"s-{n}", day=n) for n in range(6)]
    expected[2] = make_session("s-2", day=2, pain_before=1)
    assert list(Store.open(db).sessions()) == expected
