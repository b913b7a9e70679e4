"""A session's note: kept by the engine, carried by a resumed session, in the CSV and the table."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import msgspec

from tests.helpers import FakeClock, make_session, stopped_session, without_movement
from tui.history.plan import plans_for
from tui.model import NOTE_LENGTH, Settings, tidy_note
from tui.model.catalogue import Catalogue
from tui.session.engine import Engine
from tui.session.factory import build_session
from tui.session.timeline import build_timeline
from tui.store.store import Store
from tui.store.transfer import history_table, sessions_csv


def test_a_note_is_trimmed_and_cut_to_its_length() -> None:
    """Spaces round a note go, and a note longer than NOTE_LENGTH is cut to it."""
    assert tidy_note("  sore  ") == "sore"
    assert len(tidy_note("x" * (NOTE_LENGTH + 20))) == NOTE_LENGTH


def test_the_engine_puts_the_note_in_the_session(catalogue: Catalogue) -> None:
    """A note set on the engine is in the session record it gives."""
    clock = FakeClock()
    engine = Engine(build_timeline(catalogue, catalogue.routine("quick-10")), clock, clock.wall)
    engine.start()
    engine.set_note("  tight hamstrings ")
    assert engine.session().note == "tight hamstrings"


def test_a_resumed_session_keeps_its_note(catalogue: Catalogue) -> None:
    """A session continued keeps the note written when it stopped."""
    catalogue = without_movement(catalogue)
    clock = FakeClock()
    saved = msgspec.structs.replace(
        stopped_session(catalogue, "quick-10", clock, 60.0), note="stopped: phone"
    )
    routine = catalogue.routine("quick-10")
    parts = build_session(
        catalogue,
        routine,
        plans_for(catalogue, routine, []),
        Settings(),
        Store.open(Path("/nonexistent/never-written.json")),
        clock=clock,
        wall=clock.wall,
        resuming=saved,
    )
    parts.engine.start()
    assert parts.engine.session().note == "stopped: phone"


def test_the_csv_has_the_note_on_each_row_of_its_session() -> None:
    """The CSV's note column holds the session's note on every row of it."""
    rows = list(csv.DictReader(io.StringIO(sessions_csv([make_session(note="better today")]))))
    assert [row["note"] for row in rows] == ["better today", "better today"]


def test_a_note_that_looks_like_a_formula_is_kept_as_text_in_the_csv() -> None:
    """A note starting with = gets the leading quote a spreadsheet shows as text."""
    rows = list(csv.DictReader(io.StringIO(sessions_csv([make_session(note="=1+1")]))))
    assert rows[0]["note"] == "'=1+1"


def test_the_history_table_shows_a_notes_first_words_under_its_row() -> None:
    """A long note is shown on one line under its session, cut to 80 columns with an ellipsis."""
    table = history_table([make_session(note="word " * 40)]).splitlines()
    assert table[2].lstrip().startswith("Note: word word")
    assert len(table[2]) <= 80 and table[2].endswith("…")
