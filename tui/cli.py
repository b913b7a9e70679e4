"""The ``lumbar`` command: argument parsing and the sub-commands that need no screen."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

import msgspec

from tui import (
    __version__,
    history,  # its names are imported when first used: start-up time
)
from tui.catalogue import (
    CatalogueError,
    Loaded,
    Problem,
    alone,
    bundled_dir,
    load_cached_catalogue,
    user_dir,
    with_custom_routines,
)
from tui.cli_data import NOT_MEDICAL_ADVICE as NOT_MEDICAL_ADVICE
from tui.cli_data import STORE_COMMANDS, add_store_commands, run_store
from tui.cli_prescribe import add_prescribe_command, run_prescribe
from tui.cli_report import add_report_command, run_report
from tui.cli_status import (
    DESK_BREAK,
    STATUS_COMMANDS,
    add_status_commands,
    attach_status,
    run_status_command,
)
from tui.model import Catalogue, about_minutes, plural
from tui.store import (
    ENV_VAR,
    Store,
    StoreError,
    recover_unsaved,
    resolve_db_path,
)

NO_ROUTINE = "lumbar: there is no routine {!r}; `lumbar catalogue` lists them."
NO_SUCH = "lumbar: there is no routine or exercise {!r}; `lumbar catalogue --json` lists them."


def nearest(name: str, known: Iterable[str]) -> str:
    """`` Did you mean quick-10?``: the closest ids to a mistyped one ("" when none is close)."""
    close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
    return f" Did you mean {' or '.join(close)}?" if close else ""


COLOUR_SYSTEMS = {"16": "standard", "256": "256", "truecolor": "truecolor"}
"""The ``--colour`` choices that name a colour system, and Textual's names for them."""
COLOURS = ("auto", *COLOUR_SYSTEMS, "none")
"""Every ``--colour`` choice: auto (the terminal's word), a colour system, or none."""


def set_colours(choice: str, environ: MutableMapping[str, str]) -> None:
    """Tell Textual which colours to use, through the variables it reads when it is imported.

    ``auto`` leaves the environment as it is; ``none`` sets ``NO_COLOR``; a colour system sets
    ``TEXTUAL_COLOR_SYSTEM`` and, being asked for outright, overrides a ``NO_COLOR`` in force.
    """
    if choice == "none":
        environ["NO_COLOR"] = "1"
    elif choice in COLOUR_SYSTEMS:
        environ["TEXTUAL_COLOR_SYSTEM"] = COLOUR_SYSTEMS[choice]
        environ.pop("NO_COLOR", None)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``lumbar`` and its sub-commands."""
    parser = argparse.ArgumentParser(
        prog="lumbar",
        description="A terminal coach for low back pain exercise routines.",
        epilog=NOT_MEDICAL_ADVICE,
    )
    parser.add_argument("--version", action="version", version=f"lumbar {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=f"the file that keeps your sessions (default: ${ENV_VAR}, else your data folder)",
    )
    parser.add_argument(
        "--no-mouse",
        action="store_true",
        help="keys only: leave the mouse to the terminal, so selecting text works as usual",
    )
    parser.add_argument(
        "--colour",
        "--color",
        dest="colour",
        choices=COLOURS,
        default="auto",
        help=(
            "the colours to use if your terminal misreports them: auto (the default: ask the "
            "terminal), 16, 256, truecolor, or none (NO_COLOR)"
        ),
    )
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
    add_store_commands(commands)
    add_status_commands(commands)
    add_report_command(commands)
    add_prescribe_command(commands)
    return parser


def _report(problems: Sequence[Problem], out: TextIO, prefix: str = "") -> None:
    for problem in problems:
        print(f"{prefix}{problem}", file=out)


def _load(err: TextIO) -> Loaded | None:
    try:
        loaded = load_cached_catalogue(user=user_dir())
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
        from tui.catalogue import check_paths  # parsing and checking: only when asked

        paths = args.paths or [bundled_dir(), user_dir()]
        if not args.paths:
            paths = [p for p in paths if p.exists()]
        count, problems = check_paths(paths, alone=args.alone)
        if problems:
            _report(problems, out)
            print(f"{plural(len(problems), 'problem')} in {count} file(s) checked.", file=out)
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
        about = about_minutes(catalogue.routine_seconds(routine))
        print(f"  {routine.id:<20} {routine.name}, {about}", file=out)
    print(f"\n{NOT_MEDICAL_ADVICE}", file=out)
    return 0


EXIT_GRACE = 2.0
HISTORY_AFTER = 0.1
"""Seconds after the first frame before the history is read (see ``LumbarApp``)."""
"""Seconds lumbar may take to exit after a hang-up, once the session is saved, before it is
made to (a closed terminal can leave the screen's last writes hanging): lumbar's own figure."""


NEEDS_A_TERMINAL = (
    "lumbar's screens need a terminal, and its input or output is not one (a pipe, a file, "
    "cron). Run it in a terminal window or over ssh -t. Without one, the plain commands work: "
    "lumbar history, lumbar plan, lumbar export, lumbar catalogue."
)


def on_a_terminal() -> bool:
    """True when both lumbar's input and its output are a terminal (the screens need one)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``lumbar`` console script; returns the exit status."""
    args = build_parser().parse_args(argv)  # the parser is not kept through a session
    if args.command == "catalogue":
        return run_catalogue(args, sys.stdout, sys.stderr)
    if args.command == "prescribe":
        return run_prescribe(args, sys.stdout, sys.stderr)
    if args.command == "report":
        return run_report(args, _load, sys.stdout, sys.stderr, os.environ)
    if args.command in STORE_COMMANDS:
        return run_store(args, sys.stdout, sys.stderr, os.environ, _load)
    if args.command in STATUS_COMMANDS:
        return run_status_command(args, sys.stdout, sys.stderr, os.environ)
    if args.command == "break":
        args.routine = DESK_BREAK  # exactly as `lumbar play desk-break`: the same gate
    return run_app(args, sys.stderr, os.environ)


def run_app(args: argparse.Namespace, err: TextIO, environ: Mapping[str, str]) -> int:
    """Start the Textual app (imported here so the other commands never load Textual)."""
    loaded = _load(err)
    if loaded is None:
        return 1
    try:
        # The sessions are checked by the app once its first screen is up (see check_store).
        store = Store.open(resolve_db_path(args.db, environ), check_sessions=False)
    except StoreError as error:
        print(error, file=err)
        return 1
    status = attach_status(store)
    routine = getattr(args, "routine", None)
    routines = store.routines()
    known = {*loaded.catalogue.routines, *loaded.catalogue.exercises, *(r.id for r in routines)}
    if routine is not None and routine not in known:
        print(NO_SUCH.format(routine) + nearest(routine, known), file=err)
        return 2
    yours = [r for r in routines if r.id == routine]
    playable, notes = with_custom_routines(loaded.catalogue, yours)
    if yours and routine not in playable.routines:  # yours, but its exercises are gone
        print(" ".join(notes), file=err)
        return 2
    if args.command == "resume" and (why := resume_refusal(loaded.catalogue, store)):
        print(why, file=err)
        return 1
    if routine is not None and plays_plain(args, environ, store):
        return run_plain(playable, store, routine)
    if not on_a_terminal():
        print(NEEDS_A_TERMINAL, file=err)
        return 2
    set_colours(args.colour, os.environ)  # before Textual is imported: it reads them then
    from tui.app import make_app
    from tui.session import SpeechSystem

    app = make_app(
        loaded.catalogue,
        store,
        problems=loaded.problems,
        play=routine,
        resume=args.command == "resume",
        tmux=bool(environ.get("TMUX")),  # notifications must pass through tmux to reach you
        speech=SpeechSystem.detect(environ),  # off over SSH: it would speak on the server
        hang_up_grace=EXIT_GRACE,  # no lumbar outlives its terminal
        history_after=HISTORY_AFTER,  # ten years read after the first frame, not during it
    )
    app.run(mouse=not args.no_mouse)
    status.tell(err)
    if app.unsaved_count:
        print(unsaved_message(app.unsaved_count, store.path, app.kept_unsaved), file=err)
        return app.return_code or 1
    return app.return_code or 0


def plays_plain(args: argparse.Namespace, environ: Mapping[str, str], store: Store) -> bool:
    """True when ``lumbar play`` plays in lines: --plain, TERM=dumb, ACCESSIBLE, or the setting."""
    from tui.plain import wants_plain

    try:
        setting = store.settings().plain_player
    except StoreError:  # the player reads the file again and says what is wrong
        setting = False
    return wants_plain(getattr(args, "plain", False), environ, setting)


def run_plain(catalogue: Catalogue, store: Store, name: str) -> int:
    """Play a routine or an exercise in the plain player, on standard input and output."""
    from tui.plain import PlainRun, StreamKeys, write_out

    try:
        store.check()  # the app checks on a worker once its screen is up; here, first
        recover_unsaved(store)
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    routine = catalogue.routines.get(name) or alone(catalogue.exercise(name))
    with StreamKeys(sys.stdin) as keys:
        return PlainRun(catalogue, store, keys, write_out).play(routine)


def unsaved_message(count: int, path: Path, kept: Path | None) -> str:
    """What to say when sessions could not be saved as lumbar ended (another lumbar held it)."""
    what = f"lumbar could not save {plural(count, 'session')} to {path}: another lumbar held it"
    if kept is None:
        return f"{what}, and nowhere beside it could be written. Check its folder's permissions."
    return f"{what}. They are kept in {kept} and added the next time lumbar starts."


def resume_refusal(catalogue: Catalogue, store: Store) -> str | None:
    """Why ``lumbar resume`` has nothing to continue, in one line (None: it has)."""
    catalogue, _notes = with_custom_routines(catalogue, store.routines())
    today = datetime.now().astimezone().date()
    found = history.unfinished(catalogue, store.sessions(), today, alone=alone)
    if found is None:
        return (
            "lumbar: nothing to resume: only the latest session, if it stopped part-way today, "
            "can be continued."
        )
    return found.why_not
