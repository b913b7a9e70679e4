"""The lumbar Textual app: a thin shell of modes; the screens do the work."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import App
from textual.binding import Binding

from tui.model import Catalogue
from tui.problems import Problem
from tui.screens.select import SelectScreen


class LumbarApp(App[None]):
    """Choose a routine or an exercise, follow the roadmap, play a session."""

    TITLE = "lumbar"
    SUB_TITLE = "not medical advice: stop if it hurts"
    CSS_PATH = "lumbar.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Leave lumbar"),
    ]

    def __init__(self, catalogue: Catalogue, problems: Sequence[Problem] = ()) -> None:
        """Keep the dependencies every screen needs; nothing here reads files."""
        super().__init__()
        self.catalogue = catalogue
        self.problems = tuple(problems)
        self.add_mode("select", lambda: SelectScreen(self.catalogue))

    def on_mount(self) -> None:
        """Open the select screen and say which of the user's files were skipped."""
        self.switch_mode("select")
        for problem in self.problems:
            self.notify(str(problem), title="Skipped one of your files", severity="warning")


def make_app(catalogue: Catalogue, problems: Sequence[Problem] = ()) -> LumbarApp:
    """Build the app from its dependencies: the CLI, the tests and the screenshots use this."""
    return LumbarApp(catalogue, problems)
