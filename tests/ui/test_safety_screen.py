"""The first-run safety check, answered with keys as a person would."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from textual.widgets import Markdown

from tests.helpers import FakeClock, MakeApp
from tui.history.safety import red_flags
from tui.model.catalogue import Catalogue
from tui.model.records import SafetyCheck
from tui.screens.player import PlayerScreen
from tui.screens.safety import SafetyScreen
from tui.screens.select import SelectScreen
from tui.store.store import Store


def shown(app: Any) -> str:
    return str(app.screen.query_one("#safety-text", Markdown).source)


async def test_first_run_asks_each_red_flag_and_stores_no(
    make: MakeApp, clock: FakeClock, catalogue: Catalogue, empty_store: Store
) -> None:
    app = make(store=empty_store)
    flags = red_flags(catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        assert "not medical advice" in shown(app)
        for number, flag in enumerate(flags, 1):
            assert f"Question {number} of {len(flags)}" in shown(app)
            assert flag.title in shown(app)
            await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
    assert empty_store.safety() == SafetyCheck(answered_at=clock.wall(), any_yes=False)


async def test_any_yes_says_to_see_a_clinician_and_is_stored(
    make: MakeApp, catalogue: Catalogue, empty_store: Store
) -> None:
    """A yes that is not an emergency: see a clinician, sessions stop; kept once read."""
    app = make(store=empty_store)
    flags = red_flags(catalogue)
    first = next(number for number, flag in enumerate(flags) if not flag.emergency)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"n" * first, "y", *"n" * (len(flags) - first - 1))
        assert isinstance(app.screen, SafetyScreen)
        assert "See a doctor or physiotherapist before you exercise" in shown(app)
        assert "lumbar starts no session until" in shown(app)
        assert flags[first].title in shown(app) and flags[first].text in shown(app)
        assert empty_store.safety() is None  # not until the user has read it
        await pilot.press("enter")
        assert isinstance(app.screen, SelectScreen)
    check = empty_store.safety()
    assert check is not None and check.any_yes and check.yes_to == (flags[first].id,)


async def test_b_takes_back_an_answer(
    make: MakeApp, catalogue: Catalogue, empty_store: Store
) -> None:
    app = make(store=empty_store)
    flags = red_flags(catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y", "b")
        assert "Question 1 of" in shown(app)
        await pilot.press(*"n" * (len(flags) - 1), "y")
        assert "See a doctor" in shown(app)
        await pilot.press("b", "n")
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
    check = empty_store.safety()
    assert check is not None and not check.any_yes


@pytest.mark.parametrize(("days", "asked"), [(29, False), (30, True), (90, True)])
async def test_asked_again_once_the_answer_is_thirty_days_old(
    make: MakeApp, clock: FakeClock, empty_store: Store, days: int, asked: bool
) -> None:
    empty_store.save_safety(
        SafetyCheck(answered_at=clock.wall() - timedelta(days=days), any_yes=False)
    )
    app = make(store=empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen) is asked


async def test_play_on_first_run_asks_first_then_plays(
    make: MakeApp, catalogue: Catalogue, empty_store: Store
) -> None:
    app = make(store=empty_store, play="quick-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press(*"n" * len(red_flags(catalogue)))
        await pilot.pause()
        assert any(isinstance(screen, PlayerScreen) for screen in app.screen_stack)
