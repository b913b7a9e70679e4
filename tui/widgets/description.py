"""A description (``tui.catalogue.describe``) laid out for the width given: one widget, no Markdown.

The select screen shows one on start-up, so it is drawn as a single block of text rather than a
Markdown tree of dozens of widgets (which took most of lumbar's start-up; see BENCHMARKS.md).
List items hang under their number or bullet, as they would on paper.

The widget scrolls itself (Textual's line API) and its size never depends on what it shows: a
cursor move in the select list gives it another description without laying the screen out
around it again. The lines of the few descriptions around the cursor are rendered once and
kept (the select screen asks for the options either side ahead of time, with ``prepare``), so
a move draws lines already made.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from tui.catalogue import Block, Description

KIND_STYLE = {"title": "bold $text-accent", "heading": "bold $text-primary"}
KEPT = 4
"""How many rendered descriptions the widget keeps: the one shown, those either side of the
cursor and the one just left (each holds its lines' segments, up to some 200 kB a routine)."""


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


def lines_at_least(description: Description) -> int:
    """How many lines the description takes at any width: a line a block, and the blanks."""
    loose = sum(1 for block in description[1:] if not block.tight)
    return len(description) + loose


def wrap_width(description: Description, width: int, height: int, bar: int) -> int:
    """The width to lay the description out at in a ``width`` by ``height`` region.

    Narrower by the scrollbar's ``bar`` cells when it does not fit, as a scrolling container
    would lay out its content.
    """
    if len(layout(description, width)) > height:
        return max(1, width - bar)
    return width


class DescriptionView(ScrollView):
    """Shows one description, scrolling within its own fixed size; give it another with ``show``."""

    DEFAULT_CSS = """
    DescriptionView {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty."""
        super().__init__(id=id)
        self.description: Description = ()
        self._width = 0  # the width the description is laid out at
        self._rendered: OrderedDict[tuple[object, ...], list[Strip]] = OrderedDict()
        self._shown: tuple[Description, tuple[object, ...], list[Strip]] | None = None
        """The description drawn last, what it was drawn for, and its lines (asked per row)."""

    def show(self, description: Description) -> None:
        """Show this description instead, from its top.

        Only the widget and its scrollbar repaint: the screen is laid out again only when the
        scrollbar comes or goes (nothing else here can change size).
        """
        if description == self.description:
            return
        self.description = description
        if not self.container_size:
            # Not laid out yet (shown as the screen is composed): at least this many lines, so
            # the first layout already has the scrollbar a long description needs, rather than
            # a second layout and a second frame once it is measured (start-up).
            self.set_reactive(DescriptionView.virtual_size, Size(0, lines_at_least(description)))
            self._width = 0  # chosen at the first paint or resize
            return
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._measure()
        self.refresh()

    def _measure(self) -> None:
        """Lay the description out for the space inside the border and set how far it scrolls."""
        width = self._width_for(self.description)
        if width is None:
            return  # not laid out yet: done again at the first resize
        self._width = width
        size = Size(width, len(layout(self.description, width)))
        if size == self.virtual_size:
            return
        if (size.height > self.container_size.height) != self.show_vertical_scrollbar:
            self.virtual_size = size  # the scrollbar comes or goes: lay out again
            return
        # The same regions as before: tell the scrollbar its new length, without a layout.
        self.set_reactive(DescriptionView.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = size.height

    def _width_for(self, description: Description) -> int | None:
        """The width ``description`` is laid out at here; None before the widget has a size."""
        space = self.container_size
        if not space:
            return None
        bar = self.styles.scrollbar_size_vertical
        return wrap_width(description, space.width, space.height, bar)

    def on_resize(self) -> None:
        """Another size may wrap the lines differently."""
        self._measure()

    def prepare(self, description: Description) -> None:
        """Render ``description`` now, so that showing it later draws lines already made."""
        width = self._width_for(description)
        if width is not None:
            self._strips(description, width)

    @property
    def text(self) -> str:
        """What the widget shows, as plain text at the width it is laid out at (for tests)."""
        return "\n".join(line.plain for line in layout(self.description, self._width))

    def _strips(self, description: Description, width: int) -> list[Strip]:
        """``description`` rendered at ``width``, made once and kept (keyed by the theme too)."""
        key = (description, width, self.app.theme, self.visual_style)
        strips = self._rendered.get(key)
        if strips is None:
            content = Content("\n").join(layout(description, width))
            strips = Visual.to_strips(self, content, width, None, self.visual_style)
            self._rendered[key] = strips
            if len(self._rendered) > KEPT:
                self._rendered.popitem(last=False)
        else:
            self._rendered.move_to_end(key)
        return strips

    def _shown_strips(self) -> list[Strip]:
        """The lines of the description shown, looked up once for all the rows of a paint.

        The first paint can come before the first resize has measured the description: it is
        drawn at the width the resize will choose, never at none (a line a character).
        """
        if not self._width:
            self._width = self._width_for(self.description) or 0
            if not self._width:
                return []
        drawn_for = (self._width, self.app.theme, self.visual_style)
        shown = self._shown
        if shown is None or shown[0] is not self.description or shown[1] != drawn_for:
            strips = self._strips(self.description, self._width)
            self._shown = shown = (self.description, drawn_for, strips)
        return shown[2]

    def render_line(self, y: int) -> Strip:
        """Row ``y`` of the region, scrolled."""
        width = self.scrollable_content_region.width
        strips, line = self._shown_strips(), self.scroll_offset.y + y
        style = self.visual_style.rich_style
        strip = strips[line] if line < len(strips) else Strip.blank(width, style)
        return strip.crop_extend(0, width, style)
