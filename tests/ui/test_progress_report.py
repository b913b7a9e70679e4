"""The progress screen's report key: the clinician's report written to the home folder."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import SIZE, MakeApp, make_session, notifications, open_progress
from tui.store.store import Store


async def test_w_writes_the_report_in_the_home_folder_and_says_where(
    make: MakeApp, isolated_home: Path
) -> None:
    """w on the progress screen: an HTML report in ~/lumbar-report-DATE.html, its path told."""
    app = make(history=[make_session()])
    async with app.run_test(size=SIZE) as pilot:
        await open_progress(pilot)
        shown = notifications(app)
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [notice.message for notice in shown]
    target = isolated_home / "lumbar-report-2025-03-01.html"
    assert target.read_text().startswith("<!DOCTYPE html>")
    assert any(str(target) in message for message in said)


async def test_w_with_no_session_says_so_and_writes_nothing(
    make: MakeApp, isolated_home: Path, store: Store
) -> None:
    """No session yet: a warning that there is nothing to report, and no file."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_progress(pilot)
        shown = notifications(app)
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [notice.message for notice in shown]
    assert any(message.startswith("No report: there are no sessions yet") for message in said)
    assert not list(isolated_home.glob("lumbar-report-*"))
