"""The session history as a list that draws only the rows on screen, however long it is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.history import HistoryRow

Align = Literal["left", "right"]
COLUMNS: tuple[tuple[str, int, Align], ...] = (
    ("Date", 14, "left"),
    ("Routine", 29, "left"),
    ("Min", 3, "right"),
    ("Status", 8, "left"),
    ("Pain", 7, "left"),
    ("Done", 5, "right"),
    ("Hurt", 4, "right"),
)
"""Each column's heading, width and alignment: the longest routine name and "10 → 10" fit in
76 columns (the list's width at 80)."""
GAP = 1
LINE_WIDTH = sum(width for _, width, _ in COLUMNS) + GAP * (len(COLUMNS) - 1)


def fit(text: str, width: int, align: Align = "left") -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.rjust(width) if align == "right" else text.ljust(width)


def history_cells(row: HistoryRow) -> tuple[str, ...]:
    """One session as the list's cells: date, routine, minutes, status, pain, done, hurt.

    The status is ``stopped`` for a session that ended with an exercise under way (quit, or the
    link dropped), ``partial`` for one that left exercises out. Done is the exercises done in
    full out of those not stopped because they hurt.
    """
    total = row.done + row.cut + row.skipped + row.stopped
    status = "stopped" if row.status == "partial" and row.stopped else row.status
    return (
        f"{row.started_at:%y-%m-%d %H:%M}",
        row.routine,
        str(row.minutes),
        status,
        row.pain,
        f"{row.done}/{total}",
        str(row.hurt) if row.hurt else "",
    )


class SessionList(ScrollView, can_focus=True):
    """Every session, newest first, with a cursor; Enter (or a click on it) selects one.

    A DataTable measures every cell of every row when rows are added, which takes seconds for
    ten years of sessions; this list formats only the rows it draws.
    """

    BINDINGS = [
        Binding("up", "move(-1)", "Up", id="session-list.up", tooltip="Previous", show=False),
        Binding("down", "move(1)", "Down", id="session-list.down", tooltip="Next", show=False),
        Binding(
            "pageup",
            "page(-1)",
            "Page up",
            id="session-list.page-up",
            tooltip="A page up",
            show=False,
        ),
        Binding(
            "pagedown",
            "page(1)",
            "Page down",
            id="session-list.page-down",
            tooltip="A page down",
            show=False,
        ),
        Binding("home", "first", "First", id="session-list.first", tooltip="Newest", show=False),
        Binding("end", "last", "Last", id="session-list.last", tooltip="Oldest", show=False),
        Binding(
            "enter",
            "select",
            "Details",
            id="session-list.select",
            tooltip="This session in detail",
            show=False,  # the line above the list says so; the footer is full at 80 columns
        ),
    ]
    COMPONENT_CLASSES = {
        "session-list--header",
        "session-list--cursor",
        "session-list--partial",
        "session-list--hurt",
    }

    cursor: reactive[int] = reactive(0, layout=False)

    @dataclass
    class Selected(Message):
        """The user chose a session to see in detail."""

        session_list: SessionList
        session: str
        """The session's id."""

        @property
        def control(self) -> SessionList:
            """The list the session was chosen in."""
            return self.session_list

    def __init__(self, *, id: str | None = None) -> None:
        """Start empty (``show`` hands the rows down)."""
        super().__init__(id=id)
        self.rows: Sequence[HistoryRow] = ()

    def show(self, rows: Sequence[HistoryRow]) -> None:
        """List these sessions (newest first), keeping the cursor where it was if it can."""
        self.rows = rows
        self.virtual_size = Size(LINE_WIDTH, len(rows) + 1)
        self.cursor = self.validate_cursor(self.cursor)
        self.refresh()

    @property
    def highlighted(self) -> HistoryRow | None:
        """The session under the cursor, if there is any."""
        return self.rows[self.cursor] if self.rows else None

    def validate_cursor(self, cursor: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(cursor, len(self.rows) - 1))

    @property
    def page(self) -> int:
        """How many rows fit under the heading."""
        return max(1, self.scrollable_content_region.height - 1)

    def watch_cursor(self) -> None:
        """Scroll the cursor into view and draw it."""
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + self.page:
            self.scroll_to(y=self.cursor - self.page + 1, animate=False)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """The heading on the first line; below it, the rows from the scroll position."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            heading = " " * GAP
            heading = heading.join(fit(name, size, align) for name, size, align in COLUMNS)
            style = base + self.get_component_rich_style("session-list--header")
            segments = [Segment(heading, style)]
        else:
            index = scroll_y + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, base)
            segments = self.row_segments(index, base)
            style = segments[0].style or base
        strip = Strip(segments, LINE_WIDTH).crop(scroll_x, scroll_x + width)
        return strip.extend_cell_length(width, style)

    def row_segments(self, index: int, base: Style) -> list[Segment]:
        """One row's cells, the cursor's row highlighted, partial and hurt marked."""
        row = self.rows[index]
        if index == self.cursor:
            style = base + self.get_component_rich_style("session-list--cursor")
            cells = history_cells(row)
            text = (" " * GAP).join(
                fit(c, w, a) for c, (_, w, a) in zip(cells, COLUMNS, strict=True)
            )
            return [Segment(text, style)]
        partial = base + self.get_component_rich_style("session-list--partial")
        hurt = base + self.get_component_rich_style("session-list--hurt")
        segments = []
        for number, (cell, (_, size, align)) in enumerate(
            zip(history_cells(row), COLUMNS, strict=True)
        ):
            style = base
            if number == 3 and row.status == "partial":
                style = partial
            elif number == 6 and row.hurt:
                style = hurt
            if number:
                segments.append(Segment(" " * GAP, base))
            segments.append(Segment(fit(cell, size, align), style))
        return segments

    def action_move(self, step: int) -> None:
        """Move the cursor ``step`` rows."""
        self.cursor = self.validate_cursor(self.cursor + step)

    def action_page(self, step: int) -> None:
        """Move the cursor a page up or down."""
        self.cursor = self.validate_cursor(self.cursor + step * self.page)

    def action_first(self) -> None:
        """The newest session."""
        self.cursor = 0

    def action_last(self) -> None:
        """The oldest session."""
        self.cursor = self.validate_cursor(len(self.rows) - 1)

    def action_select(self) -> None:
        """Choose the session under the cursor."""
        row = self.highlighted
        if row is not None:
            self.post_message(self.Selected(self, row.session))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to a row; a click on the cursor's row chooses it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        index = round(self.scroll_y) + offset.y - 1
        if index >= len(self.rows):
            return
        if index == self.cursor:
            self.action_select()
        else:
            self.cursor = index
