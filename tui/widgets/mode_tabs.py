"""One line under the header naming lumbar's screens and the key to each, the current one marked.

Built from the app's own ``switch_mode`` bindings, so it cannot drift from the keys; the footer
then keeps its room for the keys of the screen in front (80 columns hold about eight).
"""

from __future__ import annotations

from textual.actions import parse
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static


def mode_bindings(bindings: list[Binding]) -> list[tuple[str, Binding]]:
    """The (mode, binding) pairs among ``bindings`` that switch mode, in their order."""
    found = []
    for binding in bindings:
        _, action, parameters = parse(binding.action)
        if action == "switch_mode" and parameters and isinstance(parameters[0], str):
            found.append((parameters[0], binding))
    return found


class ModeTabs(Static):
    """``Choose c · Roadmap r · Progress p · Settings ,`` with the screen in front marked."""

    def on_mount(self) -> None:
        """Name the modes, marking the one this widget's screen belongs to."""
        bindings = [b for b in type(self.app).BINDINGS if isinstance(b, Binding)]
        parts = []
        for mode, binding in mode_bindings(bindings):
            key = self.app.get_key_display(binding)
            if mode == self.app.current_mode:
                parts.append(Content.from_markup("[b reverse] $name [/]", name=binding.description))
            else:
                parts.append(
                    Content.from_markup(
                        " $name [b $text-accent]$key[/] ", name=binding.description, key=key
                    )
                )
        self.update(Content(" ").join(parts))
