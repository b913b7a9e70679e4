"""The progress store's API: every method, the database path, and schema migrations."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.helpers import RECORD_BASE, make_session
from tui.model.catalogue import Catalogue, Routine
from tui.model.records import SCHEMA_VERSION, RoadmapState, SafetyCheck, Session, Settings
from tui.store import schema as schema_module
from tui.store import store as store_module
from tui.store.paths import default_db_path, resolve_db_path
from tui.store.store import Store, StoreError


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "lumbar.json"


@pytest.fixture
def store(db: Path) -> Store:
    return Store.open(db)


def custom(catalogue: Catalogue, routine_id: str = "mine", name: str = "Mine") -> Routine:
    """A custom routine copied from a bundled one whose doses hold ranges."""
    bundled = catalogue.routine("spinenation")
    return msgspec.structs.replace(bundled, id=routine_id, name=name, kind="custom")


def raw(db: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(db.read_text())
    return data


# --- the path -------------------------------------------------------------------------------


def test_default_path_is_in_the_users_data_directory(isolated_home: Path) -> None:
    assert default_db_path() == isolated_home / "data" / "lumbar" / "lumbar.json"


def test_db_option_beats_the_environment() -> None:
    assert resolve_db_path("a.json", {"LUMBAR_DB": "b.json"}) == Path.cwd() / "a.json"


def test_environment_beats_the_default() -> None:
    assert resolve_db_path(None, {"LUMBAR_DB": "b.json"}) == Path.cwd() / "b.json"


def test_without_either_the_default_is_used() -> None:
    assert resolve_db_path(None, {}) == default_db_path()


def test_an_empty_environment_variable_is_ignored() -> None:
    assert resolve_db_path(None, {"LUMBAR_DB": ""}) == default_db_path()


def test_a_home_relative_path_is_expanded(isolated_home: Path) -> None:
    assert resolve_db_path("~/x.json", {}) == isolated_home / "x.json"


# --- opening and creating -------------------------------------------------------------------


def test_opening_a_missing_file_creates_nothing(db: Path) -> None:
    Store.open(db)
    assert not db.exists()
    assert not db.parent.exists()


def test_the_first_write_creates_the_file_and_its_folders(store: Store, db: Path) -> None:
    store.save_session(make_session())
    assert db.is_file()


def test_the_file_records_the_schema_version(store: Store, db: Path) -> None:
    store.save_settings(Settings())
    assert raw(db)["meta"] == {"schema": {"version": SCHEMA_VERSION}}


def test_sessions_are_kept_under_their_own_id(store: Store, db: Path) -> None:
    store.save_session(make_session("abc"))
    assert list(raw(db)["sessions"]) == ["abc"]


def test_an_empty_object_is_an_empty_store(db: Path) -> None:
    db.parent.mkdir()
    db.write_text("{}")
    assert list(Store.open(db).sessions()) == []


def test_the_core_store_modules_do_not_import_textual() -> None:
    code = (
        "import sys, tui.store.storage, tui.store.store, tui.store.transfer\n"
        "print([m for m in sys.modules if m.split('.')[0] == 'textual'])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


# --- sessions -------------------------------------------------------------------------------


def test_a_saved_session_reads_back_equal(store: Store) -> None:
    session = make_session()
    store.save_session(session)
    assert store.session(session.id) == session


def test_a_session_stored_before_holds_cut_was_kept_reads_back_done_in_full(
    store: Store, db: Path
) -> None:
    """A file from before holds_cut (and pain_threshold) existed: read with their defaults."""
    store.save_session(make_session())
    store.save_settings(Settings(weekly_target=4))
    data = raw(db)
    for session in data["sessions"].values():
        for result in session["exercises"]:
            result.pop("holds_cut", None)  # (stored only when not 0)
    del data["settings"]["current"]["pain_threshold"]
    db.write_text(json.dumps(data))
    reopened = Store.open(db)
    (session,) = reopened.sessions()
    assert [(r.holds_cut, r.full) for r in session.exercises] == [(0, True), (0, True)]
    assert reopened.settings().pain_threshold == 7


def test_a_session_keeps_its_timezone_offset(store: Store) -> None:
    store.save_session(make_session())
    saved = store.session("s-1")
    assert saved is not None
    assert saved.started_at.utcoffset() == timedelta(hours=2)


def test_an_unknown_session_is_none(store: Store) -> None:
    assert store.session("nope") is None


def test_saving_a_session_again_replaces_it(store: Store) -> None:
    store.save_session(make_session("s", "partial", exercises=1))
    store.save_session(make_session("s", "complete", exercises=3))
    assert [(s.status, len(s.exercises)) for s in store.sessions()] == [("complete", 3)]


def test_sessions_come_back_oldest_first(store: Store) -> None:
    for day in (3, 1, 2):
        store.save_session(make_session(f"d{day}", day=day))
    assert [s.id for s in store.sessions()] == ["d1", "d2", "d3"]


def test_sessions_in_other_offsets_sort_by_the_real_moment(store: Store) -> None:
    late = datetime(2025, 3, 1, 6, 0, tzinfo=UTC)
    store.save_session(make_session("late", started_at=late))
    store.save_session(make_session("early", started_at=RECORD_BASE))  # 05:30 UTC
    assert [s.id for s in store.sessions()] == ["early", "late"]


def test_two_stores_on_one_file_see_each_others_writes(db: Path) -> None:
    first, second = Store.open(db), Store.open(db)
    first.save_session(make_session("a"))
    second.save_session(make_session("b"))
    assert [s.id for s in first.sessions()] == ["a", "b"]


# --- routines -------------------------------------------------------------------------------


def test_a_custom_routine_reads_back_equal_ranges_and_all(
    store: Store, catalogue: Catalogue
) -> None:
    routine = custom(catalogue)
    store.save_routine(routine)
    assert store.routine("mine") == routine


def test_every_bundled_routine_survives_the_store_as_a_custom_one(
    store: Store, catalogue: Catalogue
) -> None:
    originals = [
        msgspec.structs.replace(routine, kind="custom") for routine in catalogue.routines.values()
    ]
    for routine in originals:
        store.save_routine(routine)
    assert all(store.routine(routine.id) == routine for routine in originals)


def test_routines_are_listed_by_name(store: Store, catalogue: Catalogue) -> None:
    store.save_routine(custom(catalogue, "b-id", "Alpha"))
    store.save_routine(custom(catalogue, "a-id", "Beta"))
    assert [r.name for r in store.routines()] == ["Alpha", "Beta"]


def test_saving_a_routine_again_replaces_it(store: Store, catalogue: Catalogue) -> None:
    store.save_routine(custom(catalogue, name="Old"))
    store.save_routine(custom(catalogue, name="New"))
    assert [r.name for r in store.routines()] == ["New"]


def test_only_custom_routines_are_stored(store: Store, catalogue: Catalogue) -> None:
    with pytest.raises(ValueError, match="custom"):
        store.save_routine(catalogue.routine("spinenation"))


def test_deleting_a_routine_removes_it(store: Store, catalogue: Catalogue) -> None:
    store.save_routine(custom(catalogue))
    assert store.delete_routine("mine") is True
    assert store.routines() == []


def test_deleting_an_unknown_routine_says_so(store: Store) -> None:
    assert store.delete_routine("nope") is False


# --- settings, safety, roadmap --------------------------------------------------------------


def test_settings_default_until_saved(store: Store) -> None:
    assert store.settings() == Settings()


def test_saved_settings_read_back(store: Store) -> None:
    store.save_settings(Settings(theme="ansi-dark", weekly_target=5))
    assert store.settings() == Settings(theme="ansi-dark", weekly_target=5)


def test_safety_is_none_until_answered(store: Store) -> None:
    assert store.safety() is None


def test_the_latest_safety_answers_are_kept(store: Store) -> None:
    store.save_safety(SafetyCheck(answered_at=RECORD_BASE, any_yes=True))
    store.save_safety(SafetyCheck(answered_at=RECORD_BASE + timedelta(days=1), any_yes=False))
    assert store.safety() == SafetyCheck(answered_at=RECORD_BASE + timedelta(days=1), any_yes=False)


def test_roadmap_state_is_empty_until_saved(store: Store) -> None:
    assert store.roadmap_state() == RoadmapState()


def test_saved_roadmap_state_reads_back(store: Store) -> None:
    state = RoadmapState(moved_to="stabilize", moved_at=RECORD_BASE)
    store.save_roadmap_state(state)
    assert store.roadmap_state() == state


def test_a_snapshot_holds_everything(store: Store, catalogue: Catalogue) -> None:
    store.save_session(make_session())
    store.save_routine(custom(catalogue))
    store.save_settings(Settings(bell=False))
    snapshot = store.snapshot()
    assert (len(snapshot.sessions), len(snapshot.routines)) == (1, 1)
    assert snapshot.settings == Settings(bell=False)
    assert snapshot.safety is None


# --- migrations -----------------------------------------------------------------------------


def write_version(db: Path, version: int, sessions: dict[str, Any]) -> bytes:
    db.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"meta": {"schema": {"version": version}}, "sessions": sessions}).encode()
    db.write_bytes(data)
    return data


def legacy_session(session_id: str = "old") -> dict[str, Any]:
    """A session as a made-up version 0 wrote it: ``title`` instead of ``routine_name``."""
    document = store_module.to_document(make_session(session_id))
    document["title"] = document.pop("routine_name")
    return document


def rename_title(tables: Any) -> Any:
    for session in tables.get("sessions", {}).values():
        session["routine_name"] = session.pop("title")
    return tables


def test_an_older_file_is_migrated_on_open(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema_module, "MIGRATIONS", {**schema_module.MIGRATIONS, 0: rename_title})
    write_version(db, 0, {"old": legacy_session()})
    assert list(Store.open(db).sessions()) == [make_session("old")]


def test_a_migrated_file_is_written_at_the_current_version(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema_module, "MIGRATIONS", {**schema_module.MIGRATIONS, 0: rename_title})
    write_version(db, 0, {"old": legacy_session()})
    Store.open(db)
    assert raw(db)["meta"]["schema"]["version"] == SCHEMA_VERSION


def test_the_original_is_kept_beside_a_migrated_file(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema_module, "MIGRATIONS", {**schema_module.MIGRATIONS, 0: rename_title})
    original = write_version(db, 0, {"old": legacy_session()})
    Store.open(db)
    [backup] = db.parent.glob("lumbar.json.schema-0-*")
    assert backup.read_bytes() == original


def test_a_file_written_by_schema_1_is_upgraded_and_reads_the_same(tmp_path: Path) -> None:
    """A file lumbar wrote before sessions left out their defaults: same records, smaller file."""
    original = Path(__file__).parent.parent / "data" / "lumbar-schema-1.json"
    db = tmp_path / "lumbar.json"
    shutil.copyfile(original, db)
    before = json.loads(original.read_bytes())
    expected = [
        store_module.from_document(document, Session) for document in before["sessions"].values()
    ]
    store = Store.open(db)
    assert list(store.sessions()) == sorted(expected, key=lambda session: session.started_at)
    assert store.settings() == Settings(weekly_target=4, warm_up=False)
    after = raw(db)
    assert after["meta"]["schema"]["version"] == SCHEMA_VERSION == 2
    assert db.stat().st_size < original.stat().st_size * 0.75
    assert '"holds_cut":0' not in db.read_text() and '"note"' not in db.read_text()
    [backup] = tmp_path.glob("lumbar.json.schema-1-*")
    assert backup.read_bytes() == original.read_bytes()
    assert list(Store.open(db).sessions()) == list(store.sessions())  # and it is not upgraded twice
    assert len(list(tmp_path.glob("lumbar.json.schema-*"))) == 1


def test_migrations_run_in_order_from_the_files_version(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps: list[int] = []

    def step(number: int) -> Any:
        def migration(tables: Any) -> Any:
            steps.append(number)
            return tables

        return migration

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 4)
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", 4)
    monkeypatch.setattr(schema_module, "MIGRATIONS", {1: step(1), 2: step(2), 3: step(3)})
    write_version(db, 2, {"s-1": store_module.to_document(make_session())})
    Store.open(db)
    assert (steps, raw(db)["meta"]["schema"]["version"]) == ([2, 3], 4)


def test_a_missing_migration_step_refuses_the_file(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema_module, "MIGRATIONS", {})
    original = write_version(db, 0, {"old": legacy_session()})
    with pytest.raises(StoreError, match="too old"):
        Store.open(db)
    assert db.read_bytes() == original


def test_a_failing_migration_changes_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(tables: Any) -> Any:
        raise KeyError("title")

    monkeypatch.setattr(schema_module, "MIGRATIONS", {**schema_module.MIGRATIONS, 0: broken})
    original = write_version(db, 0, {"old": legacy_session()})
    with pytest.raises(StoreError, match="upgrading it from schema version 0 failed"):
        Store.open(db)
    assert db.read_bytes() == original
    assert list(db.parent.glob("lumbar.json.schema-*")) == []


def test_a_migration_that_leaves_bad_records_changes_nothing(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        schema_module, "MIGRATIONS", {**schema_module.MIGRATIONS, 0: lambda tables: tables}
    )
    original = write_version(db, 0, {"old": legacy_session()})
    with pytest.raises(StoreError, match="damaged"):
        Store.open(db)
    assert db.read_bytes() == original


def test_a_file_at_the_current_version_is_not_migrated(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(tables: Any) -> Any:
        raise AssertionError("should not run")

    monkeypatch.setattr(schema_module, "MIGRATIONS", {SCHEMA_VERSION - 1: fail})
    write_version(db, SCHEMA_VERSION, {})
    Store.open(db)


# --- raw updates ----------------------------------------------------------------------------


def test_an_update_that_changes_nothing_writes_nothing(store: Store, db: Path) -> None:
    store.update(lambda tables: False)
    assert not db.exists()


def test_an_update_that_fails_leaves_the_file_as_it_was(store: Store, db: Path) -> None:
    store.save_session(make_session("a"))
    before = db.read_bytes()

    def half_done(tables: Any) -> bool:
        tables["sessions"].clear()
        raise RuntimeError("stopped half way")

    with pytest.raises(RuntimeError):
        store.update(half_done)
    assert db.read_bytes() == before


def test_an_update_lands_all_at_once(store: Store) -> None:
    def two(tables: Any) -> bool:
        sessions = tables.setdefault("sessions", {})
        for name in ("x", "y"):
            sessions[name] = store_module.to_document(make_session(name))
        return True

    store.update(two)
    assert [s.id for s in store.sessions()] == ["x", "y"]
