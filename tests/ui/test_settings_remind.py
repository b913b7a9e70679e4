"""The settings for ``lumbar remind``: the days it may speak on, and quiet, kept as changed."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Checkbox, Switch

from tests.helpers import SIZE
from tui.app import LumbarApp
from tui.screens.select import SelectScreen
from tui.screens.settings import SettingsScreen
from tui.store.store import Store


async def open_settings(pilot: Pilot[None]) -> SettingsScreen:
    """Press the settings key from the select screen, and let it settle."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, SelectScreen)
    await pilot.press("comma")
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def test_a_day_ticked_off_is_kept(app: LumbarApp, store: Store) -> None:
    """Space on Saturday's box: reminders every day but Saturday."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#remind-sat", Checkbox).focus()
        await pilot.press("space")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert store.settings().remind_days == ("mon", "tue", "wed", "thu", "fri", "sun")


async def test_quiet_is_kept(app: LumbarApp, store: Store) -> None:
    """Space on the quiet switch: lumbar remind says nothing from now on."""
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        screen.query_one("#remind-quiet", Switch).focus()
        await pilot.press("space")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert store.settings().remind_quiet
