"""The core never imports Textual, the CLI loads it only to run the app, and facades are used.

import-linter holds the layers statically (``make lint``); these prove the same lines at run
time, which also catches an import that a static graph cannot see.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import types
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "tui"
CORE_PACKAGES = ("model", "catalogue", "store", "session", "history")
CORE = sorted(
    ".".join(("tui", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
    for name in CORE_PACKAGES
    for path in (PACKAGE / name).glob("*.py")
)
PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))))
"""


def loaded_textual(modules: list[str]) -> list[str]:
    """The textual and rich modules loaded after importing ``modules`` in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *modules], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_the_core_modules_are_found() -> None:
    assert {"tui.model.catalogue", "tui.catalogue.load", "tui.store.store"} <= set(CORE)


def test_the_core_does_not_import_textual() -> None:
    assert loaded_textual(CORE) == []


def test_the_cli_does_not_import_textual_until_it_runs_the_app() -> None:
    assert loaded_textual(["tui.cli"]) == []


def test_code_outside_a_core_package_imports_from_its_facade() -> None:
    reaching_in = []
    for path in PACKAGE.rglob("*.py"):
        owner = path.relative_to(PACKAGE).parts[0]
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                inside = len(parts) > 2 and parts[0] == "tui" and parts[1] in CORE_PACKAGES
                if inside and parts[1] != owner:
                    reaching_in.append(f"{path.relative_to(PACKAGE)}: from {node.module}")
    assert reaching_in == []


def test_every_name_a_facade_exports_is_there_and_is_not_a_module() -> None:
    """Even once every module is imported (a submodule of the same name must not replace it)."""
    for module in CORE:
        importlib.import_module(module)
    for name in CORE_PACKAGES:
        facade = importlib.import_module(f"tui.{name}")
        wrong = [
            export
            for export in facade.__all__
            if isinstance(getattr(facade, export, None), types.ModuleType | None)
        ]
        assert wrong == [], name


def modules_after(statement: str) -> list[str]:
    """Every module loaded once ``statement`` has run, in a fresh interpreter."""
    probe = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def modules_of_the_app() -> list[str]:
    """Every module loaded once ``tui.app`` is imported, in a fresh interpreter."""
    return modules_after("import tui.app")


def test_the_app_imports_only_the_history_it_needs_at_start() -> None:
    """The history facade is lazy: the roadmap's and progress's rules wait for their screens."""
    loaded = [name for name in modules_of_the_app() if name.startswith("tui.history")]
    assert loaded == ["tui.history", "tui.history.safety"]


def test_the_app_imports_no_export_or_import_code_at_start() -> None:
    """The store facade is lazy: export, import and the FHIR export wait for their commands."""
    loaded = set(modules_of_the_app())
    assert loaded & {"tui.store.fhir", "tui.store.transfer", "tui.store.listing"} == set()


def test_the_app_imports_only_its_first_screen_at_start() -> None:
    """No dialog, no session engine, no other screen is imported before the first frame."""
    loaded = [name for name in modules_of_the_app() if name.startswith("tui.")]
    assert [name for name in loaded if name.startswith("tui.session")] == []
    assert {name for name in loaded if name.startswith("tui.screens.")} == {
        "tui.screens.select",
        "tui.screens.select_detail",
        "tui.screens.select_keys",
        "tui.screens.select_rows",
        "tui.screens.select_search",
        "tui.screens.too_small",
    }


def test_the_cli_imports_no_history_rule_and_no_export_code_at_start() -> None:
    """The command line's modules import the history's rules and export code when they run."""
    loaded = set(modules_after("import tui.cli"))
    assert {name for name in loaded if name.startswith("tui.history.")} <= {
        "tui.history.report_kinds"
    }
    assert loaded & {"tui.store.fhir", "tui.store.transfer", "tui.store.listing"} == set()


def test_the_speech_system_comes_without_the_rest_of_the_session() -> None:
    """The CLI looks for a speech command before the first frame; the engine waits for a session."""
    loaded = modules_after("import tui.cli; from tui.session import SpeechSystem")
    assert [name for name in loaded if name.startswith("tui.session")] == [
        "tui.session",
        "tui.session.speech",
    ]


def test_lumbar_play_asks_for_plain_lines_without_the_plain_player() -> None:
    """Whether to play in lines is asked first; the plain player waits until it is wanted."""
    loaded = modules_after("import tui.cli; from tui.plain import wants_plain")
    assert [name for name in loaded if name.startswith("tui.plain")] == [
        "tui.plain",
        "tui.plain.wanted",
    ]


def test_every_name_the_plain_facade_exports_is_there() -> None:
    """Its names are imported on first use: each one has a module that defines it."""
    plain = importlib.import_module("tui.plain")
    assert all(not isinstance(getattr(plain, name), types.ModuleType) for name in plain.__all__)


def test_the_resume_offer_looks_for_a_session_without_the_session_engine() -> None:
    """It looks on every start; the engine is imported only once there is one to continue."""
    loaded = modules_after("import tui.app, tui.screens.resume")
    assert [name for name in loaded if name.startswith("tui.session.")] == []


def test_the_cli_imports_no_toml_parser_and_no_catalogue_check_at_start() -> None:
    """A start reads the checked catalogue from its cache; parsing and checks wait for a need."""
    loaded = set(modules_after("import tui.cli"))
    loaders = {"tui.catalogue.load", "tui.catalogue.checks", "tui.catalogue.prescriptions"}
    assert loaded & {"tomllib", *loaders} == set()


def test_a_fresh_cache_is_read_without_the_toml_parser(tmp_path: Path) -> None:
    """Only a stale cache has the catalogue's files parsed and checked again."""
    cache = str(tmp_path / "catalogue.msgpack")
    load = f"from tui.catalogue import load_cached_catalogue as load; load(cache=Path({cache!r}))"
    modules_after(f"from pathlib import Path; {load}")  # makes the cache
    loaded = set(modules_after(f"from pathlib import Path; {load}"))
    assert "tui.catalogue.cache" in loaded
    assert loaded & {"tomllib", "tui.catalogue.load"} == set()


RUN_TO_THE_FIRST_SCREEN = """
import asyncio
from datetime import datetime
from tui.app import make_app
from tui.catalogue import load_cached_catalogue
from tui.model import SafetyCheck
from tui.store import Store

async def run():
    store = Store.open(Path({db!r}))
    store.save_safety(SafetyCheck(answered_at=datetime.now().astimezone(), any_yes=False))
    catalogue = load_cached_catalogue(cache=Path({cache!r})).catalogue
    app = make_app(catalogue, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()

asyncio.run(run())
"""


def test_a_start_without_a_session_imports_no_player(tmp_path: Path) -> None:
    """Up to the first screen drawn, with the app running: no player, no session engine."""
    run = RUN_TO_THE_FIRST_SCREEN.format(
        db=str(tmp_path / "lumbar.json"), cache=str(tmp_path / "catalogue.msgpack")
    )
    loaded = modules_after(f"from pathlib import Path\nexec({run!r})")
    assert "tui.app" in loaded
    assert [
        name for name in loaded if name.startswith(("tui.screens.player", "tui.session."))
    ] == []


def test_the_store_opens_a_file_without_tinydb(tmp_path: Path) -> None:
    """lumbar reads and writes its TinyDB file itself: tinydb is not imported to do it (memory)."""
    db = tmp_path / "lumbar.json"
    loaded = modules_after(
        "from pathlib import Path; from tui.store import Store; "
        f"Store.open(Path({str(db)!r})).settings()"
    )
    assert [name for name in loaded if name.split(".")[0] == "tinydb"] == []


def test_the_player_s_history_leaves_the_progress_figures_out() -> None:
    """The dose replay a session starts from brings in none of the progress screen's figures."""
    loaded = modules_after("import tui.history.levels")
    assert {"tui.history.progress", "tui.history.tally", "tui.history.streak"} & set(
        loaded
    ) == set()


def test_opening_the_store_loads_no_digest_library(tmp_path: Path) -> None:
    """hashlib (OpenSSL's library) waits for the progress screen's digest of the history."""
    db = tmp_path / "lumbar.json"
    loaded = modules_after(
        "from pathlib import Path; from tui.store import Store; "
        f"Store.open(Path({str(db)!r})).sessions()"
    )
    assert "hashlib" not in loaded
