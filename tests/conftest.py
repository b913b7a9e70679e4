"""Shared fixtures: no test reads or writes the real user's files; one way to build the app.

``app`` is the app ready to run on the bundled ``catalogue``, the ``store`` and the fake
``clock``, its terminal output kept in ``terminal``; ``make`` builds one with other arguments
(``make(play="quick-10")``, ``make(store=empty_store)``, ``make(history=sessions)``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FakeClock, MakeApp, answered_safety_check, app_on
from tui.app import LumbarApp
from tui.catalogue.load import load_catalogue
from tui.model.catalogue import Catalogue
from tui.model.records import Session, Settings
from tui.store.store import Store


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user directory lumbar could touch at a temporary folder."""
    home = tmp_path / "home"
    for name, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("LUMBAR_DB", raising=False)
    return home


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A progress store in a temporary folder: no history, the safety questions answered.

    Its settings have the warm-up off (as a user who turned it off has them), so a test plays
    just the routine it names; the warm-up, on by default, has tests of its own.
    """
    store = answered_safety_check(Store.open(tmp_path / "lumbar.json"))
    store.save_settings(Settings(warm_up=False))
    return store


@pytest.fixture
def empty_store(tmp_path: Path) -> Store:
    """A progress store in a temporary folder with nothing in it at all."""
    return Store.open(tmp_path / "empty.json")


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The bundled catalogue, loaded once."""
    return load_catalogue().catalogue


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock at Saturday 1 March 2025, 09:00 UTC, that moves only when the test says."""
    return FakeClock()


@pytest.fixture
def terminal() -> list[str]:
    """What the app writes to the terminal itself: notifications and the window title."""
    return []


@pytest.fixture
def make(catalogue: Catalogue, store: Store, clock: FakeClock, terminal: list[str]) -> MakeApp:
    """Build the app on the bundled catalogue, ``store`` and ``clock``, writing to ``terminal``.

    ``store=`` puts it on another store, ``history=`` saves sessions first; other keyword
    arguments go to the app factory (``play=``, ``terminal=``...).
    """
    default_store = store

    def build(
        *, store: Store | None = None, history: Iterable[Session] = (), **options: Any
    ) -> LumbarApp:
        options.setdefault("terminal", terminal.append)
        on = default_store if store is None else store
        return app_on(catalogue, on, clock, history=history, **options)

    return build


@pytest.fixture
def app(make: MakeApp) -> LumbarApp:
    """The app, ready to run: the bundled catalogue, ``store``, the fake ``clock``."""
    return make()
