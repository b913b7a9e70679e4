"""The select screen's detail pane: a fixed size that scrolls itself, drawn as the cursor moves."""

from __future__ import annotations

import re
from datetime import date

import pytest
from textual.content import Content
from textual.widgets import OptionList

from tests.helpers import MakeApp
from tui.app import LumbarApp
from tui.catalogue import Description
from tui.model import Catalogue
from tui.screens.select_detail import Described
from tui.widgets import description
from tui.widgets.description import DescriptionView, lines_at_least


def detail(app: LumbarApp) -> DescriptionView:
    """The detail pane of the select screen."""
    return app.screen.query_one("#detail", DescriptionView)


async def test_a_cursor_move_changes_what_the_detail_shows_not_where_it_is(
    app: LumbarApp,
) -> None:
    """The pane keeps its region while its description changes."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        region, before = detail(app).region, detail(app).text
        await pilot.press("down")
        assert detail(app).text != before
        assert detail(app).region == region


async def test_a_cursor_move_shows_the_new_detail_from_its_top(app: LumbarApp) -> None:
    """A detail scrolled down is shown from its first line after the cursor moves."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        detail(app).scroll_to(y=5, animate=False, immediate=True)
        assert detail(app).scroll_y == 5
        await pilot.press("down")
        assert detail(app).scroll_y == 0


async def test_the_scrollbar_is_as_long_as_the_description_shown(app: LumbarApp) -> None:
    """After moves down and back, the pane scrolls over exactly the lines of its description."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("down", "down", "up"):
            await pilot.press(key)
            lines = len(detail(app).text.splitlines())
            assert detail(app).virtual_size.height == lines
            assert detail(app).vertical_scrollbar.window_virtual_size == lines


async def test_a_short_detail_has_no_scrollbar_and_a_long_one_fits_beside_it(
    app: LumbarApp,
) -> None:
    """ "Nothing matches" shows without a scrollbar; a long routine wraps beside its scrollbar."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"zzz")
        assert "Nothing matches" in detail(app).text
        assert not detail(app).show_vertical_scrollbar
        await pilot.press("escape")
        assert detail(app).show_vertical_scrollbar
        width = detail(app).scrollable_content_region.width
        assert all(len(line) <= width for line in detail(app).text.splitlines())


async def test_the_end_of_a_long_detail_can_be_scrolled_to(app: LumbarApp) -> None:
    """Scrolled to its end, the pane's last row is the description's last line."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = detail(app)
        pane.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        last = pane.render_line(pane.scrollable_content_region.height - 1).text.rstrip()
        assert last == pane.text.splitlines()[-1].rstrip()
        assert app.screen.query_one("#choices", OptionList).has_focus


async def test_the_list_after_cursor_moves_is_drawn_as_a_fresh_paint_would_draw_it(
    app: LumbarApp,
) -> None:
    """Only the lines the cursor leaves and lands on repaint, and nothing stale is left.

    The moves go past the bottom of the list (it scrolls) and back up.
    """
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*["down"] * 24, "up", "up")
        assert app.screen.query_one("#choices", OptionList).scroll_y > 0
        moved = screen_text(app)
        app.screen.query_one("#choices", OptionList).refresh()
        await pilot.pause()
        assert screen_text(app) == moved


def screen_text(app: LumbarApp) -> str:
    """The screen as an SVG, without the ids that differ from one export to the next."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


async def test_a_new_theme_redraws_the_detail_in_its_colours(make: MakeApp) -> None:
    """Its kept lines are the theme's: as drawn by a lumbar started in that theme."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")
        app.theme = "ansi-dark"  # kept in the store: the next lumbar starts in it
        await pilot.pause()
        changed = screen_text(app)
    started = make()
    async with started.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")
        assert started.theme == "ansi-dark"
        assert screen_text(started) == changed


async def test_a_wider_terminal_wraps_the_detail_wider(app: LumbarApp) -> None:
    """Resized, the pane lays its description out again for the room it has."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        narrow = len(detail(app).text.splitlines())
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        width = detail(app).scrollable_content_region.width
        lines = detail(app).text.splitlines()
        assert len(lines) < narrow
        assert max(len(line) for line in lines) > 44 and all(len(n) <= width for n in lines)


async def test_the_first_detail_is_laid_out_only_at_the_panes_width(
    app: LumbarApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before its first resize the pane is drawn at the width it will have, never at none."""
    widths: list[int] = []
    laid_out = description.layout

    def layout(shown: Description, width: int) -> tuple[Content, ...]:
        widths.append(width)
        return laid_out(shown, width)

    monkeypatch.setattr(description, "layout", layout)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        width = detail(app).scrollable_content_region.width
        assert widths and set(widths) <= {width, width + detail(app).styles.scrollbar_size_vertical}


def test_a_pane_not_laid_out_yet_counts_the_lines_it_will_at_least_need(
    catalogue: Catalogue,
) -> None:
    """So that its first layout gives a long description its scrollbar (one layout, not two)."""
    pane = DescriptionView()
    shown = Described(catalogue, {}, date.today)(catalogue.routines["spinenation"])
    pane.show(shown)
    assert pane.virtual_size.height == lines_at_least(shown) > 16
