"""How lumbar meets its terminal: the driver that hands over its ``write``, keys, size, hang-ups.

Textual has no public call to write an escape sequence of our own (desktop notifications, the
window title), but a driver's ``write`` is public: it queues text on the same output as the
frames, so a sequence never lands inside a frame. Tests run headless and give the app a
``terminal`` of their own instead. :class:`TerminalApp` is LumbarApp's base for all of this.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable
from typing import Any

from textual import events
from textual.binding import Binding, Keymap
from textual.driver import Driver
from textual.geometry import Size

from tui.failures import ReportsFailures
from tui.screens.too_small import cover_when_too_small
from tui.widgets.key_names import key_display

HANG_UPS = tuple(
    getattr(signal, name)
    for name in ("SIGHUP", "SIGTERM", "SIGQUIT", "SIGUSR1", "SIGUSR2")
    if hasattr(signal, name)
)
"""The signals that mean the process is going away: a dropped link, a closed terminal, kill,
and the ones whose default would end it without closing the session record."""


def exit_soon(status: int, grace: float) -> threading.Timer:
    """Make sure the process ends within ``grace`` seconds with ``status``, whatever hangs.

    Call it only once everything is saved: the forced exit skips the rest of the clean-up.
    """
    timer = threading.Timer(grace, os._exit, (status,))
    timer.daemon = True
    timer.start()
    return timer


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


class TerminalApp(ReportsFailures):
    """An app that writes cues through its driver and remembers the keymap it is given."""

    def __init__(self, terminal: Callable[[str], None] | None, *, tmux: bool) -> None:
        """Cues go to ``terminal`` (None: the driver's own output), through tmux if ``tmux``."""
        super().__init__()
        self.terminal = terminal
        self.tmux = tmux
        self.keymap: dict[str, str] = {}
        """The keymap set (binding id to keys): help prose and hints name these keys."""
        self.started = False
        """True once the app has put up its first screens (the size is checked from then)."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal, which also hands the app its ``write``."""
        return cue_driver(super().get_driver_class(), self.take_terminal)

    def take_terminal(self, write: Callable[[str], None]) -> None:
        """Send cues through the driver's ``write``, unless a ``terminal`` was given."""
        if self.terminal is None:
            self.terminal = write

    def set_keymap(self, keymap: Keymap) -> None:
        """Remap keys by binding id, and keep the keymap where the help and hints read it."""
        super().set_keymap(keymap)
        self.keymap = dict(keymap)

    def update_keymap(self, keymap: Keymap) -> None:
        """Remap some more keys by binding id, keeping the keymap (see ``set_keymap``)."""
        super().update_keymap(keymap)
        self.keymap = {**self.keymap, **keymap}

    def get_key_display(self, binding: Binding) -> str:
        """A key as Textual draws it, without its look-up of Unicode names (see key_names)."""
        return key_display(binding)

    def on_resize(self, event: events.Resize) -> None:
        """Cover the screens with a note while the terminal is too small for them."""
        self.check_size(event.size)

    def check_size(self, size: Size) -> None:
        """Show, update or take away the "make the terminal larger" note (kept on top)."""
        if self.started:  # still starting: the app checks once the first screens are up
            cover_when_too_small(self, size)
