"""User text is never markup: names with brackets show as typed, everywhere, and lumbar starts."""

from __future__ import annotations

import html
import re
from pathlib import Path

import msgspec
import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.helpers import (
    GOOD,
    SIZE,
    FakeClock,
    answered_safety_check,
    app_on,
    begin,
    open_progress,
    result_at,
)
from tui.app import LumbarApp
from tui.catalogue.load import load_catalogue, user_dir
from tui.model.catalogue import Catalogue, Routine, RoutineItem
from tui.model.records import Session
from tui.screens.builder import BuilderScreen
from tui.screens.player import PlayerScreen
from tui.screens.progress_dialogs import SessionDetail
from tui.store.store import Store
from tui.widgets.description import DescriptionView

EXERCISE = "Towel [stretch] [/]"
"""The name of an exercise in the user's own catalogue file."""
NAMES = ("Stretch [/]", "[bold]x[/bold] [link=x]")
"""The names of two routines the user saved: both are valid or broken Textual markup."""


def routine(number: int, name: str) -> Routine:
    """A routine of the user's, named ``name``: the user's exercise, then a plank."""
    return Routine(
        id=f"mine-{number}",
        name=name,
        kind="custom",
        description="Mine.",
        items=(RoutineItem(exercise="towel-stretch"), RoutineItem(exercise="plank")),
    )


@pytest.fixture
def user_catalogue() -> Catalogue:
    """The bundled catalogue and a user file with one exercise whose name has brackets."""
    folder = user_dir()
    folder.mkdir(parents=True)
    toml = GOOD.replace('name = "Towel stretch"', f'name = "{EXERCISE}"')
    (folder / "exercises.toml").write_text(toml, encoding="utf-8")
    loaded = load_catalogue(user=folder)
    assert loaded.problems == ()
    return loaded.catalogue


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A data file with the two routines saved in it (and the safety questions answered)."""
    path = tmp_path / "lumbar.json"
    store = answered_safety_check(Store.open(path))
    for number, name in enumerate(NAMES):
        store.save_routine(routine(number, name))
    return path


def on_screen(app: LumbarApp) -> str:
    """The text of the screen as drawn, one line per row (spaces and all)."""
    svg = app.export_screenshot()
    rows = re.findall(r"<text [^>]*>(.*?)</text>", svg)
    return html.unescape("".join(rows)).replace("\xa0", " ")


def prompts(app: LumbarApp, selector: str) -> list[str]:
    """The prompts of an option list, as plain text."""
    choices = app.screen.query_one(selector, OptionList)
    return [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]


async def cursor_on(pilot: Pilot[None], option_id: str) -> None:
    """Put the select screen's cursor on the option ``option_id``."""
    choices = pilot.app.screen.query_one("#choices", OptionList)
    choices.highlighted = choices.get_option_index(option_id)
    await pilot.pause()


async def test_the_select_screen_shows_the_names_as_typed(
    user_catalogue: Catalogue, saved: Path
) -> None:
    app = app_on(user_catalogue, Store.open(saved))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        listed = prompts(app, "#choices")
        assert f"  {NAMES[0]} (yours)" in listed and f"  {NAMES[1]} (yours)" in listed
        assert f"  {EXERCISE} (yours)" in listed
        await cursor_on(pilot, "routine:mine-0")
        assert NAMES[0] in on_screen(app)
        detail = app.screen.query_one("#detail", DescriptionView)
        assert NAMES[0] in detail.text and EXERCISE in detail.text
        await cursor_on(pilot, "routine:mine-1")
        assert NAMES[1] in app.screen.query_one("#detail", DescriptionView).text
        assert NAMES[1] in on_screen(app)
        await cursor_on(pilot, "exercise:towel-stretch")
        assert EXERCISE in app.screen.query_one("#detail", DescriptionView).text
        assert EXERCISE in on_screen(app)


async def test_lumbar_starts_again_on_the_same_store(
    user_catalogue: Catalogue, saved: Path
) -> None:
    for _ in range(2):  # the names are stored: every start shows them
        app = app_on(user_catalogue, Store.open(saved))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert NAMES[1] in "".join(prompts(app, "#choices"))
        assert app.return_code in (None, 0)


async def test_the_builder_shows_the_names_as_typed(user_catalogue: Catalogue, saved: Path) -> None:
    app = app_on(user_catalogue, Store.open(saved))
    async with app.run_test(size=SIZE) as pilot:
        await cursor_on(pilot, "routine:mine-1")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, BuilderScreen)
        assert app.screen.query_one("#name").value == NAMES[1]  # type: ignore[attr-defined]
        assert prompts(app, "#items")[0].startswith(f"1. {EXERCISE}\n")
        assert EXERCISE in prompts(app, "#exercises")
        assert EXERCISE in on_screen(app)


async def test_the_player_shows_the_names_as_typed(user_catalogue: Catalogue, saved: Path) -> None:
    store = Store.open(saved)
    store.save_settings(msgspec.structs.replace(store.settings(), warm_up=False))
    app = app_on(user_catalogue, store)
    async with app.run_test(size=SIZE) as pilot:
        await cursor_on(pilot, "routine:mine-0")
        await pilot.press("enter")
        await begin(pilot)
        assert isinstance(app.screen, PlayerScreen)
        drawn = on_screen(app)
        assert NAMES[0] in drawn and EXERCISE in drawn


async def test_the_progress_history_shows_the_names_as_typed(
    user_catalogue: Catalogue, saved: Path
) -> None:
    clock = FakeClock()
    when = clock.wall().replace(hour=8)
    played = Session(
        id="played",
        routine="mine-0",
        routine_name=NAMES[0],
        started_at=when,
        ended_at=when,
        status="complete",
        exercises=(result_at("towel-stretch", when),),
    )
    app = app_on(user_catalogue, Store.open(saved), clock, history=[played])
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        await pilot.press("2")  # the exercises
        await pilot.pause()
        assert EXERCISE in on_screen(app)
        await pilot.press("3", "enter")  # the history, and the one session in it
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SessionDetail)
        drawn = on_screen(app)
        assert NAMES[0] in drawn and EXERCISE in drawn
        await pilot.press("escape")
        assert app.screen is screen
        assert NAMES[0] in on_screen(app)
