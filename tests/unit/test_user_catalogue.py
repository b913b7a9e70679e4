"""Users add exercises and routines as TOML files; a broken one is skipped, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import GOOD
from tui.catalogue.load import CatalogueError, bundled_dir, load_catalogue, user_dir

ROUTINE = """\
[[routine]]
id = "my-morning"
name = "My morning"
kind = "custom"
description = "What I do before work."
[[routine.items]]
exercise = "towel-stretch"
[[routine.items]]
exercise = "bird-dog"
[routine.items.dose]
hold = 5
reps = 6
sides = "alternate"
"""


@pytest.fixture
def mine() -> Path:
    folder = user_dir()
    folder.mkdir(parents=True)
    return folder


def test_the_user_folder_is_inside_the_isolated_config_home(isolated_home: Path) -> None:
    assert user_dir().is_relative_to(isolated_home)


def test_user_exercises_and_routines_load_beside_the_bundled_ones(mine: Path) -> None:
    (mine / "exercises.toml").write_text(GOOD, encoding="utf-8")
    (mine / "routines.toml").write_text(ROUTINE, encoding="utf-8")
    loaded = load_catalogue(user=mine)
    assert loaded.problems == ()
    catalogue = loaded.catalogue
    assert catalogue.exercise("towel-stretch").name == "Towel stretch"
    assert catalogue.routine("my-morning").items[0].exercise == "towel-stretch"
    assert "bird-dog" in catalogue.exercises
    assert catalogue.user_ids == {"towel-stretch", "my-morning"}


def test_a_broken_user_file_is_reported_and_skipped(mine: Path) -> None:
    (mine / "good.toml").write_text(GOOD, encoding="utf-8")
    (mine / "broken.toml").write_text(
        GOOD.replace("towel-stretch", "other").replace("hold = 20", "hold = [9, 3]"),
        encoding="utf-8",
    )
    loaded = load_catalogue(user=mine)
    assert [p.file.name for p in loaded.problems] == ["broken.toml"]
    assert "reversed" in loaded.problems[0].message
    assert "towel-stretch" in loaded.catalogue.exercises
    assert "other" not in loaded.catalogue.exercises
    assert len(loaded.catalogue.phases) == 3


def test_a_routine_that_needs_a_skipped_file_is_skipped_too(mine: Path) -> None:
    (mine / "a-exercises.toml").write_text(GOOD.replace("reps = 2", "reps = 0"), encoding="utf-8")
    (mine / "b-routines.toml").write_text(ROUTINE, encoding="utf-8")
    loaded = load_catalogue(user=mine)
    assert sorted(p.file.name for p in loaded.problems) == ["a-exercises.toml", "b-routines.toml"]
    assert "my-morning" not in loaded.catalogue.routines


def test_user_files_may_refer_to_each_other_in_any_order(mine: Path) -> None:
    (mine / "a-routines.toml").write_text(ROUTINE, encoding="utf-8")
    (mine / "z-exercises.toml").write_text(GOOD, encoding="utf-8")
    loaded = load_catalogue(user=mine)
    assert loaded.problems == ()
    assert "my-morning" in loaded.catalogue.routines


def test_a_user_file_cannot_replace_a_bundled_exercise(mine: Path) -> None:
    (mine / "mine.toml").write_text(GOOD.replace("towel-stretch", "bird-dog"), encoding="utf-8")
    loaded = load_catalogue(user=mine)
    assert "already used" in loaded.problems[0].message
    assert loaded.catalogue.exercise("bird-dog").name == "Bird dog"


def test_a_user_file_cannot_change_the_roadmap(mine: Path) -> None:
    roadmap = (bundled_dir() / "roadmap.toml").read_text(encoding="utf-8")
    (mine / "roadmap.toml").write_text(
        roadmap.replace('id = "align"', 'id = "mine"'), encoding="utf-8"
    )
    loaded = load_catalogue(user=mine)
    assert "user files cannot define [[phase]]" in str(loaded.problems[0])
    assert [p.id for p in loaded.catalogue.phases] == ["align", "stabilize", "maintain"]


def test_a_broken_bundled_catalogue_stops_lumbar_with_every_problem(tmp_path: Path) -> None:
    copy = tmp_path / "catalogue"
    copy.mkdir()
    for path in bundled_dir().rglob("*.toml"):
        target = copy / path.relative_to(bundled_dir())
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (copy / "extra.toml").write_text(GOOD.replace("hold = 20", "hold = 0"), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(bundled=copy)
    assert "extra.toml:11" in str(caught.value)
