"""The progress screen on records that name an exercise the catalogue no longer has."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.helpers import GONE, MakeApp, earlier_history, open_progress


async def test_the_exercises_tab_shows_a_retired_exercise_by_its_id(make: MakeApp) -> None:
    """A history naming the retired dead bug id opens, and its row is there, named by its id."""
    app = make(history=earlier_history())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        await pilot.press("2")
        table = screen.query_one("#exercise-table", DataTable)
        names = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert GONE in names
