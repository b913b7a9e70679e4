"""What the settings screen says about each setting: choices, ranges, hints and refusals.

Plain words and rules with no widgets, so the screen module holds only the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model import Catalogue, NotifyMethod, RoutineKind, about_minutes

NOTIFY_CHOICES: dict[NotifyMethod, tuple[str, str]] = {
    "off": ("Off", "No desktop notification; the bell, if on, is all."),
    "osc9": ("OSC 9", "Shown by iTerm2, WezTerm and Ghostty."),
    "osc777": ("OSC 777", "Shown by rxvt-unicode, foot, WezTerm and Ghostty."),
    "osc99": ("OSC 99", "Shown by kitty."),
}
"""Each notification method: its name in the list, and which terminals show it."""

TMUX_NOTE = "In tmux, set -g allow-passthrough on."

GET_READY = (0, 60)
"""The fewest and most seconds to get ready before the first exercise."""
WEEKLY_TARGET = (1, 7)
"""The fewest and most training days a week the target can be (progress counts days)."""
PAIN_THRESHOLD = (1, 10)
"""The lowest and highest pain score the threshold can be."""
PAIN_THRESHOLD_HINT = "Pain at or above this, before or after a session, holds your doses."
"""What the pain threshold does, in one line."""


def notify_hint(method: NotifyMethod) -> str:
    """Which terminals show a method's notifications (and what tmux needs)."""
    text = NOTIFY_CHOICES[method][1]
    return text if method == "off" else f"{text} {TMUX_NOTE}"


def on_off(value: bool) -> str:
    """``on`` or ``off``: a switch's state in a word."""
    return "on" if value else "off"


@dataclass(frozen=True)
class NumberSetting:
    """A setting typed as a whole number: its box, its field in Settings, its range and words."""

    box: str
    """The id of its Input."""
    field: str
    """Its field in :class:`~tui.model.records.Settings`."""
    name: str
    """What it is called in a sentence: ``get ready``."""
    bounds: tuple[int, int]
    """The fewest and most it can be (inclusive)."""
    unit: str = ""
    """What follows the number: `` s`` for seconds."""

    def value(self, text: str) -> int | None:
        """The whole number typed, if it lies within the bounds; else None."""
        low, high = self.bounds
        return int(text) if text.isdigit() and low <= int(text) <= high else None

    def words(self, value: object) -> str:
        """``get ready 12 s``: the setting with a value."""
        return f"{self.name} {value}{self.unit}"

    def refusal(self, text: str, kept: object) -> str:
        """Why ``text`` cannot be kept, what to type instead, and the number kept meanwhile.

        ``get ready 75 s is out of range; type a whole number from 0 to 60 (still 5 s).``
        """
        low, high = self.bounds
        wrong = f"{self.words(text)} is out of range" if text else f"{self.name} is empty"
        return f"{wrong}; type a whole number from {low} to {high} (still {kept}{self.unit})."


NUMBERS = {
    number.box: number
    for number in (
        NumberSetting("get-ready", "get_ready_seconds", "get ready", GET_READY, " s"),
        NumberSetting("weekly-target", "weekly_target", "weekly target", WEEKLY_TARGET),
        NumberSetting("pain-threshold", "pain_threshold", "pain threshold", PAIN_THRESHOLD),
    )
}
"""The settings typed as numbers, by the id of their box."""


def routine_hint(catalogue: Catalogue, kind: RoutineKind, when: str) -> str:
    """``Plays Warm-up (about 7 min) before each session.``, from the catalogue."""
    routine = next((r for r in catalogue.routines.values() if r.kind == kind), None)
    if routine is None:
        return "The catalogue has no such routine, so this does nothing."
    about = about_minutes(catalogue.routine_seconds(routine))
    return f"Plays {routine.name} ({about}) {when} each session."


def frequency_hint(catalogue: Catalogue) -> str:
    """What the articles say about how often to train (the first such advice in the catalogue)."""
    advice = next((a for a in catalogue.advice if a.kind == "frequency"), None)
    return advice.text if advice is not None else ""
