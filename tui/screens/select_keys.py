"""The select screen's keys and help text, beside each other (the help names keys by their ids).

Kept apart from :mod:`tui.screens.select` (near its size limit), as the player's are in
:mod:`tui.screens.player_keys`.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

SELECT_HELP = """\
## Choose

Press **{key:select.search}**, then type to filter (on the list, letters are keys:
**{key:select.avoid}**, **{key:select.new}**...). Every word must match a name or a facet, such
as **seated**, **towel**, **no equipment**, **stabilise** (or **stabilize**), **sciatica**,
**align** or an article (**klarity**). Up and down move through the list; the pane on the right
shows the routine or exercise under the cursor.
**{key:select.play}** plays it; **{key:select.avoid}** shows what to avoid and why, and the red
flags; **{key:safety.retake}** takes the red-flag check again, at any time.

**{key:select.new}** builds a new routine of your own (starting from the exercise or routine
under the cursor); **{key:select.edit}** edits and **{key:select.delete}** deletes one of your
own routines, marked *(yours)* in the list.
"""
"""The select screen's help: its keys, filled in from the bindings when shown."""

SELECT_BINDINGS: list[BindingType] = [
    Binding("slash", "search", "Search", id="select.search", tooltip="Type to filter"),
    Binding("a", "avoid", "Avoid", id="select.avoid", tooltip="What to avoid and why; red flags"),
    Binding("escape", "clear", "Clear", id="select.clear", tooltip="Clear the search", show=False),
    Binding(
        "enter",
        "play",
        "Play",
        id="select.play",
        tooltip="Play the routine (or the exercise on its own) under the cursor",
        priority=True,
    ),
    Binding(
        "n",
        "new",
        "New",
        id="select.new",
        tooltip="Build a routine of your own, starting from what is under the cursor",
    ),
    Binding("e", "edit", "Edit", id="select.edit", tooltip="Change your routine"),
    Binding("d", "delete", "Delete", id="select.delete", tooltip="Delete your routine"),
]
"""The select screen's keys, each with an id (to remap) and a tooltip."""
