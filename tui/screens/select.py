"""The select screen: search routines and exercises, read everything about one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Markdown, OptionList
from textual.widgets.option_list import Option

from tui.describe import exercise_markdown, routine_markdown
from tui.messages import PlayRoutine
from tui.model import Catalogue, Routine, RoutineItem
from tui.screens.advice import AvoidList
from tui.search import exercise_matches, routine_matches

ROUTINE = "routine:"
EXERCISE = "exercise:"


class SelectScreen(Screen[None]):
    """Every routine and exercise in a list you can filter by typing, with a detail pane."""

    HELP = """\
## Choose

Type to filter: every word must match a name or a facet, such as **seated**, **towel**,
**stabilise**, **sciatica**, **align** or an article (**klarity**). Up and down move through
the list; the pane on the right shows the routine or exercise under the cursor. **Enter**
plays it; **a** shows what to avoid and why, and the red flags.
"""
    BINDINGS = [
        Binding("slash", "search", "Search", id="select.search", tooltip="Type to filter"),
        Binding(
            "a", "avoid", "Avoid", id="select.avoid", tooltip="What to avoid and why; red flags"
        ),
        Binding(
            "escape", "clear", "Clear", id="select.clear", tooltip="Clear the search", show=False
        ),
        Binding(
            "enter",
            "play",
            "Play",
            id="select.play",
            tooltip="Play the routine (or the exercise on its own) under the cursor",
            priority=True,
        ),
    ]

    def __init__(self, catalogue: Catalogue) -> None:
        """Show this catalogue."""
        super().__init__()
        self.catalogue = catalogue

    def compose(self) -> ComposeResult:
        """Search on top, the list on the left, the detail on the right."""
        yield Header()
        yield Input(placeholder="Type to filter: seated, towel, sciatica, align...", id="search")
        with Horizontal(id="panes"):
            yield OptionList(id="choices")
            with VerticalScroll(id="detail-pane"):
                yield Markdown(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the list and put the cursor on the first routine."""
        self.refill("")
        self.query_one("#choices", OptionList).focus()

    def refill(self, query: str) -> None:
        """Show the routines and exercises that match the query, each under a heading."""
        catalogue = self.catalogue
        routines = [r for r in catalogue.routines.values() if routine_matches(catalogue, r, query)]
        exercises = [
            e for e in catalogue.exercises.values() if exercise_matches(catalogue, e, query)
        ]
        options: list[Option] = [Option(f"Routines ({len(routines)})", disabled=True)]
        options += [Option(f"  {r.name}", id=f"{ROUTINE}{r.id}") for r in routines]
        options.append(Option(f"Exercises ({len(exercises)})", disabled=True))
        options += [Option(f"  {e.name}", id=f"{EXERCISE}{e.id}") for e in exercises]
        choices = self.query_one("#choices", OptionList)
        choices.set_options(options)
        first = next((i for i, option in enumerate(options) if not option.disabled), None)
        choices.highlighted = first
        if first is None:
            self.query_one("#detail", Markdown).update("*Nothing matches. Press Escape.*")

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        self.refill(event.value)

    @on(Input.Submitted, "#search")
    def search_done(self) -> None:
        """Enter in the search box moves to the list."""
        self.query_one("#choices", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#choices")
    def show_detail(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted routine or exercise."""
        key = event.option.id or ""
        detail = self.query_one("#detail", Markdown)
        if key.startswith(ROUTINE):
            routine = self.catalogue.routine(key.removeprefix(ROUTINE))
            detail.update(routine_markdown(self.catalogue, routine))
        elif key.startswith(EXERCISE):
            exercise = self.catalogue.exercise(key.removeprefix(EXERCISE))
            detail.update(exercise_markdown(self.catalogue, exercise))
        self.query_one("#detail-pane", VerticalScroll).scroll_home(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter plays from the list; in the search box it goes to the list instead."""
        if action == "play":
            return self.query_one("#choices", OptionList).has_focus
        return True

    def action_play(self) -> None:
        """Play the highlighted routine, or the highlighted exercise as a routine of its own."""
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is None:
            return
        key = choices.get_option_at_index(choices.highlighted).id or ""
        if key.startswith(ROUTINE):
            self.post_message(PlayRoutine(self.catalogue.routine(key.removeprefix(ROUTINE))))
        elif key.startswith(EXERCISE):
            exercise = self.catalogue.exercise(key.removeprefix(EXERCISE))
            alone = Routine(
                id=exercise.id,
                name=exercise.name,
                kind="custom",
                description=exercise.summary,
                items=(RoutineItem(exercise=exercise.id),),
            )
            self.post_message(PlayRoutine(alone))

    def action_avoid(self) -> None:
        """Show the exercises to avoid and the red flags."""
        self.app.push_screen(AvoidList(self.catalogue))

    def action_search(self) -> None:
        """Move to the search box."""
        self.query_one("#search", Input).focus()

    def action_clear(self) -> None:
        """Clear the search and go back to the list."""
        self.query_one("#search", Input).value = ""
        self.query_one("#choices", OptionList).focus()
