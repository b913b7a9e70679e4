"""Block letters and digits for text that can be read from across the room.

Each glyph is a small bitmap (``#`` on, ``.`` off). :func:`big_lines` draws a text at a pixel
size ``p``: every pixel takes ``p`` columns and ``p`` half-rows, and two half-rows share one
terminal row through the half-block characters (``▀ ▄ █``), so pixels are square on a terminal
whose cells are about twice as tall as wide. Only block characters are drawn, never colour
alone, so the text survives ``NO_COLOR`` and a 16-colour terminal.
"""

from __future__ import annotations

from functools import lru_cache

Glyph = tuple[str, ...]

DIGITS: dict[str, Glyph] = {
    "0": (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    "1": ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    "2": (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    "3": ("####.", "....#", "....#", ".###.", "....#", "....#", "####."),
    "4": ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    "5": ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    "6": ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    "7": ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    "8": (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    "9": (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
    ":": (".", ".", "#", ".", "#", ".", "."),
    " ": ("...",) * 7,
}
"""Seven pixels tall: the countdown's digits."""

LETTERS: dict[str, Glyph] = {
    "A": (".###.", "#...#", "#####", "#...#", "#...#"),
    "B": ("####.", "#...#", "####.", "#...#", "####."),
    "C": (".####", "#....", "#....", "#....", ".####"),
    "D": ("####.", "#...#", "#...#", "#...#", "####."),
    "E": ("#####", "#....", "####.", "#....", "#####"),
    "F": ("#####", "#....", "####.", "#....", "#...."),
    "G": (".####", "#....", "#..##", "#...#", ".###."),
    "H": ("#...#", "#...#", "#####", "#...#", "#...#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "J": ("..###", "...#.", "...#.", "#..#.", ".##.."),
    "K": ("#...#", "#..#.", "###..", "#..#.", "#...#"),
    "L": ("#....", "#....", "#....", "#....", "#####"),
    "M": ("#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("#...#", "##..#", "#.#.#", "#..##", "#...#"),
    "O": (".###.", "#...#", "#...#", "#...#", ".###."),
    "P": ("####.", "#...#", "####.", "#....", "#...."),
    "Q": (".###.", "#...#", "#.#.#", "#..#.", ".##.#"),
    "R": ("####.", "#...#", "####.", "#..#.", "#...#"),
    "S": (".####", "#....", ".###.", "....#", "####."),
    "T": ("#####", "..#..", "..#..", "..#..", "..#.."),
    "U": ("#...#", "#...#", "#...#", "#...#", ".###."),
    "V": ("#...#", "#...#", "#...#", ".#.#.", "..#.."),
    "W": ("#...#", "#...#", "#.#.#", "##.##", "#...#"),
    "X": ("#...#", ".#.#.", "..#..", ".#.#.", "#...#"),
    "Y": ("#...#", ".#.#.", "..#..", "..#..", "..#.."),
    "Z": ("#####", "...#.", "..#..", ".#...", "#####"),
    "?": (".###.", "#...#", "..##.", ".....", "..#.."),
    ":": (".", "#", ".", "#", "."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..",) * 5,
}
"""Five pixels tall: the word over the countdown (HOLD, REST, SWITCH SIDE...)."""

HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
"""A terminal cell from its upper and lower half-pixel."""


def font_height(font: dict[str, Glyph]) -> int:
    """How many pixels tall the glyphs of ``font`` are."""
    return len(next(iter(font.values())))


def drawable(text: str, font: dict[str, Glyph]) -> bool:
    """True when every character of ``text`` has a glyph in ``font``."""
    return bool(text) and all(char in font for char in text)


def pixel_width(text: str, font: dict[str, Glyph]) -> int:
    """How many pixels wide ``text`` is drawn: its glyphs with one pixel between them."""
    return sum(len(font[char][0]) for char in text) + max(0, len(text) - 1)


def size_at(text: str, font: dict[str, Glyph], p: int) -> tuple[int, int]:
    """The columns and rows ``text`` takes at pixel size ``p``."""
    return pixel_width(text, font) * p, (font_height(font) * p + 1) // 2


def largest_fit(text: str, font: dict[str, Glyph], width: int, height: int, most: int = 8) -> int:
    """The largest pixel size (up to ``most``) at which ``text`` fits; 0 when none does."""
    for p in range(most, 0, -1):
        columns, rows = size_at(text, font, p)
        if columns <= width and rows <= height:
            return p
    return 0


@lru_cache(maxsize=256)
def _pixels(text: str, alphabet: str) -> tuple[tuple[bool, ...], ...]:
    """The text's bitmap, row by row (``alphabet`` names the font, for the cache)."""
    font = FONTS[alphabet]
    rows: list[list[bool]] = [[] for _ in range(font_height(font))]
    for number, char in enumerate(text):
        for row, line in zip(rows, font[char], strict=True):
            if number:
                row.append(False)
            row.extend(pixel == "#" for pixel in line)
    return tuple(tuple(row) for row in rows)


@lru_cache(maxsize=256)
def big_lines(text: str, alphabet: str, p: int) -> tuple[str, ...]:
    """``text`` drawn in the font named ``alphabet`` ("digits" or "letters") at pixel size ``p``.

    Every line has the same width; characters the font lacks raise KeyError (see ``drawable``).
    """
    half_rows = [
        tuple(pixel for pixel in row for _ in range(p))
        for row in _pixels(text, alphabet)
        for _ in range(p)
    ]
    if len(half_rows) % 2:
        half_rows.append((False,) * len(half_rows[0]))
    return tuple(
        "".join(HALF_BLOCKS[pair] for pair in zip(upper, lower, strict=True))
        for upper, lower in zip(half_rows[::2], half_rows[1::2], strict=True)
    )


FONTS: dict[str, dict[str, Glyph]] = {"digits": DIGITS, "letters": LETTERS}
"""The fonts by name."""
