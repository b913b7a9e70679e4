"""``lumbar``'s data commands: history, export, import, db, plan (and the play parsers).

Each works on the user's data file and needs no screen; :mod:`tui.cli` parses and dispatches.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TextIO

import msgspec

from tui import history  # its names are imported when first used: start-up time
from tui import store as stored  # export and import: imported when first used
from tui.catalogue import Loaded, with_custom_routines
from tui.cli_status import attach_status
from tui.model import plural
from tui.store import (
    Store,
    StoreError,
    check_file,
    recover_unsaved,
    resolve_db_path,
)

NOT_MEDICAL_ADVICE = (
    "lumbar is not medical advice. Check with a doctor or physiotherapist before you start, "
    "and stop any exercise that causes sharp, shooting or burning pain."
)

Load = Callable[[TextIO], Loaded | None]
"""Reads the catalogue, or says on the stream why it cannot and gives None."""

STORE_COMMANDS = ("history", "export", "import", "db", "plan")
"""The sub-commands that work on the user's data file."""


def add_store_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``history``, ``export``, ``import``, ``db``, ``play``, ``resume`` and ``plan``."""
    history = commands.add_parser(
        "history",
        help="list your sessions",
        description="List your sessions, oldest first: a table, or JSON, or CSV.",
    )
    form = history.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print the sessions as JSON")
    form.add_argument("--csv", action="store_true", help="print one CSV row per exercise")
    export_ = commands.add_parser(
        "export",
        help="copy your data to a .json or .csv file, or a FHIR bundle for a clinician",
        description=(
            "Write everything (sessions, custom routines, settings) to PATH.json, for "
            "`lumbar import`, or the sessions to PATH.csv, one row per exercise, for a "
            "spreadsheet; or, with --fhir FILE.json, your sessions and routines as an HL7 FHIR "
            "R4 Bundle."
        ),
    )
    target = export_.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "path", type=Path, nargs="?", metavar="PATH", help="a file ending in .json or .csv"
    )
    target.add_argument(
        "--fhir",
        type=Path,
        metavar="FILE.json",
        help="instead, write your sessions as an HL7 FHIR R4 Bundle, for a clinician's system",
    )
    import_ = commands.add_parser(
        "import",
        help="merge a .json export into your data",
        description=(
            "Merge a JSON export into your data. Sessions and custom routines are added by id "
            "(importing twice adds nothing); settings are taken only if you have none."
        ),
    )
    import_.add_argument("path", type=Path, metavar="PATH", help="a .json file from export")
    db = commands.add_parser(
        "db",
        help="check your data file, or move an unusable one aside",
        description="Look after the file that keeps your sessions.",
    )
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    actions.add_parser("path", help="print where the file is")
    play = commands.add_parser(
        "play",
        help="go straight to the player with a routine, or one exercise on its own",
        description=(
            "Open lumbar in the player with ROUTINE (an id from `lumbar catalogue`), or with "
            "one exercise on its own (an exercise id, e.g. bird-dog)."
        ),
    )
    play.add_argument(
        "routine", metavar="ROUTINE", help="a routine's id (quick-10) or an exercise's (bird-dog)"
    )
    play.add_argument(
        "--plain",
        action="store_true",
        help=(
            "play in plain lines, no full screen: for screen readers and dumb terminals (also "
            "when TERM=dumb or ACCESSIBLE=1)"
        ),
    )
    commands.add_parser(
        "resume",
        help="continue the session that stopped part-way today",
        description=(
            "Continue your latest session where it stopped (a dropped link, a crash, or quit), "
            "into the same session. Only a session that began today can be continued."
        ),
    )
    plan = commands.add_parser(
        "plan",
        help="show the next session of a routine, with each dose and why",
        description=(
            "Print the next session of ROUTINE as lumbar would play it: each exercise, its "
            "dose, whether it is up, the same, down or new since last time, and why."
        ),
    )
    plan.add_argument("routine", metavar="ROUTINE", help="the routine's id, e.g. quick-10")
    plan.add_argument("--json", action="store_true", help="print the plan as JSON")
    actions.add_parser("check", help="say whether the file is usable (exits 1 if not)")
    aside = actions.add_parser(
        "move-aside",
        help="rename an unusable file to NAME.unusable-TIME so a fresh one can start",
    )
    aside.add_argument(
        "--confirm",
        type=Path,
        metavar="PATH",
        help="the same path again, to move aside a file that does not look like lumbar's",
    )


def run_store(
    args: argparse.Namespace, out: TextIO, err: TextIO, environ: Mapping[str, str], load: Load
) -> int:
    """Run a data sub-command; a StoreError is printed to ``err`` and exits 1.

    ``load`` reads the catalogue (saying why not to its stream) for the commands that need it.
    """
    path = resolve_db_path(args.db, environ)
    try:
        if args.command == "import":  # the one data command that writes
            store = Store.open(path)
            writer = attach_status(store)
            print(stored.describe(stored.import_file(store, args.path), args.path), file=out)
            writer.tell(err)
            return 0
        if args.command == "plan":
            return run_plan(args, Store.open(path), out, err, load)
        if args.command == "export" and args.fhir is not None:
            loaded = load(err)  # the exercises' and routines' names and doses
            if loaded is None:
                return 1
            print(stored.export_fhir(Store.open(path), args.fhir, loaded.catalogue), file=out)
            return 0
        return _run_store(args, path, out)
    except StoreError as error:
        print(error, file=err)
        return 1


def run_plan(args: argparse.Namespace, store: Store, out: TextIO, err: TextIO, load: Load) -> int:
    """``lumbar plan ROUTINE``: the next session of a routine, from this store's history."""
    loaded = load(err)
    if loaded is None:
        return 1
    catalogue, _notes = with_custom_routines(loaded.catalogue, store.routines())
    routine = catalogue.routines.get(args.routine)
    if routine is None:
        print(
            f"lumbar: there is no routine {args.routine!r}; `lumbar catalogue` lists them.",
            file=err,
        )
        return 2
    settings = store.settings()
    sessions = store.sessions()
    passed = history.passed_gates(sessions, settings)
    plan = history.plan_routine(
        catalogue, routine, sessions, settings.pain_threshold, passed=passed
    )
    if args.json:
        data = msgspec.json.encode(history.plan_json(catalogue, plan))
        out.write(msgspec.json.format(data, indent=2).decode() + "\n")
    else:
        out.write("\n".join([*history.plan_lines(catalogue, plan), "", NOT_MEDICAL_ADVICE]) + "\n")
    return 0


def _run_store(args: argparse.Namespace, path: Path, out: TextIO) -> int:
    if args.command == "export":
        print(stored.export(Store.open(path), args.path), file=out)
    elif args.command == "history":
        store = Store.open(path)
        recover_unsaved(store)
        sessions = store.sessions()
        if args.json or args.csv:
            out.write(stored.history_json(sessions) if args.json else stored.sessions_csv(sessions))
        elif sessions:
            out.write(stored.history_table(sessions))
        else:
            print(f"No sessions yet in {path}.", file=out)
    elif args.db_command == "path":
        print(path, file=out)
    elif args.db_command == "check":
        snapshot = check_file(path)
        if snapshot is None:
            print(f"{path} does not exist yet: lumbar creates it at the first save.", file=out)
        else:
            print(
                f"OK: {path} is usable: {plural(len(snapshot.sessions), 'session')}, "
                f"{plural(len(snapshot.routines), 'custom routine')}.",
                file=out,
            )
    else:
        moved = stored.move_aside(path, confirmed=args.confirm)
        print(f"Moved {path}\n   to {moved}\nlumbar starts a fresh file at {path}.", file=out)
    return 0
