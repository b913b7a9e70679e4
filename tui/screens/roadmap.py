"""The roadmap screen: ALIGN, STABILIZE and MAINTAIN side by side, and where the user stands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Label, Static

from tui.failures import run_in_thread
from tui.history import (
    CLIMB_AFTER,
    PhaseStanding,
    Standing,
    may_offer_move_on,
    move_on,
    move_on_refusal,
    moving_on_note,
    standing,
    todays_routine,
)
from tui.messages import Failed, PlayRoutine
from tui.model import Catalogue, RoadmapState, in_sentence, plural, roadmap_line
from tui.screens.dialogs import MoveOnDialog
from tui.store import Store, StoreError
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import with_keys
from tui.widgets.mode_tabs import ModeTabs
from tui.widgets.safety_banner import SafetyBanner

MARKS = {"done": "✓", "rung": "▸", "todo": "·", "locked": "⊘"}
"""The mark in front of an exercise, by its state (the legend under the columns says what)."""
LEGEND = "✓ done   ▸ your step now   · not done yet   ⊘ locked until the step before"


def exercise_marks(phase: PhaseStanding) -> list[tuple[str, str]]:
    """Each exercise id of the phase, in order, with its state: done, rung, todo or locked.

    Done is ``PhaseStanding.done``. On a ladder not yet finished, the current rung is "rung"
    and the rungs above it are "locked".
    """
    done = phase.done
    rungs: set[str] = set()
    locked: set[str] = set()
    for status in phase.progressions:
        if status.is_ladder and not status.done and status.current is not None:
            rungs.add(status.current)
            locked.update(status.progression.exercises[status.rung + 1 :])
    return [
        (
            exercise,
            "rung"
            if exercise in rungs
            else "locked"
            if exercise in locked
            else "done"
            if exercise in done
            else "todo",
        )
        for exercise in phase.phase.exercises
    ]


def progress_lines(phase: PhaseStanding) -> list[tuple[str, bool]]:
    """How far the user is against each number of the phase's rule, and whether it is met."""
    rule = phase.phase.complete_when
    counts = (
        (len(phase.sessions), rule.min_sessions, "sessions"),
        (phase.days, rule.min_days, "days"),
        (phase.pain_free_streak, rule.pain_free_streak, "pain-free in a row"),
    )
    return [
        (f"{min(have, need)} of {need} {what}", have >= need)
        for have, need, what in counts
        if need > 0
    ]


def phase_state(standing: Standing, index: int) -> str:
    """A few words for the column's lower border: done, you are here, moved on, or after what."""
    phase = standing.phases[index]
    if index == standing.current_index:
        return "done · you are here" if phase.complete else "you are here"
    if phase.complete:
        return "done"
    if index < standing.current_index:
        return "moved on early"
    return f"after {standing.phases[index - 1].name}"


def summary(catalogue: Catalogue, standing: Standing, play_key: str) -> str:
    """The sentence above the columns: where the user is and what ``play_key`` (Enter) does."""
    current = standing.current
    routine = todays_routine(catalogue, standing)
    if all(phase.complete for phase in standing.phases):
        return (
            f"Every phase is complete. {current.name} stays your phase: it is a way of living. "
            f"{play_key} plays {routine.name}."
        )
    moved = " (you moved on early)" if standing.moved_early else ""
    steps = [
        in_sentence(catalogue.exercise(status.current).name)
        for status in current.progressions
        if status.is_ladder and status.rung > 0 and status.current is not None
    ]
    step = f", with the {' and the '.join(steps)}" if steps else ""
    return (
        f"You are in {current.name}{moved}. {play_key} starts today's session: "
        f"{routine.name}{step}."
    )


class Row(Horizontal):
    """A mark and a line of text beside it, wrapping under the text, not under the mark."""

    def __init__(self, mark: str, text: str, state: str) -> None:
        """Show ``text`` after ``mark``; ``state`` becomes a class for the styles."""
        super().__init__(classes=f"row {state}")
        self.mark_text = mark
        self.body = text

    def compose(self) -> ComposeResult:
        """The mark, then the text."""
        yield Label(self.mark_text, classes="mark")
        yield Label(self.body, classes="text", markup=False)  # names are the user's text


class PhaseColumn(VerticalScroll):
    """One phase: its exercises with what is done, how far the user is, and what completes it."""

    standing: reactive[Standing | None] = reactive(None, recompose=True)

    def __init__(self, catalogue: Catalogue, index: int, standing: Standing) -> None:
        """Show the phase at ``index`` of the standing."""
        super().__init__(id=f"phase-{standing.phases[index].id}", classes="phase")
        self.catalogue = catalogue
        self.index = index
        self.set_reactive(PhaseColumn.standing, standing)

    def on_mount(self) -> None:
        """Title the column for the standing it was made with."""
        self.watch_standing(self.standing)

    def watch_standing(self, standing: Standing | None) -> None:
        """Title the column and mark it current or complete."""
        if standing is None:
            return
        phase = standing.phases[self.index]
        self.border_title = Content(phase.name)
        self.border_subtitle = phase_state(standing, self.index)
        self.set_class(self.index == standing.current_index, "current")
        self.set_class(phase.complete, "complete")

    def compose(self) -> ComposeResult:
        """The exercises, how far, what is missing, the next unlock, and the rule."""
        if self.standing is None:
            return
        phase = self.standing.phases[self.index]
        for exercise, state in exercise_marks(phase):
            yield Row(MARKS[state], self.catalogue.exercise(exercise).name, state)
        yield Label("By lumbar's own rule", classes="heading")
        for text, met in progress_lines(phase):
            yield Row(MARKS["done" if met else "todo"], text, "done" if met else "todo")
        yield Label("Still to do", classes="heading")
        if phase.complete:
            yield Row(MARKS["done"], "Nothing: this phase is complete.", "done")
        for missing in phase.unmet:
            yield Row(MARKS["todo"], missing[:1].upper() + missing[1:], "todo")
        yield from self._unlocks(phase)
        yield Label("What completes it", classes="heading")
        yield Static(
            f"{phase.phase.complete_when.text} (lumbar's own rule: the article gives none.)",
            classes="rule",
            markup=False,
        )

    def _unlocks(self, phase: PhaseStanding) -> Iterator[Widget]:
        """For each ladder below its top rung: what unlocks the next rung."""
        for status in phase.progressions:
            steps = status.progression.exercises
            if not status.is_ladder or status.current is None or status.rung + 1 >= len(steps):
                continue
            left = CLIMB_AFTER - status.good_in_a_row
            following = self.catalogue.exercise(steps[status.rung + 1]).name
            current = in_sentence(self.catalogue.exercise(status.current).name)
            yield Label("Next step", classes="heading")
            yield Static(
                f"{following} unlocks after {plural(left, 'more good session')} "
                f"in a row with the {current}: done, rated easy or right, no pain.",
                classes="unlock",
                markup=False,
            )


class RoadmapScreen(Screen[None]):
    """The three phases side by side: what is done, where the user is, and today's session."""

    CSS_PATH = "roadmap.tcss"

    HELP = """\
## Roadmap

The three phases of the ASM Roadmap, ALIGN, STABILIZE and MAINTAIN, side by side. The phase you
are in has a heavy border. In each: its exercises in order (**✓** done at least once, **▸** your
step now on a ladder, **·** not done yet, **⊘** locked until the step before is done well), how
far you are against what completes the phase, and what is still missing.

{key:roadmap.previous} and {key:roadmap.next} (or Tab) move between the phases; up and down
scroll one. {key:roadmap.play} starts today's session of your phase. You can move on to the next
phase early: you are asked first, and your sessions so far stay in your history.

When your clinician prescribed a routine (`lumbar prescribe`), a line on top names it and
{key:roadmap.prescribed} plays it.
"""
    BINDINGS = [
        Binding("enter", "play", "Start", id="roadmap.play", tooltip="Start today's session"),
        Binding(
            "x",
            "play_prescribed",
            "Prescribed",
            id="roadmap.prescribed",
            tooltip="Play the routine your clinician prescribed",
        ),
        Binding(
            "m",
            "move_on",
            "Move on",
            id="roadmap.move-on",
            tooltip="Move on to the next phase early (asks first)",
        ),
        Binding(
            "left",
            "focus_phase(-1)",
            "Previous phase",
            id="roadmap.previous",
            tooltip="Look at the phase on the left",
            show=False,
        ),
        Binding(
            "right",
            "focus_phase(1)",
            "Next phase",
            id="roadmap.next",
            tooltip="Look at the phase on the right",
            show=False,
        ),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        store: Store,
        today: Callable[[], date] | date,
        *,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """Show the roadmap of ``catalogue`` for the history in ``store``, as of ``today``.

        ``now`` is the wall clock that dates a move on (the local time by default).
        """
        super().__init__()
        self.catalogue = catalogue
        self.store = store
        self.today: Callable[[], date] = today if callable(today) else (lambda: today)
        self.now: Callable[[], datetime] = now or (lambda: datetime.now().astimezone())
        self.standing = self.work_out()

    def work_out(self) -> Standing:
        """The standing from the store's history, as of today."""
        return standing(
            self.catalogue,
            self.store.sessions(),
            self.store.roadmap_state(),
            self.today(),
            self.store.settings().pain_threshold,
        )

    def compose(self) -> ComposeResult:
        """A sentence on top, the three phases, the legend and the keys."""
        yield Header()
        yield ModeTabs(id="modes")
        yield SafetyBanner(id="safety-banner")
        prescribed = self.catalogue.prescribed()
        if prescribed is not None:  # the clinician's routine first, as on the select screen
            key = with_keys(self, "{key:roadmap.prescribed}")
            line = roadmap_line(prescribed[0].name, prescribed[1], key, self.today())
            yield Static(line, id="prescribed", markup=False)
        yield Static(
            summary(self.catalogue, self.standing, self.play_key), id="summary", markup=False
        )
        with Horizontal(id="phases"):
            for index in range(len(self.standing.phases)):
                yield PhaseColumn(self.catalogue, index, self.standing)
        yield Static(LEGEND, id="legend", markup=False)
        yield KeyBar()

    @property
    def play_key(self) -> str:
        """The key that starts today's session, as the sentence on top names it."""
        return with_keys(self, "{key:roadmap.play}")

    @property
    def columns(self) -> list[PhaseColumn]:
        """The phase columns, left to right."""
        return list(self.query(PhaseColumn))

    def on_mount(self) -> None:
        """Start on the phase the user is in."""
        self.columns[self.standing.current_index].focus()

    def on_screen_resume(self) -> None:
        """Work the standing out again: a session just played may have changed it."""
        try:
            self.show(self.work_out())
        except StoreError as error:  # the file changed under us: keep showing what we had
            self.post_message(Failed("Could not read your progress", error))

    def show(self, standing: Standing) -> None:
        """Hand a new standing down to the columns; focus the current phase if it changed."""
        before = self.standing.current_index
        self.standing = standing
        line = summary(self.catalogue, standing, self.play_key)
        self.query_one("#summary", Static).update(line)
        for column in self.columns:
            column.standing = standing
        if standing.current_index != before:
            self.columns[standing.current_index].focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer "move on" only when there is a next phase and the current one is not done."""
        if action == "move_on":
            return may_offer_move_on(self.standing)
        if action == "play_prescribed":
            return self.catalogue.prescribed() is not None
        return True

    def action_play(self) -> None:
        """Start today's session of the current phase (the app opens the player)."""
        routine = todays_routine(self.catalogue, self.standing)
        self.post_message(PlayRoutine(routine, phase=self.standing.current.id))

    def action_play_prescribed(self) -> None:
        """Play the routine the clinician prescribed (through the same red-flag gate)."""
        prescribed = self.catalogue.prescribed()
        if prescribed is not None:
            self.post_message(PlayRoutine(prescribed[0]))

    def action_focus_phase(self, step: int) -> None:
        """Move to the phase ``step`` columns away, stopping at either end."""
        columns = self.columns
        here = next((i for i, column in enumerate(columns) if column.has_focus), None)
        target = self.standing.current_index if here is None else here + step
        columns[max(0, min(target, len(columns) - 1))].focus()

    def action_move_on(self) -> None:
        """Ask, with what it means, before moving on to the next phase early."""
        following = self.standing.next
        if following is None or not may_offer_move_on(self.standing):
            return
        refusal = move_on_refusal(self.standing)
        if refusal is not None:
            self.notify(refusal, title="Moving on waits", severity="warning", markup=False)
            return
        question = f"Move on to {following.name} now?"
        self.app.push_screen(MoveOnDialog(question, moving_on_note(self.standing)), self._answered)

    def _answered(self, move: bool | None) -> None:
        """Save the move on when the user said yes."""
        if move:
            state = move_on(self.standing, self.now())
            run_in_thread(self, partial(self.save, state), "save_roadmap", exclusive=True)

    @dataclass
    class Saved(Message):
        """The roadmap state was saved (posted from a worker's thread): where the user stands."""

        standing: Standing

    def save(self, state: RoadmapState) -> None:
        """On a worker's thread: save the roadmap state (the store may wait for its lock)."""
        self.store.save_roadmap_state(state)
        self.post_message(self.Saved(self.work_out()))

    def on_roadmap_screen_saved(self, message: Saved) -> None:
        """Show where the user stands now that the move is saved."""
        self.show(message.standing)
