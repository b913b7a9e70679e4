"""The plain player: a session in lines, for screen readers and dumb terminals (no Textual).

``lumbar play ROUTINE --plain`` (or with ``TERM=dumb``, ``ACCESSIBLE=1``, or the setting)
plays the same session as the full player, with the same keys, questions, records and safety
gates, printing one line per event into the scrollback. Nothing here imports Textual or Rich.
"""

from __future__ import annotations

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
