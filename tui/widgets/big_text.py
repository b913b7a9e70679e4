"""Text in block glyphs as large as the widget's region allows (the player's phase word).

The pixel size is chosen for a ``sample`` (the widest text the widget is sized for), so the
glyphs keep their size as the text changes. Where not even the smallest glyphs fit, the text
is written plainly, centred like the glyphs. A drawing is made once for its text and region
(:func:`drawn`), not again for each row painted. :func:`changed_regions` finds the cells two
drawings differ in, for widgets that repaint only those.
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from textual.events import Resize
from textual.geometry import Region
from textual.reactive import var
from textual.strip import Strip

from tui.widgets.big_font import FONTS, big_lines, drawable, largest_fit
from tui.widgets.tinted import Tinted, phase_classes


def changed_regions(old: tuple[str, ...], new: tuple[str, ...], width: int) -> list[Region]:
    """The spans of each row where ``new`` differs from ``old`` (rows padded to ``width``)."""
    regions = []
    width = max([width, *map(len, old), *map(len, new)])
    for y in range(max(len(old), len(new))):
        before = (old[y] if y < len(old) else "").ljust(width)
        after = (new[y] if y < len(new) else "").ljust(width)
        differ = [x for x, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        if differ:
            regions.append(Region(differ[0], y, differ[-1] - differ[0] + 1, 1))
    return regions


def pixel_for(text: str, alphabet: str, sample: str, most: int, width: int, height: int) -> int:
    """The pixel size of ``text`` in a ``width`` by ``height`` region sized for ``sample``."""
    font = FONTS[alphabet]
    fits = largest_fit(sample, font, width, height, most)
    return min(fits, largest_fit(text, font, width, height, most))


@lru_cache(maxsize=64)
def drawn(
    text: str, alphabet: str, sample: str, most: int, width: int, height: int
) -> tuple[str, ...]:
    """Every row of a ``width`` by ``height`` region with ``text`` drawn in it, centred.

    Kept: a widget asks for it once for each row it paints.
    """
    p = pixel_for(text, alphabet, sample, most, width, height)
    lines: tuple[str, ...] = (text,) if text else ()
    if drawable(text, FONTS[alphabet]) and p > 0:
        lines = big_lines(text, alphabet, p)
    line_width = max(map(len, lines), default=0)
    left, top = max(0, (width - line_width) // 2), max(0, (height - len(lines)) // 2)
    rows = [""] * top + [(" " * left + line)[:width] for line in lines]
    rows += [""] * (height - len(rows))
    return tuple(row.ljust(width) for row in rows)


class BigText(Tinted):
    """Text drawn in a block font (``digits`` or ``letters``), as large as fits, centred."""

    COMPONENT_CLASSES = phase_classes(Tinted.TINT)

    text: var[str] = var("", init=False)
    """What it shows."""

    def __init__(self, alphabet: str, sample: str, *, most: int = 8, id: str | None = None) -> None:
        """Draw in the font ``alphabet``, sized so ``sample`` fits, pixels at most ``most``."""
        super().__init__(id=id)
        self.alphabet = alphabet
        self.sample = sample
        self.most = most

    def pixel(self, text: str) -> int:
        """The pixel size ``text`` is drawn at in the region now (0: plain text).

        The sample's size, or smaller for a text wider than the sample.
        """
        size = self.content_size
        return pixel_for(text, self.alphabet, self.sample, self.most, size.width, size.height)

    def drawing(self, text: str) -> tuple[str, ...]:
        """Every row of the region as ``text`` is drawn in it, centred both ways."""
        size = self.content_size
        return drawn(text, self.alphabet, self.sample, self.most, size.width, size.height)

    def watch_text(self) -> None:
        """Draw the new text (a word changes with the step, not every second)."""
        self.refresh()

    def on_resize(self, _: Resize) -> None:
        """Another size may take another pixel size: draw everything again."""
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """One row, in one piece, in the phase's colour."""
        rows, width = self.drawing(self.text), self.content_size.width
        return Strip([Segment(rows[y] if y < len(rows) else " " * width, self.ink)], width)
