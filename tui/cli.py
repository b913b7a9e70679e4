"""The ``lumbar`` command: argument parsing and the sub-commands that need no screen."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import msgspec

from tui import __version__
from tui.catalogue import CatalogueError, Loaded, bundled_dir, check_paths, load_catalogue, user_dir
from tui.problems import Problem

NOT_MEDICAL_ADVICE = (
    "lumbar is not medical advice. Check with a doctor or physiotherapist before you start, "
    "and stop any exercise that causes sharp, shooting or burning pain."
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``lumbar`` and its sub-commands."""
    parser = argparse.ArgumentParser(
        prog="lumbar",
        description="A terminal coach for low back pain exercise routines.",
        epilog=NOT_MEDICAL_ADVICE,
    )
    parser.add_argument("--version", action="version", version=f"lumbar {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    catalogue = commands.add_parser(
        "catalogue",
        help="show or check the exercise catalogue",
        description="Show the catalogue (bundled exercises and routines plus your own).",
    )
    catalogue.add_argument(
        "--json", action="store_true", help="print the whole resolved catalogue as JSON"
    )
    catalogue_commands = catalogue.add_subparsers(dest="catalogue_command", metavar="ACTION")
    check = catalogue_commands.add_parser(
        "check",
        help="validate catalogue files and list every problem",
        description=(
            "Validate catalogue TOML files together with the bundled catalogue. Without PATH, "
            f"checks the bundled catalogue and your own files in {user_dir()}. "
            "Exits 1 if any problem is found."
        ),
    )
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="a file or directory")
    check.add_argument(
        "--alone",
        action="store_true",
        help="check the files on their own, without the bundled catalogue",
    )
    return parser


def _report(problems: Sequence[Problem], out: TextIO, prefix: str = "") -> None:
    for problem in problems:
        print(f"{prefix}{problem}", file=out)


def _load(err: TextIO) -> Loaded | None:
    try:
        loaded = load_catalogue(user=user_dir())
    except CatalogueError as error:
        print("lumbar: the bundled catalogue has problems (please report this):", file=err)
        _report(error.problems, err, "  ")
        return None
    if loaded.problems:
        print("lumbar: skipped your catalogue files with problems:", file=err)
        _report(loaded.problems, err, "  ")
    return loaded


def run_catalogue(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``lumbar catalogue``: a summary, the whole catalogue as JSON, or a check."""
    if args.catalogue_command == "check":
        paths = args.paths or [bundled_dir(), user_dir()]
        if not args.paths:
            paths = [p for p in paths if p.exists()]
        count, problems = check_paths(paths, alone=args.alone)
        if problems:
            _report(problems, out)
            noun = "problem" if len(problems) == 1 else "problems"
            print(f"{len(problems)} {noun} in {count} file(s) checked.", file=out)
            return 1
        print(f"OK: {count} file(s) checked, no problems.", file=out)
        return 0
    loaded = _load(err)
    if loaded is None:
        return 1
    catalogue = loaded.catalogue
    if args.json:
        data = msgspec.json.encode(catalogue.to_builtins())
        out.write(msgspec.json.format(data, indent=2).decode() + "\n")
        return 0
    print(
        f"{len(catalogue.exercises)} exercises, {len(catalogue.routines)} routines, "
        f"{len(catalogue.phases)} roadmap phases, {len(catalogue.advice)} pieces of advice.",
        file=out,
    )
    print("\nRoutines:", file=out)
    for routine in catalogue.routines.values():
        minutes = round(catalogue.routine_seconds(routine) / 60)
        print(f"  {routine.id:<20} {routine.name}, about {minutes} min", file=out)
    print(f"\n{NOT_MEDICAL_ADVICE}", file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lumbar`` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "catalogue":
        return run_catalogue(args, sys.stdout, sys.stderr)
    return run_app(sys.stderr)


def run_app(err: TextIO) -> int:
    """Start the Textual app (imported here so the other commands never load Textual)."""
    loaded = _load(err)
    if loaded is None:
        return 1
    from tui.app import make_app

    make_app(loaded.catalogue, loaded.problems).run()
    return 0
