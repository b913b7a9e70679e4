"""The roadmap screen: ALIGN, STABILIZE and MAINTAIN side by side, and where the user stands.

Each phase is a column of :mod:`tui.screens.roadmap_columns`; this screen puts them side by
side under a sentence on where the user is, starts today's session and moves on early.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static

from tui.failures import run_in_thread
from tui.history import (
    Standing,
    may_offer_move_on,
    move_on,
    move_on_refusal,
    moving_on_note,
    standing,
    todays_routine,
)
from tui.messages import Failed, PlayRoutine
from tui.model import Catalogue, RoadmapState, in_sentence, roadmap_line
from tui.screens.dialogs import MoveOnDialog
from tui.screens.roadmap_columns import LEGEND, PhaseColumn
from tui.store import Store, StoreError
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import with_keys
from tui.widgets.mode_tabs import ModeTabs
from tui.widgets.safety_banner import SafetyBanner


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
