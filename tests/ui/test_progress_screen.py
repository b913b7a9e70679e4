"""The progress screen, driven with keys as a person would, on a demo history of months."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TabbedContent

from tests.helpers import (
    BASE,
    MakeApp,
    demo_history,
    notifications,
    open_progress,
    run_cli,
    years_of_sessions,
)
from tui.app import LumbarApp
from tui.history.tally import LEAVE_OUT, Checkpoint, ProgressTally, work_out
from tui.model import plural
from tui.model.catalogue import Catalogue
from tui.model.records import Session, Settings
from tui.screens.progress import ProgressScreen
from tui.screens.progress_dialogs import ExportDialog, SessionDetail
from tui.store.storage import Tables
from tui.store.store import Store, to_document
from tui.store.transfer import CSV_COLUMNS
from tui.widgets.session_list import SessionList, history_cells


@asynccontextmanager
async def on_progress(app: LumbarApp) -> AsyncIterator[tuple[Pilot[None], ProgressScreen]]:
    """Run the app at 80x24 and open the progress screen: the pilot, and the screen."""
    async with app.run_test(size=(80, 24)) as pilot:
        yield pilot, await open_progress(pilot)


def text(screen: ProgressScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def column(table: DataTable[Any], index: int) -> list[str]:
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


@pytest.fixture
def history(catalogue: Catalogue) -> list[Session]:
    """Thirteen weeks of demo sessions up to the fake clock's Saturday morning."""
    return demo_history(catalogue, BASE)


@pytest.fixture
def app(make: MakeApp, history: list[Session]) -> LumbarApp:
    """The app on the fake clock (Saturday 1 March 2025, 09:00 UTC) with the demo history."""
    return make(history=history)


async def test_p_shows_the_streak_and_this_week(app: LumbarApp, history: list[Session]) -> None:
    async with on_progress(app) as (_pilot, screen):
        # The demo's week 6 has one session; the six weeks since, this one included, met 3.
        assert text(screen, "#streak") == "6 weeks in a row, your best"
        this_week = [s for s in history if s.started_at.date() >= BASE.date().replace(day=1)]
        this_week += [s for s in history if s.started_at.month == 2 and s.started_at.day >= 24]
        minutes = round(sum(s.seconds for s in this_week) / 60)
        assert len(this_week) == 3
        assert minutes < 60  # the demo's doses stay near the low end of their ranges
        assert text(screen, "#week") == f"This week: 3 of 3 days\n3 sessions, {minutes} min"
        assert text(screen, "#next-step") == "Target met: rest days are part of the plan."
        assert text(screen, "#trend").startswith("Pain before a session: ")
        # The two sessions that hurt: the bird dog in February, the piriformis unlock in
        # December; never-flagged exercises all rated easy or right lead what goes well.
        assert text(screen, "#it-hurt") == "It hurt: Bird dog, Piriformis unlock"
        assert text(screen, "#going-well") == "Going well: Seated rotation stretch"
        assert screen.query_one("#streak").has_class("alive")


async def test_a_new_user_sees_how_to_start(make: MakeApp) -> None:
    app = make(history=[])
    async with on_progress(app) as (pilot, screen):
        assert text(screen, "#streak") == "No streak yet"
        # Saturday: two days left cannot make three.
        assert text(screen, "#next-step") == (
            "Too few days left this week to reach 3; a new week starts on Monday."
        )
        assert "No pain scores yet" in text(screen, "#trend")
        assert text(screen, "#going-well").startswith("Rate each exercise when the player asks")
        assert text(screen, "#it-hurt") == ""
        await pilot.press("3")
        assert screen.query_one(SessionList).rows == ()
        assert text(screen, "#history-note").startswith("No sessions yet")


async def test_the_weekly_target_comes_from_the_settings(
    make: MakeApp, catalogue: Catalogue, store: Store, history: list[Session]
) -> None:
    store.save_settings(Settings(weekly_target=4))
    app = make(history=history)
    async with on_progress(app) as (_pilot, screen):
        assert text(screen, "#week").startswith("This week: 3 of 4 days")
        expected = work_out(history, catalogue, 4, BASE.date()).streak
        assert expected.needed == 1 and expected.days_left == 1
        assert text(screen, "#next-step").startswith("1 day more by Sunday")


async def test_the_exercises_sort_with_s_and_by_clicking_a_header(
    app: LumbarApp, catalogue: Catalogue, history: list[Session]
) -> None:
    async with on_progress(app) as (pilot, screen):
        assert not screen.check_action("sort", ())  # only on the exercises tab
        await pilot.press("2")
        table = screen.query_one("#exercise-table", DataTable)
        assert table.has_focus and screen.check_action("sort", ())
        rows = {row.name: row for row in work_out(history, catalogue, 3, BASE.date()).exercises}
        assert table.row_count == len(rows)
        done = [int(cell) for cell in column(table, 1)]
        assert done == sorted(done, reverse=True) and done[0] == max(r.done for r in rows.values())
        assert text(screen, "#sort-note").startswith("Sorted by times done, largest first.")
        await pilot.press("down")
        highlighted = column(table, 0)[1]
        note = f"{highlighted}: {rows[highlighted].done} done in full"
        assert text(screen, "#exercise-note").startswith(note)
        await pilot.press("s")  # next: pain flags
        flags = [int(cell) for cell in column(table, 6)]
        assert flags == sorted(flags, reverse=True) and flags[0] >= 1
        assert text(screen, "#sort-note").startswith("Sorted by pain flags, largest first.")
        assert column(table, 0)[table.cursor_row] == highlighted  # the cursor kept its exercise
        await pilot.click("#exercise-table", offset=(3, 0))  # the "Exercise" header
        names = column(table, 0)
        assert names == sorted(names, key=str.casefold)
        await pilot.click("#exercise-table", offset=(3, 0))  # again: the other way
        assert column(table, 0) == sorted(names, key=str.casefold, reverse=True)
        assert text(screen, "#sort-note").startswith("Sorted by name, Z to A.")


async def test_every_exercise_column_fits_in_80_columns(app: LumbarApp) -> None:
    """No column of the exercises table hides past the right edge at 80x24."""
    async with on_progress(app) as (pilot, screen):
        await pilot.press("2")
        await pilot.pause()
        table = screen.query_one("#exercise-table", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert not table.show_horizontal_scrollbar


async def test_enter_on_a_session_shows_planned_against_done(
    app: LumbarApp, catalogue: Catalogue, history: list[Session]
) -> None:
    async with on_progress(app) as (pilot, screen):
        await pilot.press("3")
        listed = screen.query_one(SessionList)
        assert listed.has_focus and len(listed.rows) == len(history)
        assert [row.session for row in listed.rows] == [s.id for s in reversed(history)]
        partial = next(s for s in history if s.status == "partial")
        row = [s.id for s in reversed(history)].index(partial.id)
        assert listed.rows[row].status == "partial"
        assert history_cells(listed.rows[row])[3] == "stopped"  # an exercise was under way
        await pilot.press(*["down"] * row)
        assert listed.highlighted == listed.rows[row]
        await pilot.press("enter")
        detail = app.screen
        assert isinstance(detail, SessionDetail) and detail.session == partial
        assert "stopped before the end" in str(detail.query_one("#detail-summary", Static).content)
        blocks = [str(block.content) for block in detail.query(".result").results(Static)]
        assert len(blocks) == len(partial.exercises) == 4
        last = partial.exercises[-1]
        name = catalogue.exercise(last.exercise).name
        assert blocks[-1].startswith(f"{name}: stopped early")
        assert f"did      {last.reps_done} of {plural(last.planned_reps, 'rep')}" in blocks[-1]
        assert "planned  " in blocks[0]
        await pilot.press("escape")
        assert app.screen is screen


async def test_a_session_that_hurt_is_marked_in_its_detail(
    app: LumbarApp, catalogue: Catalogue, history: list[Session]
) -> None:
    async with on_progress(app) as (pilot, screen):
        await pilot.press("3")
        hurt = next(s for s in reversed(history) if s.hurt)
        listed = screen.query_one(SessionList)
        listed.cursor = [s.id for s in reversed(history)].index(hurt.id)
        await pilot.press("enter")
        marked = app.screen.query(".result.hurt").results(Static)
        hurt_names = [catalogue.exercise(r.exercise).name for r in hurt.exercises if r.hurt]
        assert len(hurt_names) == 1
        assert [str(b.content).split("\n")[0] for b in marked] == [
            f"{hurt_names[0]}: stopped because it hurt"
        ]


async def test_export_writes_a_file_that_lumbar_import_reads_back(
    app: LumbarApp,
    history: list[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "out" / "mine.json"
    async with app.run_test(size=(80, 24)) as pilot:
        shown = notifications(app)
        await open_progress(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        field = app.screen.query_one(Input)
        assert field.value == "~/lumbar-export-2025-03-01.csv"
        field.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
    assert shown[-1].title == "Exported"
    assert shown[-1].message.startswith(f"Exported {len(history)} sessions")
    status, out, _ = run_cli(capsys, "--db", str(tmp_path / "fresh.json"), "import", str(target))
    assert status == 0 and f"{len(history)} sessions" in out
    assert list(Store.open(tmp_path / "fresh.json").sessions()) == history


async def test_export_to_the_default_csv_in_the_home_folder(
    app: LumbarApp, history: list[Session], isolated_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_progress(pilot)
        await pilot.press("e", "enter")
        await app.workers.wait_for_complete()
    written = isolated_home / "lumbar-export-2025-03-01.csv"
    lines = written.read_text().splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS)
    assert len(lines) == 1 + sum(len(s.exercises) for s in history)


async def test_export_problems_are_said_clearly(app: LumbarApp, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    async with app.run_test(size=(80, 24)) as pilot:
        shown = notifications(app)
        await open_progress(pilot)
        await pilot.press("e")
        dialog = app.screen
        dialog.query_one(Input).value = str(tmp_path / "notes.txt")
        await pilot.press("enter")
        assert app.screen is dialog  # still asking
        problem = str(dialog.query_one("#export-problem", Static).content)
        assert problem == "The name must end in .csv (the sessions) or .json (everything)."
        dialog.query_one(Input).value = str(blocker / "inside.csv")  # a file is in the way
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("e", "escape")
        assert isinstance(app.screen, ProgressScreen)
    assert [(n.title, n.severity) for n in shown] == [("Could not export", "error")]
    assert str(blocker) in shown[0].message
    assert not (tmp_path / "notes.txt").exists()


async def test_a_session_played_since_shows_when_the_screen_comes_back(
    make: MakeApp, store: Store, history: list[Session]
) -> None:
    app = make(history=history[:-1])  # not yet this morning's session
    async with on_progress(app) as (pilot, screen):
        assert text(screen, "#week").startswith("This week: 2 of 3 days")
        assert screen.query_one(TabbedContent).active == "overview"
        await pilot.press("c")
        store.save_session(history[-1])
        await open_progress(pilot)
        assert app.screen is screen
        assert text(screen, "#week").startswith("This week: 3 of 3 days")
        await pilot.press("3")
        assert screen.query_one(SessionList).rows[0].session == history[-1].id


async def test_ten_years_of_sessions_list_and_open_from_either_end(
    make: MakeApp, catalogue: Catalogue, store: Store
) -> None:
    years = years_of_sessions(catalogue, BASE)

    def put(tables: Tables) -> bool:
        tables.setdefault("sessions", {}).update({s.id: to_document(s) for s in years})
        return True

    store.update(put)
    app = make(history=[])
    async with on_progress(app) as (pilot, screen):
        # Wednesday 4 March 2015 to Friday 28 February 2025: every week from the one of 2 March
        # 2015 to this one (3647 days, 521 weeks later) has at least three days: 522 weeks.
        assert text(screen, "#streak") == "522 weeks in a row, your best"
        await pilot.press("3")
        assert text(screen, "#history-note").startswith("3650 sessions, ")
        listed = screen.query_one(SessionList)
        assert len(listed.rows) == 3650
        await pilot.press("pagedown")
        assert listed.cursor == listed.page > 10
        await pilot.press("end")
        assert listed.highlighted is not None and listed.highlighted.session == years[0].id
        await pilot.press("enter")
        assert isinstance(app.screen, SessionDetail) and app.screen.session == years[0]
        await pilot.press("escape", "home")
        assert listed.cursor == 0 and round(listed.scroll_y) == 0
        await pilot.click(SessionList, offset=(5, 3))  # the third row under the heading
        assert listed.cursor == 2
        await pilot.click(SessionList, offset=(5, 3))  # again: open it
        assert isinstance(app.screen, SessionDetail) and app.screen.session == years[-3]


async def test_the_next_start_carries_on_from_the_figures_kept(
    make: MakeApp, history: list[Session], store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen keeps its figures; at the next start it adds only the latest sessions to them."""
    async with on_progress(make(history=history)) as (_pilot, screen):
        first = text(screen, "#week"), text(screen, "#trend")
    carried: list[int] = []
    real = ProgressTally.carried_on

    def carrying_on(catalogue: Catalogue, checkpoint: Checkpoint) -> ProgressTally:
        carried.append(checkpoint.count)
        return real(catalogue, checkpoint)

    monkeypatch.setattr(ProgressTally, "carried_on", carrying_on)
    async with on_progress(make(store=Store.open(store.path))) as (_pilot, screen):
        assert (text(screen, "#week"), text(screen, "#trend")) == first
    assert carried == [len(history) - LEAVE_OUT]
