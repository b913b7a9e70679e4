"""The core (model, catalogue, engine, store) never imports Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = ["tui.model", "tui.records", "tui.problems", "tui.checks", "tui.catalogue", "tui.cli"]


def test_the_core_does_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
