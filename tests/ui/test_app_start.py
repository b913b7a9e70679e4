"""The app's start: its first screen comes before the years of sessions are checked."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers import MakeApp, counted_decodes, make_session
from tui.app import LumbarApp
from tui.model.catalogue import Catalogue
from tui.model.records import SafetyCheck
from tui.screens.select import SelectScreen
from tui.store.store import Store


class Recorded(LumbarApp):
    """The app, keeping the messages it exits with."""

    def exit(self, result: None = None, return_code: int = 0, message: object = None) -> None:
        self.exit_messages = [*getattr(self, "exit_messages", []), str(message)]
        super().exit(result, return_code, message)  # type: ignore[arg-type]


def answered(db: Path, when: object) -> Store:
    store = Store.open(db)
    store.save_safety(SafetyCheck(answered_at=when, any_yes=False))  # type: ignore[arg-type]
    return store


async def test_a_damaged_session_ends_the_app_with_the_message_after_the_first_screen(
    catalogue: Catalogue, tmp_path: Path, store: Store
) -> None:
    db = tmp_path / "damaged.json"
    answered(db, datetime.now(UTC)).save_session(make_session("a"))  # the app's real wall clock
    text = db.read_text().replace('"pain_before":5', '"pain_before":11')
    db.write_text(text)
    app = Recorded(catalogue, Store.open(db, check_sessions=False))
    shown = []
    async with app.run_test(size=(80, 24)) as pilot:
        shown.append(type(app.screen))
        await app.workers.wait_for_complete()  # the check runs in a thread
        await pilot.pause()
    assert shown == [SelectScreen]
    assert app.return_code == 1
    (message,) = app.exit_messages
    assert f"lumbar cannot use {db}: the record 'a' in table 'sessions' is damaged" in message
    assert "left exactly as it was" in message
    assert db.read_text() == text


async def test_a_good_file_is_checked_and_the_app_goes_on(
    make: MakeApp, tmp_path: Path, store: Store
) -> None:
    db = tmp_path / "good.json"
    answered(db, store.safety().answered_at).save_session(make_session("a"))  # type: ignore[union-attr]
    app = make(store=Store.open(db, check_sessions=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SelectScreen)
        assert [session.id for session in app.store.sessions()] == ["a"]


async def test_the_history_is_not_read_until_a_while_after_the_first_frame(
    make: MakeApp, tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``history_after``, the first screen settles before any session is decoded."""
    db = tmp_path / "years.json"
    answered(db, store.safety().answered_at).save_session(make_session("a"))  # type: ignore[union-attr]
    decoded = counted_decodes(monkeypatch)
    app = make(store=Store.open(db, check_sessions=False), history_after=60.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, SelectScreen) and "a" not in decoded
