"""The settings screen, driven with keys: every change is stored, and it survives a restart."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, Switch

from tests.fakes import FakeClock
from tui.app import LumbarApp, make_app
from tui.messages import PlayRoutine
from tui.model import Catalogue
from tui.records import Settings
from tui.screens.player import PlayerScreen
from tui.screens.select import SelectScreen
from tui.screens.settings import SettingsScreen
from tui.storage import StoreError
from tui.store import Store
from tui.timeline import StepKind

SIZE = (80, 24)


async def open_settings(pilot: Pilot[None]) -> SettingsScreen:
    """Press the settings key from the select screen."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, SelectScreen)
    await pilot.press("comma")
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


def status(app: LumbarApp) -> str:
    return str(app.screen.query_one("#status", Static).content)


def focused_id(app: LumbarApp) -> str | None:
    return app.focused.id if app.focused is not None else None


async def test_every_setting_changed_with_keys_is_stored(
    catalogue: Catalogue, store: Store
) -> None:
    app = make_app(catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        assert focused_id(app) == "theme"
        await pilot.press("enter", *"nord", "enter")  # open the list, type to find, take it
        await pilot.pause()
        assert app.theme == "nord"
        await pilot.press("tab")
        assert focused_id(app) == "get-ready"
        await pilot.press(*"12")  # the box selects its text on focus: typing replaces it
        await pilot.press("tab", "space")  # the bell: off
        await pilot.press("tab", "enter", "down", "down", "enter")  # off -> OSC 9 -> OSC 777
        await pilot.press("tab")
        assert focused_id(app) == "weekly-target"
        await pilot.press("4")
        await pilot.press("tab", "space", "tab", "enter")  # warm-up on, cool-down on
        await pilot.pause()
        assert focused_id(app) == "cool-down"
        assert status(app) == "Saved: cool down on."
    assert store.settings() == Settings(
        theme="nord",
        get_ready_seconds=12,
        bell=False,
        notify="osc777",
        weekly_target=4,
        warm_up=True,
        cool_down=True,
    )


async def test_switches_say_on_or_off_in_words(catalogue: Catalogue, store: Store) -> None:
    app = make_app(catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        state = screen.query_one("#bell-state", Static)
        assert str(state.content) == "on"
        screen.query_one("#bell", Switch).focus()
        await pilot.press("space")
        assert str(state.content) == "off"


@pytest.mark.parametrize(
    ("widget", "field", "typed", "kept", "message"),
    [
        ("get-ready", "get_ready_seconds", "75", 7, "from 0 to 60 (still 7 s)."),
        ("weekly-target", "weekly_target", "0", 3, "from 1 to 14 (still 3)."),
        ("weekly-target", "weekly_target", "15", 1, "from 1 to 14 (still 1)."),
    ],
)
async def test_a_number_out_of_range_is_refused_and_put_back_on_leaving(
    catalogue: Catalogue,
    store: Store,
    widget: str,
    field: str,
    typed: str,
    kept: int,
    message: str,
) -> None:
    """Each valid number is kept as it is typed (7 on the way to 75); an invalid one never is."""
    app = make_app(catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        box = screen.query_one(f"#{widget}", Input)
        box.focus()
        await pilot.press(*typed)
        await pilot.pause()
        assert status(app).endswith(message)
        assert box.value == typed
        await pilot.press("tab")
        await pilot.pause()
        assert box.value == str(kept)
    assert getattr(store.settings(), field) == kept


async def test_the_number_boxes_take_only_digits(catalogue: Catalogue, store: Store) -> None:
    app = make_app(catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        box = screen.query_one("#get-ready", Input)
        box.focus()
        await pilot.press("x", "-", "8")
        assert box.value == "8"
    assert store.settings().get_ready_seconds == 8


async def test_the_notification_hint_names_the_terminals_of_the_method(
    catalogue: Catalogue, store: Store
) -> None:
    app = make_app(catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        hint = screen.query_one("#notify-hint", Static)
        assert "No desktop notification" in str(hint.content)
        screen.query_one("#notify", Select).focus()
        await pilot.press("enter", "down", "down", "down", "enter")
        assert "kitty" in str(hint.content)
        assert "allow-passthrough" in str(hint.content)
    assert store.settings().notify == "osc99"


async def test_the_screen_shows_the_articles_advice_and_the_routines_it_adds(
    catalogue: Catalogue, store: Store
) -> None:
    app = make_app(catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        words = " ".join(str(s.content) for s in screen.query(Static))
    assert "3 to 4 sessions a week" in words
    warm_up = next(r for r in catalogue.routines.values() if r.kind == "warm-up")
    assert f"Plays {warm_up.name} (about" in words


async def test_the_chosen_theme_survives_a_restart(catalogue: Catalogue, store: Store) -> None:
    first = make_app(catalogue, store)
    async with first.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await pilot.press("enter", *"dracula", "enter")
        await pilot.pause()
        assert first.theme == "dracula"
    again = make_app(catalogue, Store.open(store.path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "dracula"


async def test_a_theme_picked_elsewhere_is_kept_and_shown(
    catalogue: Catalogue, store: Store
) -> None:
    """The command palette's theme picker sets ``App.theme``; the app keeps what it sets."""
    app = make_app(catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_settings(pilot)
        await pilot.press("escape")  # back to choosing
        assert isinstance(app.screen, SelectScreen)
        app.theme = "gruvbox"
        await pilot.pause()
        assert store.settings().theme == "gruvbox"
        screen = await open_settings(pilot)
        assert screen.query_one("#theme", Select).value == "gruvbox"
    assert Store.open(store.path).settings().theme == "gruvbox"


async def test_an_unknown_stored_theme_falls_back_with_a_warning(
    catalogue: Catalogue, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_settings(Settings(theme="no-such-theme"))
    app = make_app(catalogue, store)
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: said.append(message))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
    assert any("no-such-theme" in message for message in said)


async def test_get_ready_seconds_and_warm_up_reach_the_player(
    catalogue: Catalogue, store: Store
) -> None:
    clock = FakeClock()
    app = make_app(catalogue, store, clock=clock, wall=clock.wall)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#get-ready", Input).focus()
        await pilot.press(*"17")
        screen.query_one("#warm-up", Switch).focus()
        await pilot.press("space")
        await pilot.press("escape")
        app.post_message(PlayRoutine(catalogue.routine("quick-10")))
        await pilot.pause()
        player = next(s for s in app.screen_stack if isinstance(s, PlayerScreen))
        timeline = player.engine.timeline
    first = timeline.steps[0]
    assert (first.kind, first.duration) == (StepKind.GET_READY, 17)
    assert timeline.exercises[0].part == "warm-up"


async def test_a_store_that_cannot_save_gives_a_clear_notification(
    catalogue: Catalogue, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(catalogue, store)
    said: list[tuple[str, dict[str, Any]]] = []

    def refuse(settings: Settings) -> None:
        raise StoreError(f"lumbar cannot write {store.path}: the disk is full.", store.path)

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        monkeypatch.setattr(store, "save_settings", refuse)
        monkeypatch.setattr(app, "notify", lambda message, **kw: said.append((message, kw)))
        screen.query_one("#bell", Switch).focus()
        await pilot.press("space")
        await pilot.pause()
        assert status(app) == "Not saved: bell off."
    (message, details), *_ = said
    assert "disk is full" in message
    assert details["severity"] == "error"
    assert details["title"] == "Settings not saved"
    assert store.settings().bell is True


async def test_settings_cannot_be_opened_over_the_player(
    catalogue: Catalogue, store: Store
) -> None:
    """No settings (a comma) in the middle of a session: they apply from the next one."""
    clock = FakeClock()
    app = make_app(catalogue, store, clock=clock, wall=clock.wall, play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # skip the pain check
        assert isinstance(app.screen, PlayerScreen)
        await pilot.press("comma")
        assert isinstance(app.screen, PlayerScreen)
