"""Text in block glyphs as large as the widget's region allows, repainting only changed cells.

The pixel size is chosen for a ``sample`` (the widest text the widget is sized for, such as
``0:00``), so the digits keep their size as a countdown runs. When the text changes, only the
cells that differ are repainted (``refresh`` with regions): as ``45`` becomes ``44`` the
tens digit is not sent again, which keeps a large countdown cheap on a slow link. Where not
even the smallest glyphs fit, the text is written plainly on the first line.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.events import Resize
from textual.geometry import Region
from textual.reactive import var
from textual.strip import Strip

from tui.widgets.big_font import FONTS, big_lines, drawable, largest_fit, size_at
from tui.widgets.tinted import Tinted


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


class BigText(Tinted):
    """Text drawn in a block font (``digits`` or ``letters``), as large as fits."""

    text: var[str] = var("", init=False)
    """What it shows."""

    def __init__(self, alphabet: str, sample: str, *, most: int = 8, id: str | None = None) -> None:
        """Draw in the font ``alphabet``, sized so ``sample`` fits, pixels at most ``most``."""
        super().__init__(id=id)
        self.alphabet = alphabet
        self.sample = sample
        self.most = most

    @property
    def pixel(self) -> int:
        """The pixel size the sample fits at in the region now (0: plain text)."""
        font = FONTS[self.alphabet]
        size = self.content_size
        return largest_fit(self.sample, font, size.width, size.height, self.most)

    def lines(self, text: str | None = None) -> tuple[str, ...]:
        """The rows ``text`` (else the text shown) is drawn as in the region now."""
        text = self.text if text is None else text
        font = FONTS[self.alphabet]
        if not drawable(text, font):
            return (text,) if text else ()
        size = self.content_size
        p = min(self.pixel, largest_fit(text, font, size.width, size.height, self.most))
        if p == 0:
            return (text,)
        columns, _ = size_at(text, font, p)
        return big_lines(text, self.alphabet, p) if columns else ()

    def placed(self, text: str) -> tuple[str, ...]:
        """Every row of the region as ``text`` is drawn in it, centred both ways."""
        lines, size = self.lines(text), self.content_size
        top = max(0, (size.height - len(lines)) // 2)
        rows = [""] * top + [line[: size.width].center(size.width) for line in lines]
        return tuple(rows + [""] * (size.height - len(rows)))

    def watch_text(self, old: str, new: str) -> None:
        """Repaint only the cells that differ between the old text and the new."""
        regions = changed_regions(self.placed(old), self.placed(new), self.content_size.width)
        if regions:
            self.refresh(*regions)

    def on_resize(self, _: Resize) -> None:
        """Another size may take another pixel size: draw everything again."""
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """One row of the glyphs, centred in the region."""
        rows, width = self.placed(self.text), self.content_size.width
        text = rows[y] if y < len(rows) else ""
        return Strip([Segment(text.ljust(width), self.rich_style)], width)
