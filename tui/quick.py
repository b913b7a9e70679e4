"""The ``lumbar`` console script: ``status`` and ``remind`` from fresh status files, else the CLI.

``lumbar status`` and ``lumbar remind`` run from shell start-up files, MOTDs and cron, so they
must cost little more than Python starting: when the status files beside the data file are
fresh (:func:`tui.status_file.read_fresh`), they are answered here with the standard library
alone. Anything else, a stale or damaged file included, goes to :func:`tui.cli.main`, which
works the status out again (the same answer, only slower). The data file is found by the CLI's
own rule (``--db``, then ``LUMBAR_DB``, then the data folder); where finding the data folder
would need platformdirs (anywhere but Linux, or an unusual environment), the CLI answers.
"""

import os
import sys

from tui.status_file import local_day, read_fresh

# Not typing's TYPE_CHECKING, nor ``from __future__ import annotations``: each import costs
# time here, where the whole answer must cost little more than Python starting.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import TextIO

QUICK = (["status"], ["status", "--json"], ["remind"])
"""The commands (after ``--db PATH``, if given) answered here when the files are fresh."""


def data_folder(environ: "Mapping[str, str]") -> str | None:
    """The user data folder as platformdirs finds it, where that is plain (Linux, XDG or HOME).

    None where platformdirs has a rule of its own to apply (another system, Android, a relative
    HOME): the CLI then finds it with platformdirs itself.
    """
    if sys.platform != "linux" or "ANDROID_DATA" in environ:
        return None
    xdg = environ.get("XDG_DATA_HOME", "")
    if os.path.isabs(xdg):
        return xdg
    home = environ.get("HOME", "")
    return os.path.join(home, ".local", "share") if os.path.isabs(home) else None


def data_path(db: str | None, environ: "Mapping[str, str]") -> str | None:
    """The data file by the CLI's rule, made absolute as the store makes it (None: ask the CLI)."""
    chosen = db or environ.get("LUMBAR_DB") or None
    if chosen is None:
        folder = data_folder(environ)
        if folder is None:
            return None
        chosen = os.path.join(folder, "lumbar", "lumbar.json")
    path = os.path.expanduser(chosen)
    path = path if os.path.isabs(path) else os.path.join(os.getcwd(), path)
    return os.path.realpath(path) if os.path.islink(path) else path


def quick_form(argv: "Sequence[str]") -> "tuple[str | None, list[str]] | None":
    """``(--db value or None, the command's words)`` when ``argv`` is a form answered here."""
    args = list(argv)
    db = None
    if args[:1] == ["--db"] and len(args) > 1:
        db, args = args[1], args[2:]
    elif args[:1] and args[0].startswith("--db="):
        db, args = args[0].removeprefix("--db="), args[1:]
    return (db, args) if args in QUICK and db != "" else None


def answer(argv: "Sequence[str]", environ: "Mapping[str, str]", out: "TextIO") -> bool:
    """Answer ``status`` or ``remind`` from fresh status files; False when the CLI must."""
    form = quick_form(argv)
    if form is None:
        return False
    db, args = form
    path = data_path(db, environ)
    fresh = None if path is None else read_fresh(path, local_day())
    if fresh is None:
        return False
    if args == ["status", "--json"]:
        out.write(fresh.json.decode())
    elif args == ["status"] or fresh.remind:
        out.write(fresh.line + "\n")
    return True


def main(argv: "Sequence[str] | None" = None) -> int:
    """Entry point of the ``lumbar`` console script; returns the exit status.

    ``status`` or ``remind`` whose files are not fresh go straight to the command that works
    the status out again (the same as the CLI's, without loading the catalogue first).
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if answer(args, os.environ, sys.stdout):
        return 0
    form = quick_form(args)
    if form is not None:
        from argparse import Namespace

        from tui.cli_status import run_status_command

        db, words = form
        parsed = Namespace(db=db, command=words[0], json="--json" in words)
        return run_status_command(parsed, sys.stdout, sys.stderr, os.environ)
    from tui.cli import main as cli_main

    return cli_main(args)
