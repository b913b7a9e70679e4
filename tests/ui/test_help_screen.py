"""The help screen: every binding of the screen below and of the app, its help, the advice."""

from __future__ import annotations

import re
from typing import Any, get_args

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Markdown

from tests.helpers import FakeClock, MakeApp
from tui.app import LumbarApp
from tui.model.catalogue import AdviceKind, Catalogue
from tui.screens.help import ADVICE_GROUPS, HelpScreen, help_text
from tui.screens.player import PlayerScreen

SIZE = (80, 24)
MODE = re.compile(r"switch_mode\('([a-z-]+)'\)")
MODES = sorted(
    {m.group(1) for b in Binding.make_bindings(LumbarApp.BINDINGS) if (m := MODE.search(b.action))}
)
"""Every mode a key of the app switches to: a new mode with a key is tested without a change."""


def own_bindings(cls: type[Any]) -> list[Binding]:
    """The bindings a class declares itself (and its lumbar bases), system ones left out."""
    found: list[Binding] = []
    for klass in cls.__mro__:
        if klass.__module__.startswith("tui."):
            found += Binding.make_bindings(klass.__dict__.get("BINDINGS", []))
    return [binding for binding in found if not binding.system]


def help_lines(app: LumbarApp) -> list[str]:
    """The help on top, as the Markdown it shows, one line each."""
    screen = app.screen
    assert isinstance(screen, HelpScreen)
    parts = [screen.query_one(f"#{part}-text", Markdown).source for part in ("help", "advice")]
    shown = "\n\n".join(parts)
    assert shown == screen.markdown
    return shown.splitlines()


def assert_listed(app: LumbarApp, lines: list[str], binding: Binding) -> None:
    """One line of the help has the binding's key (as the footer shows it) and its words."""
    key = f"`{app.get_key_display(binding)}`"
    words = f"**{binding.description}**"
    matches = [line for line in lines if key in line and words in line]
    assert matches, f"{binding.key} ({binding.description}) is not in the help"
    assert binding.tooltip in matches[0]


async def open_help(pilot: Pilot[None], key: str = "f1") -> list[str]:
    """Ask for help on the screen on top; the help's lines."""
    below = pilot.app.screen
    await pilot.press(key)
    await pilot.pause()
    help_screen = pilot.app.screen
    assert isinstance(help_screen, HelpScreen)
    assert help_screen.origin is below
    return help_lines(pilot.app)  # type: ignore[arg-type]


async def check_help_of(pilot: Pilot[None], screen: Screen[Any]) -> None:
    """The help of ``screen`` lists all its bindings and the app's, and its HELP text."""
    app = pilot.app
    assert isinstance(app, LumbarApp)
    assert app.screen is screen
    lines = await open_help(pilot)
    for binding in own_bindings(type(screen)) + own_bindings(LumbarApp):
        assert_listed(app, lines, binding)
    shown = "\n".join(lines)
    assert screen.HELP is not None
    assert help_text(screen, screen.HELP) in shown  # its keys filled in from the bindings
    await pilot.press("escape")
    assert app.screen is screen


def test_the_app_switches_to_several_modes_with_keys() -> None:
    assert {"select", "roadmap", "settings"} <= set(MODES)


@pytest.mark.parametrize("mode", MODES)
async def test_the_help_of_each_mode_lists_every_binding(app: LumbarApp, mode: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.switch_mode(mode)
        await pilot.pause()
        await check_help_of(pilot, app.screen)


async def test_the_help_of_the_player_lists_every_binding(make: MakeApp) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # skip the pain check
        player = app.screen
        assert isinstance(player, PlayerScreen)
        await check_help_of(pilot, player)


async def test_question_mark_and_f1_open_and_close_it_and_it_lists_textuals_keys(
    app: LumbarApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        below = app.screen
        await open_help(pilot, "question_mark")
        await pilot.press("question_mark")
        assert app.screen is below
        lines = await open_help(pilot, "f1")
        await pilot.press("f1")
        assert app.screen is below
    for binding in Binding.make_bindings(Screen.BINDINGS):  # Tab and friends
        assert_listed(app, lines, binding)
    palette = "`^p` **palette**: Open the command palette"
    assert any(palette in line for line in lines)


async def test_the_note_comes_first_then_all_the_advice_grouped_with_sources(
    app: LumbarApp, catalogue: Catalogue
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = await open_help(pilot)
        pane = app.screen.query_one("#help-pane")
        assert app.focused is pane
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert pane.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert pane.scroll_y == pane.max_scroll_y
    (disclaimer,) = (a for a in catalogue.advice if a.kind == "disclaimer")
    assert lines[0] == f"> **{disclaimer.title}**"
    assert any(disclaimer.text in line for line in lines[:4])
    text = "\n".join(lines)
    for heading, kinds in ADVICE_GROUPS:
        section = text[text.index(f"## {heading}") :]
        for advice in (a for a in catalogue.advice if a.kind in kinds):
            urgent = "Emergency: " if advice.emergency else ""
            assert f"### {urgent}{advice.title}" in section
            assert advice.text in section
    assert text.count("*Source: ") == sum(a.kind != "disclaimer" for a in catalogue.advice)
    assert text.index("## Pain while you exercise") < text.index("## Red flags")


def test_every_kind_of_advice_has_a_place_in_the_help() -> None:
    grouped = {kind for _, kinds in ADVICE_GROUPS for kind in kinds}
    assert grouped == set(get_args(AdviceKind)) - {"disclaimer"}


async def test_help_over_the_player_pauses_the_session(make: MakeApp, clock: FakeClock) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("4")  # the pain check: the session starts
        player = app.screen
        assert isinstance(player, PlayerScreen)
        left = player.engine.snapshot(clock.now).session_remaining
        await open_help(pilot)
        clock.now += 60  # a minute spent reading
        assert player.engine.snapshot(clock.now).paused
        assert player.engine.snapshot(clock.now).session_remaining == left
        await pilot.press("escape")
        assert player.engine.snapshot(clock.now).paused
        assert app.screen is player
