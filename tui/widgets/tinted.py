"""Widgets that take the colour of the session's phase (hold, rest, move...) from a class."""

from __future__ import annotations

from textual.reactive import var
from textual.widget import Widget

PHASES = ("ready", "move", "hold", "count", "rest", "switch", "paused", "done")
"""The phases a tinted widget shows, each as a class (``-hold``, ``-rest``...)."""


class Tinted(Widget):
    """A widget whose class names the session's phase, so the styles give it that colour.

    Only the few widgets that carry the phase's colour are tinted: a class on a container
    would restyle and repaint everything inside it at every change of step.
    """

    phase: var[str] = var("ready")
    """The phase shown (one of PHASES): the widget's class is ``-`` and the phase."""

    def on_mount(self) -> None:
        """Start with the class of the phase it has."""
        self.add_class(f"-{self.phase}")

    def watch_phase(self, old: str, new: str) -> None:
        """Swap the phase's class (a restyle only when the phase changes)."""
        self.remove_class(f"-{old}")
        self.add_class(f"-{new}")
