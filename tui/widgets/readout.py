"""A line of text that repaints only when what it says changes."""

from __future__ import annotations

from textual.widgets import Static


class Readout(Static):
    """Static text for a display that is refreshed often but changes seldom.

    Textual repaints a widget's whole region on every ``update``, changed or not, which costs
    bytes on a slow link; ``show`` compares first and updates only on a change.
    """

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        """Start with ``text`` (plain text: markup is not interpreted)."""
        super().__init__(text, id=id, classes=classes, markup=False)
        self.text = text

    def show(self, text: str) -> bool:
        """Show ``text`` if it differs from what is shown; True when it changed."""
        if text == self.text:
            return False
        self.text = text
        self.update(text)
        return True
