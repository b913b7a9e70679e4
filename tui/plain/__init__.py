"""The plain player: a session in lines, for screen readers and dumb terminals (no Textual).

``lumbar play ROUTINE --plain`` (or with ``TERM=dumb``, ``ACCESSIBLE=1``, or the setting)
plays the same session as the full player, with the same keys, questions, records and safety
gates, printing one line per event into the scrollback. Nothing here imports Textual or Rich.

The facade imports a module only when one of its names is first used: ``lumbar play`` asks
whether to play plainly before the full player starts, which then needs none of the rest
(start-up time and memory).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model import homes_of, on_first_use

if TYPE_CHECKING:
    from tui.plain.keys import Keys, StreamKeys
    from tui.plain.player import PlainEnd, PlainPlayer
    from tui.plain.run import PlainRun, local_now, write_out
    from tui.plain.wanted import wants_plain

__all__ = [
    "Keys",
    "PlainEnd",
    "PlainPlayer",
    "PlainRun",
    "StreamKeys",
    "local_now",
    "wants_plain",
    "write_out",
]

_NAMES = {
    "tui.plain.keys": ("Keys", "StreamKeys"),
    "tui.plain.player": ("PlainEnd", "PlainPlayer"),
    "tui.plain.run": ("PlainRun", "local_now", "write_out"),
    "tui.plain.wanted": ("wants_plain",),
}
"""The names each module of the package exports through the facade."""

__getattr__ = on_first_use(__name__, homes_of(_NAMES), globals())
