"""The player's big countdown: seconds left (or the rep to count) in large digits."""

from __future__ import annotations

import math

from textual.reactive import var
from textual.widgets import Digits

from tui.session import Snapshot


def clock_text(seconds: float) -> str:
    """Whole seconds left, rounded up, as ``45`` or ``2:05`` (what a countdown shows)."""
    whole = max(0, math.ceil(seconds))
    if whole < 60:
        return str(whole)
    minutes, rest = divmod(whole, 60)
    return f"{minutes}:{rest:02d}"


def next_wake(
    snapshot: Snapshot, *, running: bool, lapses_at: float | None, now: float
) -> float | None:
    """Seconds until the display can next change: the countdown's next whole second.

    A second when nothing counts down (paused, a counted rep), sooner if a question lapses
    first, and None when the session is over and nothing is waiting.
    """
    if not running and lapses_at is None:
        return None
    delay = 1.0
    if running and snapshot.remaining is not None and not snapshot.paused:
        delay = (snapshot.remaining - math.floor(snapshot.remaining)) or 1.0
    if lapses_at is not None:
        delay = min(delay, max(0.0, lapses_at - now))
    return delay


class Countdown(Digits):
    """Large digits bound to the text they show; paused and resting tint them."""

    text: var[str] = var("", init=False)
    """What the digits show: ``45``, ``2:05``, or the rep to count."""
    paused: var[bool] = var(False, toggle_class="-paused")
    """The session is paused (the digits turn the warning colour)."""
    resting: var[bool] = var(False, toggle_class="-resting")
    """The step is not a rep (the digits turn the success colour)."""

    def watch_text(self, text: str) -> None:
        """Show the new text (Textual calls this only when it changed)."""
        self.update(text)
