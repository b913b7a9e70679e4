"""The player's big countdown and the word over it, and when the display next changes."""

from __future__ import annotations

import math

from tui.session import Snapshot
from tui.widgets.big_text import BigText

SAMPLE = "0:00"
"""The widest countdown the digits are sized for (a longer one is drawn smaller)."""
LONGEST_WORD = "SWITCH SIDE"
"""The longest phase word, which the letters are sized for."""


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


class Countdown(BigText):
    """The seconds left (or the rep to count) in block digits: seven rows at 80x24, more on more."""

    def __init__(self, *, id: str | None = None) -> None:
        """Sized so ``0:00`` fits the region (shorter times keep that size)."""
        super().__init__("digits", SAMPLE, id=id)


class PhaseWord(BigText):
    """The phase (HOLD, REST, SWITCH SIDE...) in block letters, one word to read from afar."""

    def __init__(self, *, id: str | None = None) -> None:
        """Sized so the longest phase word fits; never taller than ten pixels."""
        super().__init__("letters", LONGEST_WORD, most=2, id=id)
