"""The catalogue cache: read when every file is as it was, made again when any file changes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tui.catalogue import cache as catalogue_cache
from tui.catalogue import load as catalogue_load
from tui.catalogue.cache import cache_path, load_cached_catalogue
from tui.catalogue.load import CatalogueError, bundled_dir, load_catalogue

OLD = 1_600_000_000_000_000_000  # 2020, in nanoseconds: long past the freshness window

MINE = """\
[[exercise]]
id = "my-stretch"
name = "My stretch"
category = "stretch"
position = "standing"
summary = "A stretch of my own."
steps = ["Stand tall.", "Reach up."]
sources = ["spinenation"]

[exercise.dose]
hold = 20
"""


def age(folder: Path) -> None:
    """Make every file in ``folder`` look untouched for years."""
    for path in folder.rglob("*.toml"):
        os.utime(path, ns=(OLD, OLD))


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the bundled catalogue and a user folder with one exercise, both aged."""
    bundled, user = tmp_path / "bundled", tmp_path / "user"
    shutil.copytree(bundled_dir(), bundled)
    user.mkdir()
    (user / "mine.toml").write_text(MINE, encoding="utf-8")
    age(bundled)
    age(user)
    return bundled, user


def parse_counter(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the real parses the cache falls back on."""
    calls: list[int] = []

    def counted(bundled: Path | None = None, user: Path | None = None):  # type: ignore[no-untyped-def]
        calls.append(1)
        return load_catalogue(bundled, user)

    monkeypatch.setattr(catalogue_load, "load_catalogue", counted)  # what a stale cache calls
    return calls


def test_the_second_start_reads_the_cache_and_gets_the_same_catalogue(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled, user = folders
    parses = parse_counter(monkeypatch)
    first = load_cached_catalogue(user, bundled)
    assert cache_path().is_file() and len(parses) == 1
    second = load_cached_catalogue(user, bundled)
    assert len(parses) == 1  # not parsed again
    assert second == first == load_catalogue(bundled, user)
    assert "my-stretch" in second.catalogue.exercises


@pytest.mark.parametrize("change", ["edit", "touch", "add", "remove"])
def test_any_change_to_a_file_parses_again(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    bundled, user = folders
    load_cached_catalogue(user, bundled)
    mine = user / "mine.toml"
    if change == "edit":
        mine.write_text(MINE.replace("My stretch", "My own stretch"), encoding="utf-8")
    elif change == "touch":
        os.utime(mine, ns=(OLD + 1, OLD + 1))
    elif change == "add":
        (user / "more.toml").write_text(MINE.replace("my-stretch", "more"), encoding="utf-8")
    else:
        mine.unlink()
    parses = parse_counter(monkeypatch)
    loaded = load_cached_catalogue(user, bundled)
    assert len(parses) == 1
    assert loaded == load_catalogue(bundled, user)


def test_a_file_changed_just_now_is_not_cached(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled, user = folders
    (user / "mine.toml").write_text(MINE, encoding="utf-8")  # now: within the same clock tick
    load_cached_catalogue(user, bundled)
    assert not cache_path().exists()


def test_a_user_files_problems_come_back_from_the_cache(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled, user = folders
    (user / "broken.toml").write_text("[[exercise]]\nid = ", encoding="utf-8")
    age(user)
    first = load_cached_catalogue(user, bundled)
    parses = parse_counter(monkeypatch)
    second = load_cached_catalogue(user, bundled)
    assert not parses
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]
    assert "broken.toml" in str(second.problems[0])


@pytest.mark.parametrize("content", [b"", b"not msgpack at all", b"\x93\x01\x02\x03"])
def test_a_damaged_cache_is_ignored_and_made_again(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    bundled, user = folders
    cache_path().parent.mkdir(parents=True, exist_ok=True)
    cache_path().write_bytes(content)
    parses = parse_counter(monkeypatch)
    assert load_cached_catalogue(user, bundled) == load_catalogue(bundled, user)
    assert len(parses) == 1
    load_cached_catalogue(user, bundled)
    assert len(parses) == 1  # the cache was made again and read


def test_another_versions_cache_is_not_used(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled, user = folders
    load_cached_catalogue(user, bundled)
    monkeypatch.setattr(catalogue_cache, "__version__", "99.0")
    parses = parse_counter(monkeypatch)
    load_cached_catalogue(user, bundled)
    assert len(parses) == 1


def test_a_broken_bundled_catalogue_still_stops_lumbar_and_is_not_cached(
    folders: tuple[Path, Path],
) -> None:
    bundled, user = folders
    (bundled / "extra.toml").write_text("[[exercise]]\nid = ", encoding="utf-8")
    age(bundled)
    with pytest.raises(CatalogueError):
        load_cached_catalogue(user, bundled)
    assert not cache_path().exists()


def test_a_cache_folder_that_cannot_be_written_is_no_problem(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundled, user = folders
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    cache = blocker / "catalogue.msgpack"  # its folder is a file: nothing can be written there
    assert load_cached_catalogue(user, bundled, cache) == load_catalogue(bundled, user)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "giant"])
def test_a_cache_that_is_not_a_plain_small_file_is_never_read(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """A FIFO, a symlink to /dev/zero or a giant file at the cache path: ignored, no hang."""
    bundled, user = folders
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        with path.open("wb") as file:
            file.truncate(catalogue_cache.MAX_CACHE_BYTES + 1)
    parses = parse_counter(monkeypatch)
    assert load_cached_catalogue(user, bundled) == load_catalogue(bundled, user)
    assert len(parses) == 1
