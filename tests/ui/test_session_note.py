"""A note at the end of a session: one key on the summary, kept with the session, shown after."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.helpers import SIZE, MakeApp, make_session, open_progress
from tui.app import LumbarApp
from tui.model.records import Session
from tui.screens.dialogs import EndSession, PainCheck, SessionSummary
from tui.screens.note_dialog import NoteDialog
from tui.screens.progress_dialogs import SessionDetail
from tui.store.store import Store
from tui.widgets.readout import Readout


def saved(app: LumbarApp, store: Store) -> Session:
    """The one session in the store, once the app's saver has written it."""
    assert app.saver.flush(timeout=10)
    (session,) = store.sessions()
    return session


async def to_summary(pilot: Pilot[None]) -> SessionSummary:
    """Pain 4, end the session at once, pain 3 after: the summary is up."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, PainCheck)
    await pilot.press("4", "q")
    assert isinstance(pilot.app.screen, EndSession)
    await pilot.press("y")
    await pilot.pause()
    await pilot.press("3")
    summary = pilot.app.screen
    assert isinstance(summary, SessionSummary)
    return summary


async def test_a_note_typed_at_the_end_is_stored_with_the_session(
    make: MakeApp, store: Store
) -> None:
    """w on the summary, a note typed, Enter: the session in the store has the note."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot)
        await pilot.press("w")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"left side pulled", "enter")
        assert isinstance(app.screen, SessionSummary)
        assert saved(app, store).note == "left side pulled"


async def test_a_note_is_saved_before_the_player_leaves(make: MakeApp, store: Store) -> None:
    """A note typed after the last save is in the store once the summary is closed."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot)
        await pilot.press("w", *"tired today", "enter", "enter")
        await pilot.pause()
        (session,) = store.sessions()
        assert session.note == "tired today"


async def test_escape_on_the_note_keeps_none(make: MakeApp, store: Store) -> None:
    """Escape on the note dialog leaves the session without a note."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot)
        await pilot.press("w", *"never mind", "escape")
        assert isinstance(app.screen, SessionSummary)
        assert saved(app, store).note == ""


async def test_the_summary_shows_the_note_kept(make: MakeApp) -> None:
    """After Enter on the note, the summary shows it under the session's lines."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        summary = await to_summary(pilot)
        await pilot.press("w", *"stiff", "enter")
        shown = summary.query_one("#summary-note", Readout)
        assert shown.display and shown.text == "Your note: stiff"


async def test_the_note_dialog_offers_the_note_written_before(make: MakeApp) -> None:
    """w again opens the dialog with the note already kept, to edit."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await to_summary(pilot)
        await pilot.press("w", *"first", "enter", "w")
        assert app.screen.query_one("#note-text", Input).value == "first"


async def test_the_session_detail_shows_the_note(make: MakeApp) -> None:
    """Enter on a session with a note in the history shows the note in its detail."""
    session = make_session(note="Felt a twinge <b>after</b> the bridge")
    app = make(history=[session])
    async with app.run_test(size=SIZE) as pilot:
        await open_progress(pilot)
        await pilot.press("3", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SessionDetail)
        text = str(detail.query_one("#detail-note", Static).render())
    assert text == "Your note: Felt a twinge <b>after</b> the bridge"
