"""How often the history functions walk the store's history, which decodes each session it reaches.

The store keeps no session decoded (ten years are some 18 MB of records), so what the first
screen and the start of a session need is worked out in one walk and remembered against the
store's history, which stays the same object until the file is written.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import RECORD_BASE, counted_decodes, make_session
from tui.catalogue import alone
from tui.history import (
    hold_replays,
    let_replays_go,
    levels,
    passed_gates,
    plan_all,
    progress_of,
    status_of,
    unfinished,
    work_out,
)
from tui.history.recent import Recent
from tui.model import Catalogue, Settings
from tui.store import Store
from tui.store.documents import Records

DAYS = 12


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A store of twelve daily sessions, opened afresh (checked, and nothing read since)."""
    db = tmp_path / "lumbar.json"
    saving = Store.open(db)
    for day in range(DAYS):
        saving.save_session(make_session(f"s-{day:02}", day=day))
    return Store.open(db)


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the sessions decoded from now on, in order."""
    return counted_decodes(monkeypatch)


def test_a_replay_of_the_store_history_walks_it_once(
    store: Store, catalogue: Catalogue, decoded: list[str]
) -> None:
    """The plans worked out twice from an unchanged file decode each session once."""
    first = plan_all(catalogue, store.sessions())
    assert plan_all(catalogue, store.sessions()) == first
    assert len(decoded) == DAYS


def test_a_write_makes_the_replay_walk_again(
    store: Store, catalogue: Catalogue, decoded: list[str]
) -> None:
    """After a save the history is a new one, and the replay reads it afresh."""
    plan_all(catalogue, store.sessions())
    store.save_session(make_session("s-99", day=DAYS))
    plan_all(catalogue, store.sessions())
    assert len(decoded) == DAYS + DAYS + 1


def test_the_gate_answers_are_read_once_per_history(store: Store, decoded: list[str]) -> None:
    """Starting a session after the select screen read the gates walks nothing again."""
    passed_gates(store.sessions(), Settings())
    passed_gates(store.sessions(), Settings())
    assert len(decoded) == DAYS


def test_the_status_walks_the_history_once(store: Store, decoded: list[str]) -> None:
    """The status line after each save reads each session once, none kept."""
    status = status_of(store.sessions(), Settings(), None, RECORD_BASE + timedelta(days=DAYS))
    assert status.last_session == RECORD_BASE + timedelta(days=DAYS - 1)
    assert sorted(decoded) == [f"s-{day:02}" for day in range(DAYS)]


def test_nothing_to_continue_reads_only_the_latest_session(
    store: Store, catalogue: Catalogue, decoded: list[str]
) -> None:
    """The resume offer, with a complete latest session, decodes that session alone."""
    today = (RECORD_BASE + timedelta(days=DAYS - 1)).date()
    assert unfinished(catalogue, store.sessions(), today, alone=alone) is None
    assert decoded == [f"s-{DAYS - 1:02}"]


def test_the_replay_reads_the_gate_answers_on_its_way(
    store: Store, catalogue: Catalogue, decoded: list[str]
) -> None:
    """After the select screen's replay, the gates need no walk of their own."""
    plan_all(catalogue, store.sessions())
    passed_gates(store.sessions(), Settings())
    assert len(decoded) == DAYS


def test_two_first_reads_at_once_check_the_history_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second thread reading the history while the first checks it waits, then decodes none."""
    db = tmp_path / "lumbar.json"
    saving = Store.open(db)
    for day in range(DAYS):
        saving.save_session(make_session(f"s-{day:02}", day=day))
    store = Store.open(db, check_sessions=False)
    decoded: list[str] = []
    other = threading.Thread(target=store.sessions)
    real = Records.decode

    def decode(self: Records, table: str, key: str, *args: Any) -> Any:
        decoded.append(key)
        if len(decoded) == 1:  # the first thread is checking: the second comes now
            other.start()
            other.join(timeout=0.5)  # it waits for the check (without the lock it would decode)
        return real(self, table, key, *args)

    monkeypatch.setattr(Records, "decode", decode)
    store.sessions()
    other.join()
    assert len(decoded) == DAYS


def test_the_replay_keeps_no_progress_figures(
    store: Store, catalogue: Catalogue, decoded: list[str]
) -> None:
    """The select screen's plans keep no figures (memory flat): the progress screen walks once."""
    plan_all(catalogue, store.sessions())
    progress = progress_of(store.sessions(), catalogue, 3, (RECORD_BASE + timedelta(DAYS)).date())
    progress_of(store.sessions(), catalogue, 4, (RECORD_BASE + timedelta(DAYS)).date())
    assert (len(progress.history), len(decoded)) == (DAYS, 2 * DAYS)


def test_the_progress_figures_are_those_of_their_own_walk(
    store: Store, catalogue: Catalogue
) -> None:
    """The replay's progress figures are the ones work_out finds walking the history itself."""
    today = (RECORD_BASE + timedelta(days=DAYS)).date()
    shared = progress_of(store.sessions(), catalogue, 3, today)
    own = work_out(list(store.sessions()), catalogue, 3, today)
    assert (shared.streak, shared.pain, shared.exercises, shared.history, shared.minutes) == (
        own.streak,
        own.pain,
        own.exercises,
        own.history,
        own.minutes,
    )


def test_a_session_is_decoded_when_it_is_shown_in_detail(
    store: Store, catalogue: Catalogue, decoded: list[str]
) -> None:
    """Progress keeps no session decoded: asking for one in detail decodes that one."""
    progress = progress_of(store.sessions(), catalogue, 3, RECORD_BASE.date())
    decoded.clear()
    found = progress.session("s-03")
    assert (found.id if found else None, decoded) == ("s-03", ["s-03"])


def test_a_result_asked_for_while_another_thread_makes_it_is_waited_for() -> None:
    """Two threads asking for one result at once: it is made once, and both get it."""
    kept: Recent[str, int] = Recent(lambda a, b: a == b)
    making, release = threading.Event(), threading.Event()
    made: list[str] = []

    def slow() -> int:
        made.append("first")
        making.set()
        release.wait(timeout=5)
        return 1

    first = threading.Thread(target=lambda: kept.made("history", slow))
    first.start()
    making.wait(timeout=5)
    answers: list[int] = []

    def second_make() -> int:
        made.append("second")
        return 2

    second = threading.Thread(target=lambda: answers.append(kept.made("history", second_make)))
    second.start()
    release.set()
    first.join()
    second.join()
    assert (made, answers) == (["first"], [1])


def test_the_progress_figures_walk_the_history_once_without_a_replay(
    store: Store, catalogue: Catalogue, decoded: list[str]
) -> None:
    """Opened before any plan, the progress screen walks for its figures once, then not again."""
    today = (RECORD_BASE + timedelta(days=DAYS)).date()
    progress_of(store.sessions(), catalogue, 3, today)
    progress_of(store.sessions(), catalogue, 4, today)
    assert len(decoded) == DAYS


def test_a_replay_waits_while_the_progress_screen_opens(store: Store, catalogue: Catalogue) -> None:
    """Held back (as p opens the progress screen), a replay goes on only once let go."""
    done = threading.Event()

    def plan() -> None:
        plan_all(catalogue, store.sessions())
        done.set()

    hold_replays()
    replaying = threading.Thread(target=plan)
    replaying.start()
    held = not done.wait(0.2)
    let_replays_go()
    replaying.join(timeout=5)
    assert (held, done.is_set()) == (True, True)


def test_a_replay_held_back_and_never_let_go_goes_on(
    store: Store, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hold nobody lets go of stops no replay for longer than GIVE_WAY_AT_MOST."""
    monkeypatch.setattr(levels, "GIVE_WAY_AT_MOST", 0.01)
    hold_replays()
    assert plan_all(catalogue, store.sessions())
    assert plan_all(catalogue, list(store.sessions()))  # and holds no later replay
