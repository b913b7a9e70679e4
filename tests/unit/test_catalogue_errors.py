"""Broken catalogue files get a message naming the file, line and field, and what to do."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import GOOD
from tui.catalogue.load import check_paths, parse_file

# name: (file text, line the message points at, words the message must contain)
CORPUS: dict[str, tuple[str, int | None, list[str]]] = {
    "syntax error": (
        GOOD.replace('name = "Towel stretch"', 'name = "Towel stretch'),
        3,
        ["not valid TOML"],
    ),
    "unknown field": (
        GOOD.replace("hold = 20", "hols = 20"),
        11,
        ['exercise "towel-stretch"', "dose.hols", "unknown field `hols`", "Did you mean `hold`?"],
    ),
    "unknown top-level table": (
        GOOD.replace("[[exercise]]", "[[exercises]]").replace(
            "[exercise.dose]", "[exercises.dose]"
        ),
        None,
        ["unknown field `exercises`", "Did you mean `exercise`?"],
    ),
    "wrong type": (
        GOOD.replace("reps = 2", 'reps = "two"'),
        12,
        ["dose.reps", "expected a whole number or a [low, high] pair", "'two'"],
    ),
    "negative duration": (
        GOOD.replace("hold = 20", "hold = -20"),
        11,
        ["dose.hold", "-20 is out of bounds", "1 to 3600 seconds"],
    ),
    "reversed range": (
        GOOD.replace("hold = 20", "hold = [30, 15]"),
        11,
        ["dose.hold", "[30, 15] is reversed", "low < high"],
    ),
    "negative rest": (
        GOOD.replace("hold = 20", "hold = 20\nrest_reps = -1"),
        12,
        ["dose.rest_reps", "must be at least 0"],
    ),
    "dangling reference": (
        GOOD.replace(
            'sources = ["spinenation"]', 'sources = ["spinenation"]\nharder = ["bird-dgo"]'
        ),
        9,
        [
            'exercise "towel-stretch"',
            "harder[0]",
            'no exercise has the id "bird-dgo"',
            'Did you mean "bird-dog"?',
        ],
    ),
    "unknown source": (
        GOOD.replace('sources = ["spinenation"]', 'sources = ["wikipedia"]'),
        8,
        ["sources[0]", 'no source has the id "wikipedia"'],
    ),
    "duplicate id": (
        GOOD.replace("towel-stretch", "bird-dog"),
        2,
        ['exercise id "bird-dog" is already used in', "stabilize.toml:", "another id"],
    ),
    "bad enum": (
        GOOD.replace('category = "stretch"', 'category = "stretching"'),
        4,
        ["field category", "not an allowed value 'stretching'", '"stretch", "strengthen"'],
    ),
    "bad id": (
        GOOD.replace('id = "towel-stretch"', 'id = "Towel Stretch"'),
        2,
        ["not a valid id", "kebab-case"],
    ),
    "missing field": (
        GOOD.replace('summary = "Stretches the back of the thigh."\n', ""),
        1,
        ["`summary` is missing"],
    ),
    "no steps": (
        re.sub(r"steps = \[.*\]", "steps = []", GOOD),
        7,
        ["field steps", "at least 1 entry"],
    ),
    "cue too long": (
        GOOD.replace('"Lie on your back."', '"' + "Lie down " * 15 + '"'),
        7,
        ["steps[0]", "too long", "split it into two steps"],
    ),
    "stages mixed with counts": (
        GOOD + '[[exercise.dose.stages]]\nname = "Lie down"\ncue = "Lie face down."\nhold = 60\n',
        10,
        ["both stages and its own counts", "into each [[...dose.stages]] table"],
    ),
    "emergency that is not a red flag": (
        '[[advice]]\nid = "mine"\nkind = "pain"\ntitle = "Mine"\ntext = "Mine."\n'
        'sources = ["klarity"]\nemergency = true\n',
        1,
        ['advice "mine"', "only a red flag can be an emergency", 'set kind = "red-flag"'],
    ),
    "tempo without beats": (
        GOOD.replace("hold = 20", "tempo = 4"),
        11,
        [
            'exercise "towel-stretch"',
            "dose.tempo",
            "played with a tempo",
            '[exercise.movement] with cue = "what to do" and beats',
        ],
    ),
    "unknown movement field": (
        GOOD + "\n[exercise.movement]\nsecs = 3\n",
        16,
        ["movement.secs", "unknown field `secs`", "Did you mean `seconds`?"],
    ),
    "empty file": ("", None, ["defines nothing", "Add [[exercise]] or [[routine]]"]),
    "only comments": ("# my stretches, to do\n", None, ["defines nothing"]),
}


@pytest.mark.parametrize("case", list(CORPUS))
def test_broken_file_gets_a_message_that_says_what_to_fix(tmp_path: Path, case: str) -> None:
    text, line, words = CORPUS[case]
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    count, problems = check_paths([path])
    assert count == 1
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.file == path
    assert problem.line == line, str(problem)
    message = str(problem)
    assert message.startswith(f"{path}:{line}:" if line else f"{path}:")
    for word in words:
        assert word in message, message


def test_binary_garbage_is_called_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "garbage.toml"
    path.write_bytes(bytes(range(256)) * 4)
    problem = parse_file(path)
    assert not hasattr(problem, "content")
    assert "not a text file" in str(problem)


def test_a_missing_path_is_reported(tmp_path: Path) -> None:
    _, problems = check_paths([tmp_path / "nope.toml"])
    assert [p.message for p in problems] == ["does not exist"]


def test_every_problem_in_a_file_set_is_listed(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(CORPUS["dangling reference"][0], encoding="utf-8")
    (tmp_path / "b.toml").write_text(CORPUS["reversed range"][0], encoding="utf-8")
    (tmp_path / "c.toml").write_text("", encoding="utf-8")
    count, problems = check_paths([tmp_path])
    assert count == 3
    assert sorted(p.file.name for p in problems) == ["a.toml", "b.toml", "c.toml"]


def test_a_good_file_checks_clean(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert check_paths([path]) == (1, [])


def test_a_routine_item_names_a_real_exercise(tmp_path: Path) -> None:
    path = tmp_path / "routine.toml"
    path.write_text(
        '[[routine]]\nid = "mine"\nname = "Mine"\nkind = "custom"\ndescription = "Mine."\n'
        '[[routine.items]]\nexercise = "bird-dog"\n[[routine.items]]\nexercise = "brid-dog"\n',
        encoding="utf-8",
    )
    _, problems = check_paths([path])
    assert [str(p) for p in problems] == [
        f'{path}:9: routine "mine", field items[1].exercise: no exercise has the id "brid-dog".'
        ' Did you mean "bird-dog"?'
    ]


EIGHT_WRONG = """\
[[exercise]]
id = "My Stretch"
name = "Mine"
category = "stretchy"
position = "lying-on-back"
summary = "Mine."
steps = []
sources = ["spinenation"]
colour = "red"

[exercise.dose]
reps = 0
hold = "ten"

[[exercise]]
id = "two"
name = "Two"
category = "stretch"
position = "upside-down"
summary = "Two."
steps = ["Do it."]
sources = ["ten-best"]
easier = ["nothing-here"]
"""
"""Eight mistakes in two exercises (the second has no dose, a wrong position and an unknown
easier variant)."""


def test_every_problem_of_every_entry_is_listed_in_one_run(tmp_path: Path) -> None:
    """A file with eight mistakes gets eight problems, each at its own line and field."""
    path = tmp_path / "mine.toml"
    path.write_text(EIGHT_WRONG, encoding="utf-8")
    _, problems = check_paths([path])
    found = [(p.line, p.where.split("field ")[-1]) for p in problems]
    assert found == [  # in the order of the file's lines
        (2, "id"),
        (4, "category"),
        (7, "steps"),
        (9, "colour"),
        (12, "dose.reps"),
        (13, "dose.hold"),
        (15, 'exercise "two"'),  # the second [[exercise]] starts at line 15: no dose
        (19, "position"),
    ]


def test_the_good_records_of_a_broken_file_are_checked_against_the_rest(tmp_path: Path) -> None:
    """A dangling reference in a good exercise is found in the same run as its neighbour's."""
    path = tmp_path / "mine.toml"
    two = '[[exercise]]\nid = "two"\nname = "Two"\ncategory = "stretch"\n'
    two += 'position = "standing"\nsummary = "Two."\nsteps = ["Do it."]\n'
    two += 'sources = ["ten-best"]\neasier = ["nothing-here"]\n[exercise.dose]\nreps = 2\n'
    path.write_text(GOOD.replace('"towel-stretch"', '"Towel"') + "\n" + two, encoding="utf-8")
    _, problems = check_paths([path])
    assert [(p.line, p.message) for p in problems] == [
        (2, "not a valid id"),
        (23, 'no exercise has the id "nothing-here"'),  # the second exercise's easier =
    ]


def _variant(exercise_id: str, **links: list[str]) -> str:
    """A small exercise entry with easier and harder links."""
    text = GOOD.replace('"towel-stretch"', f'"{exercise_id}"')
    lines = "".join(f"{link} = {json.dumps(ids)}\n" for link, ids in links.items())
    return text.replace("[exercise.dose]", lines + "\n[exercise.dose]")


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([_variant("a", easier=["b"], harder=["b"]), _variant("b")], "both easier and harder"),
        ([_variant("a", harder=["b"]), _variant("b", harder=["a"])], "as harder too"),
        ([_variant("a", easier=["b"]), _variant("b", easier=["a"])], "as easier too"),
    ],
)
def test_easier_and_harder_links_that_contradict_are_reported(
    tmp_path: Path, entries: list[str], message: str
) -> None:
    """Each exercise the other's harder (or one both easier and harder): a problem, not silence."""
    path = tmp_path / "mine.toml"
    path.write_text("\n".join(entries), encoding="utf-8")
    _, problems = check_paths([path])
    assert problems and all(message in p.message for p in problems), problems


def test_a_file_not_in_utf8_is_told_with_its_line(tmp_path: Path) -> None:
    """A Latin-1 é on line 3: the message names UTF-8 and the line."""
    path = tmp_path / "mine.toml"
    path.write_bytes(GOOD.replace("Towel stretch", "Serviette étirement").encode("latin-1"))
    _, problems = check_paths([path])
    (problem,) = problems
    assert problem.line == 3 and "not UTF-8" in problem.message


def test_check_reports_what_a_users_file_may_not_define(tmp_path: Path) -> None:
    """A [[source]] of the user's making is reported by the check, as lumbar would refuse it."""
    path = tmp_path / "mine.toml"
    source = '[[source]]\nid = "my-blog"\ntitle = "My blog"\npublisher = "Me"\n\n'
    path.write_text(source + GOOD.replace('"spinenation"', '"my-blog"'), encoding="utf-8")
    _, problems = check_paths([path])
    assert [p.message for p in problems] == ["user files cannot define [[source]]"]
    assert problems[0].line == 1
