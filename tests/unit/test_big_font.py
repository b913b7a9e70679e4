"""Block glyphs: every glyph drawable, sizes as promised, and only changed cells repainted."""

from __future__ import annotations

import pytest

from tui.widgets.big_font import (
    DIGITS,
    LETTERS,
    big_lines,
    drawable,
    font_height,
    largest_fit,
    size_at,
)
from tui.widgets.big_text import changed_regions, drawn


@pytest.mark.parametrize("font", [DIGITS, LETTERS])
def test_every_glyph_of_a_font_is_a_rectangle_of_its_height(
    font: dict[str, tuple[str, ...]],
) -> None:
    """Each glyph has the font's height, rows of one width, and only on and off pixels."""
    for char, glyph in font.items():
        assert len(glyph) == font_height(font), char
        assert len({len(row) for row in glyph}) == 1, char
        assert set("".join(glyph)) <= {"#", "."}, char


@pytest.mark.parametrize(
    ("text", "alphabet", "p"),
    [("2:05", "digits", 2), ("SWITCH SIDE", "letters", 1), ("45", "digits", 3)],
)
def test_drawn_text_takes_the_size_size_at_promises(text: str, alphabet: str, p: int) -> None:
    """The lines drawn are as wide and as many as ``size_at`` says."""
    font = DIGITS if alphabet == "digits" else LETTERS
    columns, rows = size_at(text, font, p)
    lines = big_lines(text, alphabet, p)
    assert len(lines) == rows
    assert {len(line) for line in lines} == {columns}


def test_the_countdown_is_seven_rows_tall_at_80x24() -> None:
    """The room the player gives the digits at 80x24 (50 by 7) takes two-column pixels."""
    assert largest_fit("0:00", DIGITS, 50, 7) == 2
    assert size_at("0:00", DIGITS, 2)[1] == 7


def test_nothing_fits_in_too_little_room() -> None:
    """Too narrow or too low for even the smallest glyphs: 0 (the text goes plain)."""
    assert largest_fit("0:00", DIGITS, 10, 7) == 0
    assert largest_fit("HOLD", LETTERS, 40, 2) == 0


def test_only_text_with_a_glyph_for_every_character_is_drawable() -> None:
    """Lower case is not in the letters; an empty text is not drawn."""
    assert drawable("GET READY", LETTERS) and drawable("1:05", DIGITS)
    assert not drawable("Hold", LETTERS) and not drawable("", DIGITS)


def test_a_new_digit_repaints_only_the_rows_and_cells_that_differ() -> None:
    """5 becoming 4 repaints the rows that differ, each from its first to its last change."""
    old, new = big_lines("5", "digits", 2), big_lines("4", "digits", 2)
    regions = changed_regions(old, new, 10)
    assert {region.y for region in regions} == {
        y for y, (a, b) in enumerate(zip(old, new, strict=True)) if a != b
    }
    for region in regions:
        row_old, row_new = old[region.y], new[region.y]
        assert row_old[: region.x] == row_new[: region.x]
        assert row_old[region.right :] == row_new[region.right :]
    assert changed_regions(old, old, 10) == []


def test_a_drawn_word_fills_its_region_centred_both_ways() -> None:
    """HOLD in a 76 by 9 region: nine rows of 76 cells, the glyphs in the middle."""
    rows = drawn("HOLD", "letters", "SWITCH SIDE", 2, 76, 9)
    assert len(rows) == 9 and all(len(row) == 76 for row in rows)
    inked = [n for n, row in enumerate(rows) if row.strip()]
    assert inked and inked[0] in (8 - inked[-1], 8 - inked[-1] + 1)
    left = min(len(row) - len(row.lstrip()) for row in rows if row.strip())
    right = min(len(row) - len(row.rstrip()) for row in rows if row.strip())
    assert abs(left - right) <= 1


def test_a_word_without_glyphs_is_written_plainly_in_the_middle() -> None:
    """Text the font cannot draw is shown as it is, on the middle row, centred."""
    rows = drawn("START: ENTER?", "letters", "SWITCH SIDE", 2, 40, 3)
    assert [row.strip() for row in rows] == ["", "START: ENTER?", ""]
    assert rows[1].index("S") == (40 - len("START: ENTER?")) // 2
