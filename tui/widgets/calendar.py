"""A training calendar: one cell a day, weeks as columns from Monday, shaded by minutes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.app import RenderResult
from textual.widget import Widget

from tui.history import SHADE_MINUTES, CalendarDay

GLYPHS = "·░▒▓█"
"""A day's glyph by its shade (no exercise, then more and more minutes): readable in any colour."""
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
LABEL_WIDTH = 4
CELL_WIDTH = 2


def legend() -> list[tuple[str, str]]:
    """Each glyph with the minutes it stands for: ``·`` 0, ``░`` <10 ... ``█`` 30+ min."""
    words = ["0", *(f"<{minutes}" for minutes in SHADE_MINUTES), f"{SHADE_MINUTES[-1]}+ min"]
    return list(zip(GLYPHS, words, strict=True))


def month_labels(weeks: Sequence[Sequence[CalendarDay]]) -> str:
    """The month names above the columns, each over the week its first day falls in."""
    found: list[tuple[int, str]] = []
    for index, week in enumerate(weeks):
        first = next((cell.day for cell in week if cell.day.day == 1), None)
        if first is not None:
            found.append((index, f"{first:%b}"))
    if weeks and (not found or found[0][0] >= 2):
        found.insert(0, (0, f"{weeks[0][0].day:%b}"))
    width = calendar_width(len(weeks))
    line = ""
    for index, name in found:
        at = LABEL_WIDTH + index * CELL_WIDTH
        if at >= len(line) + (1 if line.strip() else 0) and at + len(name) <= width:
            line = line.ljust(at) + name
    return line


def calendar_width(weeks: int) -> int:
    """Columns the calendar takes for ``weeks`` weeks: labels, cells, and room for a month name."""
    return LABEL_WIDTH + weeks * CELL_WIDTH + 1


class TrainingCalendar(Widget):
    """The last weeks as a grid like a contribution calendar: darker is more minutes."""

    COMPONENT_CLASSES = {
        "calendar--shade",
        "calendar--none",
        "calendar--today",
        "calendar--label",
    }

    def __init__(self, *, id: str | None = None) -> None:
        """Start with no weeks (``show`` hands them down)."""
        super().__init__(id=id)
        self.weeks: tuple[tuple[CalendarDay, ...], ...] = ()
        self.today: date | None = None

    def show(self, weeks: tuple[tuple[CalendarDay, ...], ...], today: date) -> None:
        """Show these weeks (oldest first, each Monday to Sunday), marking ``today``."""
        self.weeks, self.today = weeks, today
        self.refresh()

    def render(self) -> RenderResult:
        """The month names, a row per weekday, and the legend."""
        label = self.get_component_rich_style("calendar--label")
        shaded = self.get_component_rich_style("calendar--shade")
        none = self.get_component_rich_style("calendar--none")
        today = self.get_component_rich_style("calendar--today")
        text = Text(month_labels(self.weeks) + "\n", style=label, no_wrap=True, end="")
        for weekday, name in enumerate(DAY_NAMES):
            text.append(f"{name:<{LABEL_WIDTH}}", label)
            for week in self.weeks:
                cell = week[weekday]
                if cell.future:
                    text.append(" " * CELL_WIDTH)
                    continue
                style = today if cell.day == self.today else shaded if cell.shade else none
                text.append(GLYPHS[cell.shade], style)
                text.append(" " * (CELL_WIDTH - 1))
            text.append("\n")
        for glyph, words in legend():
            text.append(glyph, shaded if glyph != GLYPHS[0] else none)
            text.append(f"{words} ", label)
        text.rstrip()
        return text
