"""A line of text that repaints only when what it says changes, and lays out only when it must."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static


def shape(text: str) -> tuple[int, int]:
    """How many lines ``text`` has and how many cells its widest line takes."""
    lines = text.split("\n")
    return len(lines), max(cell_len(line) for line in lines)


class Readout(Static):
    """Static text for a display that is refreshed often but changes seldom.

    Textual repaints a widget's whole region on every ``update``, changed or not, which costs
    bytes on a slow link; ``show`` compares first and updates only on a change. And a
    ``Static.update`` lays the whole screen out again, which repaints all of it: ``show``
    asks for a layout only when the new text may take another size.
    """

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        """Start with ``text`` (plain text: markup is not interpreted)."""
        super().__init__(text, id=id, classes=classes, markup=False)
        self.text = text

    def show(self, text: str) -> bool:
        """Show ``text`` if it differs from what is shown; True when it changed."""
        if text == self.text:
            return False
        lines, width = shape(text)
        # Same lines, same widest line, and no wrapping (it fits): the size cannot change.
        same_size = (lines, width) == shape(self.text) and width <= self.content_size.width
        self.text = text
        self.update(text, layout=not same_size)
        return True
