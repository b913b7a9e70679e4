"""``lumbar prescribe``: a good file installs, a bad one installs nothing, a newer one replaces."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from tests.helpers import (
    EXAMPLE,
    PRESCRIBED,
    fhir_history,
    make_session,
    run_cli,
    validate,
    with_example,
    write_example,
)
from tui.catalogue import active_path, bundled_dir, check_prescription, user_dir
from tui.catalogue.load import load_catalogue
from tui.model import Catalogue
from tui.screens.report_file import write_report
from tui.store import Store
from tui.store.fhir import fhir_bundle

NEWER = ("issued = 2026-12-01", "issued = 2026-12-20")
RENAMED = ('name = "Back plan"', 'name = "Back plan, December"')
WHEN = datetime(2026, 12, 21, 9, 0, tzinfo=UTC)
"""A morning after the newer prescription was issued."""


def installed() -> Path:
    """Where the active prescription is installed in the test's user folder."""
    return active_path(user_dir())


def test_the_example_passes_the_checks() -> None:
    """The example prescription shipped in catalogue/examples has no problem."""
    parsed, problems = check_prescription(EXAMPLE, user_dir())
    assert parsed is not None and problems == []


def test_the_example_is_not_loaded_as_bundled_content() -> None:
    """catalogue/examples is never part of lumbar's own catalogue."""
    assert "back-plan" not in load_catalogue(bundled_dir()).catalogue.routines


def test_a_good_file_installs(capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 0, the file in the prescriptions folder, and a sentence naming who and when."""
    status, out, _ = run_cli(capsys, "prescribe", str(EXAMPLE))
    assert status == 0
    assert installed().read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")
    assert "Installed 'Back plan' prescribed by Alex Morgan" in out
    assert "review on 12 January 2027" in out


def test_an_installed_prescription_loads_with_the_users_catalogue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Once installed, the routine and its prescription are in the catalogue."""
    run_cli(capsys, "prescribe", str(EXAMPLE))
    found = load_catalogue(user=user_dir()).catalogue.prescribed()
    assert found is not None and found[0].id == "back-plan"


def test_a_file_with_several_problems_lists_them_all_and_installs_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Too many a week, a review before issue, a missing exercise: three file:line problems."""
    bad = write_example(
        tmp_path / "bad.toml",
        ("review = 2027-01-12", "review = 2026-11-30"),
        ('exercise = "bridge"', 'exercise = "bridges"'),
        ("per_week = 4", "per_week = 40"),
    )
    status, _, err = run_cli(capsys, "prescribe", str(bad))
    assert status == 1
    lines = [line for line in err.splitlines() if line.startswith(f"{bad}:")]
    assert [line.split(":")[1] for line in lines] == ["13", "14", "32"]
    assert "nothing was installed" in err
    assert not installed().parent.exists()


def test_a_decoded_file_lists_every_problem_it_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong kind and an exercise not in the catalogue: both listed, with their lines."""
    bad = write_example(
        tmp_path / "bad.toml",
        ('kind = "prescribed"', 'kind = "composed"'),
        ('exercise = "bridge"', 'exercise = "bridges"'),
    )
    status, _, err = run_cli(capsys, "prescribe", str(bad))
    assert status == 1
    assert f"{bad}:20:" in err and f"{bad}:32:" in err
    assert not installed().exists()


def test_a_file_without_a_prescription_table_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ordinary routine file is not a prescription: refused, with what to add."""
    routine = EXAMPLE.read_text(encoding="utf-8").split("\n[[routine]]\n", 1)[1]
    plain = tmp_path / "plain.toml"
    plain.write_text(
        "[[routine]]\n"
        + routine.replace("locked = true\n", "").replace('"prescribed"', '"custom"'),
        encoding="utf-8",
    )
    status, _, err = run_cli(capsys, "prescribe", str(plain))
    assert status == 1 and "is not a prescription" in err
    assert not installed().exists()


def test_a_newer_prescription_replaces_and_keeps_the_old(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The newer one is active; the old is kept in replaced/ and no longer loads."""
    run_cli(capsys, "prescribe", str(EXAMPLE))
    newer = write_example(tmp_path / "newer.toml", NEWER, RENAMED)
    status, out, _ = run_cli(capsys, "prescribe", str(newer))
    assert status == 0 and "It replaces 'Back plan'" in out
    kept = list((installed().parent / "replaced").glob("*.toml"))
    assert [p.read_text(encoding="utf-8") for p in kept] == [EXAMPLE.read_text(encoding="utf-8")]
    loaded = load_catalogue(user=user_dir()).catalogue
    assert loaded.routine("back-plan").name == "Back plan, December"


def test_an_older_prescription_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issued before the active one: exit 1, a clear message, the active one unchanged."""
    newer = write_example(tmp_path / "newer.toml", NEWER, RENAMED)
    run_cli(capsys, "prescribe", str(newer))
    status, _, err = run_cli(capsys, "prescribe", str(EXAMPLE))
    assert status == 1 and "--force" in err and "nothing was installed" in err
    assert installed().read_text(encoding="utf-8") == newer.read_text(encoding="utf-8")


def test_an_older_prescription_installs_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--force installs one issued before the active one."""
    run_cli(capsys, "prescribe", str(write_example(tmp_path / "n.toml", NEWER, RENAMED)))
    status, _, _ = run_cli(capsys, "prescribe", "--force", str(EXAMPLE))
    assert status == 0
    assert installed().read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_show_prints_the_active_prescription(capsys: pytest.CaptureFixture[str]) -> None:
    """--show names the clinician, the dates, the note and the locked exercises."""
    run_cli(capsys, "prescribe", str(EXAMPLE))
    status, out, _ = run_cli(capsys, "prescribe", "--show")
    assert status == 0
    assert "issued on 1 December 2026" in out and "pelvic-tilt, bird-dog" in out


def test_remove_sets_the_prescription_aside(capsys: pytest.CaptureFixture[str]) -> None:
    """--remove: it no longer loads, and it is kept among the replaced."""
    run_cli(capsys, "prescribe", str(EXAMPLE))
    status, _, _ = run_cli(capsys, "prescribe", "--remove")
    assert status == 0 and not installed().exists()
    assert load_catalogue(user=user_dir()).catalogue.prescribed() is None
    assert list((installed().parent / "replaced").glob("*.toml"))


def test_a_prescription_copied_into_the_catalogue_folder_is_skipped() -> None:
    """Copied, not installed: reported with its line and skipped; nothing else breaks."""
    copied = write_example(user_dir() / "prescription.toml")
    loaded = load_catalogue(user=user_dir())
    assert "back-plan" not in loaded.catalogue.routines
    assert [p.file for p in loaded.problems] == [copied]
    assert loaded.problems[0].line == 10


def test_locked_in_an_ordinary_user_file_is_a_problem() -> None:
    """Only a clinician's prescription can lock a dose: the line of `locked` is named."""
    text = EXAMPLE.read_text(encoding="utf-8").split("\n[[routine]]\n", 1)[1]
    mine = user_dir() / "mine.toml"
    mine.parent.mkdir(parents=True)
    mine.write_text("[[routine]]\n" + text.replace('"prescribed"', '"custom"'), encoding="utf-8")
    loaded = load_catalogue(user=user_dir())
    assert [p.message for p in loaded.problems] == [
        "only a clinician's prescription can lock a dose"
    ] * 2


def test_a_played_prescription_is_a_care_plan_naming_the_clinician(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    """The FHIR export's CarePlan of a prescription says who prescribed it; locked doses say so."""
    prescribed = with_example(catalogue, at=tmp_path / "p.toml")
    session = msgspec.structs.replace(fhir_history()[0], routine=PRESCRIBED)
    bundle = fhir_bundle(prescribed, [session], [], datetime(2026, 12, 10, tzinfo=UTC))
    plan = next(
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "CarePlan" and e["resource"]["title"] == "Back plan"
    )
    assert plan["note"][0]["text"].startswith("Prescribed by Alex Morgan, physiotherapist")
    assert "locked by the clinician" in plan["activity"][0]["detail"]["description"]
    validate(bundle)


def test_the_progress_screens_report_lists_the_replaced_prescription(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report the progress screen writes names the older prescription, as lumbar report does."""
    run_cli(capsys, "prescribe", str(EXAMPLE))
    run_cli(capsys, "prescribe", str(write_example(tmp_path / "newer.toml", NEWER, RENAMED)))
    store = Store.open(tmp_path / "lumbar.json")
    for day, when in enumerate((WHEN - timedelta(days=19), WHEN)):  # under the old, the new
        store.save_session(make_session(f"rx-{day}", routine=PRESCRIBED, started_at=when))
    now = WHEN + timedelta(days=1)
    written = write_report(store, load_catalogue(user=user_dir()).catalogue, now)
    assert written.path is not None
    page = written.path.read_text(encoding="utf-8")
    assert "Back plan, December" in page and "replaced on" in page
