"""The report for the clinician, written from the progress screen (its key runs this in a worker).

The same report as ``lumbar report --out FILE.html`` for the last 12 weeks, written to the home
folder as ``lumbar-report-DATE.html`` (like the export's default), replacing one of that day in
one step, with the prescriptions a newer one replaced, as ``lumbar report`` gives them. What to
tell the user comes back as a :class:`Written`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from textual.notifications import SeverityLevel
from textual.widget import Widget

from tui.catalogue import replaced_prescriptions, user_dir, with_custom_routines
from tui.history import ReportError, make_report, render_report
from tui.model import Catalogue, Settings
from tui.store import Store, write_atomic

REPORT_TOOLTIP = "Write the report for your doctor or physiotherapist (a web page)"


@dataclass(frozen=True)
class Written:
    """What became of the report: where it went, or why there is none."""

    message: str
    path: Path | None = None


def report_path(now: datetime) -> Path:
    """Where the progress screen writes the report: ``~/lumbar-report-2025-03-01.html``."""
    return Path.home() / f"lumbar-report-{now:%Y-%m-%d}.html"


def write_report(store: Store, catalogue: Catalogue, now: datetime) -> Written:
    """Write the HTML report of the last 12 weeks to :func:`report_path` (StoreError: failed)."""
    snapshot = store.snapshot()
    catalogue, _notes = with_custom_routines(catalogue, snapshot.routines)
    settings = snapshot.settings or Settings()
    try:
        replaced = [
            (each.routine, each.prescription) for each in replaced_prescriptions(user_dir())
        ]
        report = make_report(
            snapshot.sessions, catalogue, settings, snapshot.safety, now.date(), replaced=replaced
        )
    except ReportError as error:
        return Written(f"No report: {error}. No file was written.")
    path = report_path(now)
    write_atomic(path, render_report(report, "html").encode())
    return Written(
        f"The report for {report.period_text} is in {path}: open it in a web browser to read or "
        "print it for your doctor or physiotherapist.",
        path,
    )


def tell_report(widget: Widget, store: Store, catalogue: Catalogue, now: datetime) -> None:
    """On a worker's thread: write the report, then say where it went (or why there is none)."""
    found = write_report(store, catalogue, now)
    severity: SeverityLevel = "information" if found.path else "warning"
    widget.notify(found.message, title="Report", severity=severity, markup=False, timeout=10)
