"""The report's formats, chosen by the file's ending (light: the CLI reads it at start-up)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

Kind = Literal["text", "markdown", "html"]
KINDS: dict[str, Kind] = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}
"""The report's format by the ``--out`` file's ending."""


def kind_of(path: Path) -> Kind | None:
    """The format a report written to ``path`` takes (None: an ending lumbar does not write)."""
    return KINDS.get(path.suffix.lower())
