"""How lumbar meets its terminal: the driver that hands over its ``write``, and the hang-ups.

Textual has no public call to write an escape sequence of our own (desktop notifications, the
window title), but a driver's ``write`` is public: it queues text on the same output as the
frames, so a sequence never lands inside a frame. Tests run headless and give the app a
``terminal`` of their own instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from typing import Any

from textual.driver import Driver

HANG_UPS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""The signals that mean the process is going away: a dropped link, a closed terminal, kill."""


def cue_driver(
    base: type[Driver], announce: Callable[[Callable[[str], None]], None]
) -> type[Driver]:
    """``base`` (the platform's driver), announcing its ``write`` to ``announce`` once made."""

    class CueDriver(base):  # type: ignore[valid-type,misc]
        """The platform's driver, announcing its ``write`` to the app."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            announce(self.write)

    return CueDriver


def catch_hang_ups(hang_up: Callable[[int], None] | None) -> None:
    """Call ``hang_up(signum)`` in the running event loop on a hang-up (None: stop catching)."""
    loop = asyncio.get_running_loop()
    for signum in HANG_UPS:
        # Not every platform or thread can take signal handlers; the default then applies.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            if hang_up is not None:
                loop.add_signal_handler(signum, hang_up, signum)
            else:
                loop.remove_signal_handler(signum)
