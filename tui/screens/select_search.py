"""The select screen's search box: an Input that remembers when it was last pasted into."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events
from textual.widgets import Input

PASTE_SETTLE = 1.0
"""Seconds after a paste in which Enter does not leave the search box (lumbar's own figure).

A paste holding the terminal's own end-of-paste sequence arrives partly as keys: its newline
would move to the list, where letters are commands (the rest ended on the avoid list)."""


class SearchBox(Input):
    """The search box: an Input that remembers when it was last pasted into."""

    def __init__(self, *, placeholder: str, id: str) -> None:
        """An empty box; the app's clock (a fake one in tests) times its pastes."""
        super().__init__(placeholder=placeholder, id=id)
        self.pasted_at: float | None = None

    def clock(self) -> float:
        """The app's monotonic clock."""
        clock: Callable[[], float] = getattr(self.app, "clock", time.monotonic)
        return clock()

    def on_paste(self, event: events.Paste) -> None:
        """Note the moment (the Input puts the text in)."""
        self.pasted_at = self.clock()
