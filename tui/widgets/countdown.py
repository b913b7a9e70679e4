"""The player's big countdown and the word over it, and when the display next changes."""

from __future__ import annotations

import math

from rich.segment import Segment
from textual.events import Resize
from textual.reactive import var
from textual.strip import Strip
from textual.widget import Widget

from tui.session import Snapshot
from tui.widgets.big_font import DIGITS, big_lines, drawable, largest_fit
from tui.widgets.big_text import BigText, changed_regions
from tui.widgets.tinted import Tinted, phase_classes

SAMPLE = "0:00"
"""The widest countdown the digits are sized for (a longer one is drawn smaller)."""
LONGEST_WORD = "SWITCH SIDE"
"""The longest phase word, which the letters are sized for."""


def clock_text(seconds: float) -> str:
    """Whole seconds left, rounded up, as ``45`` or ``2:05`` (what a countdown shows)."""
    whole = max(0, math.ceil(seconds))
    if whole < 60:
        return str(whole)
    minutes, rest = divmod(whole, 60)
    return f"{minutes}:{rest:02d}"


def next_wake(
    snapshot: Snapshot, *, running: bool, lapses_at: float | None, now: float
) -> float | None:
    """Seconds until the display can next change: the countdown's next whole second.

    A second when nothing counts down (paused, a counted rep), sooner if a question lapses
    first, and None when the session is over and nothing is waiting.
    """
    if not running and lapses_at is None:
        return None
    delay = 1.0
    if running and snapshot.remaining is not None and not snapshot.paused:
        delay = (snapshot.remaining - math.floor(snapshot.remaining)) or 1.0
    if lapses_at is not None:
        delay = min(delay, max(0.0, lapses_at - now))
    return delay


class DigitCell(Widget):
    """One character of the countdown in block digits, repainting only its rows that change.

    A cell of its own per character because Textual sends a changed row of a widget from the
    widget's left edge: in one wide widget, each second would send the tens digit again.
    """

    char: var[str] = var(" ", init=False)
    """The character shown."""

    def __init__(self, char: str, pixel: int, tinted: Tinted) -> None:
        """Show ``char`` at pixel size ``pixel`` (0: the text as it is, on one line).

        Drawn in the colour of ``tinted`` (the countdown it belongs to).
        """
        super().__init__()
        self.pixel = pixel
        self.tinted = tinted
        self.set_reactive(DigitCell.char, char)

    def rows(self, char: str) -> tuple[str, ...]:
        """The rows ``char`` is drawn as."""
        return big_lines(char, "digits", self.pixel) if self.pixel else (char,)

    def watch_char(self, old: str, new: str) -> None:
        """Repaint the rows (and the part of each) that differ."""
        regions = changed_regions(self.rows(old), self.rows(new), self.content_size.width)
        if regions:
            self.refresh(*regions)

    def render_line(self, y: int) -> Strip:
        """One row of the glyph, in the countdown's colour."""
        rows, width = self.rows(self.char), self.content_size.width
        row = rows[y] if y < len(rows) else ""
        return Strip([Segment(row.ljust(width), self.tinted.ink)], width)


class Countdown(Tinted):
    """The seconds left (or the rep to count) in block digits: seven rows at 80x24, more on more.

    Sized so ``0:00`` fits its region (shorter times keep that size), centred; a cell per
    character, so a new second repaints only the digits that changed.
    """

    COMPONENT_CLASSES = phase_classes(Tinted.TINT)

    text: var[str] = var("", init=False)
    """What it shows: ``45``, ``2:05``, the rep to count, or nothing."""

    def __init__(self, *, id: str | None = None) -> None:
        """Empty until given a text."""
        super().__init__(id=id)
        self._shape: tuple[int, tuple[int, ...]] = (0, ())  # the pixel size, each cell's width
        self._cells: list[DigitCell] = []

    def pixel(self, text: str) -> int:
        """The pixel size ``text`` is drawn at in the region now (0: plain text)."""
        size = self.content_size
        if not drawable(text, DIGITS):
            return 0
        fits = largest_fit(SAMPLE, DIGITS, size.width, size.height)
        return min(fits, largest_fit(text, DIGITS, size.width, size.height))

    def shape(self, text: str) -> tuple[int, tuple[int, ...]]:
        """The pixel size and the width of each cell that ``text`` takes."""
        p = self.pixel(text)
        if p == 0:
            return 0, (len(text),) if text else ()
        return p, tuple(len(DIGITS[char][0]) * p for char in text)

    def watch_text(self, text: str) -> None:
        """Show the new text (Textual calls this only when it changed)."""
        self.show(text)

    def watch_phase(self) -> None:
        """Draw the digits again in the new phase's colour (the space around them has none)."""
        for cell in self._cells:
            cell.refresh()

    def show(self, text: str) -> None:
        """Change the characters of the cells; lay them out again only if their shape changed."""
        shape = self.shape(text)
        if shape == self._shape:
            chars = list(text) if shape[0] else [text][: len(shape[1])]
            for cell, char in zip(self._cells, chars, strict=True):
                cell.char = char
            return
        self._lay_out(text, shape)

    def on_resize(self, _: Resize) -> None:
        """Another size may take another pixel size."""
        shape = self.shape(self.text)
        if shape != self._shape:
            self._lay_out(self.text, shape)

    def _lay_out(self, text: str, shape: tuple[int, tuple[int, ...]]) -> None:
        """Put in a cell per character (one for plain text), sized and spaced by the pixel."""
        self._shape = shape
        p, widths = shape
        chars = list(text) if p else [text] * len(widths)
        rows = (len(DIGITS["0"]) * p + 1) // 2 if p else 1
        cells = []
        for number, (char, width) in enumerate(zip(chars, widths, strict=True)):
            cell = DigitCell(char, p, self)
            # Sizes follow the pixel size, worked out here: no stylesheet can know them.
            cell.styles.width = width
            cell.styles.height = rows
            cell.styles.margin = (0, 0, 0, p if number else 0)
            cells.append(cell)
        self._cells = cells
        with self.app.batch_update():
            self.remove_children()
            self.mount(*cells)


class PhaseWord(BigText):
    """The phase (HOLD, REST, SWITCH SIDE...) in block letters, one word to read from afar."""

    def __init__(self, *, id: str | None = None) -> None:
        """Sized so the longest phase word fits; never taller than ten pixels."""
        super().__init__("letters", LONGEST_WORD, most=2, id=id)
