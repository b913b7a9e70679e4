"""The settings for cues away from the screen: wait for me, speech and its Try it, a test notice."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static, Switch

from tests.helpers import MakeApp, fake_speech
from tui.app import LumbarApp
from tui.model.records import Settings
from tui.screens.select import SelectScreen
from tui.screens.settings import SettingsScreen
from tui.screens.settings_cues import TEST_BODY, TEST_TITLE
from tui.session.cues import notification_sequence, tmux_wrap
from tui.session.speech import NOT_FOUND, OVER_SSH, SAMPLE, SpeechSystem
from tui.store.store import Store

SIZE = (80, 24)


async def press_on(pilot: Pilot[None], widget_id: str, key: str) -> None:
    """Open the settings, put the focus on a widget and press a key there; let the work end."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, SelectScreen)
    await pilot.press("comma")
    assert isinstance(pilot.app.screen, SettingsScreen)
    pilot.app.screen.query_one(f"#{widget_id}").focus()
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def hint(app: LumbarApp, hint_id: str) -> Static:
    """A hint line of the settings screen."""
    return app.screen.query_one(f"#{hint_id}", Static)


async def test_speech_switched_on_is_stored(app: LumbarApp, store: Store) -> None:
    """Space on the speech switch: stored on, and the line at the bottom says so."""
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "speech", "space")
        assert str(hint(app, "status").content) == "Saved: speech on."
    assert store.settings().speech


async def test_wait_for_me_switched_on_is_stored(app: LumbarApp, store: Store) -> None:
    """Space on the wait-for-me switch: stored on."""
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "wait-for-me", "space")
    assert store.settings().wait_for_me


async def test_try_it_speaks_the_sample_and_says_with_what(make: MakeApp, tmp_path: Path) -> None:
    """Try it: the fake command says the sample; the hint names the command."""
    fake = fake_speech(tmp_path)
    app = make(speech=SpeechSystem(str(fake.command)))
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "try-speech", "enter")
        assert str(hint(app, "speech-hint").content).startswith(
            f'Spoken with espeak-ng: "{SAMPLE}"'
        )
    assert fake.spoken() == [SAMPLE]


async def test_try_it_with_no_command_says_what_to_install(app: LumbarApp) -> None:
    """Try it where no speech command is found: the hint says to install one, as a problem."""
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "try-speech", "enter")
        line = hint(app, "speech-hint")
        assert (str(line.content), line.has_class("-problem")) == (NOT_FOUND, True)


async def test_over_ssh_speech_cannot_be_switched_on_and_says_why(
    make: MakeApp, tmp_path: Path
) -> None:
    """Over SSH the switch is disabled and its hint says it would play on the server."""
    app = make(speech=SpeechSystem(str(fake_speech(tmp_path).command), ssh=True))
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "theme", "tab")
        assert app.screen.query_one("#speech", Switch).disabled
        assert str(hint(app, "speech-hint").content) == OVER_SSH


async def test_the_test_notice_goes_out_as_the_player_sends_it(
    make: MakeApp, store: Store, terminal: list[str]
) -> None:
    """Test, with OSC 9 chosen: one OSC 9 notice written, and the hint says what was sent."""
    store.save_settings(Settings(notify="osc9", warm_up=False))
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "test-notice", "enter")
        said = str(hint(app, "notify-hint").content)
    assert terminal.count(notification_sequence("osc9", TEST_TITLE, TEST_BODY)) == 1
    assert said.startswith("Sent a test notice by OSC 9. Nothing appeared?")
    assert "allow-passthrough" in said


async def test_the_test_notice_passes_through_tmux(
    make: MakeApp, store: Store, terminal: list[str]
) -> None:
    """In tmux the test notice is wrapped for tmux, as a session's are."""
    store.save_settings(Settings(notify="osc777", warm_up=False))
    app = make(tmux=True)
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "test-notice", "enter")
    assert tmux_wrap(notification_sequence("osc777", TEST_TITLE, TEST_BODY)) in terminal


async def test_no_test_notice_while_notices_are_off(app: LumbarApp, terminal: list[str]) -> None:
    """Test with notices off: nothing written, and the hint says to choose a kind first."""
    async with app.run_test(size=SIZE) as pilot:
        await press_on(pilot, "test-notice", "enter")
        line = hint(app, "notify-hint")
        assert line.has_class("-problem")
        assert str(line.content).startswith("Desktop notices are off")
    assert not any("]9;" in text or "]777;" in text or "]99;" in text for text in terminal)
