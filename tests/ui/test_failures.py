"""One way to report a failure: a store that refuses a write, or a worker that fails, is told once.

The user loses nothing (the builder keeps the draft, the routine stays listed) and lumbar goes on.
"""

from __future__ import annotations

import contextlib

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, Switch
from textual.worker import WorkerCancelled, WorkerFailed

from tests.helpers import EVENING, MakeApp, Notice, choose, notifications, option_ids
from tui.app import LumbarApp
from tui.history.safety import red_flags
from tui.model.catalogue import Catalogue, Dose, Seconds
from tui.screens.builder import BuilderScreen
from tui.screens.select import SelectScreen
from tui.screens.settings import SettingsScreen
from tui.store.storage import StoreError
from tui.store.store import Store

SIZE = (80, 24)


def errors(seen: list[Notice]) -> list[Notice]:
    return [notice for notice in seen if notice.severity == "error"]


def locked(store: Store) -> StoreError:
    """The error a store gives when another program holds its lock (with markup-like text)."""
    return StoreError(f"[b]{store.path}[/b] is locked by another lumbar.", store.path)


async def settle(pilot: Pilot[None]) -> None:
    """Let every worker finish (failed or not) and the messages it posted be handled."""
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerFailed, WorkerCancelled):
            await worker.wait()
    await pilot.pause()


async def test_a_save_the_store_refuses_is_told_once_and_the_builder_keeps_the_draft(
    app: LumbarApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise locked(store)

    async with app.run_test(size=SIZE) as pilot:
        seen = notifications(app)
        await choose(pilot, "plank", "exercise:plank")
        await pilot.press("n", *"Evening", "tab", "right", "minus")
        with monkeypatch.context() as patch:
            patch.setattr(store, "save_routine", refuse)
            await pilot.press("ctrl+s")
            await settle(pilot)
        (error,) = errors(seen)
        assert error.title == "Could not save the routine"
        assert error.message == (
            f"[b]{store.path}[/b] is locked by another lumbar.\n"
            "Your routine is still here: try again, or Escape to leave it."
        )
        assert error.markup is False  # the path is shown as it is
        assert isinstance(app.screen, BuilderScreen)
        draft = app.screen.draft
        assert draft.name == "Evening" and draft.items[0].dose == Dose(hold=Seconds(9, 29))
        assert store.routines() == []
        await pilot.press("ctrl+s")  # the lock is free again
        await settle(pilot)
        assert isinstance(app.screen, SelectScreen)
        assert [notice.title for notice in seen][-1] == "Routine saved"
    assert [r.id for r in store.routines()] == ["evening"]


async def test_a_worker_failing_unexpectedly_is_reported_and_lumbar_goes_on(
    make: MakeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug(*_: object) -> bool:
        raise RuntimeError("a bug in the store")

    store.save_routine(EVENING)
    app = make()  # after the routine is saved: the app reads routines as it starts
    async with app.run_test(size=SIZE) as pilot:
        seen = notifications(app)
        await choose(pilot, "evening", "routine:evening")
        monkeypatch.setattr(store, "delete_routine", bug)
        await pilot.press("d", "y")
        await settle(pilot)
        (error,) = errors(seen)
        assert error.title == "The routine was not deleted"  # what failed, and the bug's name
        assert error.message == "RuntimeError: a bug in the store"
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, SelectScreen)
        assert "routine:evening" in option_ids(app, "#choices")
        app.run_worker(lambda: bug(), thread=True, exit_on_error=False, name="not described")
        await settle(pilot)
        assert errors(seen)[-1].title == "Something went wrong"
        assert errors(seen)[-1].message.startswith("RuntimeError: a bug in the store\n")
        await pilot.press("r")  # the keys still work
        assert app.is_running and app.current_mode == "roadmap"
    assert [r.id for r in store.routines()] == ["evening"]


async def test_a_deleted_routine_the_store_cannot_delete_stays_listed(
    make: MakeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> bool:
        raise locked(store)

    store.save_routine(EVENING)
    app = make()  # after the routine is saved: the app reads routines as it starts
    async with app.run_test(size=SIZE) as pilot:
        seen = notifications(app)
        await choose(pilot, "evening", "routine:evening")
        monkeypatch.setattr(store, "delete_routine", refuse)
        await pilot.press("d", "y")
        await settle(pilot)
        assert [(e.title, e.markup) for e in errors(seen)] == [
            ("The routine was not deleted", False)
        ]
        assert "routine:evening" in option_ids(app, "#choices")


async def test_a_setting_not_saved_is_told_once_and_saved_with_the_next_change(
    app: LumbarApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise locked(store)

    async with app.run_test(size=SIZE) as pilot:
        seen = notifications(app)
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        status = app.screen.query_one("#status", Static)
        with monkeypatch.context() as patch:
            patch.setattr(store, "save_settings", refuse)
            app.screen.query_one("#weekly-target", Input).focus()
            await pilot.press("backspace", "5", "enter")
            await settle(pilot)
        assert [e.title for e in errors(seen)] == ["Settings not saved"]
        assert str(status.render()) == "Not saved: weekly target 5."
        assert store.settings().weekly_target == 3
        app.screen.query_one("#bell", Switch).focus()
        await pilot.press("space")  # the bell, now that the store writes again
        await settle(pilot)
        assert str(status.render()) == "Saved: bell off."
    settings = store.settings()
    assert (settings.weekly_target, settings.bell) == (5, False)


async def test_safety_answers_not_saved_are_told_and_lumbar_goes_on(
    make: MakeApp, catalogue: Catalogue, empty_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise locked(empty_store)

    monkeypatch.setattr(empty_store, "save_safety", refuse)
    app = make(store=empty_store)
    async with app.run_test(size=SIZE) as pilot:
        seen = notifications(app)
        await pilot.pause()
        await pilot.press(*"n" * len(red_flags(catalogue)))
        await settle(pilot)
        assert [e.title for e in errors(seen)] == ["Your answers were not saved"]
        assert isinstance(app.screen, SelectScreen)
    assert empty_store.safety() is None
