"""A description (``tui.catalogue.describe``) laid out for the width given: one widget, no Markdown.

The select screen shows one on start-up, so it is drawn as a single block of text rather than a
Markdown tree of dozens of widgets (which took most of lumbar's start-up; see BENCHMARKS.md).
List items hang under their number or bullet, as they would on paper.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from tui.catalogue import Block, Description

KIND_STYLE = {"title": "bold $text-accent", "heading": "bold $text-primary"}


def block_lines(block: Block, width: int) -> list[Content]:
    """One block wrapped to ``width`` cells; an item's later lines indented under its text."""
    body = Content.assemble(*block.runs)
    if style := KIND_STYLE.get(block.kind):
        body = body.stylize(style)
    if not block.marker:
        return body.wrap(max(1, width))
    indent = cell_len(block.marker) + 1
    lines = body.wrap(max(1, width - indent))
    first = Content.styled(f"{block.marker} ", "$text-muted")
    return [(first if n == 0 else Content(" " * indent)) + line for n, line in enumerate(lines)]


@lru_cache(maxsize=64)
def layout(description: Description, width: int) -> tuple[Content, ...]:
    """Every line of the description at ``width``, a blank line before each loose block."""
    lines: list[Content] = []
    for block in description:
        if lines and not block.tight:
            lines.append(Content())
        lines += block_lines(block, width)
    return tuple(lines)


class DescriptionView(Widget):
    """Shows one description; give it another with ``show``."""

    DEFAULT_CSS = """
    DescriptionView {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty."""
        super().__init__(id=id)
        self.description: Description = ()

    def show(self, description: Description) -> None:
        """Show this description instead (its height may differ, so lay out again)."""
        if description != self.description:
            self.description = description
            self.refresh(layout=True)

    @property
    def text(self) -> str:
        """What the widget shows, as plain text at its current width (for tests)."""
        return "\n".join(line.plain for line in layout(self.description, self.size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the description takes at ``width``."""
        return len(layout(self.description, width))

    def render(self) -> Content:
        """The lines for the width the widget has."""
        return Content("\n").join(layout(self.description, self.size.width))
