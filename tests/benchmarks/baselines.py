"""The baselines lumbar is measured against: plain Textual apps, run as scripts in the same run.

``python tests/benchmarks/baselines.py bare``       one Static (start-up, memory)
``python tests/benchmarks/baselines.py countdown``  Header, a centred Digits countdown, Footer
``python tests/benchmarks/baselines.py label``      a key (space) that changes one label

Run as a file, not a module, so nothing but Textual is imported, as in any small Textual app.
"""

from __future__ import annotations

import sys
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.widgets import Digits, Footer, Header, Label, Static

MARKERS = {"bare": "bare textual app", "countdown": "countdown app", "label": "RUNNING"}
"""A text each baseline shows in its first frame."""


class Bare(App[None]):
    """A bare Textual app: one Static."""

    def compose(self) -> ComposeResult:
        """One line of text."""
        yield Static(MARKERS["bare"])


class Countdown(App[None]):
    """Header, a centred Digits countdown updated once a second, Footer."""

    TITLE = MARKERS["countdown"]
    CSS = "Screen { align: center middle; } Digits { width: auto; }"
    BINDINGS: ClassVar = [Binding("q", "quit", "Quit", id="quit", tooltip="Leave")]

    def __init__(self) -> None:
        """Count down from five minutes."""
        super().__init__()
        self.left = 300

    def compose(self) -> ComposeResult:
        """Header, the digits in the middle, the keys at the bottom."""
        yield Header()
        with Middle(), Center():
            yield Digits(self.text())
        yield Footer()

    def text(self) -> str:
        """The time left as m:ss."""
        return f"{self.left // 60}:{self.left % 60:02d}"

    def on_mount(self) -> None:
        """Tick once a second."""
        self.set_interval(1, self.tick)

    def tick(self) -> None:
        """One second less."""
        self.left = max(0, self.left - 1)
        self.query_one(Digits).update(self.text())


class Toggle(App[None]):
    """A key that changes one label: space switches it between RUNNING and PAUSED."""

    BINDINGS: ClassVar = [
        Binding("space", "toggle", "Pause", id="toggle", tooltip="Pause or resume")
    ]

    def compose(self) -> ComposeResult:
        """The label and the keys."""
        yield Label(MARKERS["label"])
        yield Footer()

    def action_toggle(self) -> None:
        """Change the label."""
        label = self.query_one(Label)
        paused = str(label.content) == "PAUSED"
        label.update("RUNNING" if paused else "PAUSED")


APPS: dict[str, type[App[None]]] = {"bare": Bare, "countdown": Countdown, "label": Toggle}

if __name__ == "__main__":
    APPS[sys.argv[1]]().run()
