"""The roadmap screen's phase columns: each exercise with its mark, how far, and what is missing.

:class:`PhaseColumn` shows one phase of a :class:`~tui.history.Standing`, handed down by
:class:`~tui.screens.roadmap.RoadmapScreen` (it recomposes when the standing changes): its
exercises in order with a mark for each (:data:`MARKS`), how far the user is against the
phase's rule, what is still missing, what unlocks a ladder's next rung, and the rule itself.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, Static

from tui.history import CLIMB_AFTER, PhaseStanding, Standing
from tui.model import Catalogue, in_sentence, plural

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
