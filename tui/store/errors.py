"""The errors of lumbar's data file: each says what happened and what the user can do."""

from __future__ import annotations

import shlex
from pathlib import Path


class StoreError(Exception):
    """Something the user can act on went wrong with lumbar's data file; the message says what."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class UnusableFileError(StoreError):
    """A file exists at the database path but lumbar cannot use it; it was left untouched."""

    def __init__(
        self, path: Path, problem: str, advice: str | None = None, *, exists: bool = True
    ) -> None:
        self.problem = problem
        self.advice = advice if advice is not None else move_aside_advice(path)
        kept = "The file was left exactly as it was. " if exists else ""
        super().__init__(f"lumbar cannot use {path}: {problem}.\n{kept}{self.advice}", path)


class NewerSchemaError(UnusableFileError):
    """The file was written by a newer lumbar, with a schema this one does not know."""


def move_aside_advice(path: Path) -> str:
    """What the user can do about an unusable database file at ``path``."""
    return (
        "To go on: restore a backup of it, open another file with --db PATH, or run "
        f"`lumbar --db {shlex.quote(str(path))} db move-aside` to keep this file under a new "
        "name and start fresh."
    )


def reason(error: OSError) -> str:
    """What the system said went wrong, in lower case, for a sentence of ours."""
    return (error.strerror or str(error)).lower()
