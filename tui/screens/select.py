"""The select screen: search routines and exercises, read everything about one.

A routine's detail shows how each exercise plays next and why, planned from the history in a
worker each time the screen comes back (a session played may change it); until then, the
articles' doses. It also looks after the user's own routines: it opens the builder for a new or
changed one, deletes one (in a worker: the store may wait for its lock), and tells the app when
they change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList
from textual.widgets.option_list import Option

from tui.catalogue import Draft, alone, nothing_matches, query_text
from tui.failures import run_in_thread
from tui.messages import PlayRoutine, RoutinesChanged
from tui.model import Catalogue, Exercise, ItemPlan, Routine
from tui.screens.select_detail import Described, neighbours, prepare
from tui.screens.select_keys import SELECT_BINDINGS, SELECT_HELP
from tui.screens.select_rows import ROUTINE, first_choice, listed
from tui.screens.select_search import PASTE_SETTLE, SearchBox
from tui.store import Store
from tui.widgets.choice_list import ChoiceList
from tui.widgets.description import DescriptionView
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import with_keys
from tui.widgets.mode_tabs import ModeTabs
from tui.widgets.safety_banner import SafetyBanner


class SelectScreen(Screen[None]):
    """Every routine and exercise in a list you can filter by typing, with a detail pane."""

    CSS_PATH = "select.tcss"
    AUTO_FOCUS = "#choices"

    HELP = SELECT_HELP
    BINDINGS = SELECT_BINDINGS

    @dataclass
    class Planned(Message):
        """How each routine of ``catalogue`` plays next (by routine id), from the history."""

        catalogue: Catalogue
        plans: Mapping[str, Sequence[ItemPlan]]

    def __init__(
        self,
        catalogue: Catalogue,
        store: Store,
        custom: frozenset[str] = frozenset(),
        today: Callable[[], date] | None = None,
        first_plan_after: float = 0.0,
        later: bool = False,
    ) -> None:
        """Show this catalogue; ``custom`` are the ids of the user's routines, kept in ``store``.

        ``today`` tells whether a prescription's review date has passed (the local date by
        default). The routines are first planned ``first_plan_after`` seconds after the first
        frame: a plan walks the history, and ten years would slow the frames just after it.
        With ``later`` (lumbar started on a session, which may cover the screen at once), its
        parts wait: see :meth:`started`.
        """
        super().__init__()
        self.today = today or (lambda: datetime.now().astimezone().date())
        self.catalogue = catalogue
        self.store = store
        self.custom = custom
        self.on_custom = False  # whether the cursor is on one of the user's own routines
        self.records: dict[str, Routine | Exercise] = {}  # option id: what the option stands for
        self.plans: Mapping[str, Sequence[ItemPlan]] = {}  # routine id: how its items play next
        self.described = Described(catalogue, self.plans, self.today)  # each description, made once
        self.plan_after = first_plan_after
        self.later = later
        """Whether the parts are still to be composed (the screen not shown yet)."""
        self.under_session = False
        """Whether a session opened over the screen as lumbar started (see :meth:`started`)."""

    def compose(self) -> ComposeResult:
        """Search on top, the list on the left, the detail on the right.

        The list and the first routine's detail are there from the first frame, so the screen
        is laid out once, not again as they arrive (start-up; see BENCHMARKS.md). Nothing
        while the parts wait (``later``).
        """
        if self.later:
            return
        options = self.options_for("")
        first = first_choice(options)
        yield Header()
        yield ModeTabs(id="modes")
        yield SafetyBanner(id="safety-banner")
        hint = "{key:select.search} to search: seated, towel, sciatica, align..."
        yield SearchBox(placeholder=with_keys(self, hint), id="search")
        with Horizontal(id="panes"):
            yield ChoiceList(*options, id="choices")
            detail = DescriptionView(id="detail")
            if first is not None:
                detail.show(self.described(self.records[options[first].id or ""]))
            yield detail
        yield KeyBar()

    def on_mount(self) -> None:
        """Put the cursor on the first routine (once the parts are there)."""
        if not self.later:
            self.follow_the_cursor()

    def follow_the_cursor(self) -> None:
        """Put the cursor on the first routine; the detail follows it from now on."""
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = first_choice(choices.options)
        self.watch(choices, "highlighted", self.show_highlighted, init=False)

    def started(self, under_session: bool) -> None:
        """Lumbar has started (``later``): compose the parts now, or when first shown.

        Under the session lumbar started on, the screen is first shown when the player leaves:
        its widgets, their styles and the plans (about 2 MB) are not kept through the session.
        """
        if not self.later:
            return
        self.under_session = under_session
        if not under_session:
            self.call_later(self.show_parts)

    async def show_parts(self) -> None:
        """Compose the parts that waited, put the cursor in the list, and plan the routines."""
        if not self.later:
            return
        self.later = False
        await self.recompose()
        self.follow_the_cursor()
        self.query_one("#choices", OptionList).focus()  # what AUTO_FOCUS found missing
        self.plan_soon()

    async def on_screen_resume(self) -> None:
        """Shown (again): plan the routines from the history, once the screen is drawn.

        The parts that waited under the session are composed as it leaves.
        """
        if self.later:
            if self.under_session and self.is_current:
                await self.show_parts()
            return
        self.plan_soon()

    def plan_soon(self) -> None:
        """Plan the routines once the screen is drawn (the first time, ``plan_after`` later)."""
        wait, self.plan_after = self.plan_after, 0.0  # only the first time (see __init__)
        plan = partial(self.set_timer, wait, self.plan_routines) if wait else self.plan_routines
        self.call_after_refresh(plan)

    def plan_routines(self) -> None:
        """Work out how each routine plays next, in a worker (it reads the store)."""
        work = partial(self.work_out_plans, self.catalogue)
        run_in_thread(self, work, "plan_routines", exclusive=True)

    def work_out_plans(self, catalogue: Catalogue) -> None:
        """On a worker's thread: every routine's next session from the history, posted back.

        Begun while the progress screen works out its figures, it waits for them (a second at
        most): ordering ten years of sessions, before the replay itself gives way, took 50 ms.
        """
        from tui.history import give_way, passed_gates, plan_all

        give_way()
        settings, history = self.store.settings(), self.store.sessions()
        found = plan_all(catalogue, history, settings.pain_threshold)
        passed_gates(history, settings)  # read here, so that starting a session needs no walk
        plans = {routine: plan.items for routine, plan in found.items()}
        self.post_message(self.Planned(catalogue, plans))

    def on_select_screen_planned(self, message: Planned) -> None:
        """The plans are in: the routine under the cursor shows how it plays next, and why."""
        if message.catalogue is not self.catalogue:
            return  # planned for a catalogue since changed: a newer plan is on its way
        self.plans = message.plans
        self.described = Described(self.catalogue, self.plans, self.today)
        record = self.highlighted()
        if isinstance(record, Routine):
            self.query_one("#detail", DescriptionView).show(self.described(record))

    def options_for(self, query: str) -> list[Option]:
        """The options that match the query; remembers what each stands for in ``records``."""
        options, self.records = listed(self.catalogue, self.custom, query, self.today())
        return options

    def refill(self, query: str) -> None:
        """Show the routines and exercises that match the query, the cursor on the first."""
        options = self.options_for(query)
        choices = self.query_one("#choices", OptionList)
        choices.set_options(options)
        choices.highlighted = first = first_choice(options)
        if first is None:
            self.query_one("#detail", DescriptionView).show(
                nothing_matches(with_keys(self, "Nothing matches. Press {key:select.clear}."))
            )

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        """Filter as the user types; a paste keeps only its text, cut to a query's length."""
        query = query_text(event.value)
        if query != event.value:
            with self.prevent(Input.Changed):
                event.input.value = query
        self.refill(query)

    @on(Input.Submitted, "#search")
    def search_done(self, event: Input.Submitted) -> None:
        """Enter in the search box moves to the list; not an Enter that came with a paste."""
        box = self.query_one(SearchBox)
        if box.pasted_at is not None and box.clock() - box.pasted_at < PASTE_SETTLE:
            return  # the rest of a paste the terminal cut short: its newline stays text
        self.query_one("#choices", OptionList).focus()

    def show_highlighted(self, index: int | None) -> None:
        """Show the routine or exercise the cursor moved to (watched, so both draw at once)."""
        choices = self.query_one("#choices", OptionList)
        if index is None or index >= choices.option_count:
            return
        if (option := choices.get_option_at_index(index)).disabled:
            return  # a heading: the cursor never rests on one
        if (record := self.records.get(option.id or "")) is not None:
            self.query_one("#detail", DescriptionView).show(self.described(record))
            self.call_after_refresh(self.prepare_neighbours, index)
        if self.on_custom != (on_custom := self.highlighted_custom() is not None):
            self.on_custom = on_custom
            self.refresh_bindings()  # e and d come and go (the footer is rebuilt only then)

    def prepare_neighbours(self, index: int) -> None:
        """Once the screen is drawn, render the options either side of ``index`` ahead of time."""
        choices, detail = self.query_one("#choices", OptionList), self.query_one(DescriptionView)
        prepare(detail, self.described, self.records, neighbours(choices, index))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter plays from the list; in the search box it goes to the list instead."""
        if self.later:  # nothing listed yet
            return action not in ("play", "edit", "delete")
        if action == "play":
            return self.query_one("#choices", OptionList).has_focus
        if action in ("edit", "delete"):
            return self.highlighted_custom() is not None
        return True

    def highlighted_key(self) -> str:
        """The id of the option under the cursor, or "" (a heading, or nothing listed)."""
        choices = self.query_one("#choices", OptionList)
        if choices.highlighted is None:
            return ""
        return choices.get_option_at_index(choices.highlighted).id or ""

    def highlighted(self) -> Routine | Exercise | None:
        """The routine or exercise under the cursor, if any."""
        return self.records.get(self.highlighted_key())

    def highlighted_custom(self) -> Routine | None:
        """The user's own routine under the cursor, if it is one."""
        record = self.highlighted()
        return record if isinstance(record, Routine) and record.id in self.custom else None

    def show_catalogue(
        self, catalogue: Catalogue, custom: frozenset[str], highlight: str | None = None
    ) -> None:
        """Show a changed catalogue, the cursor on routine ``highlight`` or where it was."""
        if self.later:  # composed from the new catalogue when first shown
            self.catalogue, self.custom = catalogue, custom
            self.described = Described(catalogue, self.plans, self.today)
            return
        choices = self.query_one("#choices", OptionList)
        was_key, was_index = self.highlighted_key(), choices.highlighted or 0
        self.catalogue, self.custom = catalogue, custom
        self.described = Described(catalogue, self.plans, self.today)
        search = self.query_one("#search", Input)
        self.refill(search.value)
        wanted = f"{ROUTINE}{highlight}" if highlight else was_key
        keys = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        if (highlight and wanted not in keys) or not any(keys):  # the search hides it all
            with self.prevent(Input.Changed):
                search.value = ""
            self.refill("")
            keys = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        if wanted in keys:
            choices.highlighted = keys.index(wanted)
        else:  # it was deleted: the one now in its place, or the last before it
            usable = [i for i, key in enumerate(keys) if key and i <= was_index]
            choices.highlighted = usable[-1] if usable else choices.highlighted
        self.on_custom = self.highlighted_custom() is not None
        self.refresh_bindings()
        self.plan_routines()  # the user's routines changed: plan them too

    def action_play(self) -> None:
        """Play the highlighted routine, or the highlighted exercise as a routine of its own."""
        record = self.highlighted()
        if isinstance(record, Routine):
            self.post_message(PlayRoutine(record))
        elif record is not None:
            self.post_message(PlayRoutine(alone(record)))

    def action_new(self) -> None:
        """Build a routine: with the exercise under the cursor, or from a copy of the routine."""
        record = self.highlighted()
        if isinstance(record, Routine):
            start = Draft.copy_of(record)
        elif record is not None:
            start = Draft.starting_with(record.id)
        else:
            start = Draft()
        self.build(start)

    def action_edit(self) -> None:
        """Edit the user's routine under the cursor."""
        routine = self.highlighted_custom()
        if routine is not None:
            self.build(Draft.of(routine))

    def action_delete(self) -> None:
        """Delete the user's routine under the cursor, once they confirm."""
        routine = self.highlighted_custom()
        if routine is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                run_in_thread(self, partial(self.delete, routine), "delete_routine")

        from tui.screens.dialogs import Confirm  # the dialogs wait for their first use

        question = f'Delete your routine "{routine.name}"? The sessions you played stay saved.'
        self.app.push_screen(Confirm("Delete this routine?", question), answered)

    def build(self, start: Draft) -> None:
        """Open the builder on ``start``; once it saves, the app reads the routines again."""
        from tui.screens.builder import BuilderScreen  # imported when first wanted

        def done(saved: str | None) -> None:
            if saved:
                self.post_message(RoutinesChanged(saved))

        self.app.push_screen(BuilderScreen(self.catalogue, self.store, start), done)

    def delete(self, routine: Routine) -> None:
        """On a worker's thread: delete the routine, say so, and have the routines read again."""
        self.store.delete_routine(routine.id)
        self.notify(f'Deleted "{routine.name}".', title="Routine deleted", markup=False)
        self.post_message(RoutinesChanged())

    def action_avoid(self) -> None:
        """Show the exercises to avoid and the red flags."""
        from tui.screens.advice import AvoidList  # Markdown: imported when first wanted

        self.app.push_screen(AvoidList(self.catalogue))

    def action_search(self) -> None:
        """Move to the search box."""
        self.query_one("#search", Input).focus()

    def action_clear(self) -> None:
        """Clear the search and go back to the list."""
        self.query_one("#search", Input).value = ""
        self.query_one("#choices", OptionList).focus()
