"""A session that ends while another lumbar holds the data file is kept, then saved next time."""

from __future__ import annotations

import pytest
from filelock import FileLock

from tests.helpers import SIZE, FakeClock, MakeApp, begin, end_now, notifications, wait
from tui.store import storage
from tui.store.paths import lock_path
from tui.store.pending import unsaved_dir
from tui.store.store import Store


async def test_an_ending_kept_out_by_a_busy_lock_is_kept_and_added_next_start(
    make: MakeApp, store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock held as the session ends: kept beside the file; the next start adds it."""
    monkeypatch.setattr(storage, "LOCK_TIMEOUT", 0.2)
    app = make(play="quick-10")
    lock = FileLock(lock_path(store.path))
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await wait(pilot, clock, 8)
        lock.acquire()  # an import or an export in another terminal
        await end_now(pilot)
        await app.action_quit()
    lock.release()
    assert app.unsaved_count == 1 and app.kept_unsaved == unsaved_dir(store.path)
    (before,) = store.sessions()
    assert before.ended_at is None  # the ending did not reach the file

    again = make()
    shown = notifications(again)
    async with again.run_test(size=SIZE) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        assert [n.title for n in shown] == ["Saved now"]
    (after,) = store.sessions()
    assert after.id == before.id and after.ended_at is not None
    assert not unsaved_dir(store.path).exists()
