"""A line on every mode's screen while a red-flag yes stops sessions, naming the key that helps.

The app keeps the latest answers to the red-flag questions in its ``safety_check`` reactive; the
banner watches it (attributes down), so it shows or hides on every screen as soon as the
answers change. Hidden (``display: none``) the rest of the time.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.history import sessions_stopped
from tui.model import SafetyCheck
from tui.widgets.keys import with_keys

WATCHED = "safety_check"
"""The app's reactive that holds the latest answers (a ``SafetyCheck`` or ``None``)."""

TEXT = (
    "Sessions are stopped after a red-flag yes. Press {key:safety.retake} to take the check again."
)
"""What the banner says (the key is the one bound now, a keymap included)."""


class SafetyBanner(Static):
    """The line that says sessions are stopped, shown only while they are."""

    def on_mount(self) -> None:
        """Follow the app's answers (an app without them never stops sessions)."""
        if hasattr(self.app, WATCHED):
            self.watch(self.app, WATCHED, self.show_check, init=True)

    def show_check(self, check: SafetyCheck | None) -> None:
        """Show the line while the answers stop sessions; hide it otherwise."""
        stopped = sessions_stopped(check)
        if stopped:
            self.update(Content(with_keys(self, TEXT)))
        self.set_class(stopped, "-stopped")
