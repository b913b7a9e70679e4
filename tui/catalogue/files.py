"""Where the catalogue's files are, and what loading them gives: what a start needs of loading.

A start reads the checked catalogue from its cache (:mod:`tui.catalogue.cache`); parsing and
checking the TOML files (:mod:`tui.catalogue.load`, ``tomllib`` and the checks) is imported only
when the cache is stale or a command checks files (start-up time and memory).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from tui.catalogue.problems import Problem
from tui.model import Catalogue

PRESCRIPTIONS = "prescriptions"
"""The folder of the user's catalogue that holds the active prescription."""
REPLACED = "replaced"
"""The folder inside :data:`PRESCRIPTIONS` that keeps the prescriptions a newer one replaced."""


class CatalogueError(Exception):
    """The catalogue cannot be used; ``problems`` says why, file by file."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        """Keep the problems and summarise them as the message."""
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Loaded:
    """A usable catalogue, and the problems of the user files that were skipped."""

    catalogue: Catalogue
    problems: tuple[Problem, ...] = field(default=())


def bundled_dir() -> Path:
    """Where the bundled catalogue is: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parents[1]  # the tui package
    for candidate in (here / "content", here.parent / "catalogue"):
        if (candidate / "roadmap.toml").is_file():
            return candidate
    raise CatalogueError([Problem(here, "the bundled catalogue is missing", "Reinstall lumbar.")])


def user_dir() -> Path:
    """Where the user's own exercises and routines live (it may not exist)."""
    return platformdirs.user_config_path("lumbar") / "catalogue"


def set_aside(relative: Path) -> bool:
    """True for a file inside a catalogue folder that is never loaded from it.

    ``examples/`` holds files to copy (the bundled catalogue's example prescription);
    ``prescriptions/replaced/`` keeps the prescriptions a newer one replaced.
    """
    return relative.parts[:1] == ("examples",) or relative.parts[:2] == (PRESCRIPTIONS, REPLACED)


def toml_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The TOML files named by files and directories (recursively), sorted, and any bad paths.

    A directory's ``examples/`` and ``prescriptions/replaced/`` are left out (see
    :func:`set_aside`); a file named on its own is always taken.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*.toml")
                if p.is_file() and not set_aside(p.relative_to(path))
            )
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(path, "does not exist", "Check the path."))
    return found, problems
