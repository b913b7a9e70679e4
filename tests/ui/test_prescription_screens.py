"""A clinician's prescription on the screens: first on select, named on the roadmap, played."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.helpers import (
    PRESCRIBED,
    SIZE,
    FakeClock,
    app_on,
    begin,
    option_ids,
    said_yes_to_a_red_flag,
    snapshot,
    with_example,
)
from tui.app import LumbarApp
from tui.model import Catalogue
from tui.screens.player import PlayerScreen
from tui.screens.roadmap import RoadmapScreen
from tui.screens.stopped import SessionsStopped
from tui.store import Store
from tui.widgets.description import DescriptionView

PAST = (
    ("issued = 2026-12-01", "issued = 2025-01-06"),
    ("review = 2027-01-12", "review = 2025-02-17"),
)
"""Issued and due for review before the fake clock's day (1 March 2025)."""


@pytest.fixture
def prescribed(catalogue: Catalogue, tmp_path: Path) -> Catalogue:
    """The catalogue with the example prescription active."""
    return with_example(catalogue, at=tmp_path / "prescription.toml")


def detail(app: LumbarApp) -> str:
    """The detail pane's text, its lines joined (the pane wraps them)."""
    return " ".join(app.screen.query_one("#detail", DescriptionView).text.split())


async def test_the_prescription_is_the_first_routine_on_select(
    prescribed: Catalogue, store: Store, clock: FakeClock
) -> None:
    """The list starts with the prescribed routine; the cursor is on it."""
    app = app_on(prescribed, store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert option_ids(app, "#choices")[1] == f"routine:{PRESCRIBED}"
        assert "Prescribed by Alex Morgan, physiotherapist · review on 12 January 2027" in (
            detail(app)
        )


async def test_the_detail_shows_the_note_and_the_locked_doses(
    prescribed: Catalogue, store: Store, clock: FakeClock
) -> None:
    """The clinician's note, the locked exercises, and whose numbers they are."""
    app = app_on(prescribed, store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = detail(app)
        assert "Gentle control work while your back settles" in text
        assert "Locked by your clinician: Pelvic tilt, Bird dog." in text
        assert "your clinician's, not an article's" in text


async def test_a_passed_review_date_says_to_ask_for_a_review(
    catalogue: Catalogue, store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    """After the review date: a line says to ask the clinician; it still plays."""
    app = app_on(with_example(catalogue, *PAST, at=tmp_path / "p.toml"), store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Review date passed on 17 February 2025: ask Alex Morgan" in detail(app)
        await pilot.press("enter")
        await begin(pilot)
        assert snapshot(app).exercise.id == "pelvic-tilt"


async def test_the_prescription_plays_from_select(
    prescribed: Catalogue, store: Store, clock: FakeClock
) -> None:
    """Enter on it, the pain check, then the player on its first exercise."""
    app = app_on(prescribed, store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await begin(pilot)
        assert isinstance(app.screen, PlayerScreen)
        assert snapshot(app).exercise.id == "pelvic-tilt"


async def test_the_roadmap_names_the_prescription(
    prescribed: Catalogue, store: Store, clock: FakeClock
) -> None:
    """A line on top: who prescribed it, the review date, and the key that plays it."""
    app = app_on(prescribed, store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RoadmapScreen)
        line = str(app.screen.query_one("#prescribed", Static).content)
        assert line == (
            "Back plan, prescribed by Alex Morgan, physiotherapist, review on 12 January 2027: "
            "x plays it."
        )


async def test_the_roadmap_key_plays_the_prescription(
    prescribed: Catalogue, store: Store, clock: FakeClock
) -> None:
    """x on the roadmap opens the player on the prescription."""
    app = app_on(prescribed, store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "x")
        await begin(pilot)
        assert snapshot(app).exercise.id == "pelvic-tilt"


async def test_a_red_flag_yes_stops_the_prescription_too(
    prescribed: Catalogue, empty_store: Store, clock: FakeClock
) -> None:
    """After a red-flag yes, x on the roadmap shows the dialog, not the player."""
    app = app_on(prescribed, said_yes_to_a_red_flag(empty_store, clock.wall()), clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r", "x")
        await pilot.pause()
        assert isinstance(app.screen, SessionsStopped)


async def test_without_a_prescription_the_roadmap_has_no_line(
    catalogue: Catalogue, store: Store, clock: FakeClock
) -> None:
    """No prescription: no line, and x does nothing."""
    app = app_on(catalogue, store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "x")
        assert not app.screen.query("#prescribed")
        assert isinstance(app.screen, RoadmapScreen)
