"""The routine builder: name a routine, add, remove and reorder exercises, change doses, save.

The rules (ids, limits, checks) live in :mod:`tui.catalogue.custom`; this screen shows a
:class:`~tui.catalogue.custom.Draft` and turns keys into its changes. It saves to the store
itself (:mod:`tui.screens.builder_saving`), so a store error leaves the user where they were
with nothing lost, and dismisses with the saved routine's id (or None) for the app to reload the
routines.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import DescendantFocus
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.catalogue import (
    NAME_MAX,
    Draft,
    Part,
    adjust,
    bounds_text,
    exercise_matches,
    item_parts,
    limit_text,
    limits,
    part_text,
    parts,
)
from tui.model import Catalogue, RoutineItem
from tui.screens.builder_keys import BUILDER_BINDINGS
from tui.screens.builder_saving import BuilderSaving
from tui.store import Store
from tui.widgets.draft_items import DraftItems
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import remapped, with_keys


class BuilderScreen(BuilderSaving):
    """Build a custom routine or edit a saved one; dismisses with the saved routine's id."""

    CSS_PATH = "builder.tcss"

    HELP = """\
## Build a routine

Type a **name**. **Tab** moves between the name, your routine and the exercises to add.

In **your routine**: **{key:builder.remove}** removes the exercise under the cursor
(**{key:builder.put-back}** puts it back),
**{key:builder.move-up}** and **{key:builder.move-down}** move it, **{key:builder.part-left}**
and **{key:builder.part-right}** choose its sets, reps or hold, and **{key:builder.less}** and
**{key:builder.more}** change that within limits taken from the articles: never more than the
most any article gives for that exercise, and down to half the least. A range such as 15-30 s
moves as a whole, so lumbar still starts you at its low end and moves you up as sessions go
well, and back down after pain.

In **add an exercise**: type to filter, **{key:builder.add}** adds the highlighted exercise at
the end.

**{key:builder.save}** saves; **{key:builder.cancel}** leaves (asking first if you changed
something).
"""
    BINDINGS = BUILDER_BINDINGS

    def __init__(self, catalogue: Catalogue, store: Store, start: Draft) -> None:
        """Build from ``start`` (empty, one exercise, a copy, or a saved routine to edit)."""
        super().__init__(catalogue, store, start)
        self.part: Part = "reps"
        self.removed: list[tuple[int, RoutineItem]] = []
        """The exercises removed, each with where it was: ctrl+z puts the last one back."""

    def compose(self) -> ComposeResult:
        """The name on top, the routine on the left, the exercises to add on the right."""
        yield Header()
        with Horizontal(id="name-row"):
            yield Label("Name", id="name-label")
            yield Input(
                self.draft.name,
                placeholder="Name your routine, e.g. Morning stretch",
                max_length=NAME_MAX,
                id="name",
            )
        with Horizontal(id="builder-panes"):
            items = DraftItems(id="items")
            items.border_title = "Your routine"
            yield items
            with Vertical(id="add-pane"):
                yield Input(placeholder="Find an exercise to add", id="add-filter")
                exercises = OptionList(id="exercises")
                exercises.border_title = "Add an exercise"
                yield exercises
        yield Static(id="dose-line")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the draft; start in the name box, new routine or not."""
        self.sub_title = f"edit {self.original.name}" if self.original.routine_id else "new routine"
        self.show_items(0 if self.draft.items else None)
        self.fill_exercises("")
        self.query_one("#name").focus()  # where typing goes: never a list a letter acts on

    # --- showing ---------------------------------------------------------------------------

    @property
    def items_list(self) -> DraftItems:
        """The routine's exercises."""
        return self.query_one("#items", DraftItems)

    @property
    def exercise_list(self) -> OptionList:
        """The exercises that can be added."""
        return self.query_one("#exercises", OptionList)

    def show_items(self, highlight: int | None) -> None:
        """Show the routine's items, each with its dose, the cursor on ``highlight``."""
        self.items_list.show(self.catalogue, self.draft, highlight)
        self.show_dose()

    def fill_exercises(self, query: str) -> None:
        """Show the exercises that match the filter."""
        found = [
            Option(Content(exercise.name), id=exercise.id)
            for exercise in self.catalogue.exercises.values()
            if exercise_matches(self.catalogue, exercise, query)
        ]
        exercises = self.exercise_list
        exercises.set_options(found or [Option("Nothing matches.", disabled=True)])
        exercises.highlighted = 0 if found else None

    def show_dose(self) -> None:
        """The line under the lists: the highlighted item's dose parts, limits and caution."""
        line = self.query_one("#dose-line", Static)
        index = self.items_list.highlighted
        if index is None or not self.draft.items:
            line.update(
                with_keys(
                    self,
                    "Add exercises with {key:builder.add} in the list on the right;"
                    " Tab moves between panes.",
                )
            )
            return
        item = self.draft.items[index]
        if item.exercise not in self.catalogue.exercises:
            line.update(
                Content(
                    f"{item.exercise} is no longer in the catalogue: remove it with "
                    + with_keys(self, "{key:builder.remove}.")
                )
            )
            return
        exercise = self.catalogue.exercise(item.exercise)
        dose = self.catalogue.dose_for(item)
        offered = parts(dose)
        first: Content | str
        if not offered:
            first = "This dose has stages: it is kept as its article gives it."
        else:
            self.part = self.part if self.part in offered else offered[0]
            pieces: list[Content | str] = []
            for part in offered:
                text = f" {part_text(dose, part)} "
                pieces += [(Content.styled(text, "reverse") if part == self.part else text), " "]
            bounds = limits(self.catalogue, item.exercise, self.part)
            room = f"  allowed: {bounds_text(bounds, self.part)}" if bounds else ""
            first = Content.assemble(
                self.keys_of("part"), " ", *pieces, self.keys_of("adjust"), room
            )
        caution = exercise.cautions[0] if exercise.cautions else "Stop if it hurts."
        line.update(Content.assemble(first, "\n", Content.styled(caution, "italic")))

    def keys_of(self, action: str) -> str:
        """The keys bound to ``action`` (the first of each binding id), shown as the footer does.

        A keymap the app was given counts: a remapped key shows as its new key.
        """
        seen: dict[str, str] = {}
        for binding in remapped(self.app, Binding.make_bindings(self.BINDINGS)):
            if binding.action.split("(")[0] == action:
                seen.setdefault(binding.id or binding.key, self.app.get_key_display(binding))
        return "/".join(seen.values())

    # --- following the user ----------------------------------------------------------------

    @on(Input.Changed, "#name")
    def name_changed(self, event: Input.Changed) -> None:
        """Keep the name as it is typed."""
        self.draft = self.draft.named(event.value)

    @on(Input.Submitted, "#name")
    def name_done(self) -> None:
        """Enter in the name box moves to the routine (or to the exercises, if it is empty)."""
        self.query_one("#items" if self.draft.items else "#add-filter").focus()

    @on(Input.Changed, "#add-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        """Filter the exercises as the user types."""
        self.fill_exercises(event.value)

    @on(Input.Submitted, "#add-filter")
    def filter_done(self) -> None:
        """Enter in the filter moves to the exercises."""
        self.exercise_list.focus()

    @on(OptionList.OptionHighlighted, "#items")
    def item_highlighted(self) -> None:
        """Show the dose of the exercise under the cursor."""
        self.show_dose()
        self.refresh_bindings()

    def on_resize(self) -> None:
        """Wrap the doses again to the new width."""
        self.show_items(self.items_list.highlighted)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """Offer the keys that work where the focus is."""
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each key only where it does something: item keys in the routine, Enter in the list."""
        focused = self.focused
        if action in ("remove", "move", "part", "adjust"):
            return focused is self.items_list and self.items_list.highlighted is not None
        if action == "add":
            return focused is self.exercise_list and self.exercise_list.highlighted is not None
        if action == "find":
            return not isinstance(focused, Input)
        if action == "put_back":
            return bool(self.removed)
        return True

    # --- actions ---------------------------------------------------------------------------

    def action_find(self) -> None:
        """Go to the filter of exercises to add."""
        self.query_one("#add-filter", Input).focus()

    def action_add(self) -> None:
        """Add the highlighted exercise at the end of the routine."""
        index = self.exercise_list.highlighted
        if index is None:
            return
        exercise_id = self.exercise_list.get_option_at_index(index).id
        if exercise_id is None:
            return
        self.draft = self.draft.adding(exercise_id)
        self.show_items(len(self.draft.items) - 1)
        name = self.catalogue.exercise(exercise_id).name
        self.say(f"Added {name}.", timeout=2)

    def action_remove(self) -> None:
        """Take the highlighted exercise out (it can be put back)."""
        index = self.items_list.highlighted
        if index is None:
            return
        item = self.draft.items[index]
        self.removed.append((index, item))
        self.draft = self.draft.removing(index)
        self.show_items(min(index, len(self.draft.items) - 1) if self.draft.items else None)
        self.refresh_bindings()
        name = self.catalogue.exercise(item.exercise).name
        put_back = with_keys(self, "{key:builder.put-back}")
        self.say(f"Removed {name}. {put_back} puts it back.", timeout=4)

    def say(self, text: str, *, timeout: float) -> None:
        """One note at a time (plain text): a new one replaces the last.

        Adding one exercise after another, the notes never stack up over the lists.
        """
        self.app.clear_notifications()
        self.notify(text, timeout=timeout, markup=False)

    def action_put_back(self) -> None:
        """Put back the exercise removed last, where it was, with its dose."""
        if not self.removed:
            return
        index, item = self.removed.pop()
        at = min(index, len(self.draft.items))
        self.draft = self.draft.inserting(item, at)
        self.show_items(at)
        self.refresh_bindings()

    def action_move(self, offset: int) -> None:
        """Move the highlighted exercise up (-1) or down (1)."""
        index = self.items_list.highlighted
        if index is None:
            return
        self.draft, target = self.draft.moving(index, offset)
        self.show_items(target)

    def action_part(self, step: int) -> None:
        """Choose the next (1) or previous (-1) part of the dose to change."""
        index = self.items_list.highlighted
        if index is None:
            return
        offered = item_parts(self.catalogue, self.draft.items[index])
        if offered:
            here = offered.index(self.part) if self.part in offered else 0
            self.part = offered[(here + step) % len(offered)]
        self.show_dose()

    def action_adjust(self, direction: int) -> None:
        """One step less (-1) or more (1) of the chosen part of the highlighted dose."""
        index = self.items_list.highlighted
        if index is None:
            return
        item = self.draft.items[index]
        if not item_parts(self.catalogue, item):
            self.say("This dose stays as it is.", timeout=3)
            return
        result = adjust(self.catalogue, item, self.part, direction)
        if not result.changed:
            text = limit_text(self.catalogue, item.exercise, self.part, direction)
            self.say(text, timeout=4)
            return
        self.draft = self.draft.replacing(index, result.item)
        self.show_items(index)
