"""The line under the header names every mode and its key, and marks the one in front."""

from __future__ import annotations

from textual.binding import Binding

from tui.app import LumbarApp
from tui.widgets.mode_tabs import ModeTabs, mode_bindings


def test_the_modes_are_read_from_the_apps_bindings() -> None:
    bindings = [b for b in LumbarApp.BINDINGS if isinstance(b, Binding)]
    assert [mode for mode, _ in mode_bindings(bindings)] == [
        "select",
        "roadmap",
        "progress",
        "settings",
    ]


async def test_each_mode_screen_shows_the_tabs_with_itself_marked(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        for key, mode, name in (("r", "roadmap", "Roadmap"), ("p", "progress", "Progress")):
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
            tabs = app.screen.query_one(ModeTabs)
            text = str(tabs.render())
            assert "Choose c" in text and "Settings ," in text
            assert f" {name} " in text and f"{name} {key}" not in text  # here: no key needed
