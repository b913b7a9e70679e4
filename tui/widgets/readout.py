"""A line of text that repaints only when what it says changes, and lays out only when it must."""

from __future__ import annotations

from rich.cells import cell_len
from textual.reactive import var
from textual.widgets import Static


def shape(text: str) -> tuple[int, int]:
    """How many lines ``text`` has and how many cells its widest line takes."""
    lines = text.split("\n")
    return len(lines), max(cell_len(line) for line in lines)


class Readout(Static):
    """Static text for a display that is refreshed often but changes seldom.

    Its ``text`` is reactive, so a parent binds it (``data_bind``) or sets it, and Textual
    skips a value equal to the one shown. And a ``Static.update`` lays the whole screen out
    again, which repaints all of it: the watcher asks for a layout only when the new text may
    take another size.
    """

    text: var[str] = var("", init=False)
    """What it says (plain text: markup is not interpreted)."""

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        """Start with ``text`` (plain text: markup is not interpreted)."""
        super().__init__(text, id=id, classes=classes, markup=False)
        self.set_reactive(Readout.text, text)

    def watch_text(self, old: str, new: str) -> None:
        """Show the new text, laying out again only if it may take another size."""
        lines, width = shape(new)
        # Same lines, same widest line, and no wrapping (it fits): the size cannot change.
        same_size = (lines, width) == shape(old) and width <= self.content_size.width
        self.update(new, layout=not same_size)
