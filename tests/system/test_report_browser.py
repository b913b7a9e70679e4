"""The clinician's report in a real headless Chromium: it opens, shows, and prints on 1-2 A4 pages.

Chromium comes from the distribution's packages (``.ci/run`` installs it when missing). Without
it the tests skip, saying why, except in CI (``CI`` set), where they fail instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec
import pytest

from tests.helpers import FakeClock, demo_history
from tests.report_screenshot import browser, dom, pdf_pages, print_pdf, sample_html, screenshot
from tui.catalogue.load import load_catalogue
from tui.history import make_report, render_report
from tui.model import Settings

pytestmark = pytest.mark.serial  # a real browser, two CPUs' worth: run on its own (make test)

PNG = b"\x89PNG\r\n\x1a\n"
HOSTILE = "<script>document.title='owned'</script><img src=x onerror=\"document.title='x'\">"


@pytest.fixture(autouse=True)
def needs_chromium() -> None:
    """Skip, saying why, when there is no Chromium; in CI, fail instead (it must run there)."""
    if browser() is None:
        reason = "no Chromium on this machine (install the distribution's chromium package)"
        if os.environ.get("CI"):
            pytest.fail(f"the report's browser test must run in CI, but {reason}")
        pytest.skip(reason)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    """The demo history's report, written as the HTML file lumbar report writes."""
    path = tmp_path / "report.html"
    path.write_text(sample_html())
    return path


def test_the_report_opens_and_shows_in_a_browser(page: Path, tmp_path: Path) -> None:
    """Chromium renders the page to a screenshot (a real PNG of some size)."""
    png = tmp_path / "report.png"
    screenshot(page, png)
    data = png.read_bytes()
    assert data.startswith(PNG) and len(data) > 50_000


def test_the_report_prints_on_one_or_two_a4_pages(page: Path, tmp_path: Path) -> None:
    """Three months of demo sessions print on one or two A4 pages."""
    pdf = tmp_path / "report.pdf"
    print_pdf(page, pdf)
    assert 1 <= pdf_pages(pdf.read_bytes()) <= 2


def test_the_browser_shows_a_hostile_note_as_text(hostile_page: Path) -> None:
    """A note written as HTML with a script stays text: the DOM has no script, the title holds."""
    built = dom(hostile_page)
    assert "<script" not in built and "<img" not in built and "owned" not in built.split("<body")[0]
    assert "&lt;script&gt;document.title='owned'&lt;/script&gt;" in built


@pytest.fixture
def hostile_page(tmp_path: Path) -> Path:
    """The demo report with a hostile note on its latest session."""
    catalogue = load_catalogue().catalogue
    now = FakeClock().wall()
    sessions = demo_history(catalogue, now)
    sessions[-1] = msgspec.structs.replace(sessions[-1], note=HOSTILE)
    report = make_report(sessions, catalogue, Settings(), None, now.date())
    path = tmp_path / "hostile.html"
    path.write_text(render_report(report, "html"))
    return path
