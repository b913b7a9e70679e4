"""The example prescription, as a file to install and as a catalogue that holds it."""

from __future__ import annotations

from pathlib import Path

import msgspec

from tui.catalogue import bundled_dir
from tui.catalogue.checks import ParsedFile
from tui.catalogue.load import parse_file
from tui.model import Catalogue

EXAMPLE = bundled_dir() / "examples" / "prescription.toml"
"""The example a clinician copies (catalogue/examples/prescription.toml)."""
PRESCRIBED = "back-plan"
"""The example's routine id."""


def write_example(path: Path, *replacements: tuple[str, str]) -> Path:
    """The example written to ``path`` with each (old, new) text replaced."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def with_example(catalogue: Catalogue, *replacements: tuple[str, str], at: Path) -> Catalogue:
    """The catalogue with the example prescription active (written to ``at`` first)."""
    parsed = parse_file(write_example(at, *replacements))
    assert isinstance(parsed, ParsedFile), parsed
    content = parsed.content
    routine, prescription = content.routine[0], content.prescription
    assert prescription is not None
    return msgspec.structs.replace(
        catalogue,
        routines={routine.id: routine, **catalogue.routines},
        prescriptions={routine.id: prescription},
    )
