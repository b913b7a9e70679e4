"""The clinician's report in a real headless browser: ``screenshots/report.png``, and its PDF.

Run with ``make screenshots`` (or ``python -m tests.report_screenshot``). The report is the demo
history's (three months, seeded: the same every time) with a note and the red-flag answers, made
on the fake clock's day. Chromium comes from the distribution's packages (``.ci/run`` installs
it); the browser test (tests/system/test_report_browser.py) uses the same helpers.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import msgspec

from tests.helpers import FakeClock, demo_history
from tui.catalogue.load import load_catalogue
from tui.history import make_report, render_report
from tui.model import SafetyCheck, Settings

OUT = Path(__file__).resolve().parents[1] / "screenshots" / "report.png"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
WINDOW = (900, 2200)
"""The screenshot's window: wide enough for the page's 190 mm, tall enough for all of it."""
NOTE = "Left hip tight after the bridge; better after a walk. Ask about the side plank."
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--no-pdf-header-footer",
)
"""Headless, alone: no sandbox (CI runs as root), no network of its own, no first-run pages."""
BROWSER_TIMEOUT = 120


def browser() -> str | None:
    """The path of a Chromium on this machine (None: there is none)."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def sample_html() -> str:
    """The demo history's report as HTML: the same every time."""
    catalogue = load_catalogue().catalogue
    now = FakeClock().wall()
    sessions = demo_history(catalogue, now)
    sessions[-2] = msgspec.structs.replace(sessions[-2], note=NOTE)
    safety = SafetyCheck(answered_at=now, any_yes=False)
    report = make_report(sessions, catalogue, Settings(), safety, now.date())
    return render_report(report, "html")


def headless(page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the browser on ``page`` with ``args``, in a profile of its own that is then removed."""
    found = browser()
    if found is None:
        raise FileNotFoundError("no Chromium: install the distribution's chromium package")
    with tempfile.TemporaryDirectory() as profile:
        command = [found, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=BROWSER_TIMEOUT, check=True
        )


def screenshot(page: Path, png: Path) -> None:
    """Save what the browser shows of ``page`` as a PNG."""
    width, height = WINDOW
    headless(page, f"--screenshot={png}", f"--window-size={width},{height}")


def print_pdf(page: Path, pdf: Path) -> None:
    """Print ``page`` to a PDF, as the browser prints it on paper (A4, by the page's style)."""
    headless(page, f"--print-to-pdf={pdf}")


def dom(page: Path) -> str:
    """The page's document as the browser built it, after loading."""
    return headless(page, "--dump-dom").stdout


def pdf_pages(data: bytes) -> int:
    """How many pages a PDF has: its ``/Type /Page`` objects (not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))


def main() -> int:
    """Write ``screenshots/report.png``."""
    if browser() is None:
        print("No Chromium found: install the chromium package to make report.png.")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(sample_html())
        screenshot(page, OUT)
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
