"""The key bar: the keys of the screen in front, on one line, as Textual's Footer shows them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input

from tui.app import LumbarApp
from tui.screens.advice import AvoidList
from tui.widgets.key_bar import Entry, KeyBar, Layout, Piece, fitted, relabelled, texts


def bar_text(app: App[None]) -> str:
    """What the key bar of the screen in front reads."""
    return texts(app.screen.query_one(KeyBar).line)


def column_of(app: App[None], words: str) -> int:
    """The column where ``words`` start on the key bar."""
    return bar_text(app).index(words)


class Shelf(App[None]):
    """A screen with three keys, one of them shown but not usable now."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open", "Open", id="shelf.open", tooltip="Open it"),
        Binding("x", "close", "Close", id="shelf.close", tooltip="Close it"),
        Binding("h", "hidden", "Hidden", id="shelf.hidden", tooltip="Never shown", show=False),
    ]

    def __init__(self) -> None:
        """Nothing opened yet."""
        super().__init__()
        self.opened = 0

    def compose(self) -> ComposeResult:
        """Only the bar."""
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Close is shown but does nothing now (None: dimmed)."""
        return None if action == "close" else True

    def action_open(self) -> None:
        """Count an opening."""
        self.opened += 1


async def test_the_select_screen_shows_its_keys_then_the_palette(app: LumbarApp) -> None:
    """The select screen's bar names its keys in order and the palette's key at the right."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        assert text.startswith(" ⏎ Play  / Search  a Avoid  n New  ^q Quit  ? Help ")
        assert text.endswith("▏^p palette ") and len(text) == 80


async def test_the_bar_follows_a_change_of_bindings(app: LumbarApp) -> None:
    """In the search box Enter does not play, so the bar no longer offers it."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        assert "Play" not in bar_text(app)
        await pilot.press("escape")
        assert "⏎ Play" in bar_text(app)


async def test_a_click_on_a_key_presses_it(app: LumbarApp) -> None:
    """Clicking Avoid on the bar opens the avoid list, as pressing a does."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(column_of(app, "Avoid"), 0))
        await pilot.pause()
        assert isinstance(app.screen, AvoidList)


async def test_the_key_under_the_pointer_gives_its_tooltip() -> None:
    """Hovering a key lights it up and gives that binding's tooltip."""
    app = Shelf()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.hover(KeyBar, offset=(column_of(app, "Open"), 0))
        bar = app.screen.query_one(KeyBar)
        assert bar.hovered == 0 and bar.tooltip == "Open it"


async def test_a_key_that_does_not_work_now_is_dimmed() -> None:
    """A binding whose check_action gives None is shown dim, the others not."""
    app = Shelf()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        rendered = bar.render()
        close, open_ = rendered.plain.index("Close"), rendered.plain.index("Open")
        assert [entry.enabled for entry in bar.entries[:2]] == [True, False]
        assert rendered.get_style_at_offset(app.console, close).dim
        assert not rendered.get_style_at_offset(app.console, open_).dim


async def test_a_click_on_a_dimmed_key_rings_the_bell() -> None:
    """Clicking a key that does not work now rings the bell and runs nothing."""
    app = Shelf()
    rung: list[bool] = []
    app.bell = lambda: rung.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(column_of(app, "Close"), 0))
        await pilot.click(KeyBar, offset=(column_of(app, "Open"), 0))
        await pilot.pause()
        assert rung == [True] and app.opened == 1


async def test_keys_not_shown_stay_off_the_bar() -> None:
    """A binding with show=False is not on the bar."""
    app = Shelf()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Hidden" not in bar_text(app)


async def test_the_bar_repaints_only_when_the_keys_change() -> None:
    """Bindings that are the same as those shown do not repaint the bar."""
    app = Shelf()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        repaints: list[bool] = []

        def counted(*args: object, **kwargs: object) -> KeyBar:
            repaints.append(True)
            return bar

        bar.refresh = counted  # type: ignore[method-assign]
        app.screen.refresh_bindings()
        assert repaints == []


def test_keys_that_do_not_fit_are_left_out_whole() -> None:
    """At a narrow width the last keys go whole; the palette's key stays at the right."""
    keys = tuple(
        (Piece(f" {key} ", "key", index), Piece(f"{word} ", "description", index))
        for index, (key, word) in enumerate([("a", "Avoid"), ("n", "New"), ("q", "Quit")])
    )
    palette = (Piece("▏", "edge", 3), Piece("^p", "key", 3), Piece(" palette ", "description", 3))
    entries = (*(Entry(key, True, "") for key in "anq"), Entry("ctrl+p", True, ""))
    layout = Layout(entries, keys, palette)
    assert texts(fitted(layout, 30)) == " a Avoid  n New " + " " * 2 + "▏^p palette "
    assert texts(fitted(layout, 26)) == " a Avoid " + " " * 5 + "▏^p palette "


def test_a_key_that_fits_but_for_its_last_space_is_kept() -> None:
    """The space ending a key's description goes first, as on the Footer: ``? Help▏^p``."""
    keys = ((Piece(" ? ", "key", 0), Piece("Help ", "description", 0)),)
    palette = (Piece("▏", "edge", 1), Piece("^p", "key", 1), Piece(" palette ", "description", 1))
    layout = Layout((Entry("?", True, ""), Entry("ctrl+p", True, "")), keys, palette)
    assert texts(fitted(layout, 7 + 12)) == " ? Help▏^p palette "


def test_a_label_takes_the_place_of_a_keys_description_by_its_binding_id() -> None:
    """``Pause`` reads ``Resume`` where the labels say so; keys without a label keep theirs."""
    keys = tuple(
        (Piece(f" {key} ", "key", index), Piece(f"{word} ", "description", index))
        for index, (key, word) in enumerate([("space", "Pause"), ("n", "Next")])
    )
    entries = (Entry("space", True, "", "player.pause"), Entry("n", True, "", "player.next"))
    layout = relabelled(Layout(entries, keys), {"player.pause": "Resume"})
    assert texts(fitted(layout, 24)) == " space Resume  n Next " + " " * 2
