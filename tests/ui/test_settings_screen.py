"""The settings screen, driven with keys: every change is stored, and it survives a restart.

A list or a switch is stored as it changes; a number only once it is entered (Enter, or leaving
its box, the screen or the app) and in range: never half-typed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, Switch

from tests.helpers import MakeApp, Notice, notifications
from tui.app import LumbarApp
from tui.messages import PlayRoutine
from tui.model.catalogue import Catalogue
from tui.model.records import Settings
from tui.screens.player import PlayerScreen
from tui.screens.select import SelectScreen
from tui.screens.settings import SettingsScreen
from tui.session.timeline import StepKind
from tui.store.storage import StoreError
from tui.store.store import Store

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


async def test_every_setting_changed_with_keys_is_stored(app: LumbarApp, store: Store) -> None:
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
        await pilot.press("tab", "tab")  # past the button that sends a test notice
        assert focused_id(app) == "weekly-target"
        await pilot.press("4")
        await pilot.press("tab")
        assert focused_id(app) == "pain-threshold"
        await pilot.press("5")
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
        pain_threshold=5,
        warm_up=True,
        cool_down=True,
    )


async def test_switches_say_on_or_off_in_words(app: LumbarApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        state = screen.query_one("#bell-state", Static)
        assert str(state.content) == "on"
        screen.query_one("#bell", Switch).focus()
        await pilot.press("space")
        assert str(state.content) == "off"


@dataclass(frozen=True)
class NumberBox:
    """A number box under test: what to type in it and what the screen should say."""

    id: str
    field: str
    """Its field in Settings."""
    valid: str
    """An in-range number of two digits (its first digit alone is in range too)."""
    too_big: str
    """An out-of-range number (its first digit alone is in range)."""
    refusal: str
    """What the screen says of ``too_big`` over the default settings."""
    saved: str
    """What the screen says once ``valid`` is stored."""

    def stored(self, store: Store) -> int:
        """The number the store holds for this box, read from the file."""
        value = getattr(Store.open(store.path).settings(), self.field)
        assert isinstance(value, int)
        return value


NUMBER_BOXES = [
    NumberBox(
        "get-ready",
        "get_ready_seconds",
        "45",
        "75",
        "get ready 75 s is out of range; type a whole number from 0 to 60 (still 5 s).",
        "Saved: get ready 45 s.",
    ),
    NumberBox(
        "pain-threshold",
        "pain_threshold",
        "10",
        "11",
        "pain threshold 11 is out of range; type a whole number from 1 to 10 (still 7).",
        "Saved: pain threshold 10.",
    ),
]
each_box = pytest.mark.parametrize("box", NUMBER_BOXES, ids=lambda box: box.id)


async def type_into(pilot: Pilot[None], box_id: str, *keys: str) -> Input:
    """Open settings, focus a number box (its text selected: typing replaces it) and type."""
    screen = await open_settings(pilot)
    field = screen.query_one(f"#{box_id}", Input)
    field.focus()
    await pilot.press(*keys)
    await pilot.pause()
    return field


@each_box
async def test_a_number_is_stored_on_enter_not_while_it_is_typed(
    make: MakeApp, store: Store, box: NumberBox
) -> None:
    """Typing 45 never stores 4 on the way: the old number stays until Enter."""
    before = box.stored(store)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        field = await type_into(pilot, box.id, box.valid[0])
        assert (field.value, box.stored(store)) == (box.valid[0], before)
        await pilot.press(box.valid[1])
        await pilot.pause()
        assert (field.value, box.stored(store)) == (box.valid, before)
        assert status(app).endswith("Enter or Tab keeps it.")
        await pilot.press("enter")
        await pilot.pause()
        assert box.stored(store) == int(box.valid)
        assert status(app) == box.saved
        assert focused_id(app) == box.id


@each_box
async def test_a_number_out_of_range_is_not_stored_on_enter_and_can_be_corrected(
    make: MakeApp, store: Store, box: NumberBox
) -> None:
    before = box.stored(store)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        field = await type_into(pilot, box.id, *box.too_big)
        assert status(app) == box.refusal.capitalize()  # said as soon as it is typed
        assert field.has_class("-invalid")
        await pilot.press("enter")
        await pilot.pause()
        assert box.stored(store) == before
        assert status(app) == f"Not saved: {box.refusal}"
        assert app.screen.query_one("#status").has_class("-problem")
        assert (field.value, focused_id(app)) == (box.too_big, box.id)  # left to be corrected
        await pilot.press("backspace", "enter")
        await pilot.pause()
        assert box.stored(store) == int(box.too_big[0])
        assert not field.has_class("-invalid")


async def test_the_weekly_target_is_days_from_1_to_7(app: LumbarApp, store: Store) -> None:
    """8 days a week is refused with the range; 5 is stored (one digit: not in the boxes above)."""
    async with app.run_test(size=SIZE) as pilot:
        field = await type_into(pilot, "weekly-target", "backspace", "8", "enter")
        assert status(app) == (
            "Not saved: weekly target 8 is out of range; type a whole number from 1 to 7 (still 3)."
        )
        await pilot.press("backspace", "5", "enter")
        await pilot.pause()
        assert field.value == "5" and status(app) == "Saved: weekly target 5."
    assert Store.open(store.path).settings().weekly_target == 5


async def test_an_empty_box_is_not_stored(app: LumbarApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        field = await type_into(pilot, "weekly-target", "backspace", "enter")
        assert field.value == ""
        assert status(app) == (
            "Not saved: weekly target is empty; type a whole number from 1 to 7 (still 3)."
        )
    assert store.settings().weekly_target == 3


@each_box
async def test_tab_out_of_a_box_stores_a_valid_number_and_puts_back_an_invalid_one(
    make: MakeApp, store: Store, box: NumberBox
) -> None:
    before = box.stored(store)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        field = await type_into(pilot, box.id, *box.too_big, "tab")
        assert (field.value, box.stored(store)) == (str(before), before)
        assert status(app) == f"Not saved: {box.refusal}"
        field.focus()
        await pilot.press(*box.valid, "tab")
        await pilot.pause()
        assert (field.value, box.stored(store)) == (box.valid, int(box.valid))
        assert status(app) == box.saved


@pytest.mark.parametrize("leave", ["escape", "f1"])
async def test_leaving_settings_from_a_box_stores_the_number_typed(
    app: LumbarApp, store: Store, leave: str
) -> None:
    """Escape (back to choosing) or F1 (help) with 45 typed and no Enter: 45 is kept."""
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "get-ready", "4", "5")
        assert store.settings().get_ready_seconds == 5
        await pilot.press(leave)
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        assert store.settings().get_ready_seconds == 45


async def test_leaving_settings_with_a_number_out_of_range_tells_the_user(
    app: LumbarApp, store: Store
) -> None:
    """The status line goes with the screen, so a notification says the number was not kept."""
    async with app.run_test(size=SIZE) as pilot:
        field = await type_into(pilot, "get-ready", "7", "5")
        said = notifications(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
        assert field.value == "5"  # the stored number, shown when settings open again
    assert said == [Notice(f"Not saved: {NUMBER_BOXES[0].refusal}", "Settings", "warning")]
    assert store.settings().get_ready_seconds == 5


@pytest.mark.parametrize(("typed", "kept"), [("45", 45), ("75", 5)])
async def test_quitting_from_a_box_stores_the_number_only_if_in_range(
    app: LumbarApp, store: Store, typed: str, kept: int
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "get-ready", *typed)
        assert store.settings().get_ready_seconds == 5
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert Store.open(store.path).settings().get_ready_seconds == kept


async def test_the_number_boxes_take_only_digits(app: LumbarApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        field = await type_into(pilot, "get-ready", "x", "-", "8")
        assert field.value == "8"
        await pilot.press("enter")
        await pilot.pause()
        assert store.settings().get_ready_seconds == 8


async def test_the_notification_hint_names_the_terminals_of_the_method(
    app: LumbarApp, store: Store
) -> None:
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
    app: LumbarApp, catalogue: Catalogue
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        words = " ".join(str(s.content) for s in screen.query(Static))
    assert "3 to 4 sessions a week" in words
    warm_up = next(r for r in catalogue.routines.values() if r.kind == "warm-up")
    assert f"Plays {warm_up.name} (about" in words


async def test_the_pain_threshold_row_says_what_it_does_in_one_line(app: LumbarApp) -> None:
    """The pain threshold shows its stored 7, its range, and one line on what it does."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        assert screen.query_one("#pain-threshold", Input).value == "7"
        words = " ".join(str(s.content) for s in screen.query(Static))
    assert "out of 10 (1 to 10)" in words
    assert "Pain at or above this, before or after a session, holds your doses." in words


async def test_the_chosen_theme_survives_a_restart(make: MakeApp, store: Store) -> None:
    first = make()
    async with first.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        await pilot.press("enter", *"dracula", "enter")
        await pilot.pause()
        assert first.theme == "dracula"
    again = make(store=Store.open(store.path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "dracula"


async def test_a_theme_picked_elsewhere_is_kept_and_shown(app: LumbarApp, store: Store) -> None:
    """The command palette's theme picker sets ``App.theme``; the app keeps what it sets."""
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
    make: MakeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_settings(Settings(theme="no-such-theme"))
    app = make()
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: said.append(message))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
    assert any("no-such-theme" in message for message in said)


async def test_get_ready_seconds_and_warm_up_reach_the_player(
    app: LumbarApp, catalogue: Catalogue
) -> None:
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
    app: LumbarApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:

    def refuse(settings: Settings) -> None:
        raise StoreError(f"lumbar cannot write {store.path}: the disk is full.", store.path)

    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        monkeypatch.setattr(store, "save_settings", refuse)
        said = notifications(app)
        screen.query_one("#bell", Switch).focus()
        await pilot.press("space")
        await pilot.pause()
        assert status(app) == "Not saved: bell off."
    notice, *_ = said
    assert "disk is full" in notice.message
    assert (notice.severity, notice.title) == ("error", "Settings not saved")
    assert store.settings().bell is True


async def test_settings_cannot_be_opened_over_the_player(make: MakeApp) -> None:
    """No settings (a comma) in the middle of a session: they apply from the next one."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # skip the pain check
        assert isinstance(app.screen, PlayerScreen)
        await pilot.press("comma")
        assert isinstance(app.screen, PlayerScreen)


async def space_on(app: LumbarApp, widget_id: str) -> None:
    """Open the settings, press Space on the widget with this id, and let the write finish."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        screen.query_one(f"#{widget_id}").focus()
        await pilot.press("space")
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_a_reminder_day_ticked_off_is_kept(app: LumbarApp, store: Store) -> None:
    """Space on Saturday's box: lumbar remind may speak every day but Saturday."""
    await space_on(app, "remind-sat")
    assert store.settings().remind_days == ("mon", "tue", "wed", "thu", "fri", "sun")


async def test_quiet_reminders_are_kept(app: LumbarApp, store: Store) -> None:
    """Space on the quiet switch: lumbar remind says nothing from now on."""
    await space_on(app, "remind-quiet")
    assert store.settings().remind_quiet


async def test_the_plain_player_switch_is_kept(app: LumbarApp, store: Store) -> None:
    """Space on the plain-player switch: lumbar play plays in lines from now on."""
    assert not store.settings().plain_player
    await space_on(app, "plain-player")
    assert store.settings().plain_player
