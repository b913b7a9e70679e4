"""Export, import, CSV and the history table."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.helpers import RECORD_BASE, make_result, make_session
from tui.model.catalogue import Catalogue
from tui.model.records import SCHEMA_VERSION, RoadmapState, SafetyCheck, Settings
from tui.store import schema as schema_module
from tui.store.storage import StoreError
from tui.store.store import Store
from tui.store.transfer import (
    CSV_COLUMNS,
    ImportFileError,
    export,
    history_table,
    import_file,
    read_export,
    sessions_csv,
)


@pytest.fixture
def full(tmp_path: Path, catalogue: Catalogue) -> Store:
    """A store with a bit of everything in it."""
    store = Store.open(tmp_path / "full" / "lumbar.json")
    store.save_session(make_session("s-1", day=0))
    store.save_session(make_session("s-2", "partial", day=1, exercises=1))
    bundled = catalogue.routine("spinenation")
    store.save_routine(msgspec.structs.replace(bundled, id="mine", name="Mine", kind="custom"))
    store.save_settings(Settings(theme="ansi-dark", weekly_target=4))
    store.save_safety(SafetyCheck(answered_at=RECORD_BASE, any_yes=False))
    store.save_roadmap_state(RoadmapState(moved_to="stabilize", moved_at=RECORD_BASE))
    return store


@pytest.fixture
def empty(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "empty" / "lumbar.json")


@pytest.fixture
def exported(full: Store, tmp_path: Path) -> Path:
    path = tmp_path / "export.json"
    export(full, path)
    return path


def write_export(path: Path, change: Any) -> Path:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))
    return path


# --- export and import ----------------------------------------------------------------------


def test_export_then_import_into_an_empty_store_reproduces_everything(
    full: Store, empty: Store, exported: Path
) -> None:
    import_file(empty, exported)
    assert empty.snapshot() == full.snapshot()


def test_the_export_says_its_format_and_schema_version(exported: Path) -> None:
    data = json.loads(exported.read_text())
    assert (data["format"], data["schema_version"]) == ("lumbar-export", SCHEMA_VERSION)


def test_an_export_is_private_to_the_user(exported: Path) -> None:
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600


def test_import_reports_what_it_added(empty: Store, exported: Path) -> None:
    report = import_file(empty, exported)
    assert (report.sessions_added, report.routines_added) == (2, 1)
    assert (report.settings, report.safety, report.roadmap) == (True, True, True)


def test_importing_twice_adds_nothing(empty: Store, exported: Path) -> None:
    import_file(empty, exported)
    assert not import_file(empty, exported).changed
    assert len(empty.sessions()) == 2


def test_importing_nothing_new_does_not_rewrite_the_file(empty: Store, exported: Path) -> None:
    import_file(empty, exported)
    before = empty.path.stat().st_mtime_ns
    import_file(empty, exported)
    assert empty.path.stat().st_mtime_ns == before


def test_a_complete_session_replaces_a_stored_partial_one(empty: Store, exported: Path) -> None:
    empty.save_session(make_session("s-1", "partial", exercises=1))
    assert import_file(empty, exported).sessions_completed == 1
    assert empty.session("s-1") == make_session("s-1")


def test_a_partial_session_never_replaces_a_stored_one(empty: Store, exported: Path) -> None:
    mine = make_session("s-2", "complete", day=1)
    empty.save_session(mine)
    import_file(empty, exported)
    assert empty.session("s-2") == mine


def test_a_stored_session_is_kept_over_an_imported_one(empty: Store, exported: Path) -> None:
    mine = make_session("s-1", pain_before=9)
    empty.save_session(mine)
    import_file(empty, exported)
    assert empty.session("s-1") == mine


def test_a_stored_routine_is_kept_over_an_imported_one(
    empty: Store, exported: Path, catalogue: Catalogue
) -> None:
    bundled = catalogue.routine("quick-10")
    mine = msgspec.structs.replace(bundled, id="mine", name="My own", kind="custom")
    empty.save_routine(mine)
    import_file(empty, exported)
    assert empty.routines() == [mine]


def test_settings_are_taken_only_when_there_are_none(empty: Store, exported: Path) -> None:
    empty.save_settings(Settings(bell=False))
    report = import_file(empty, exported)
    assert not report.settings
    assert empty.settings() == Settings(bell=False)


def test_safety_and_roadmap_are_taken_only_when_there_are_none(
    empty: Store, exported: Path
) -> None:
    empty.save_safety(SafetyCheck(answered_at=RECORD_BASE, any_yes=True))
    empty.save_roadmap_state(RoadmapState(moved_to="maintain"))
    report = import_file(empty, exported)
    assert (report.safety, report.roadmap) == (False, False)
    assert empty.roadmap_state() == RoadmapState(moved_to="maintain")


def test_an_export_from_an_older_schema_is_migrated(
    empty: Store, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def rename(tables: Any) -> Any:
        for session in tables["sessions"].values():
            session["routine_name"] = session.pop("title")
        return tables

    def make_old(data: dict[str, Any]) -> None:
        data["schema_version"] = SCHEMA_VERSION - 1
        for session in data["sessions"]:
            session["title"] = session.pop("routine_name")

    monkeypatch.setattr(schema_module, "MIGRATIONS", {SCHEMA_VERSION - 1: rename})
    write_export(exported, make_old)
    assert import_file(empty, exported).sessions_added == 2
    assert empty.session("s-1") == make_session("s-1")


def test_an_export_from_before_holds_cut_and_the_pain_threshold_imports(
    empty: Store, exported: Path
) -> None:
    """An older lumbar's export (no holds_cut, no pain_threshold) imports with their defaults."""

    def make_old(data: dict[str, Any]) -> None:
        for session in data["sessions"]:
            for result in session["exercises"]:
                del result["holds_cut"]
        del data["settings"]["pain_threshold"]

    write_export(exported, make_old)
    assert import_file(empty, exported).sessions_added == 2
    assert empty.session("s-1") == make_session("s-1")
    assert empty.settings().pain_threshold == 7


def test_export_refuses_other_file_kinds(full: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"must end in \.json .* or \.csv"):
        export(full, tmp_path / "export.txt")
    assert not (tmp_path / "export.txt").exists()


def test_export_refuses_to_overwrite_the_database(full: Store) -> None:
    before = full.path.read_bytes()
    with pytest.raises(StoreError, match="database itself"):
        export(full, full.path)
    assert full.path.read_bytes() == before


# --- bad export files -----------------------------------------------------------------------

BAD_EXPORTS: dict[str, tuple[Any, str]] = {
    "not json": (b"{sessions", "not a JSON object"),
    "a list": (b"[]", "not a JSON object"),
    "no format": (lambda d: d.pop("format"), "not a lumbar export"),
    "unknown field": (lambda d: d.update(extra=1), "fields lumbar does not know: extra"),
    "newer schema": (lambda d: d.update(schema_version=SCHEMA_VERSION + 1), "newer lumbar"),
    "damaged session": (lambda d: d["sessions"][0].pop("started_at"), "damaged"),
    "repeated id": (lambda d: d["sessions"].append(d["sessions"][0]), "repeated id"),
    "sessions not a list": (lambda d: d.update(sessions={}), "not a list of records"),
    "settings not a record": (lambda d: d.update(settings=[1]), "not a record"),
}


@pytest.mark.parametrize("case", BAD_EXPORTS)
def test_a_bad_export_changes_nothing_and_says_why(case: str, full: Store, exported: Path) -> None:
    change, words = BAD_EXPORTS[case]
    if isinstance(change, bytes):
        exported.write_bytes(change)
    else:
        write_export(exported, change)
    before = full.path.read_bytes()
    with pytest.raises(ImportFileError) as caught:
        import_file(full, exported)
    message = str(caught.value)
    assert str(exported) in message and words in message
    assert "Nothing was imported" in message
    assert full.path.read_bytes() == before


def test_importing_a_missing_file_says_so(empty: Store, tmp_path: Path) -> None:
    """No such file: said so, and nothing claims a file that is not there was left as it was."""
    with pytest.raises(ImportFileError, match="no such file") as caught:
        import_file(empty, tmp_path / "nope.json")
    assert "left exactly as it was" not in str(caught.value)


def test_importing_a_csv_export_is_refused(full: Store, empty: Store, tmp_path: Path) -> None:
    export(full, tmp_path / "x.csv")
    with pytest.raises(ImportFileError, match="CSV"):
        import_file(empty, tmp_path / "x.csv")
    assert not empty.path.exists()


def test_read_export_returns_the_records(exported: Path, full: Store) -> None:
    assert read_export(exported) == full.snapshot()


# --- CSV --------------------------------------------------------------------------------------


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_has_a_header(full: Store) -> None:
    assert sessions_csv(full.sessions()).splitlines()[0] == ",".join(CSV_COLUMNS)


def test_the_csv_has_one_row_per_exercise_result(full: Store) -> None:
    table = rows(sessions_csv(full.sessions()))
    assert [(r["session_id"], r["exercise"]) for r in table] == [
        ("s-1", "bird-dog"),
        ("s-1", "bird-dog"),
        ("s-2", "bird-dog"),
    ]


def test_each_csv_row_carries_its_sessions_columns(full: Store) -> None:
    first = rows(sessions_csv(full.sessions()))[0]
    assert (first["routine"], first["status"], first["pain_before"], first["pain_after"]) == (
        "quick-10",
        "complete",
        "5",
        "3",
    )
    assert (first["planned"], first["planned_reps"], first["outcome"]) == (
        "2x6 hold 5s alternating sides",
        "24",
        "done",
    )


def test_a_session_without_results_still_gets_a_row() -> None:
    table = rows(sessions_csv([make_session("bare", "partial", exercises=0)]))
    assert [(r["session_id"], r["exercise"]) for r in table] == [("bare", "")]


def test_a_csv_export_is_written(full: Store, tmp_path: Path) -> None:
    message = export(full, tmp_path / "x.csv")
    assert "2 sessions (3 rows)" in message
    assert len(rows((tmp_path / "x.csv").read_text())) == 3


# --- the history table ----------------------------------------------------------------------


def test_the_history_table_shows_each_session(full: Store) -> None:
    lines = history_table(full.sessions()).splitlines()
    heading = ["Date", "Routine", "Min", "Status", "Pain", "Done", "Cut", "Skip", "Stop", "Hurt"]
    assert lines[0].split() == heading
    first = ["2025-03-01", "07:30", "Quick", "10", "2", "complete", "5", "->", "3", "2", "0"]
    assert lines[1].split() == [*first, "0", "0", "0"]
    assert lines[2].split()[5:] == ["partial", "5", "->", "?", "1", "0", "0", "0", "0"]


def test_the_history_table_counts_skips_and_hurts() -> None:
    results = (
        make_result(outcome="skipped"),
        make_result(outcome="hurt", feedback=None),
        make_result(feedback="hurt"),
        make_result(outcome="stopped"),
    )
    session = msgspec.structs.replace(make_session(), exercises=results)
    assert history_table([session]).splitlines()[1].split()[-5:] == ["1", "0", "1", "1", "2"]


def test_the_history_table_counts_exercises_cut_short_apart_from_those_done() -> None:
    """An exercise cut short is not counted as done: Done 1, Cut 1."""
    results = (make_result(), make_result(outcome="cut", reps_done=8, holds_cut=2))
    session = msgspec.structs.replace(make_session(), exercises=results)
    assert history_table([session]).splitlines()[1].split()[-5:] == ["1", "1", "0", "0", "0"]


def test_the_history_table_fits_80_columns(full: Store) -> None:
    assert max(len(line) for line in history_table(full.sessions()).splitlines()) <= 80


def test_an_export_whose_routine_claims_to_be_built_in_is_refused(
    empty: Store, exported: Path
) -> None:
    """A routine saying it is an article's: nothing imported, and the message names it."""

    def claim(data: dict[str, Any]) -> None:
        data["routines"][0]["kind"] = "article"

    write_export(exported, claim)
    with pytest.raises(ImportFileError, match="'mine' says it is one of lumbar's own"):
        import_file(empty, exported)
    assert empty.routines() == [] and list(empty.sessions()) == []
