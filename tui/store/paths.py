"""Where the user's data file is: the one rule for ``--db``, ``LUMBAR_DB`` and the default."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import platformdirs

ENV_VAR = "LUMBAR_DB"
"""The environment variable that names the database file (``--db`` beats it)."""


def default_db_path() -> Path:
    """Where the database lives unless told otherwise: the user's data directory."""
    return platformdirs.user_data_path("lumbar") / "lumbar.json"


def normalize(path: str | Path) -> Path:
    """An absolute path; through a symlink to its target, so a write never replaces the link."""
    given = Path(path).expanduser().absolute()
    try:
        return given.resolve() if given.is_symlink() else given
    except (RuntimeError, OSError):  # a symlink loop: reading it says so, in the store's words
        return given


def resolve_db_path(cli_value: str | Path | None, environ: Mapping[str, str]) -> Path:
    """The database path, normalised: ``--db PATH`` beats ``LUMBAR_DB``, which beats the default."""
    chosen = cli_value or environ.get(ENV_VAR) or None
    return normalize(chosen if chosen else default_db_path())


def lock_path(path: Path) -> Path:
    """The lock file beside a database: ``lumbar.json`` -> ``lumbar.json.lock``."""
    return path.with_name(path.name + ".lock")
