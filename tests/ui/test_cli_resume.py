"""``lumbar resume``: the unfinished session of today, else a one-line reason and exit 1."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.helpers import FakeClock, run_cli, stopped_session
from tui import cli
from tui.app import LumbarApp
from tui.model.catalogue import Catalogue
from tui.model.records import Session
from tui.store.store import Store


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each time the app is run: whether it was asked to resume."""
    seen: list[bool] = []

    def run(self: LumbarApp, **_: Any) -> None:
        seen.append(self.resume_first)

    monkeypatch.setattr(LumbarApp, "run", run)
    monkeypatch.setattr(cli, "on_a_terminal", lambda: True)  # pytest's own streams are not
    return seen


def stopped_at(catalogue: Catalogue, when: datetime, **changes: Any) -> Session:
    """quick-10 stopped part-way, begun at ``when`` (the real clock's time zone)."""
    session = stopped_session(catalogue, "quick-10", FakeClock(), 60.0)
    return msgspec.structs.replace(
        session, started_at=when, ended_at=when + timedelta(minutes=1), **changes
    )


def resume(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *sessions: Session
) -> tuple[int, str]:
    """``lumbar resume`` on a file holding ``sessions``: its status and what it said on stderr."""
    path = tmp_path / "lumbar.json"
    store = Store.open(path)
    for session in sessions:
        store.save_session(session)
    status, _, err = run_cli(capsys, "--db", str(path), "resume")
    return status, err


def test_nothing_to_resume_says_so_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, runs: list[bool]
) -> None:
    """No session at all: one line that says why, exit 1, no app."""
    status, err = resume(capsys, tmp_path)
    assert (status, runs) == (1, [])
    assert err.startswith("lumbar: nothing to resume") and err.count("\n") == 1


def test_a_session_of_yesterday_is_not_resumed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue, runs: list[bool]
) -> None:
    """Stopped yesterday: lumbar's rule is the same day, so nothing to resume."""
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    status, err = resume(capsys, tmp_path, stopped_at(catalogue, yesterday))
    assert (status, runs) == (1, [])
    assert "nothing to resume" in err


def test_a_deleted_routine_cannot_be_resumed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue, runs: list[bool]
) -> None:
    """The user's routine was deleted since: a clear message naming it, exit 1."""
    now = datetime.now().astimezone()
    gone = stopped_at(catalogue, now, routine="my-morning", routine_name="My morning")
    status, err = resume(capsys, tmp_path, gone)
    assert (status, runs) == (1, [])
    assert "'My morning'" in err and "no longer in your catalogue" in err


def test_an_unfinished_session_of_today_opens_the_app_to_resume(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, catalogue: Catalogue, runs: list[bool]
) -> None:
    """Stopped earlier today: the app runs, told to resume (its red-flag gate comes first)."""
    now = datetime.now().astimezone()
    status, err = resume(capsys, tmp_path, stopped_at(catalogue, now))
    assert (status, err, runs) == (0, "", [True])
