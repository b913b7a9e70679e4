"""Users add exercises and routines as TOML files; a broken one is skipped, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import GOOD
from tui.catalogue.load import (
    CatalogueError,
    Loaded,
    bundled_dir,
    check_paths,
    load_catalogue,
    user_dir,
)

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


def load_mine(mine: Path, routines: str) -> Loaded:
    """Load the catalogue with the user's towel stretch and these routines in their folder."""
    (mine / "exercises.toml").write_text(GOOD, encoding="utf-8")
    (mine / "routines.toml").write_text(routines, encoding="utf-8")
    return load_catalogue(user=mine)


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


def test_a_user_routine_past_the_articles_largest_dose_is_refused_naming_file_and_field(
    mine: Path,
) -> None:
    """Bird dog held 40 s (the articles go to 10 s): the file is skipped, the field named."""
    path = mine / "routines.toml"
    loaded = load_mine(mine, ROUTINE.replace("hold = 5", "hold = 40"))
    assert [str(p) for p in loaded.problems] == [
        f'{path}:11: routine "my-morning", field items[1].dose.hold: hold for "bird-dog": 40 is'
        " past 10 s, the most any article gives. Lower it: lumbar keeps every dose within the"
        " most an article gives that exercise (for your own exercise, its own dose)."
    ]
    assert "my-morning" not in loaded.catalogue.routines


def test_a_user_routine_within_the_articles_largest_dose_loads(mine: Path) -> None:
    """Bird dog held 10 s, the most an article gives: allowed."""
    loaded = load_mine(mine, ROUTINE.replace("hold = 5", "hold = 10"))
    assert loaded.problems == ()
    assert "my-morning" in loaded.catalogue.routines


def test_a_user_routine_cannot_go_past_the_user_s_own_exercise(mine: Path) -> None:
    """Towel stretch (the user's, 2 reps) asked for 5 reps in a routine: refused."""
    own = 'exercise = "towel-stretch"\n[routine.items.dose]\nreps = 5'
    loaded = load_mine(mine, ROUTINE.replace('exercise = "towel-stretch"', own))
    assert "items[0].dose.reps" in str(loaded.problems[0])
    assert "5 is past 2 reps" in str(loaded.problems[0])


def test_a_user_file_calling_its_routine_an_article_cannot_raise_the_limit(mine: Path) -> None:
    """An "article" in a user's file holding bird dog 40 s is refused like any other routine."""
    text = ROUTINE.replace('kind = "custom"', 'kind = "article"').replace("hold = 5", "hold = 40")
    loaded = load_mine(mine, text)
    assert [p.file.name for p in loaded.problems] == ["routines.toml"]
    assert "items[1].dose.hold" in str(loaded.problems[0])


def test_a_stage_past_the_largest_dose_is_named_with_its_stage(mine: Path) -> None:
    """A back extension whose first stage lies face down for 20 min: stages[0].hold is named."""
    (mine / "routines.toml").write_text(
        '[[routine]]\nid = "long"\nname = "Long"\nkind = "custom"\ndescription = "Long."\n'
        '[[routine.items]]\nexercise = "back-extension"\n'
        '[[routine.items.dose.stages]]\nname = "Lie face down"\ncue = "Lie face down."\n'
        "hold = 1200\n",
        encoding="utf-8",
    )
    loaded = load_catalogue(user=mine)
    assert "items[0].dose.stages[0].hold" in str(loaded.problems[0])
    assert "1200 is past" in str(loaded.problems[0])


def test_catalogue_check_reports_a_dose_past_the_largest(tmp_path: Path) -> None:
    """`lumbar catalogue check` names the file and field of a dose past the articles' largest."""
    path = tmp_path / "routines.toml"
    path.write_text(
        ROUTINE.replace('exercise = "towel-stretch"', 'exercise = "plank"').replace(
            "hold = 5", "hold = 40"
        ),
        encoding="utf-8",
    )
    count, problems = check_paths([path])
    assert count == 1
    assert [(p.file, p.line, p.where) for p in problems] == [
        (path, 11, 'routine "my-morning", field items[1].dose.hold')
    ]


def test_the_bundled_catalogue_checks_clean_against_its_own_limits() -> None:
    """Every bundled file, checked as `lumbar catalogue check` does: no dose past the limits."""
    count, problems = check_paths([bundled_dir()])
    assert count > 0 and problems == []


def test_a_bundled_routine_past_the_articles_largest_dose_stops_lumbar(tmp_path: Path) -> None:
    """A composed routine shipped with a plank held 2 min (the articles: 30 s) is a bug: refused."""
    copy = tmp_path / "catalogue"
    for path in bundled_dir().rglob("*.toml"):
        target = copy / path.relative_to(bundled_dir())
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (copy / "extra.toml").write_text(
        '[[routine]]\nid = "long"\nname = "Long"\nkind = "composed"\ndescription = "Long."\n'
        '[[routine.items]]\nexercise = "plank"\n[routine.items.dose]\nhold = 120\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(bundled=copy)
    assert 'extra.toml:9: routine "long", field items[0].dose.hold' in str(caught.value)
