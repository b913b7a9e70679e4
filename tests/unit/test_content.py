"""Rules the bundled content keeps: readable cues, safe composed routines, complete advice."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import get_args

import pytest

from tests.helpers import SEEDS
from tui.catalogue.load import bundled_dir
from tui.model.catalogue import AdviceKind, Catalogue

SCIATICA_FRIENDLY = {  # the Essential Guide's asterisks, with their easier variants
    "back-extension",
    "piriformis-stretch",
    "bird-dog",
    "partial-crunch",
    "side-plank",
    "side-plank-bent-knees",
    "dead-bug-staged",
}


def test_every_cue_is_short_enough_to_read_from_the_mat(catalogue: Catalogue) -> None:
    for exercise in catalogue.exercises.values():
        assert 3 <= len(exercise.steps) <= 8, exercise.id
        for step in exercise.steps:
            assert len(step) <= 80, f"{exercise.id}: {step!r}"
        for stage in exercise.dose.stages:
            assert len(stage.cue) <= 80, f"{exercise.id} stage {stage.name}"
    for routine in catalogue.routines.values():
        for item in routine.items:
            for counts in catalogue.dose_for(item).plan():
                for cue in counts.positions:
                    assert len(cue) <= 80, f"{routine.id} {item.exercise}: {cue!r}"


def test_a_rep_with_positions_holds_or_paces_each_of_them(catalogue: Catalogue) -> None:
    doses = [e.dose for e in catalogue.exercises.values()]
    doses += [i.dose for r in catalogue.routines.values() for i in r.items if i.dose]
    for dose in doses:
        for counts in dose.plan():
            if counts.positions:
                assert len(counts.positions) >= 2
                assert counts.hold or counts.tempo


def test_every_exercise_keeps_a_caution_and_names_its_sources(catalogue: Catalogue) -> None:
    for exercise in catalogue.exercises.values():
        assert exercise.cautions, f"{exercise.id} has no caution"
        assert set(exercise.sources) <= set(catalogue.sources), exercise.id


def test_sciatica_friendly_marks_exactly_the_essential_guides_asterisks(
    catalogue: Catalogue,
) -> None:
    marked = {e.id for e in catalogue.exercises.values() if e.sciatica_friendly}
    assert marked == SCIATICA_FRIENDLY
    for exercise_id in marked:
        assert "essential-guide" in catalogue.exercise(exercise_id).sources


def test_easier_and_harder_links_mirror_each_other(catalogue: Catalogue) -> None:
    for exercise in catalogue.exercises.values():
        for other in exercise.harder:
            assert exercise.id in catalogue.exercise(other).easier, f"{exercise.id} -> {other}"
        for other in exercise.easier:
            assert exercise.id in catalogue.exercise(other).harder, f"{other} -> {exercise.id}"


def test_the_quick_routine_takes_about_ten_minutes_with_its_movement(
    catalogue: Catalogue,
) -> None:
    """Quick 10's low end, moving into and out of every hold, fits its 10-minute budget."""
    quick = catalogue.routine("quick-10")
    seconds = catalogue.routine_seconds(quick)
    assert (quick.budget_minutes, 540 <= seconds <= 600) == (10, True)


def test_the_desk_break_only_stands_or_sits(catalogue: Catalogue) -> None:
    for item in catalogue.routine("desk-break").items:
        assert catalogue.exercise(item.exercise).position in ("standing", "seated"), item


def test_the_sciatica_routine_only_uses_sciatica_friendly_exercises(catalogue: Catalogue) -> None:
    routine = catalogue.routine("sciatica-friendly")
    assert {item.exercise for item in routine.items} <= SCIATICA_FRIENDLY


@pytest.mark.parametrize("kind", ["warm-up", "cool-down"])
def test_there_is_a_warm_up_and_a_cool_down(catalogue: Catalogue, kind: str) -> None:
    assert [r for r in catalogue.routines.values() if r.kind == kind]


def test_the_warm_up_marches_and_circles_the_arms(catalogue: Catalogue) -> None:
    items = {item.exercise for item in catalogue.routine("warm-up").items}
    assert {"marching-in-place", "arm-circles"} <= items


def test_advice_covers_every_topic_the_articles_raise(catalogue: Catalogue) -> None:
    kinds = {advice.kind for advice in catalogue.advice}
    assert kinds == set(get_args(AdviceKind))
    avoided = " ".join(a.title.lower() for a in catalogue.advice if a.kind == "avoid")
    for moves in (("toe touch",), ("sit-up",), ("leg lift", "both legs"), ("high-impact",)):
        assert any(move in avoided for move in moves), moves


def test_red_flags_name_the_signs_that_need_help_now(catalogue: Catalogue) -> None:
    text = " ".join(
        " ".join((a.title, a.text, *a.points)).lower()
        for a in catalogue.advice
        if a.kind == "red-flag"
    )
    for sign in ("numb", "bladder", "bowel", "fever"):
        assert sign in text, sign


# Every trigger the articles name before exercise (issue 19), and words its question must have.
TRIGGERS = {
    "red-flag-bladder-bowel": ("bladder", "bowels"),
    "red-flag-saddle-numbness": ("numbness", "groin", "buttocks"),
    "red-flag-numbness": ("numbness", "legs"),
    "red-flag-leg-weakness": ("weakness", "leg"),
    "red-flag-leg-pain": ("leg", "knee"),
    "red-flag-severe-pain": ("severe", "rest"),
    "red-flag-constant-pain": ("never lets up",),
    "red-flag-night-pain": ("wakes you", "sleeping"),
    "red-flag-not-settling": ("weeks", "worse"),
    "red-flag-fever": ("fever",),
    "red-flag-injury": ("injury",),
    "red-flag-disc-herniation": ("herniated", "specialist"),
}


@pytest.mark.parametrize("flag", list(TRIGGERS))
def test_each_trigger_is_a_red_flag_question(catalogue: Catalogue, flag: str) -> None:
    """Each trigger the articles name is asked, in so many words, as a red flag."""
    (advice,) = (a for a in catalogue.advice if a.id == flag)
    assert advice.kind == "red-flag"
    for word in TRIGGERS[flag]:
        assert word in advice.title.lower(), (flag, word)


def test_only_losing_control_and_saddle_numbness_are_emergencies(catalogue: Catalogue) -> None:
    """The emergencies are exactly the two that need help the same hour."""
    emergencies = {a.id for a in catalogue.advice if a.emergency}
    assert emergencies == {"red-flag-bladder-bowel", "red-flag-saddle-numbness"}


def test_the_disclaimer_says_lumbar_is_not_medical_advice(catalogue: Catalogue) -> None:
    (disclaimer,) = [a for a in catalogue.advice if a.kind == "disclaimer"]
    assert "not medical advice" in f"{disclaimer.title} {disclaimer.text}".lower()


def _strings(value: object, where: str) -> Iterator[tuple[str, str]]:
    """Every string inside a parsed TOML value, at any depth, with where it sits."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            name = inner.get("id") if isinstance(inner, dict) else None
            yield from _strings(inner, f"{where}.{key}" + (f"[{name}]" if name else ""))
    elif isinstance(value, list):
        for number, inner in enumerate(value):
            name = inner.get("id") if isinstance(inner, dict) else None
            yield from _strings(inner, f"{where}[{name or number}]")


# An article's own title, in sources.toml, is a citation of it rather than an instruction.
CITATION = re.compile(r"sources\.toml\.source\[[a-z0-9-]+\]\.title")


def _catalogue_strings(directory: Path) -> Iterator[tuple[str, str]]:
    """Every string of every TOML file under ``directory`` but the cited titles."""
    for path in sorted(directory.rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for where, text in _strings(data, path.relative_to(directory).as_posix()):
            if not CITATION.fullmatch(where):
                yield where, text


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


RUN = 8  # words in a row that would make a sentence a copy rather than our own words


def _runs(texts: Iterable[str]) -> set[tuple[str, ...]]:
    """Every run of ``RUN`` words in a row in ``texts``."""
    runs: set[tuple[str, ...]] = set()
    for text in texts:
        words = _words(text)
        runs |= {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}
    return runs


def _copied(strings: Iterable[tuple[str, str]], runs: set[tuple[str, ...]]) -> list[str]:
    """Where each string repeats a run of ``RUN`` words from ``runs``, and the words."""
    copied = []
    for where, text in strings:
        for run in _runs([text]) & runs:
            copied.append(f"{where}: {' '.join(run)}")
    return sorted(copied)


def _article_runs() -> set[tuple[str, ...]]:
    return _runs(seed.read_text(encoding="utf-8") for seed in SEEDS.glob("*.txt"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the source articles are not at {SEEDS}")
def test_every_catalogue_string_is_written_in_our_own_words() -> None:
    """No string anywhere in the bundled TOML repeats 8 words in a row from an article."""
    copied = _copied(_catalogue_strings(bundled_dir()), _article_runs())
    assert not copied, "\n".join(copied)


def test_the_own_words_check_reads_every_string_at_any_depth(tmp_path: Path) -> None:
    """Strings nested in tables inside arrays (a stage's note, say) are read too."""
    (tmp_path / "routines").mkdir()
    (tmp_path / "routines" / "deep.toml").write_text(
        '[[routine]]\nid = "r"\n[[routine.items]]\n[[routine.items.dose.stages]]\n'
        'note = "deep down here"\npositions = ["and in a list"]\n',
        encoding="utf-8",
    )
    found = dict((text, where) for where, text in _catalogue_strings(tmp_path))
    assert found["deep down here"] == "routines/deep.toml.routine[r].items[0].dose.stages[0].note"
    assert "and in a list" in found


def test_the_own_words_check_catches_a_copied_sentence() -> None:
    """A sentence lifted from an article, even recased and repunctuated, is reported."""
    article = "Keeping your position in step #3, lift your arms in front of you as high as you can."
    ours = [("positions", "Stay hinged and LIFT your arms in front of you, as high as you can!")]
    assert _copied(ours, _runs([article])) == [
        "positions: arms in front of you as high as",
        "positions: front of you as high as you can",
        "positions: in front of you as high as you",
        "positions: lift your arms in front of you as",
        "positions: your arms in front of you as high",
    ]
