"""A one-line bar of how far through the session the user is, repainted only when it moves."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.widget import Widget


class SessionBar(Widget):
    """Seconds done out of the session's planned seconds, as a bar the width of the widget.

    Textual's ProgressBar keeps a one-second timer of its own for its time estimate, which
    repaints whether or not anything moved; this bar repaints only when ``show`` changes it.
    """

    COMPONENT_CLASSES = {"session-bar--done", "session-bar--to-do"}

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty."""
        super().__init__(id=id)
        self.done = 0
        self.total = 0

    def show(self, done: int, total: int) -> bool:
        """Show ``done`` seconds out of ``total``; True when the bar drawn changed.

        The bar is repainted only when a cell more (or less) of it is filled, not every second.
        """
        if (done, total) == (self.done, self.total):
            return False
        before = self.filled(self.size.width)
        self.done, self.total = done, total
        if self.filled(self.size.width) == before:
            return False
        self.refresh()
        return True

    def filled(self, width: int) -> int:
        """How many of ``width`` cells are filled."""
        return round(width * self.fraction)

    @property
    def fraction(self) -> float:
        """How far through, from 0 to 1."""
        return min(1.0, self.done / self.total) if self.total else 0.0

    def render(self) -> RenderResult:
        """Heavy line for what is done, light line for what is still to do."""
        width = self.size.width
        filled = self.filled(width)
        return Text.assemble(
            ("━" * filled, self.get_component_rich_style("session-bar--done")),
            ("─" * (width - filled), self.get_component_rich_style("session-bar--to-do")),
        )
