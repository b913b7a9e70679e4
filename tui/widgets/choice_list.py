"""A list of options whose cursor move repaints only the line it leaves and the line it lands on.

Textual's OptionList repaints the whole list when the highlight moves: at 80x24 that is some
eighteen lines drawn and sent for a change of two (issue 14: a cursor move in the select list
within one frame, and few bytes over SSH).
"""

from __future__ import annotations

from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import OptionList


class ChoiceList(OptionList):
    """An OptionList of one-line options (its styles must not wrap them: ``text-wrap: nowrap``).

    A move of the cursor repaints the two lines that change; a move that scrolls the list
    repaints it all, as Textual does on any scroll.
    """

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The index of the option under the cursor, if any (repainted line by line)."""

    _painted: int | None = None
    """The option last drawn with the cursor on it."""

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Scroll to the new option and tell the screen (as OptionList does), then repaint."""
        super().watch_highlighted(highlighted)
        for index in (self._painted, highlighted):
            if index is not None:
                self.refresh(Region(0, index - self.scroll_offset.y, self.size.width, 1))
        self._painted = highlighted
