"""How the settings screen saves a change: a list or a switch at once, a number once it is whole.

A number is saved when the user presses Enter in its box or leaves the box (Tab, another mode,
quitting), and only if it lies in its range; else the stored number stays and the status line
says why. Changes are written off the event loop, in the order made (see
:class:`~tui.store.SettingsChanges`); the status line says "Saved" once one is written, or that
it was not. :class:`SettingsSaving` is the base of :class:`~tui.screens.settings.SettingsScreen`,
which holds the rows and says what each change is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from textual import on
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.validation import Function
from textual.widgets import Input, Static

from tui.failures import run_in_thread
from tui.messages import Failed
from tui.model import Settings
from tui.screens.settings_words import NUMBERS, NumberSetting
from tui.store import SettingsChanges, StoreError


class SettingsSaving(Screen[None]):
    """Reading the settings, saving a change off the event loop, and the number boxes' rule."""

    def __init__(self, changes: SettingsChanges) -> None:
        """Read and save the settings through ``changes``."""
        super().__init__()
        self.changes = changes
        self.pending: dict[str, str] = {}
        """What is typed in each number box and neither saved nor refused yet, by box id."""

    @staticmethod
    def number_input(number: NumberSetting, value: int) -> Input:
        """A short box that takes only digits, marked invalid while out of the number's range."""
        low, high = number.bounds
        return Input(
            str(value),
            restrict=r"[0-9]*",
            max_length=len(str(high)),
            validators=[Function(lambda text: number.value(text) is not None)],
            compact=True,
            id=number.box,
            tooltip=f"A whole number from {low} to {high}; Enter keeps it",
        )

    @on(Input.Changed)
    def number_typed(self, event: Input.Changed) -> None:
        """Say what Enter would do with the number typed so far; nothing is saved yet."""
        number = NUMBERS.get(event.input.id or "")
        if number is None:
            return
        kept = self.stored(number.field)
        if event.value == str(kept):
            self.pending.pop(number.box, None)
            self.status("")
            return
        self.pending[number.box] = event.value
        value = number.value(event.value)
        if value is None:
            refusal = number.refusal(event.value, kept)
            self.status(refusal[0].upper() + refusal[1:], problem=True)
        else:
            self.status(f"{number.words(value).capitalize()}: Enter or Tab keeps it.")

    @on(Input.Submitted)
    def number_entered(self, event: Input.Submitted) -> None:
        """Enter: save the number if it is in range; else say why not and let it be corrected."""
        self.keep_number(event.input, leaving=False)

    @on(Input.Blurred)
    def number_left(self, event: Input.Blurred) -> None:
        """Leaving a box saves its number if it is in range; else the stored one is put back."""
        self.keep_number(event.input, leaving=True)

    def on_screen_suspend(self) -> None:
        """Going to another mode (or help) from a box being typed in: as if Tab were pressed.

        The status line is not seen once the screen has gone, so a number not saved is also
        told in a notification.
        """
        for box_id in list(self.pending):
            self.keep_number(self.query_one(f"#{box_id}", Input), leaving=True, notify=True)

    def on_unmount(self) -> None:
        """Quitting from a box being typed in: save its number if it is in range.

        A number out of range is not saved; the status line has said so since it was typed.
        """
        for box_id, text in self.pending.items():
            number = NUMBERS[box_id]
            value = number.value(text)
            if value is not None:  # written by the app as it goes (no worker runs now)
                self.changes.add(**{number.field: value})

    def keep_number(self, box: Input, *, leaving: bool, notify: bool = False) -> None:
        """Save the number in ``box`` if it is in range, or say it is not saved and why.

        ``leaving``: the user is going elsewhere, so a number not saved is replaced by the stored
        one (else it stays, to be corrected); ``notify``: say so in a notification too.
        """
        number = NUMBERS.get(box.id or "")
        if number is None or number.box not in self.pending:
            return  # nothing typed since the box last showed the stored number
        value = number.value(box.value)
        if value is not None:
            del self.pending[number.box]
            with self.prevent(Input.Changed):
                box.value = str(value)  # 07 -> 7
            self.status("")
            self.change(number.words(value), **{number.field: value})
            return
        kept = self.stored(number.field)
        refusal = f"Not saved: {number.refusal(box.value, kept)}"
        self.status(refusal, problem=True)
        if notify:
            self.notify(refusal, title="Settings", severity="warning", markup=False)
        if leaving:
            self.pending.pop(number.box, None)
            with self.prevent(Input.Changed):
                box.value = str(kept)

    def stored(self, field: str) -> object:
        """One stored setting, by its field name (``?`` if the store cannot be read)."""
        settings = self.read()
        return "?" if settings is None else getattr(settings, field)

    def read(self) -> Settings | None:
        """The settings (with any change not yet written), or None if the store cannot be read.

        The app says why it cannot.
        """
        try:
            return self.changes.current()
        except StoreError as error:
            self.post_message(Failed("Settings could not be read", error))
            return None

    def change(self, what: str, **fields: Any) -> None:
        """Save the settings with ``fields`` changed, off the event loop; the status says how."""
        current = self.read()
        if current is None:
            self.status("Not saved: lumbar cannot read your data file.", problem=True)
            return
        if all(getattr(current, field) == value for field, value in fields.items()):
            return
        self.changes.add(**fields)
        run_in_thread(self, partial(self.write, what), "save_settings")

    @dataclass
    class Written(Message):
        """A change was written, or not (posted from a worker's thread)."""

        what: str
        saved: bool

    def write(self, what: str) -> None:
        """On a worker's thread: write the changes waiting; the app reports a failure."""
        try:
            self.changes.write()
        except Exception:
            self.post_message(self.Written(what, saved=False))
            raise
        self.post_message(self.Written(what, saved=True))

    def on_settings_saving_written(self, message: Written) -> None:
        """Say whether the change was saved."""
        if message.saved:
            self.status(f"Saved: {message.what}.")
        else:
            self.status(f"Not saved: {message.what}.", problem=True)

    def status(self, text: str, *, problem: bool = False) -> None:
        """Say what happened to the last change (``problem``: in the warning colour).

        Quietly nothing once the line has gone, as the app quits.
        """
        for line in self.query("#status").results(Static):
            line.update(Content(text))  # it may quote what the user typed: plain, not markup
            line.set_class(problem, "-problem")
