"""When ``lumbar play`` plays in lines: asked for, a dumb terminal, a screen reader, a setting."""

from __future__ import annotations

from collections.abc import Mapping

OFF = ("", "0", "false", "no")
"""Values of ``ACCESSIBLE`` that do not ask for the plain player."""


def wants_plain(asked: bool, environ: Mapping[str, str], setting: bool = False) -> bool:
    """True when the session should play in lines rather than on a full screen.

    ``asked`` is ``--plain``; ``TERM=dumb`` (a terminal that cannot draw a screen) and
    ``ACCESSIBLE`` set to anything but empty, 0, false or no (a screen reader's user) ask for it
    too, as does the ``plain_player`` ``setting``.
    """
    accessible = environ.get("ACCESSIBLE", "").strip().lower() not in OFF
    return asked or setting or accessible or environ.get("TERM") == "dumb"
