"""The "make the terminal larger" note that covers the screens while the terminal is too small.

:func:`cover_when_too_small` puts it up, updates it or takes it away; the app calls it on every
resize and screen change. The player asks :func:`fits` before it starts its clock.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import ModalScreen

from tui.widgets.readout import Readout

MIN_SIZE = Size(60, 20)
"""The smallest terminal the screens are laid out for (columns, rows)."""


def fits(size: Size) -> bool:
    """True when a terminal of this size is big enough for the screens."""
    return size.width >= MIN_SIZE.width and size.height >= MIN_SIZE.height


class TooSmall(ModalScreen[None]):
    """Covers everything while the terminal is smaller than the screens are laid out for."""

    CSS_PATH = "too_small.tcss"

    def __init__(self, size: Size) -> None:
        """Say how big the terminal is now."""
        super().__init__()
        self.current = size

    def compose(self) -> ComposeResult:
        """One message."""
        yield Readout(self.message(self.current), id="too-small-message")

    def on_screen_resume(self) -> None:
        """Back on top after a screen above closed: go if the terminal has grown meanwhile."""
        if self.app.screen is self and fits(self.app.size):
            self.dismiss()

    def measure(self, size: Size) -> None:
        """The terminal changed size but is still too small: say its new size."""
        self.current = size
        self.query_one("#too-small-message", Readout).text = self.message(size)

    @staticmethod
    def message(size: Size) -> str:
        """What to do, with the size needed and the size now."""
        return (
            f"Make the terminal larger: lumbar needs at least {MIN_SIZE.width}x"
            f"{MIN_SIZE.height}; this one is {size.width}x{size.height}. "
            "Nothing is lost: a session in progress carries on."
        )


def cover_when_too_small(app: App[Any], size: Size) -> None:
    """Show, update or take away the note (kept on top) for a terminal of ``size``."""
    top = app.screen
    if fits(size):
        if isinstance(top, TooSmall):
            app.pop_screen()
    elif isinstance(top, TooSmall):
        top.measure(size)
    else:
        app.push_screen(TooSmall(size))
