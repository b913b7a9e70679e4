"""The builder's keys: a binding per action, each with an id (to remap) and a tooltip.

The keymap reads in one place, apart from the screen that builds the routine; the screen's help
text and its dose line name these keys through their ids.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

MOVE = Binding.Group("Move", compact=True)
"""Moving an exercise up or down: one entry in the footer."""

BUILDER_BINDINGS: list[BindingType] = [
    Binding("ctrl+s", "save", "Save", id="builder.save", tooltip="Save the routine", priority=True),
    Binding(
        "escape",
        "cancel",
        "Cancel",
        id="builder.cancel",
        tooltip="Leave without saving (asks first if you changed something)",
    ),
    Binding(
        "enter",
        "add",
        "Add",
        id="builder.add",
        tooltip="Add the highlighted exercise to the end of the routine",
        priority=True,
    ),
    Binding("a", "find", "Find", id="builder.find", tooltip="Find an exercise to add"),
    Binding(
        "delete",  # no letter: a letter meant for the name must never remove an exercise
        "remove",
        "Remove",
        id="builder.remove",
        tooltip="Take the highlighted exercise out of the routine (ctrl+z puts it back)",
    ),
    Binding(
        "ctrl+z",
        "put_back",
        "Put back",
        id="builder.put-back",
        tooltip="Put back the exercise removed last, where it was, with its dose",
    ),
    Binding(
        "shift+up",
        "move(-1)",
        "Move",
        id="builder.move-up",
        tooltip="Move the exercise up",
        key_display="⇧↑",
        group=MOVE,
    ),
    Binding(
        "shift+down",
        "move(1)",
        "Move",
        id="builder.move-down",
        tooltip="Move the exercise down",
        key_display="⇧↓",
        group=MOVE,
    ),
    Binding(
        "left",
        "part(-1)",
        "Part",
        id="builder.part-left",
        tooltip="Choose the sets, reps or hold to change",
        priority=True,
        show=False,  # the line under the lists shows these keys beside the dose
    ),
    Binding(
        "right",
        "part(1)",
        "Part",
        id="builder.part-right",
        tooltip="Choose the sets, reps or hold to change",
        priority=True,
        show=False,  # the line under the lists shows these keys beside the dose
    ),
    Binding(
        "minus",
        "adjust(-1)",
        "Dose",
        id="builder.less",
        tooltip="Less of the chosen part of the dose",
        show=False,
    ),
    Binding(
        "plus,equals_sign",
        "adjust(1)",
        "Dose",
        id="builder.more",
        tooltip="More of the chosen part of the dose",
        show=False,
    ),
]
"""Save, leave, add, remove, move and change the dose of the exercise under the cursor."""
