"""``lumbar prescribe``: install a clinician's prescription, show it, or set it aside.

``lumbar prescribe FILE`` checks the file as the catalogue loader would (every problem with its
file and line; exit 1 and nothing written when there is one), then installs it in the user's
catalogue folder (see :mod:`tui.catalogue.prescriptions`); from then on it is first on the
select screen and named on the roadmap. ``--show`` prints the active prescription; ``--remove``
sets it aside (kept with the replaced ones). Never imports Textual.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui import catalogue  # its prescriptions are imported when first used: start-up time
from tui.catalogue import CatalogueError, user_dir
from tui.cli_data import NOT_MEDICAL_ADVICE
from tui.model import long_date, plural
from tui.store import StoreError

if TYPE_CHECKING:
    from tui.catalogue import OnFile


def add_prescribe_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``lumbar prescribe [FILE] [--force] [--show] [--remove]``."""
    prescribe = commands.add_parser(
        "prescribe",
        help="install a routine your clinician prescribed (a TOML file), or show it",
        description=(
            "Check a prescription (a routine file with a [prescription] table; see the README, "
            "For clinicians) and install it: it plays first on the select screen and the "
            "roadmap, its locked doses never go up, and the report measures your sessions "
            "against it. A newer one replaces the active one, which is kept for the report. "
            "A file with any problem is refused whole, with every problem listed."
        ),
        epilog=NOT_MEDICAL_ADVICE,
    )
    prescribe.add_argument("file", nargs="?", type=Path, metavar="FILE", help="the prescription")
    prescribe.add_argument(
        "--force",
        action="store_true",
        help="install it even if it was issued before the active one",
    )
    what = prescribe.add_mutually_exclusive_group()
    what.add_argument("--show", action="store_true", help="show the active prescription")
    what.add_argument(
        "--remove", action="store_true", help="set the active prescription aside (it is kept)"
    )


def run_prescribe(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``lumbar prescribe``: install, show or remove; the exit status."""
    user = user_dir()
    if args.show or (args.file is None and not args.remove):
        return _show(catalogue.read_prescription(catalogue.active_path(user)), user, out, err)
    if args.file is not None and args.remove:
        print("lumbar prescribe: give a FILE or --remove, not both.", file=err)
        return 2
    try:
        if args.remove:
            return _remove(user, out, err)
        parsed, problems = catalogue.check_prescription(args.file, user)
        if parsed is None:
            for problem in problems:
                print(problem, file=err)
            print(
                f"{plural(len(problems), 'problem')}: nothing was installed. Fix "
                f"{'them' if len(problems) > 1 else 'it'} and run lumbar prescribe again.",
                file=err,
            )
            return 1
        done = catalogue.install(parsed, user, force=args.force)
    except CatalogueError as error:
        print(
            f"lumbar: the bundled catalogue has problems (please report this):\n{error}", file=err
        )
        return 1
    except (catalogue.PrescriptionRefused, StoreError) as error:
        print(f"lumbar prescribe: {error}", file=err)
        return 1
    print(f"Installed {_named(done.installed)}; it is first on the select screen.", file=out)
    if done.replaced is not None:
        print(
            f"It replaces '{done.replaced.routine.name}' (issued on "
            f"{long_date(done.replaced.prescription.issued)}), kept in {done.replaced.path}.",
            file=out,
        )
    return 0


def _named(each: OnFile) -> str:
    """How ``lumbar prescribe`` names a prescription: who prescribed it and when to review it."""
    return (
        f"'{each.routine.name}' prescribed by {each.prescription.prescribed_by}, "
        f"review on {long_date(each.prescription.review)}"
    )


def _show(active: OnFile | None, user: Path, out: TextIO, err: TextIO) -> int:
    """Print the active prescription: who, when, its note and its locked exercises."""
    if active is None:
        where = catalogue.active_path(user)
        if where.is_file():
            print(
                f"lumbar: {where} is not a readable prescription; `lumbar catalogue check "
                f"{where}` says why.",
                file=err,
            )
            return 1
        print("No prescription is installed. `lumbar prescribe FILE` installs one.", file=out)
        return 0
    prescription = active.prescription
    lines = [
        f"{active.routine.name} ({active.routine.id})",
        f"Prescribed by {prescription.prescribed_by}, issued on "
        f"{long_date(prescription.issued)}, review on {long_date(prescription.review)}.",
    ]
    if prescription.per_week is not None:
        lines.append(f"{plural(prescription.per_week, 'session')} a week.")
    if prescription.note:
        lines.append(f"Note: {prescription.note}")
    locked = [item.exercise for item in active.routine.items if item.locked]
    if locked:
        lines.append(f"Locked by your clinician (never raised): {', '.join(locked)}.")
    lines.append(f"Installed in {active.path}.")
    print("\n".join(lines), file=out)
    return 0


def _remove(user: Path, out: TextIO, err: TextIO) -> int:
    """Set the active prescription aside; say what was done."""
    if not catalogue.active_path(user).is_file():
        print("No prescription is installed: nothing to remove.", file=out)
        return 0
    gone = catalogue.remove(user)
    name = f"'{gone.routine.name}'" if gone is not None else "the prescription"
    where = f", kept in {gone.path}" if gone is not None else ""
    print(f"Set {name} aside{where}; it no longer plays.", file=out)
    return 0
