"""The settings rows for ``lumbar remind``: the days it may speak on, and quiet.

``lumbar remind`` prints one line when a session is due (never on a rest day, see
:mod:`tui.history.status`); these choose the days of the week it may do so and silence it
altogether. The screen keeps each change as it keeps every other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Checkbox, Label, Static

from tui.model import WEEKDAYS, Settings, Weekday
from tui.screens.settings_cues import switch_parts

DAY_CLASS = "remind-day"
"""The class of each day's checkbox (its id is ``remind-<day>``, e.g. ``remind-mon``)."""

REMIND_HINT = (
    "lumbar remind prints one line on these days when a session is due: never on a rest day "
    "(the day after a session, unless every day left is needed for your weekly target), once "
    "the week's target is met, or after a red-flag yes. Quiet: never."
)


def remind_rows(settings: Settings) -> Iterator[Widget]:
    """A checkbox per day of the week, the quiet switch, and what they do."""
    yield Horizontal(
        Label("Remind on", classes="name"),
        *(
            Checkbox(
                day.capitalize()[:2],
                day in settings.remind_days,
                id=f"remind-{day}",
                classes=DAY_CLASS,
                compact=True,
                tooltip=f"lumbar remind may speak on {day.capitalize()}",
            )
            for day in WEEKDAYS
        ),
        classes="setting",
    )
    yield Horizontal(
        Label("Quiet", classes="name"),
        *switch_parts("remind-quiet", settings.remind_quiet, "lumbar remind says nothing"),
        classes="setting",
    )
    yield Static(REMIND_HINT, classes="hint")


def days_ticked(boxes: Iterable[Checkbox]) -> tuple[Weekday, ...]:
    """The days whose checkbox is ticked, Monday first."""
    ticked = {box.id for box in boxes if box.value}
    return tuple(day for day in WEEKDAYS if f"remind-{day}" in ticked)


def days_words(days: tuple[Weekday, ...]) -> str:
    """What the status line says once the days are saved: ``reminders on mon, wed``."""
    return "reminders on " + (", ".join(days) if days else "no day")


def show_remind(boxes: Iterable[Checkbox], settings: Settings) -> None:
    """Tick each day's checkbox as the settings say (the caller keeps it from saving again)."""
    for box in boxes:
        box.value = (box.id or "").removeprefix("remind-") in settings.remind_days
