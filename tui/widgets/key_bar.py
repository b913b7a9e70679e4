"""One line of keys at the bottom of a screen: what Textual's Footer shows, drawn as one widget.

Textual's Footer is a scrolling container of one widget per key, composed again whenever the
screen's bindings change (four times as lumbar's first screen opens, measured). The key bar
shows the same keys, the same way (the screen's active bindings with ``show=True``, one per
action, in order; the keys as ``App.get_key_display`` draws them; the Footer's theme colours;
disabled keys dim; grouped keys under their group's label; the command palette's key on the
right), but as one line of text, worked out again only when the screen says its bindings
changed. A click on a key presses it, as on the Footer.

:func:`bar_layout` lays the line out as plain pieces (no styles) and :func:`fitted` fits them to
a width, which keeps the layout testable on its own; :class:`KeyBar` gives them the theme's
colours. Blank cells take the bar's foreground colour (the Footer leaves it unset): it cannot
be seen, but the snapshots' SVG differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import groupby
from typing import Any, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget

ROLES = ("gap", "key", "description", "label", "edge")
"""What a piece of the line can be: its colours come from its role."""

EDGE = "▏"
"""The line left of the palette's key (the Footer draws it as a ``vkey`` border)."""


class Piece(NamedTuple):  # named tuples, not dataclasses: a third of the import time
    """A run of text on the bar: its role, and the key it belongs to (None for gaps, labels)."""

    text: str
    role: str
    """One of ``ROLES``."""
    key: int | None = None
    """The index of its entry in ``KeyBar.entries`` (what a click on it presses)."""


class Entry(NamedTuple):
    """One key the bar shows: the key to press, whether it works now, and its tooltip."""

    key: str
    enabled: bool
    tooltip: str
    binding_id: str = ""
    """The binding's id, if it has one (what ``KeyBar.labels`` names)."""


Unit = tuple[Piece, ...]
"""What is shown whole or not at all: one key and its description, or a group and its label."""


class Layout(NamedTuple):
    """The bar's keys and its pieces: units from the left, and the palette's key on the right."""

    entries: tuple[Entry, ...] = ()
    left: tuple[Unit, ...] = ()
    right: Unit = ()


def key_pieces(display: str, description: str, index: int) -> list[Piece]:
    """A key with its description (`` ⏎ Play ``), or the key alone when it has none."""
    if not description:
        return [Piece(display, "key", index)]
    return [Piece(f" {display} ", "key", index), Piece(f"{description} ", "description", index)]


def shown_bindings(screen: Screen[Any]) -> list[tuple[Binding, bool, str]]:
    """The first shown binding of each action active on ``screen``, in order, with its state."""
    first: dict[str, tuple[Binding, bool, str]] = {}
    for _, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show:
            first.setdefault(binding.action, (binding, enabled, tooltip))
    return list(first.values())


def bar_layout(screen: Screen[Any], app: App[Any], *, show_palette: bool) -> Layout:
    """The bar for ``screen``'s active bindings now, laid out as the Footer lays them out.

    Consecutive keys of one group with more than one action share the group's label; the
    palette's key goes on the right when the app has a palette and ``show_palette``.
    """
    entries: list[Entry] = []
    left: list[Unit] = []
    bindings = shown_bindings(screen)
    for group, members in groupby(bindings, lambda item: item[0].group):
        grouped = list(members)
        if group is not None and len(grouped) > 1:
            unit = [Piece(" ", "gap")]  # as the Footer draws them: " ⇧↑⇧↓ Move ", " + - 5 s "
            for position, (binding, enabled, tooltip) in enumerate(grouped):
                entries.append(Entry(binding.key, enabled, tooltip or binding.description))
                if position and not group.compact:
                    unit.append(Piece(" ", "gap"))
                unit.append(Piece(app.get_key_display(binding), "key", len(entries) - 1))
            unit += [Piece(" ", "gap"), Piece(group.description, "label"), Piece(" ", "gap")]
            left.append(tuple(unit))
            continue
        for binding, enabled, tooltip in grouped:
            entries.append(Entry(binding.key, enabled, tooltip, binding.id or ""))
            index = len(entries) - 1
            left.append(tuple(key_pieces(app.get_key_display(binding), binding.description, index)))
    right: Unit = ()
    palette = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
    if show_palette and app.ENABLE_COMMAND_PALETTE and palette is not None:
        _, binding, enabled, _ = palette
        entries.append(Entry(binding.key, enabled, binding.tooltip or binding.description))
        index = len(entries) - 1
        display = app.get_key_display(binding)
        right = (  # tighter than the other keys, as on the Footer
            Piece(EDGE, "edge", index),
            Piece(display, "key", index),
            Piece(f" {binding.description} ", "description", index),
        )
    return Layout(tuple(entries), tuple(left), right)


def relabelled(layout: Layout, labels: Mapping[str, str]) -> Layout:
    """``layout`` with each key whose binding id is in ``labels`` described by that label."""
    if not labels:
        return layout

    def piece(piece: Piece) -> Piece:
        if piece.role != "description" or piece.key is None:
            return piece
        label = labels.get(layout.entries[piece.key].binding_id)
        return piece if label is None else Piece(f"{label} ", piece.role, piece.key)

    return layout._replace(left=tuple(tuple(map(piece, unit)) for unit in layout.left))


def fitted(layout: Layout, width: int) -> list[Piece]:
    """The whole line at ``width`` columns: the keys that fit whole, then the palette's key.

    A key (or a group) that does not fit is left out with every key after it, never cut in the
    middle; the space that ends a key's description may go, as on the Footer.
    """
    room = width - sum(len(piece.text) for piece in layout.right)
    kept: list[Piece] = []
    used = 0
    for unit in layout.left:
        size = sum(len(piece.text) for piece in unit)
        if used + size > room:
            last = unit[-1]
            if used + size - 1 == room and last.text.endswith(" "):
                kept += [*unit[:-1], Piece(last.text[:-1], last.role, last.key)]
                used = room
            break
        kept += unit
        used += size
    gap = Piece(" " * max(0, room - used), "gap")
    return [*kept, gap, *layout.right]


class KeyBar(Widget, can_focus=False):
    """The keys of the screen in front, on one line: a drop-in for Textual's ``Footer``.

    Styled in ``lumbar.tcss`` with the Footer's theme variables (``$footer-*``).
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--label",
        "key-bar--edge",
        "key-bar--hover",
    }

    labels: var[dict[str, str]] = var(dict, init=False)
    """Labels in place of some keys' descriptions, by binding id (a parent binds them), for a
    key whose meaning turns with the moment: the player's space says Resume while paused."""

    def __init__(
        self, *, show_command_palette: bool = True, id: str | None = None, classes: str = ""
    ) -> None:
        """A bar for the screen it is mounted on; ``show_command_palette`` adds ``^p palette``."""
        super().__init__(id=id, classes=classes)
        self.show_command_palette = show_command_palette
        self.layout_now: Layout | None = None  # None until first drawn: the screen is whole then
        self.hovered: int | None = None
        self.line: list[Piece] = []  # the pieces last rendered, for clicks

    @property
    def entries(self) -> Sequence[Entry]:
        """The keys the bar shows now, in order (the palette's last)."""
        return self.current_layout().entries

    def on_mount(self) -> None:
        """Follow the screen's bindings (they are read when the bar is first drawn).

        Not read here: a screen's ``check_action`` may look for widgets mounted after the bar.
        """
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        """Stop following the screen's bindings."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """The screen's bindings changed (focus moved, a check_action may differ): lay out again."""
        if self.layout_now is not None and self.is_attached and screen is self.screen:
            self.update_layout()

    def watch_labels(self) -> None:
        """Other labels: draw the line again (the keys themselves are the same)."""
        self.refresh()

    def laid_out(self) -> Layout:
        """The keys as the screen's bindings are now."""
        return bar_layout(self.screen, self.app, show_palette=self.show_command_palette)

    def current_layout(self) -> Layout:
        """The keys shown (read from the bindings the first time)."""
        if self.layout_now is None:
            self.layout_now = self.laid_out()
        return self.layout_now

    def update_layout(self) -> None:
        """Work the keys out again; repaint only if they differ from those shown."""
        layout = self.laid_out()
        if layout != self.layout_now:
            self.layout_now = layout
            self.refresh()

    def render(self) -> Text:
        """The keys in the Footer's colours, fitted to the width."""
        self.line = fitted(relabelled(self.current_layout(), self.labels), self.size.width)
        styles = {
            "gap": Style(),
            "key": self.get_component_rich_style("key-bar--key"),
            "description": self.get_component_rich_style("key-bar--description"),
            "label": self.get_component_rich_style("key-bar--label"),
            "edge": self.get_component_rich_style("key-bar--edge"),
        }
        hover = Style(bgcolor=self.get_component_rich_style("key-bar--hover").bgcolor)
        text = Text(no_wrap=True, overflow="crop", end="")
        for piece in self.line:
            style = styles[piece.role]
            if piece.key is not None:
                if not self.entries[piece.key].enabled:
                    style += Style(dim=True)
                if piece.key == self.hovered:
                    style += hover
            text.append(piece.text, style)
        return text

    def entry_at(self, x: int) -> int | None:
        """The index of the key drawn at column ``x``, if any."""
        column = 0
        for piece in self.line:
            column += len(piece.text)
            if x < column:
                return piece.key
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Light up the key under the pointer, and give its tooltip."""
        index = self.entry_at(event.x)
        if index != self.hovered:
            self.hovered = index
            self.tooltip = self.entries[index].tooltip or None if index is not None else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        """No key is under the pointer now."""
        if self.hovered is not None:
            self.hovered = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Press the key clicked, as the Footer does (one that does not work now rings the bell)."""
        index = self.entry_at(event.x)
        if index is None:
            return
        entry = self.entries[index]
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()


def texts(pieces: Iterable[Piece]) -> str:
    """The pieces' text, joined: what the bar reads."""
    return "".join(piece.text for piece in pieces)
