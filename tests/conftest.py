"""Shared fixtures: no test reads or writes the real user's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import answered_safety_check
from tui.catalogue.load import load_catalogue
from tui.model.catalogue import Catalogue
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
    """A progress store in a temporary folder: no history, the safety questions answered."""
    return answered_safety_check(Store.open(tmp_path / "lumbar.json"))


@pytest.fixture
def empty_store(tmp_path: Path) -> Store:
    """A progress store in a temporary folder with nothing in it at all."""
    return Store.open(tmp_path / "empty.json")


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The bundled catalogue, loaded once."""
    return load_catalogue().catalogue
