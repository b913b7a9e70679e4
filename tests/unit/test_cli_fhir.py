"""``lumbar export --fhir FILE.json``: the file it writes, and what it refuses (writing nothing)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers import fhir_history, run_cli, validate
from tui.store.store import Store

run = run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "lumbar.json"
    store = Store.open(path)
    for session in fhir_history():
        store.save_session(session)
    return path


def test_export_fhir_writes_a_valid_bundle(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    """The file is a FHIR R4 Bundle of the three sessions; the message says what it holds."""
    target = tmp_path / "for-my-physio.json"
    status, out, err = run(capsys, "--db", str(db), "export", "--fhir", str(target))
    assert (status, err) == (0, "")
    assert out == (
        f"Exported 3 sessions to {target} as a FHIR R4 Bundle (1 Patient, 2 CarePlans, "
        "3 Procedures, 11 Observations).\n"
    )
    validate(json.loads(target.read_text()))


def test_an_empty_store_says_so_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No sessions: exit 1, a message saying there is nothing to export, no file."""
    target = tmp_path / "out.json"
    status, out, err = run(
        capsys, "--db", str(tmp_path / "new.json"), "export", "--fhir", str(target)
    )
    assert (status, out) == (1, "")
    assert "no sessions yet" in err and "no file was written" in err
    assert not target.exists()


def test_an_unusable_store_says_so_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A database lumbar cannot read: exit 1, its message, no file, the database untouched."""
    bad, target = tmp_path / "bad.json", tmp_path / "out.json"
    bad.write_text('{"sessions": ')
    status, _, err = run(capsys, "--db", str(bad), "export", "--fhir", str(target))
    assert status == 1 and str(bad) in err and "Traceback" not in err
    assert not target.exists() and bad.read_text() == '{"sessions": '


def test_a_name_not_ending_in_json_is_refused(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    """--fhir out.xml: exit 1, the message asks for .json, no file."""
    target = tmp_path / "out.xml"
    status, _, err = run(capsys, "--db", str(db), "export", "--fhir", str(target))
    assert status == 1 and "must end in .json" in err
    assert not target.exists()


def test_the_database_itself_is_refused(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    """Exporting over lumbar's own file: exit 1, and the file is unchanged."""
    before = db.read_bytes()
    status, _, err = run(capsys, "--db", str(db), "export", "--fhir", str(db))
    assert status == 1 and "database itself" in err
    assert db.read_bytes() == before


def test_fhir_and_a_path_together_are_a_usage_error(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    """export PATH --fhir FILE: argparse says they do not go together (exit 2)."""
    status, _, err = run(
        capsys,
        "--db",
        str(db),
        "export",
        str(tmp_path / "a.json"),
        "--fhir",
        str(tmp_path / "b.json"),
    )
    assert status == 2 and "not allowed with" in err


def test_an_existing_file_is_replaced(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    """An earlier export at the same name is replaced whole, with no temp file left beside it."""
    target = tmp_path / "out.json"
    target.write_text("an earlier export")
    assert run(capsys, "--db", str(db), "export", "--fhir", str(target))[0] == 0
    assert json.loads(target.read_text())["resourceType"] == "Bundle"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_failed_write_leaves_the_existing_file_as_it_was(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename that replaces the file fails: exit 1, a message, the old file intact."""
    target = tmp_path / "out.json"
    target.write_text("an earlier export")

    def fail(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)  # the rename inside write_atomic
    status, _, err = run(capsys, "--db", str(db), "export", "--fhir", str(target))
    assert status == 1 and str(target) in err and "Traceback" not in err
    assert target.read_text() == "an earlier export"
