"""The settings screen: theme, get ready, bell, notices, weekly target, pain, warm-up, speech.

A list or a switch is saved to the store as it is changed (there is no save key to forget); a
number once it is whole, and only if it lies in its range: how, and the line at the bottom that
says what happened, are in :mod:`tui.screens.settings_saving`. A change the store cannot keep
becomes an error notification, the line at the bottom says so, and the next change tries it
again. Two buttons try a cue: a test desktop notice, and speech.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Checkbox, Header, Input, Label, Select, Static, Switch

from tui.failures import run_in_thread
from tui.model import Catalogue, NotifyMethod, Settings
from tui.screens.settings_cues import cue_rows, send_test_notice, speech_hint, switch_parts
from tui.screens.settings_gates import GATE_CLASS, gate_rows, gate_taken_back
from tui.screens.settings_remind import DAY_CLASS, days_ticked, days_words, remind_rows, show_remind
from tui.screens.settings_saving import SettingsSaving
from tui.screens.settings_words import (
    GET_READY,
    NOTIFY_CHOICES,
    NUMBERS,
    PAIN_THRESHOLD,
    PAIN_THRESHOLD_HINT,
    WEEKLY_TARGET,
    frequency_hint,
    notify_hint,
    on_off,
    routine_hint,
)
from tui.session import Cues, SpeechSystem, Trial, try_speech
from tui.store import SettingsChanges
from tui.widgets.key_bar import KeyBar
from tui.widgets.mode_tabs import ModeTabs
from tui.widgets.safety_banner import SafetyBanner


class SettingsScreen(SettingsSaving):
    """One row per setting, keyboard only; a choice is saved at once, a number when entered."""

    CSS_PATH = "settings.tcss"

    HELP = """\
## Settings

**Tab** and **Shift+Tab** move between the settings. On a list, **Enter** or **Space** opens it,
up and down choose and **Enter** takes the choice; on a switch, **Enter** or **Space** flips it.
A choice or a switch is saved at once and kept for next time; the theme shows straight away. In
a number, type it and press **Enter** (or move on with **Tab**) to save it; a number out of its
range is not saved, and the line at the bottom says what it can be. **Test** sends a desktop
notice the way a session does; **Try it** speaks a sample line. **{key:settings.done}** goes
back to choosing a routine, saving a number still being typed if it is in range.

**Plain player** makes `lumbar play` play in lines, one per event, with no full screen: for a
screen reader (`TERM=dumb` or `ACCESSIBLE=1` does the same).

**Remind on** ticks the days `lumbar remind` may print its line (Space ticks a day), and **Quiet**
silences it. A session is due (lumbar's rule, from the articles' 3 to 4 times a week with a rest
day between): not after a red-flag yes, not once you trained today or met the week's target, and
not the day after a session, a rest day, unless every day left in the week is needed to meet it.
"""
    BINDINGS = [
        Binding(
            "escape",
            "app.switch_mode('select')",
            "Done",
            id="settings.done",
            tooltip="Back to choosing a routine (changes are saved)",
        ),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        changes: SettingsChanges,
        *,
        speech: SpeechSystem | None = None,
        cues_for: Callable[[NotifyMethod], Cues] | None = None,
        wall: Callable[[], datetime] | None = None,
    ) -> None:
        """Edit the settings through ``changes``; ``catalogue`` supplies the advice shown.

        ``speech`` is what the machine offers to speak with; ``cues_for`` gives the player's
        cues for a notification method (the test notice goes through them); ``wall`` the time.
        """
        super().__init__(changes)
        self.catalogue = catalogue
        self.speech = speech or SpeechSystem()
        self.cues_for = cues_for or (lambda method: Cues(None, method))
        self.wall = wall or (lambda: datetime.now().astimezone())

    def compose(self) -> ComposeResult:
        """A line on how it works, then each setting with a word on what it does."""
        settings = self.read() or Settings()
        themes = sorted(self.app.available_themes)
        notify = [(label, method) for method, (label, _) in NOTIFY_CHOICES.items()]
        yield Header()
        yield ModeTabs(id="modes")
        yield SafetyBanner(id="safety-banner")
        with VerticalScroll(id="settings-pane"):
            yield Static(
                "Tab moves; Enter or Space opens or flips; Enter or Tab keeps a number.", id="how"
            )
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
                yield self.number_input(NUMBERS["get-ready"], settings.get_ready_seconds)
                yield Label(f"seconds before the first exercise ({GET_READY[0]} to {GET_READY[1]})")
            with Horizontal(classes="setting"):
                yield Label("Bell", classes="name")
                yield from switch_parts("bell", settings.bell, "rings at every change of step")
            with Horizontal(classes="setting"):
                yield Label("Desktop notice", classes="name")
                yield Select(
                    notify, allow_blank=False, value=settings.notify, compact=True, id="notify"
                )
                yield Button("Test", id="test-notice", compact=True, tooltip="Send a test notice")
            yield Static(notify_hint(settings.notify), id="notify-hint", classes="hint")
            with Horizontal(classes="setting"):
                yield Label("Weekly target", classes="name")
                yield self.number_input(NUMBERS["weekly-target"], settings.weekly_target)
                yield Label(f"training days a week ({WEEKLY_TARGET[0]} to {WEEKLY_TARGET[1]})")
            yield Static(frequency_hint(self.catalogue), classes="hint", markup=False)
            with Horizontal(classes="setting"):
                yield Label("Pain threshold", classes="name")
                yield self.number_input(NUMBERS["pain-threshold"], settings.pain_threshold)
                low, high = PAIN_THRESHOLD
                yield Label(f"out of 10 ({low} to {high})")
            yield Static(PAIN_THRESHOLD_HINT, classes="hint")
            with Horizontal(classes="setting"):
                yield Label("Warm-up", classes="name")
                hint = routine_hint(self.catalogue, "warm-up", "before")
                yield from switch_parts("warm-up", settings.warm_up, hint)
            with Horizontal(classes="setting"):
                yield Label("Cool-down", classes="name")
                hint = routine_hint(self.catalogue, "cool-down", "after")
                yield from switch_parts("cool-down", settings.cool_down, hint)
            yield from cue_rows(settings, self.speech)
            yield from remind_rows(settings)
            yield from gate_rows(self.catalogue)
        yield Static(id="status")  # under the pane, always in view, whatever is scrolled to
        yield KeyBar()

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
        self.pending.clear()
        with self.prevent(Select.Changed, Input.Changed, Switch.Changed, Checkbox.Changed):
            self.query_one("#theme", Select).value = self.app.theme
            self.query_one("#get-ready", Input).value = str(settings.get_ready_seconds)
            self.query_one("#bell", Switch).value = settings.bell
            self.query_one("#notify", Select).value = settings.notify
            self.query_one("#weekly-target", Input).value = str(settings.weekly_target)
            self.query_one("#pain-threshold", Input).value = str(settings.pain_threshold)
            self.query_one("#warm-up", Switch).value = settings.warm_up
            self.query_one("#cool-down", Switch).value = settings.cool_down
            self.query_one("#wait-for-me", Switch).value = settings.wait_for_me
            self.query_one("#speech", Switch).value = settings.speech
            self.query_one("#remind-quiet", Switch).value = settings.remind_quiet
            self.query_one("#plain-player", Switch).value = settings.plain_player
            show_remind(self.query(f".{DAY_CLASS}").results(Checkbox), settings)
        for switch in self.query(Switch):
            self.query_one(f"#{switch.id}-state", Label).update(on_off(switch.value))
        self.hint("#notify-hint", notify_hint(settings.notify))
        self.hint("#speech-hint", speech_hint(self.speech))

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
            self.hint("#notify-hint", notify_hint(method))
            self.change(f"desktop notice {NOTIFY_CHOICES[method][0]}", notify=method)

    @on(Switch.Changed)
    def switch_flipped(self, event: Switch.Changed) -> None:
        """Keep the bell, warm-up, cool-down, wait-for-me, speech, quiet or plain-player switch."""
        fields = {"bell": "bell", "warm-up": "warm_up", "cool-down": "cool_down"}
        fields |= {"wait-for-me": "wait_for_me", "speech": "speech", "remind-quiet": "remind_quiet"}
        fields |= {"plain-player": "plain_player"}
        field = fields.get(event.switch.id or "")
        if field is not None:
            self.query_one(f"#{event.switch.id}-state", Label).update(on_off(event.value))
            label = (event.switch.id or "").replace("-", " ")
            self.change(f"{label} {on_off(event.value)}", **{field: event.value})

    @on(Checkbox.Changed, f".{DAY_CLASS}")
    def remind_day_ticked(self) -> None:
        """Keep the days ``lumbar remind`` may speak on."""
        days = days_ticked(self.query(f".{DAY_CLASS}").results(Checkbox))
        self.change(days_words(days), remind_days=days)

    @on(Button.Pressed, "#test-notice")
    def test_notice_pressed(self) -> None:
        """Send one desktop notice as a session would; the line under the list says so."""
        settings = self.read()
        if settings is not None:
            sent, words = send_test_notice(self.cues_for(settings.notify))
            self.hint("#notify-hint", words, problem=not sent)

    @on(Button.Pressed, f".{GATE_CLASS}")
    def gate_again_pressed(self, event: Button.Pressed) -> None:
        """Take back a yes to a gate question: the next session asks it again."""
        settings, now = self.read(), datetime.now().astimezone()
        found = (
            gate_taken_back(self.catalogue, settings, event.button.id or "", now)
            if settings
            else None
        )
        if found is not None:
            self.change(found[0], gates_again=found[1])

    @on(Button.Pressed, "#try-speech")
    def try_it_pressed(self) -> None:
        """Speak a sample line on a worker (it waits for the voice); its hint says what happened."""
        self.hint("#speech-hint", f"Trying {self.speech.name or 'speech'}...")
        run_in_thread(self, self.speak_sample, "try_speech", exclusive=True)

    @dataclass
    class Tried(Message):
        """Speech was tried (posted from a worker's thread)."""

        trial: Trial

    def speak_sample(self) -> None:
        """On a worker's thread: speak the sample and say how it went."""
        self.post_message(self.Tried(try_speech(self.speech)))

    def on_settings_screen_tried(self, message: Tried) -> None:
        """Say under the speech switch what trying it did."""
        self.hint("#speech-hint", message.trial.message, problem=not message.trial.spoken)

    def hint(self, where: str, text: str, *, problem: bool = False) -> None:
        """Put ``text`` in the hint line ``where`` (``problem``: in the warning colour)."""
        for line in self.query(where).results(Static):
            line.update(Content(text))
            line.set_class(problem, "-problem")
