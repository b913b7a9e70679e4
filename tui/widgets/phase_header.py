"""The player's header: Textual's Header drawn as one widget, in the colours of the phase.

Textual's Header is a container of three widgets (icon, title, clock space) whose colours
come from the header's class: a change of phase restyled four widgets and drew all four
again. This header draws the same line itself (the title centred, cut with an ellipsis, and
the clock's ten blank columns on the right; the icon is hidden app-wide) in the colours of
its phase, looked up as it draws (``phase-header--hold``... in the player's styles), so a
change of phase is one line drawn again. A click makes it three rows tall, as Textual's does.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.events import Click
from textual.reactive import var
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from tui.widgets.tinted import phase_classes

CLOCK_SPACE = 10
"""The blank columns on the right, where Textual's Header keeps room for its clock."""


class PhaseHeader(Widget):
    """The screen's title and sub-title (or the app's) on one line, in the phase's colours."""

    COMPONENT_CLASSES = phase_classes("phase-header")
    DEFAULT_CSS = """
    PhaseHeader {
        dock: top;
        width: 100%;
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        content-align: center middle;
        &.-tall {
            height: 3;
        }
    }
    """

    phase: var[str] = var("ready")
    """The phase shown (one of tui.widgets.tinted.PHASES): its colours."""

    def on_mount(self) -> None:
        """Draw the title again when the screen's or the app's title or sub-title changes."""
        for node in (self.app, self.screen):
            self.watch(node, "title", self.title_changed, init=False)
            self.watch(node, "sub_title", self.title_changed, init=False)

    def title_changed(self) -> None:
        """Draw the new title."""
        self.refresh()

    def on_click(self, _: Click) -> None:
        """Three rows tall, or one again (as Textual's Header)."""
        self.toggle_class("-tall")

    def watch_phase(self) -> None:
        """Draw again in the new phase's colours (nothing is restyled)."""
        self.refresh()

    def title_content(self) -> Content:
        """What the title says: as Textual's Header, the screen's title or else the app's."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

    def render_line(self, y: int) -> Strip:
        """One row: the title (on the middle row) centred left of the clock's space."""
        component = f"phase-header--{self.phase}"
        style = self.get_visual_style(component)
        width, height = self.size
        title_width = max(0, width - CLOCK_SPACE)
        rows = Visual.to_strips(self, self.title_content(), title_width, height, style)
        title = rows[y] if y < len(rows) else Strip.blank(title_width)
        background = self.get_component_rich_style(component).bgcolor
        clock = Strip([Segment(" " * (width - title_width), Style(bgcolor=background))])
        return Strip.join([title, clock])
