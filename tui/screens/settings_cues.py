"""The settings for cues away from the screen: wait for me, speech with "Try it", a test notice.

The rows the settings screen adds for them, and what trying a cue says; the screen keeps each
change as it keeps every other. A test notice goes through the same :class:`~tui.session.Cues`
as the player's, so what the user sees is what a session sends.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Label, Static, Switch

from tui.model import Settings
from tui.screens.settings_words import NOTIFY_CHOICES, TMUX_NOTE, on_off
from tui.session import Cues, SpeechSystem

WAIT_HINT = "the next exercise starts when you press Enter"
TEST_TITLE = "lumbar: test"
TEST_BODY = "This is how lumbar tells you the next exercise starts."


def switch_parts(
    widget_id: str, value: bool, hint: str, *, disabled: bool = False
) -> Iterator[Widget]:
    """A switch, the word for its state (not just a colour), and what it does."""
    yield Switch(value, id=widget_id, disabled=disabled)
    yield Label(on_off(value), id=f"{widget_id}-state", classes="state")
    yield Label(hint, markup=False)  # it may name a routine from a user file


def speech_hint(speech: SpeechSystem) -> str:
    """What speech does here: which command speaks, or why it cannot (over SSH, none found)."""
    return speech.why_off or f"Speaks the cues aloud with {speech.name}, on this machine."


PLAIN_HINT = "lumbar play in lines, for a screen reader"
"""What the plain-player switch does (TERM=dumb or ACCESSIBLE=1 does the same)."""


def cue_rows(settings: Settings, speech: SpeechSystem) -> Iterator[Widget]:
    """The rows for wait for me, speech (with its Try it button and its hint), plain player."""
    yield Horizontal(
        Label("Wait for me", classes="name"),
        *switch_parts("wait-for-me", settings.wait_for_me, WAIT_HINT),
        classes="setting",
    )
    yield Horizontal(
        Label("Speech", classes="name"),
        *switch_parts("speech", settings.speech, "says the cues", disabled=speech.ssh),
        Button("Try it", id="try-speech", compact=True, tooltip="Speak a sample line now"),
        classes="setting",
    )
    yield Static(speech_hint(speech), id="speech-hint", classes="hint", markup=False)
    yield Horizontal(
        Label("Plain player", classes="name"),
        *switch_parts("plain-player", settings.plain_player, PLAIN_HINT),
        classes="setting",
    )


def send_test_notice(cues: Cues) -> tuple[bool, str]:
    """Send one desktop notice through ``cues``; whether it went, and what to tell the user."""
    if cues.method == "off":
        return False, "Desktop notices are off: choose a kind above, then send a test."
    if cues.write is None:
        return False, "No terminal to send the notice to."
    cues.notify(TEST_BODY, TEST_TITLE)
    name = NOTIFY_CHOICES[cues.method][0]
    return True, (
        f"Sent a test notice by {name}. Nothing appeared? Your terminal may not show "
        f"{name} notices. {TMUX_NOTE}"
    )
