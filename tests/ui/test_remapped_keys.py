"""A key remapped with a keymap shows as the new key in the help prose, the key lists and hints."""

from __future__ import annotations

from textual.widgets import Static

from tests.helpers import SIZE, MakeApp, begin
from tui.app import LumbarApp
from tui.screens.builder import BuilderScreen
from tui.screens.dialogs import EndSession, PainCheck
from tui.screens.help import HelpScreen, help_text
from tui.screens.pain_dialogs import FlareUpDialog, ThisHurts
from tui.screens.player import PlayerScreen
from tui.widgets.readout import Readout


def help_shown(app: LumbarApp) -> str:
    """The keys part of the help on top, as the Markdown it shows."""
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    return screen.keys_text


async def test_the_players_end_key_remapped_shows_in_its_help(make: MakeApp) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        app.set_keymap({"player.end": "x"})
        await begin(pilot)
        await pilot.press("f1")
        await pilot.pause()
        shown = help_shown(app)
        prose = " ".join(shown.split())
        assert "**x** / **Escape** ends the session" in prose
        assert "**q** / **Escape** ends" not in prose
        assert "- `x` **End**: End the session (asks first)" in shown.splitlines()
        await pilot.press("escape")
        assert isinstance(app.screen, PlayerScreen)
        await pilot.press("x")  # and x does end it
        assert isinstance(app.screen, EndSession)


async def test_the_hurt_dialogs_keys_follow_the_keymap(make: MakeApp) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        app.set_keymap({"hurts.end": "x", "hurts.help": "h"})
        await begin(pilot)
        await pilot.press("exclamation_mark")
        dialog = app.screen
        assert isinstance(dialog, ThisHurts)
        said = [str(readout.text) for readout in dialog.query(Readout)]
        assert "x  End the session (saved as ended early)" in said
        assert said[-1] == "Esc: stay paused    h: help and advice"
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)


async def test_a_dialogs_key_line_and_help_follow_the_keymap(make: MakeApp) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        app.set_keymap({"end.yes": "e", "end.no": "g,escape"})
        await begin(pilot)
        await pilot.press("q")
        dialog = app.screen
        assert isinstance(dialog, EndSession)
        line = dialog.query_one("#keys", Static).render()
        assert str(line) == "e: End it    g / Esc: Go on"
        # F1 does not reach past a dialog; the help it would show, filled in:
        assert help_text(dialog, dialog.HELP or "") == (
            "## End the session?\n\n**e** ends it; **g** or **Escape** goes on."
        )


async def test_without_a_keymap_the_texts_are_as_written(make: MakeApp) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await pilot.press("q")
        dialog = app.screen
        assert isinstance(dialog, EndSession)
        assert (
            str(dialog.query_one("#keys", Static).render()) == "y / Enter: End it    n / Esc: Go on"
        )


async def test_the_pain_checks_keys_and_hint_follow_the_keymap(make: MakeApp) -> None:
    app = make(play="quick-10")
    app.set_keymap({"pain.score-10": "x"})  # before the check is shown
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        check = app.screen
        assert isinstance(check, PainCheck)
        assert str(check.query_one("#pain-keys", Readout).text).endswith("8  9  x")
        hints = [str(hint.text) for hint in check.query(".hint").results(Readout)]
        assert hints[0] == "0 is no pain; x is 10, the worst you can imagine."
        await pilot.press("x")  # ten: a flare-up
        assert isinstance(app.screen, FlareUpDialog)


async def test_the_builders_dose_line_names_remapped_keys(make: MakeApp) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        app.set_keymap({"builder.less": "comma"})
        await pilot.press("n")  # a copy of the routine under the cursor, in the builder
        await pilot.pause()
        builder = app.screen
        assert isinstance(builder, BuilderScreen)
        builder.query_one("#items").focus()
        await pilot.pause()
        line = str(builder.query_one("#dose-line", Static).render())
        assert "," in line.split("\n")[0]
