"""The "make the terminal larger" note that covers the screens while the terminal is too small.

:func:`cover_when_too_small` puts it up, updates it or takes it away; the app calls it on every
resize and screen change. The player asks :func:`fits` before it opens a dialog, and
:func:`compact` for its layout. A screen may declare a smaller ``MIN_SIZE`` of its own (the
player's compact layout goes down to 40x12); the screens above it, its dialogs, are then held
to it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import ModalScreen

from tui.widgets.readout import Readout

MIN_SIZE = Size(60, 20)
"""The smallest terminal the screens are laid out for (columns, rows)."""
PLAYER_MIN_SIZE = Size(40, 12)
"""The smallest terminal the player's compact layout (and its dialogs) is laid out for."""
PLAYER_FULL_SIZE = Size(76, 22)
"""The smallest terminal for the player's full layout; below it the player is compact (phase,
countdown, exercise, rep, set and side, and the keys) down to PLAYER_MIN_SIZE."""


def fits(size: Size, minimum: Size = MIN_SIZE) -> bool:
    """True when a terminal of this size is at least ``minimum``."""
    return size.width >= minimum.width and size.height >= minimum.height


def compact(size: Size) -> bool:
    """True when a terminal of ``size`` is too small for the player's full layout."""
    return not fits(size, PLAYER_FULL_SIZE)


def minimum_size(screens: Iterable[object]) -> Size:
    """The smallest terminal for this stack of screens: the smallest any of them declares."""
    sizes = [getattr(screen, "MIN_SIZE", MIN_SIZE) for screen in screens]
    return min([MIN_SIZE, *sizes], key=lambda size: size.area)


class TooSmall(ModalScreen[None]):
    """Covers everything while the terminal is smaller than the screens are laid out for."""

    CSS_PATH = "too_small.tcss"

    def __init__(self, size: Size, minimum: Size = MIN_SIZE) -> None:
        """Say how big the terminal is now, and how big it must be."""
        super().__init__()
        self.current = size
        self.minimum = minimum

    def compose(self) -> ComposeResult:
        """One message."""
        yield Readout(self.message(self.current, self.minimum), id="too-small-message")

    def on_screen_resume(self) -> None:
        """Back on top after a screen above closed: go if the terminal has grown meanwhile."""
        if self.app.screen is self and fits(self.app.size, self.minimum):
            self.dismiss()

    def measure(self, size: Size, minimum: Size) -> None:
        """The terminal changed size but is still too small: say its new size."""
        self.current, self.minimum = size, minimum
        self.query_one("#too-small-message", Readout).text = self.message(size, minimum)

    @staticmethod
    def message(size: Size, minimum: Size = MIN_SIZE) -> str:
        """What to do, with the size needed and the size now."""
        return (
            f"Make the terminal larger: lumbar needs at least {minimum.width}x"
            f"{minimum.height}; this one is {size.width}x{size.height}. "
            "Nothing is lost: a session in progress waits, paused, until you carry on."
        )


def cover_when_too_small(app: App[Any], size: Size) -> None:
    """Show, update or take away the note (kept on top) for a terminal of ``size``."""
    top = app.screen
    minimum = minimum_size(s for s in app.screen_stack if not isinstance(s, TooSmall))
    if fits(size, minimum):
        if isinstance(top, TooSmall):
            app.pop_screen()
    elif isinstance(top, TooSmall):
        top.measure(size, minimum)
    else:
        app.push_screen(TooSmall(size, minimum))
