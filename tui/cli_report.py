"""``lumbar report``: one page for the appointment, to the terminal or to a file.

``--out FILE`` writes self-contained HTML (``.html``), Markdown (``.md``) or plain text
(``.txt``), replacing any file there in one step (the store's atomic write); without it the
report is printed as text. ``--since`` and ``--until`` choose the period (ISO dates; by default
the last 12 weeks up to today). A store with no session, or no session in the period, gets a
message and exit status 1, and no file is written. Never imports Textual.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from tui.catalogue import Loaded, user_dir, with_custom_routines
from tui.history import KINDS, kind_of
from tui.model import Settings
from tui.store import Store, StoreError, recover_unsaved, resolve_db_path, write_atomic

ENDINGS = ", ".join(sorted(KINDS))


def iso_date(text: str) -> date:
    """A ``--since`` or ``--until`` date: ``2025-03-01``; a clear error for anything else."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YEAR-MONTH-DAY, e.g. 2025-03-01"
        ) from None


def add_report_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``lumbar report [--since DATE] [--until DATE] [--out FILE]``."""
    report = commands.add_parser(
        "report",
        help="a one-page report of your sessions for your doctor or physiotherapist",
        description=(
            "Sum up a period for your clinician: sessions a week against your target, the share "
            "of the planned work done, pain before and after (a chart in HTML), every pain flag, "
            "'this hurts' and red-flag answer, each exercise with its dose and why it changed, "
            "your notes and the sources. Printed as text, or written to --out FILE as HTML "
            "(.html), Markdown (.md) or text (.txt)."
        ),
    )
    report.add_argument(
        "--since", type=iso_date, metavar="DATE", help="the first day (default: 12 weeks ago)"
    )
    report.add_argument("--until", type=iso_date, metavar="DATE", help="the last day (today)")
    report.add_argument(
        "--out", type=Path, metavar="FILE", help=f"write to FILE, ending in {ENDINGS}"
    )


def run_report(
    args: argparse.Namespace,
    load: Callable[[TextIO], Loaded | None],
    out: TextIO,
    err: TextIO,
    environ: Mapping[str, str],
    today: date | None = None,
) -> int:
    """``lumbar report``: print the report, or write it to ``--out``; 1 when there is none."""
    from tui.history import ReportError, make_report, render_report  # when asked: start-up time

    target: Path | None = args.out.expanduser() if args.out is not None else None
    kind = kind_of(target) if target is not None else "text"
    if kind is None:
        print(f"lumbar: the report's file must end in {ENDINGS}: {args.out}", file=err)
        return 2
    loaded = load(err)
    if loaded is None:
        return 1
    path = resolve_db_path(args.db, environ)
    try:
        store = Store.open(path)
        recover_unsaved(store)
        snapshot = store.snapshot()
    except StoreError as error:
        print(error, file=err)
        return 1
    from tui.catalogue import replaced_prescriptions  # imported when first used: start-up time

    catalogue, _notes = with_custom_routines(loaded.catalogue, snapshot.routines)
    try:
        report = make_report(
            snapshot.sessions,
            catalogue,
            snapshot.settings or Settings(),
            snapshot.safety,
            today or datetime.now().astimezone().date(),
            args.since,
            args.until,
            [(each.routine, each.prescription) for each in replaced_prescriptions(user_dir())],
        )
    except ReportError as error:
        print(f"lumbar: no report: {error}. No file was written.", file=err)
        return 1
    if target is None:
        out.write(render_report(report, "text"))
        return 0
    if target.resolve() == store.path.resolve():
        print(
            f"lumbar: {target} is lumbar's database itself: write the report elsewhere.", file=err
        )
        return 2
    try:
        write_atomic(target, render_report(report, kind).encode())
    except StoreError as error:
        print(error, file=err)
        return 1
    print(f"Wrote the report for {report.period_text} to {target}.", file=out)
    return 0
