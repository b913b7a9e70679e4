"""Every screen at 80x24, with the demo history, shows its words and boxes whole.

Text that does not fit must wrap inside its box or end in an ellipsis. The screens are driven as
the screenshot script drives them (``tests/screenshots.py``), then read row by row: a word that
runs into a box's border, or off the screen's right edge, was cut; so was a box whose bottom
border never shows.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.screenshots import FIRST_RUN, SHOTS, SIZES
from tui.app import make_app
from tui.catalogue.load import load_catalogue
from tui.model.records import SafetyCheck
from tui.store.store import Store

SIZE = (80, 24)
BORDERS = "│▎▊┃╮╯┤▕▐▌"
"""The right-hand sides of boxes (and scrollbars) a word could run into."""
CUT = re.compile(rf"[A-Za-z]{{2}}[{BORDERS}]")
"""Two letters running straight into a border: the box cropped a word (boxes have padding)."""


def rows(svg: str) -> list[str]:
    """The screen's rows as text, from a screenshot's SVG: each run put at its column.

    The export leaves out runs of plain spaces, so a run's column comes from its x and the
    width of a cell (a run's textLength over its characters).
    """
    grid = [[" "] * SIZE[0] for _ in range(SIZE[1])]
    pattern = (
        r'<text [^>]*x="([\d.]+)"[^>]*textLength="([\d.]+)"[^>]*'
        r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>'
    )
    found = re.findall(pattern, svg)
    cell = min(float(length) / len(html.unescape(text)) for _, length, _, text in found if text)
    for x, _, line, text in found:
        column = round(float(x) / cell)
        for offset, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            if int(line) < SIZE[1] and column + offset < SIZE[0]:
                grid[int(line)][column + offset] = char
    return ["".join(row) for row in grid]


def closes_a_box(line: str, column: int) -> bool:
    """True when the border at ``column`` ends a box (what is left of it is inside the box).

    A dialog over a screen opens with a border right after the screen's own text, then its
    padding and, further right, its other side: that border opens a box and cuts nothing.
    """
    rest = line[column + 1 :]
    return not rest or rest[0] in BORDERS or not any(char in BORDERS for char in rest)


def cut_words(lines: list[str]) -> list[str]:
    """The rows (the footer aside: its last key sits at the edge) where a word is cut."""
    found = []
    for number, line in enumerate(lines[:-1]):
        edge = line[SIZE[0] - 2 : SIZE[0]].isalpha()
        into = any(closes_a_box(line, cut.end() - 1) for cut in CUT.finditer(line))
        if into or edge:
            found.append(f"row {number}: {line!r}")
    return found


def open_boxes(lines: list[str]) -> list[str]:
    """The boxes whose top corner shows but whose bottom never does: cut off below."""
    found = []
    for number, line in enumerate(lines):
        for column, char in enumerate(line):
            below = (row[column] for row in lines[number + 1 : -1] if column < len(row))
            if char == "╭" and "╰" not in below:
                found.append(f"row {number}, column {column}: {line.strip()!r}")
    return found


@pytest.mark.parametrize("name", [name for name in SHOTS if name not in SIZES])
async def test_no_word_is_cut_at_80x24(name: str, tmp_path: Path) -> None:
    """Each screen of the screenshot script, at 80x24: every word whole or ended with …."""
    store = Store.open(tmp_path / "lumbar.json")
    if name not in FIRST_RUN:
        store.save_safety(SafetyCheck(answered_at=datetime.now(UTC), any_yes=False))
    app = make_app(load_catalogue().catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        await SHOTS[name](pilot)
        lines = rows(app.export_screenshot())
    assert cut_words(lines) == []
    assert open_boxes(lines) == []


def test_a_word_cut_by_its_box_or_the_edge_is_found() -> None:
    """The check itself: a cropped name and text off the edge are caught, an ellipsis is not."""
    pad = " " * 40
    assert cut_words([f"│ Essential Guide: 9 ex│{pad}", "footer"])
    assert cut_words([f"{pad}{'stop if it hur':>40}", "footer"])
    assert not cut_words([f"│ Essential Guide: 9 e…│{pad}", "footer"])
    assert not cut_words([f"│ has╭─ Pain check ─╮   │ text │{pad}", "footer"])
    assert not cut_words([f"  lumbar — stop if it hurts  {pad}", "footer"])
    assert open_boxes(["╭─ Pain ─╮", "│ 6 → 2  │", "footer"])
    assert not open_boxes(["╭─ Pain ─╮", "╰────────╯", "footer"])


async def test_a_settings_refusal_fits_at_80x24(tmp_path: Path) -> None:
    """A number out of range: the refusal wraps inside the screen, cut nowhere."""
    store = Store.open(tmp_path / "lumbar.json")
    store.save_safety(SafetyCheck(answered_at=datetime.now(UTC), any_yes=False))
    app = make_app(load_catalogue().catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        await SHOTS["settings"](pilot)
        app.screen.query_one("#get-ready").focus()
        await pilot.press("backspace", "backspace", "7", "5", "enter")
        await pilot.pause()
        lines = rows(app.export_screenshot())
    assert any("out of range" in line for line in lines)
    assert cut_words(lines) == [] and open_boxes(lines) == []
