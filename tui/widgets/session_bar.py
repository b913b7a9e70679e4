"""A one-line bar of how far through the session the user is, repainted only when it moves."""

from __future__ import annotations

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import var

from tui.widgets.tinted import Tinted, phase_classes


def fraction(done: int, total: int) -> float:
    """How far through ``done`` seconds out of ``total`` are, from 0 to 1."""
    return min(1.0, done / total) if total else 0.0


def filled(width: int, done: int, total: int) -> int:
    """How many of ``width`` cells a bar of ``done`` out of ``total`` fills."""
    return round(width * fraction(done, total))


class SessionBar(Tinted):
    """Seconds done out of the session's planned seconds, as a bar the width of the widget.

    Textual's ProgressBar keeps a one-second timer of its own for its time estimate, which
    repaints whether or not anything moved. This bar's ``done`` and ``total`` are reactive
    (a parent binds them); it repaints only when a cell more (or less) of it is filled, not
    every second.
    """

    TINT = "session-bar-done"
    COMPONENT_CLASSES = {"session-bar--to-do", *phase_classes(TINT)}

    done: var[int] = var(0, init=False)
    """Seconds of the session done."""
    total: var[int] = var(0, init=False)
    """The session's planned seconds."""

    def watch_done(self, old: int, new: int) -> None:
        """Repaint if the bar drawn moved."""
        self._repaint_if_moved(filled(self.size.width, old, self.total))

    def watch_total(self, old: int, new: int) -> None:
        """Repaint if the bar drawn moved."""
        self._repaint_if_moved(filled(self.size.width, self.done, old))

    def _repaint_if_moved(self, before: int) -> None:
        """Repaint unless as many cells are filled as ``before``."""
        if filled(self.size.width, self.done, self.total) != before:
            self.refresh()

    @property
    def fraction(self) -> float:
        """How far through, from 0 to 1."""
        return fraction(self.done, self.total)

    def render(self) -> RenderResult:
        """Heavy line for what is done (in the phase's colour), light line for what is to do."""
        width = self.size.width
        cells = filled(width, self.done, self.total)
        return Text.assemble(
            ("━" * cells, self.ink),
            ("─" * (width - cells), self.get_component_rich_style("session-bar--to-do")),
        )
