"""The report's words in text, Markdown and HTML, and ``lumbar report`` writing them."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

import msgspec
import pytest

from tests.helpers import run_cli
from tests.helpers.report_history import UNTIL, two_weeks
from tui.history.progress import PainPoint
from tui.history.report import Report, make_report
from tui.history.report_render import chart_lines, point_words, render_report
from tui.model import Session, Settings
from tui.model.catalogue import Catalogue
from tui.store import Store

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> | **bold** [a](http://e.vil)'
PERIOD = ("--since", "2025-03-03", "--until", "2025-03-16")


def hostile_history() -> list[Session]:
    """The two weeks, the last note and one routine name written to attack a page."""
    sessions = two_weeks()
    sessions[-1] = msgspec.structs.replace(sessions[-1], note=HOSTILE, routine_name=HOSTILE)
    return sessions


@pytest.fixture
def report(catalogue: Catalogue) -> Report:
    """The report of the two weeks, its last note and routine name hostile."""
    return make_report(hostile_history(), catalogue, Settings(), None, UNTIL)


def saved_history(tmp_path: Path) -> Path:
    """A store holding the two weeks; its path."""
    path = tmp_path / "lumbar.json"
    store = Store.open(path)
    for session in two_weeks():
        store.save_session(session)
    return path


# --- the words ------------------------------------------------------------------------------


def test_the_text_report_says_it_is_not_medical_advice(report: Report) -> None:
    """The text report opens with lumbar's note that it is not medical advice."""
    assert "lumbar is not medical advice" in render_report(report, "text")


def test_the_text_report_fits_80_columns(report: Report) -> None:
    """Every line of the text report fits a terminal of 80 columns."""
    assert max(len(line) for line in render_report(report, "text").splitlines()) <= 80


def test_the_text_report_names_the_articles_as_sources(
    report: Report, catalogue: Catalogue
) -> None:
    """Each article of the catalogue is under Sources."""
    text = render_report(report, "text")
    assert all(source.title in text for source in catalogue.sources.values())


def test_the_markdown_report_has_the_exercise_table(report: Report) -> None:
    """Markdown: a table row per exercise, numbers as counted."""
    assert "| Pelvic tilt | 4 | 3 | 0 | 0 | 1 | 0 | 2/1/0 | 1 | 1 |" in render_report(
        report, "markdown"
    )


def test_the_markdown_report_escapes_a_hostile_note(report: Report) -> None:
    """A note's HTML, emphasis and link are escaped: Markdown shows them as text."""
    text = render_report(report, "markdown")
    assert "<script>" not in text and "[a](http" not in text
    assert r"\<script\>" in text and r"\*\*bold\*\*" in text


def test_the_html_report_escapes_every_user_string(report: Report) -> None:
    """The hostile note and routine name are text in the page: no tag of theirs survives."""
    page = render_report(report, "html")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_the_html_report_loads_nothing_and_runs_nothing(report: Report) -> None:
    """No script, no address to fetch, and a policy that forbids both."""
    page = render_report(report, "html")
    assert not re.search(r"<script|\bsrc=|\bhref=|url\(|@import", page.replace("src=x", ""))
    assert "default-src 'none'" in page


def test_the_html_report_draws_the_pain_chart_inline(report: Report) -> None:
    """The chart is an inline SVG with a marker per pain score given (4 before, 3 after)."""
    page = render_report(report, "html")
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert (svg.count("<circle"), svg.count("<rect")) == (4, 3)


def test_the_html_report_prints_on_a4(report: Report) -> None:
    """Its print style asks for A4 pages."""
    assert "@page { size: A4;" in render_report(report, "html")


# --- lumbar report ----------------------------------------------------------------------------


def test_report_prints_text_without_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """No --out: the text report on stdout."""
    db = saved_history(tmp_path)
    status, out, err = run_cli(capsys, "--db", str(db), "report", *PERIOD)
    assert (status, err) == (0, "")
    assert out.startswith("Home exercise report\n") and "3 Mar 2025 to 16 Mar 2025" in out


@pytest.mark.parametrize(("name", "start"), [("r.html", "<!DOCTYPE html>"), ("r.md", "# Home")])
def test_report_writes_the_format_of_the_files_ending(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, start: str
) -> None:
    """--out r.html writes HTML, r.md Markdown, and says where."""
    db, target = saved_history(tmp_path), tmp_path / name
    status, out, _ = run_cli(capsys, "--db", str(db), "report", *PERIOD, "--out", str(target))
    assert status == 0 and out.startswith("Wrote the report for 3 Mar 2025 to 16 Mar 2025 to ")
    assert target.read_text().startswith(start)


def test_report_replaces_an_existing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An old file at --out is replaced whole, and no temporary file is left beside it."""
    db, target = saved_history(tmp_path), tmp_path / "out" / "report.txt"
    target.parent.mkdir()
    target.write_text("an older report\n")
    status, _, _ = run_cli(capsys, "--db", str(db), "report", *PERIOD, "--out", str(target))
    assert status == 0 and target.read_text().startswith("Home exercise report")
    assert os.listdir(target.parent) == ["report.txt"]


def test_a_failed_write_leaves_the_old_file_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename that replaces the file fails: the old report is intact, exit 1, said why."""
    db, target = saved_history(tmp_path), tmp_path / "report.html"
    target.write_text("an older report\n")

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tui.store.storage.os.replace", refuse)
    status, _, err = run_cli(capsys, "--db", str(db), "report", *PERIOD, "--out", str(target))
    assert status == 1 and "The file was not changed" in err
    assert target.read_text() == "an older report\n"
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".report.html")]


def test_report_on_an_empty_store_says_so_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No session at all: a message, exit 1, no file."""
    target = tmp_path / "report.html"
    status, _, err = run_cli(
        capsys, "--db", str(tmp_path / "empty.json"), "report", "--out", str(target)
    )
    assert status == 1 and "no sessions yet" in err and "No file was written" in err
    assert not target.exists()


def test_report_on_an_unusable_store_says_so_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file lumbar cannot read: its message, exit 1, no report written, the file untouched."""
    db, target = tmp_path / "lumbar.json", tmp_path / "report.html"
    db.write_text('{"sessions": {"x": ')
    status, _, err = run_cli(capsys, "--db", str(db), "report", "--out", str(target))
    assert status == 1 and err and not target.exists()
    assert db.read_text() == '{"sessions": {"x": '


def test_report_for_a_period_with_no_session_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Sessions, but none in the period asked for: a message naming it, exit 1."""
    db = saved_history(tmp_path)
    status, _, err = run_cli(
        capsys, "--db", str(db), "report", "--since", "2025-04-01", "--until", "2025-04-30"
    )
    assert status == 1 and "no session from 1 Apr 2025 to 30 Apr 2025" in err


def test_a_date_that_is_not_one_gets_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--since 2025-13-01: argparse's exit 2, saying how to write a date."""
    status, _, err = run_cli(
        capsys, "--db", str(tmp_path / "x.json"), "report", "--since", "2025-13-01"
    )
    assert status == 2 and "'2025-13-01' is not a date: write it as YEAR-MONTH-DAY" in err


def test_an_ending_lumbar_does_not_write_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--out report.pdf: exit 2, naming the endings lumbar writes, and no file."""
    db, target = saved_history(tmp_path), tmp_path / "report.pdf"
    status, _, err = run_cli(capsys, "--db", str(db), "report", "--out", str(target))
    assert status == 2 and ".html" in err and not target.exists()


def test_the_text_report_shows_a_notes_control_characters(catalogue: Catalogue) -> None:
    """An escape sequence in a note is shown as a symbol in the text report, never sent."""
    sessions = two_weeks()
    sessions[-1] = msgspec.structs.replace(sessions[-1], note="ok\x1b]52;c;aGk=\x07 then")
    text = render_report(make_report(sessions, catalogue, Settings(), None, UNTIL), "text")
    assert "\x1b" not in text and "ok␛]52;c;aGk=␇ then" in text


def test_the_pain_series_in_text_never_breaks_inside_one_session() -> None:
    """Wrapped at 80 columns, each line starts with a day and ends with a session's scores."""
    points = [PainPoint(date(2026, 9, 1) + timedelta(days=n), n % 7, n % 5) for n in range(40)]
    lines = chart_lines(points)
    assert len(lines) > 1 and all(len(line) <= 80 for line in lines)
    assert all(re.match(r"^\d{1,2} [A-Z][a-z]{2} \d+ → \d+( · |$)", line) for line in lines)
    assert " · ".join(lines) == " · ".join(point_words(points))
