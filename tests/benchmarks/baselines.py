"""The baselines lumbar is measured against: plain Textual apps, run as scripts in the same run.

``python tests/benchmarks/baselines.py bare``       one Static (start-up, memory)
``python tests/benchmarks/baselines.py countdown``  Header, a centred Digits countdown, Footer
``python tests/benchmarks/baselines.py big``        the same with digits as big as the player's
``python tests/benchmarks/baselines.py label``      a key (space) that changes one label
``python tests/benchmarks/baselines.py widgets``    the widgets of lumbar's first screen, no lumbar

Run as a file, not a module, so nothing but Textual is imported, as in any small Textual app
(``big`` also reads lumbar's block font, plain data, to draw digits the player's size).
"""

from __future__ import annotations

import sys
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Middle, VerticalScroll
from textual.widgets import Digits, Footer, Header, Input, Label, OptionList, Static

MARKERS = {
    "bare": "bare textual app",
    "countdown": "countdown app",
    "big": "big countdown app",
    "label": "RUNNING",
    "widgets": "Type to filter",
}
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


class BigCountdown(Countdown):
    """Header, a centred countdown in block digits seven rows tall (the player's at 80x24),
    updated once a second the simplest way (the whole text again), Footer."""

    TITLE = MARKERS["big"]
    CSS = "Screen { align: center middle; } #big { width: auto; }"

    def compose(self) -> ComposeResult:
        """Header, the digits in the middle, the keys at the bottom."""
        yield Header()
        with Middle(), Center():
            yield Static(self.big(), id="big")
        yield Footer()

    def big(self) -> str:
        """The time left in block digits."""
        from tui.widgets.big_font import big_lines

        return "\n".join(big_lines(self.text(), "digits", 2))

    def tick(self) -> None:
        """One second less."""
        self.left = max(0, self.left - 1)
        self.query_one("#big", Static).update(self.big())


class Toggle(App[None]):
    """A key that changes one label: space switches it between RUNNING and PAUSED."""

    BINDINGS: ClassVar = [
        Binding("space", "toggle_label", "Pause", id="toggle", tooltip="Pause or resume")
    ]

    def compose(self) -> ComposeResult:
        """The label and the keys."""
        yield Label(MARKERS["label"])
        yield Footer()

    def action_toggle_label(self) -> None:
        """Change the label."""
        label = self.query_one(Label)
        paused = str(label.content) == "PAUSED"
        label.update("RUNNING" if paused else "PAUSED")


class Widgets(App[None]):
    """The widgets of lumbar's select screen in plain Textual: what they cost on their own.

    Header, a line of text, a search box, a list of 61 options, a scrolling pane of text and a
    footer of seven keys, styled alike; no lumbar code, catalogue or data file.
    """

    CSS = """
    Input { margin: 0 1; }
    Horizontal { width: 100%; height: 1fr; }
    OptionList { width: 36; height: 1fr; border: round $border; }
    VerticalScroll { width: 1fr; height: 1fr; border: round $border; padding: 0 1; }
    """
    AUTO_FOCUS = "OptionList"
    BINDINGS: ClassVar = [
        Binding(key, key, key.title(), id=key, tooltip=key)
        for key in ("play", "search", "avoid", "new", "quit", "help", "clear")
    ]

    def compose(self) -> ComposeResult:
        """The select screen's layout, with placeholder text."""
        yield Header()
        yield Static("Choose   Roadmap r   Progress p   Settings ,")
        yield Input(placeholder=f"{MARKERS['widgets']}: seated, towel, sciatica, align...")
        with Horizontal():
            yield OptionList(*(f"  Option {number}" for number in range(61)))
            with VerticalScroll():
                yield Static("A routine's name, what it is for and its exercises. " * 12)
        yield Footer()


APPS: dict[str, type[App[None]]] = {
    "bare": Bare,
    "countdown": Countdown,
    "big": BigCountdown,
    "label": Toggle,
    "widgets": Widgets,
}

if __name__ == "__main__":
    APPS[sys.argv[1]]().run()
