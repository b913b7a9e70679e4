"""The settings screen: theme, get-ready time, bell, notifications, weekly target, warm-up.

Every change is saved to the store as it is made (there is no save key to forget); a change the
store cannot keep becomes an error notification and the line at the bottom says so.
"""

from __future__ import annotations

from typing import Any

import msgspec
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Select, Static, Switch

from tui.model import Catalogue, RoutineKind
from tui.records import NotifyMethod, Settings
from tui.storage import StoreError
from tui.store import Store
from tui.widgets.mode_tabs import ModeTabs

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
WEEKLY_TARGET = (1, 14)
"""The fewest and most sessions a week the target can be."""


def notify_hint(method: NotifyMethod) -> str:
    """Which terminals show a method's notifications (and what tmux needs)."""
    text = NOTIFY_CHOICES[method][1]
    return text if method == "off" else f"{text} {TMUX_NOTE}"


def on_off(value: bool) -> str:
    """``on`` or ``off``: a switch's state in a word."""
    return "on" if value else "off"


def number_in(text: str, bounds: tuple[int, int]) -> int | None:
    """The whole number typed, if it lies within ``bounds`` (inclusive); else None."""
    low, high = bounds
    return int(text) if text.isdigit() and low <= int(text) <= high else None


def routine_hint(catalogue: Catalogue, kind: RoutineKind, when: str) -> str:
    """``Plays Warm-up (about 7 min) before each session.``, from the catalogue."""
    routine = next((r for r in catalogue.routines.values() if r.kind == kind), None)
    if routine is None:
        return "The catalogue has no such routine, so this does nothing."
    minutes = max(1, round(catalogue.routine_seconds(routine) / 60))
    return f"Plays {routine.name} (about {minutes} min) {when} each session."


def frequency_hint(catalogue: Catalogue) -> str:
    """What the articles say about how often to train (the first such advice in the catalogue)."""
    advice = next((a for a in catalogue.advice if a.kind == "frequency"), None)
    return advice.text if advice is not None else ""


class SettingsScreen(Screen[None]):
    """One row per setting, keyboard only; each change is applied and saved at once."""

    CSS_PATH = "settings.tcss"

    HELP = """\
## Settings

**Tab** and **Shift+Tab** move between the settings. On a list, **Enter** or **Space** opens it,
up and down choose and **Enter** takes the choice; on a switch, **Enter** or **Space** flips it;
in a number, type it. Every change is saved at once and kept for next time; the theme shows
straight away. **Escape** goes back to choosing a routine.
"""
    BINDINGS = [
        Binding(
            "escape",
            "app.switch_mode('select')",
            "Done",
            id="settings.done",
            tooltip="Back to choosing a routine (changes are already saved)",
        ),
    ]

    def __init__(self, catalogue: Catalogue, store: Store) -> None:
        """Edit the settings kept in ``store``; ``catalogue`` supplies the advice shown."""
        super().__init__()
        self.catalogue = catalogue
        self.store = store

    def compose(self) -> ComposeResult:
        """A line on how it works, then each setting with a word on what it does."""
        settings = self.read() or Settings()
        themes = sorted(self.app.available_themes)
        notify = [(label, method) for method, (label, _) in NOTIFY_CHOICES.items()]
        yield Header()
        yield ModeTabs(id="modes")
        with VerticalScroll(id="settings-pane"):
            yield Static("Tab moves; Enter or Space opens or flips. Saved as you go.", id="how")
            with Horizontal(classes="setting"):
                yield Label("Theme", classes="name")
                yield Select(
                    [(t, t) for t in themes],
                    allow_blank=False,
                    value=self.app.theme,
                    compact=True,
                    id="theme",
                )
            yield Static("Shown at once. ansi-dark suits a 16-colour terminal.", classes="hint")
            with Horizontal(classes="setting"):
                yield Label("Get ready", classes="name")
                yield self.number_input("get-ready", GET_READY, settings.get_ready_seconds)
                yield Label(f"seconds before the first exercise ({GET_READY[0]} to {GET_READY[1]})")
            with Horizontal(classes="setting"):
                yield Label("Bell", classes="name")
                yield from self.switch("bell", settings.bell, "rings at every change of step")
            with Horizontal(classes="setting"):
                yield Label("Desktop notice", classes="name")
                yield Select(
                    notify, allow_blank=False, value=settings.notify, compact=True, id="notify"
                )
            yield Static(notify_hint(settings.notify), id="notify-hint", classes="hint")
            with Horizontal(classes="setting"):
                yield Label("Weekly target", classes="name")
                yield self.number_input("weekly-target", WEEKLY_TARGET, settings.weekly_target)
                yield Label(f"sessions a week ({WEEKLY_TARGET[0]} to {WEEKLY_TARGET[1]})")
            yield Static(frequency_hint(self.catalogue), classes="hint")
            with Horizontal(classes="setting"):
                yield Label("Warm-up", classes="name")
                hint = routine_hint(self.catalogue, "warm-up", "before")
                yield from self.switch("warm-up", settings.warm_up, hint)
            with Horizontal(classes="setting"):
                yield Label("Cool-down", classes="name")
                hint = routine_hint(self.catalogue, "cool-down", "after")
                yield from self.switch("cool-down", settings.cool_down, hint)
            yield Static(id="status")
        yield Footer()

    @staticmethod
    def switch(widget_id: str, value: bool, hint: str) -> ComposeResult:
        """A switch, the word for its state (not just a colour), and what it does."""
        yield Switch(value, id=widget_id)
        yield Label(on_off(value), id=f"{widget_id}-state", classes="state")
        yield Label(hint)

    @staticmethod
    def number_input(widget_id: str, bounds: tuple[int, int], value: int) -> Input:
        """A short box that takes only digits, for a whole number within ``bounds``."""
        return Input(
            str(value),
            restrict=r"[0-9]*",
            max_length=len(str(bounds[1])),
            compact=True,
            id=widget_id,
            tooltip=f"A whole number from {bounds[0]} to {bounds[1]}",
        )

    def on_mount(self) -> None:
        """Start on the first setting."""
        self.sub_title = "settings"
        self.query_one("#theme", Select).focus()

    def on_screen_resume(self) -> None:
        """Back to this mode: show the settings as they are now (the theme may have changed)."""
        self.show_settings()

    def show_settings(self) -> None:
        """Put the stored settings into the widgets, without saving them again."""
        settings = self.read()
        if settings is None:
            return
        with self.prevent(Select.Changed, Input.Changed, Switch.Changed):
            self.query_one("#theme", Select).value = self.app.theme
            self.query_one("#get-ready", Input).value = str(settings.get_ready_seconds)
            self.query_one("#bell", Switch).value = settings.bell
            self.query_one("#notify", Select).value = settings.notify
            self.query_one("#weekly-target", Input).value = str(settings.weekly_target)
            self.query_one("#warm-up", Switch).value = settings.warm_up
            self.query_one("#cool-down", Switch).value = settings.cool_down
        for switch in self.query(Switch):
            self.query_one(f"#{switch.id}-state", Label).update(on_off(switch.value))
        self.query_one("#notify-hint", Static).update(notify_hint(settings.notify))

    # Changes -----------------------------------------------------------------------------

    @on(Select.Changed, "#theme")
    def theme_chosen(self, event: Select.Changed) -> None:
        """Show the theme now, and keep it."""
        if isinstance(event.value, str) and event.value in self.app.available_themes:
            self.app.theme = event.value
            self.change(f"theme {event.value}", theme=event.value)

    @on(Select.Changed, "#notify")
    def notify_chosen(self, event: Select.Changed) -> None:
        """Keep the notification method, and say which terminals show it."""
        method = next((m for m in NOTIFY_CHOICES if m == event.value), None)
        if method is not None:
            self.query_one("#notify-hint", Static).update(notify_hint(method))
            self.change(f"desktop notice {NOTIFY_CHOICES[method][0]}", notify=method)

    @on(Switch.Changed)
    def switch_flipped(self, event: Switch.Changed) -> None:
        """Keep the bell, warm-up or cool-down switch."""
        field = {"bell": "bell", "warm-up": "warm_up", "cool-down": "cool_down"}.get(
            event.switch.id or ""
        )
        if field is not None:
            self.query_one(f"#{event.switch.id}-state", Label).update(on_off(event.value))
            label = (event.switch.id or "").replace("-", " ")
            self.change(f"{label} {on_off(event.value)}", **{field: event.value})

    @on(Input.Changed, "#get-ready")
    def get_ready_typed(self, event: Input.Changed) -> None:
        """Keep the get-ready seconds whenever the box holds a number from 0 to 60."""
        seconds = number_in(event.value, GET_READY)
        if seconds is None:
            kept = self.stored("get_ready_seconds")
            low, high = GET_READY
            self.status(f"Get ready: type a whole number from {low} to {high} (still {kept} s).")
        else:
            self.change(f"get ready {seconds} s", get_ready_seconds=seconds)

    @on(Input.Changed, "#weekly-target")
    def weekly_target_typed(self, event: Input.Changed) -> None:
        """Keep the weekly target whenever the box holds a number from 1 to 14."""
        target = number_in(event.value, WEEKLY_TARGET)
        if target is None:
            kept = self.stored("weekly_target")
            low, high = WEEKLY_TARGET
            self.status(f"Weekly target: type a whole number from {low} to {high} (still {kept}).")
        else:
            self.change(f"weekly target {target}", weekly_target=target)

    @on(Input.Blurred)
    def number_left(self) -> None:
        """Leaving a box that holds no valid number puts back the number that is kept."""
        self.show_settings()

    def stored(self, field: str) -> object:
        """One stored setting, by its field name (``?`` if the store cannot be read)."""
        settings = self.read()
        return "?" if settings is None else getattr(settings, field)

    def read(self) -> Settings | None:
        """The stored settings, or None (and a notification) if the store cannot be read."""
        try:
            return self.store.settings()
        except StoreError as error:
            self.notify(str(error), title="Settings could not be read", severity="error")
            return None

    def change(self, what: str, **fields: Any) -> None:
        """Save the stored settings with ``fields`` changed; say whether it worked."""
        current = self.read()
        if current is None:
            self.status("Not saved: lumbar cannot read your data file.")
            return
        updated = msgspec.structs.replace(current, **fields)
        if updated == current:
            return
        try:
            self.store.save_settings(updated)
        except StoreError as error:
            self.notify(str(error), title="Settings not saved", severity="error")
            self.status(f"Not saved: {what}.")
            return
        self.status(f"Saved: {what}.")

    def status(self, text: str) -> None:
        """Say what happened to the last change."""
        self.query_one("#status", Static).update(text)
