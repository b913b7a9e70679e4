"""Widgets drawn in the colour of the session's phase (hold, rest, move...), chosen as they paint.

The colours stay in the style sheets, as component classes (``tinted--hold``...) with the
theme's variables; a widget looks its phase's one up as it draws a line. A change of phase is
then a repaint of the widget, not a restyle: a class swapped on the widget would match it
against the whole style sheet again, with its children (half the cost of a pause in the
player, measured: see BENCHMARKS.md).
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.reactive import var
from textual.widget import Widget

PHASES = ("ready", "move", "hold", "count", "rest", "switch", "paused", "done")
"""The phases a tinted widget shows, each a component class (``tinted--hold``...)."""


def phase_classes(prefix: str) -> set[str]:
    """The component class of each phase for a widget: ``{prefix}--{phase}``."""
    return {f"{prefix}--{phase}" for phase in PHASES}


class Tinted(Widget):
    """A widget drawn in its phase's colour (``tinted--{phase}`` in the styles: see TINT).

    Only the few widgets that carry the phase's colour are tinted: a colour on a container
    would repaint everything inside it at every change of step.
    """

    TINT: ClassVar[str] = "tinted"
    """The prefix of its component classes, ``{TINT}--{phase}``: each subclass declares them
    (``COMPONENT_CLASSES = phase_classes(TINT)``), as Textual merges a class's with its bases'."""

    phase: var[str] = var("ready")
    """The phase shown (one of PHASES)."""

    @property
    def ink(self) -> Style:
        """The style to draw in: the widget's, in its phase's colour."""
        return self.get_component_rich_style(f"{self.TINT}--{self.phase}")

    def watch_phase(self) -> None:
        """Draw again in the new phase's colour (nothing is restyled)."""
        self.refresh()
