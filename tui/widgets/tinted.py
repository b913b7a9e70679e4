"""Widgets that take the colour of the session's phase (hold, rest, move...) from a class."""

from __future__ import annotations

from textual.dom import DOMNode
from textual.reactive import var
from textual.widget import Widget

PHASES = ("ready", "move", "hold", "count", "rest", "switch", "paused", "done")
"""The phases a tinted widget shows, each as a class (``-hold``, ``-rest``...)."""


def swap_class(node: DOMNode, old: str, new: str) -> None:
    """Put class ``new`` in place of ``old`` on ``node``, restyling it (and its children) once.

    ``remove_class`` and ``add_class`` would restyle twice, each time against the whole
    stylesheet: that was half the cost of a pause in the player (see BENCHMARKS.md). No rule
    here has a transition, so the restyle skips Textual's animation pass.
    """
    node.remove_class(old, update=False)
    node.add_class(new, update=False)
    node.app.update_styles(node, animate=False)


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
        swap_class(self, f"-{old}", f"-{new}")
