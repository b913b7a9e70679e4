"""Pain before and after each session, as two bar charts on one time axis (0 to 10)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.app import RenderResult
from textual.widget import Widget

from tui.history import PainPoint

BLOCKS = " ▁▂▃▄▅▆▇█"
"""Eighths of a cell, from empty to full."""
ROWS = 2
"""Rows per series: two rows of eighths give 16 steps, enough to tell every score apart."""
LABEL_WIDTH = 7
VALUE_WIDTH = 3


def day_text(day: date) -> str:
    """``1 Mar``: a date on the time axis."""
    return f"{day.day} {day:%b}"


def eighths(score: int | None) -> int:
    """How many eighths of the ``ROWS`` rows a score fills (a 0 still shows as a thin line)."""
    if score is None:
        return 0
    return max(1, round(score * ROWS * 8 / 10))


def bar_rows(scores: Sequence[int | None], cell: int) -> list[str]:
    """The rows of one series, top first, each score ``cell`` columns wide (bar, then gap)."""
    rows = []
    for row in range(ROWS - 1, -1, -1):
        line = []
        for score in scores:
            filled = min(8, max(0, eighths(score) - row * 8))
            line.append(BLOCKS[filled] + " " * (cell - 1))
        rows.append("".join(line))
    return rows


def visible(points: Sequence[PainPoint], width: int) -> tuple[Sequence[PainPoint], int]:
    """The latest points that fit ``width`` columns, and how wide each is (2 when they fit)."""
    cell = 2 if len(points) * 2 <= width else 1
    count = max(0, width // cell)
    return (points[-count:] if count else ()), cell


class PainChart(Widget):
    """Pain before (top) and after (bottom) each session, 0 to 10, the latest at the right."""

    COMPONENT_CLASSES = {
        "pain-chart--before",
        "pain-chart--after",
        "pain-chart--label",
    }

    def __init__(self, *, id: str | None = None) -> None:
        """Start with no scores (``show`` hands them down)."""
        super().__init__(id=id)
        self.points: tuple[PainPoint, ...] = ()

    def show(self, points: tuple[PainPoint, ...]) -> None:
        """Show these sessions' pain scores, oldest first."""
        self.points = points
        self.refresh()

    @property
    def bars_width(self) -> int:
        """The columns the bars have, between the series' names and their last scores."""
        return max(0, self.size.width - LABEL_WIDTH - VALUE_WIDTH)

    def span_text(self) -> str:
        """The dates the bars shown span, ``8 Sep to 5 Dec`` (empty before any score).

        The chart's box says it on its border, so the chart takes no row for a time axis.
        """
        shown, _ = visible(self.points, self.bars_width)
        if not shown:
            return ""
        return f"{day_text(shown[0].day)} to {day_text(shown[-1].day)}, oldest at the left"

    def render(self) -> RenderResult:
        """Two rows of bars per series, the last score at the right."""
        label = self.get_component_rich_style("pain-chart--label")
        width = self.bars_width
        shown, cell = visible(self.points, width)
        text = Text(no_wrap=True, end="")
        for name, part in (("before", "pain-chart--before"), ("after", "pain-chart--after")):
            scores = [getattr(point, name) for point in shown]
            last = next((score for score in reversed(scores) if score is not None), None)
            for number, row in enumerate(bar_rows(scores, cell)):
                text.append(f"{name if number == 0 else '':<{LABEL_WIDTH}}", label)
                text.append(row.rjust(width), self.get_component_rich_style(part))
                value = f"{last:>{VALUE_WIDTH}}" if number == ROWS - 1 and last is not None else ""
                text.append(f"{value:<{VALUE_WIDTH}}\n", label)
        text.rstrip()
        return text
