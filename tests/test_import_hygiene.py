"""The core never imports Textual: only the app, its screens and widgets may."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tui"
# Modules allowed to import Textual, beside screens/ and widgets/.
UI = {"app", "commands", "messages", "__main__"}
CORE = sorted(f"tui.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem not in UI)


def test_the_core_modules_are_found() -> None:
    assert {"tui.model", "tui.catalogue", "tui.cli"} <= set(CORE)


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
