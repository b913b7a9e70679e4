"""Where each number comes from, and every note, in the documents the screens show (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest

from tests.helpers import GOOD, run_cli
from tui.catalogue import Description, adjust, exercise_description, routine_description
from tui.catalogue.load import load_catalogue, user_dir
from tui.model import (
    CHOSEN_LEGEND,
    Catalogue,
    Counts,
    Dose,
    chosen_sentence,
    counts_text,
    decode_hook,
    dose_notes,
    plan_text,
)
from tui.model.catalogue import Count, RoutineItem, Seconds, Stage
from tui.model.records import StagePlan
from tui.screens.cautions import cautions_text, exercise_notes
from tui.session.planned import plan_exercise


def words(description: Description) -> str:
    """The plain text of a description, one block a line."""
    return "\n".join("".join(run for run, _ in block.runs) for block in description)


def dose_from(toml: dict[str, object]) -> Dose:
    """A dose decoded as the catalogue's files are."""
    return msgspec.convert(toml, Dose, dec_hook=decode_hook, strict=True)


def test_a_chosen_count_must_be_set_on_its_dose() -> None:
    """Naming a count the dose leaves at its default is refused, naming the count."""
    with pytest.raises(msgspec.ValidationError, match="chosen names tempo"):
        dose_from({"reps": 5, "chosen": ["tempo"]})


def test_a_staged_dose_names_its_choices_in_each_stage() -> None:
    """``chosen`` beside stages is refused: it belongs in the stage it is about."""
    stage = {"name": "Lifts", "cue": "Lift.", "reps": 3}
    with pytest.raises(msgspec.ValidationError, match="chosen into each"):
        dose_from({"chosen": ["reps"], "stages": [stage]})


def test_lumbars_choices_carry_a_mark_and_the_articles_numbers_none() -> None:
    """The chosen rest is marked; the article's reps and hold are plain."""
    counts = Counts(reps=Count(10), hold=Seconds(5), rest_sets=30, sets=Count(2, 3))
    marked = msgspec.structs.replace(counts, chosen=("rest_sets",))
    assert counts_text(marked, marks=True) == "2-3 sets of 10, hold 5 s, 30 s rest between sets*"


def test_without_marks_a_dose_reads_as_before() -> None:
    """The mark is asked for: other places (limits, plans) keep the plain text."""
    counts = Counts(reps=Count(5), tempo=4, chosen=("reps", "tempo"))
    assert counts_text(counts) == "5 reps, 4 s a rep"


def test_a_planned_dose_marks_each_stages_choices() -> None:
    """The player's dose line marks the stage's chosen numbers, stage by stage."""
    planned = (StagePlan(name="Lie", hold=300), StagePlan(name="Lifts", reps=3, hold=5))
    said = plan_text(planned, ((), ("reps",)))
    assert said == "Lie: for 5 min; then Lifts: 3 reps*, hold 5 s"


def test_the_choices_are_said_in_words() -> None:
    """The dialog names each chosen count once, in a fixed order."""
    said = chosen_sentence((("tempo", "reps"), ("reps",)))
    assert (
        said == "Lumbar's choice, not the article's: the number of reps and the pace of each rep."
    )


def test_a_doses_notes_come_item_first_then_dose_then_stages() -> None:
    """The routine item's note, the dose's, then each stage's named by the stage."""
    stage = Stage(name="Lie", cue="Lie down.", hold=Seconds(300), note="Pillow first.")
    dose = Dose(stages=(stage,), note="Go on when easy.")
    assert dose_notes(dose, "The guide's version.") == (
        "The guide's version.",
        "Go on when easy.",
        "Lie: Pillow first.",
    )


def test_the_detail_pane_marks_a_choice_and_says_the_note(catalogue: Catalogue) -> None:
    """The squat's chosen count carries the mark, the legend follows, then the note."""
    squat = catalogue.exercise("squat")
    said = words(exercise_description(catalogue, squat))
    assert "Dose: 5-10 reps*, 4 s a rep*" in said
    assert CHOSEN_LEGEND in said and squat.dose.note in said


def test_the_detail_pane_puts_each_stage_on_its_line_with_its_note(catalogue: Catalogue) -> None:
    """A staged dose lists its stages, each stage's note under it."""
    extension = catalogue.exercise("back-extension")
    lines = words(exercise_description(catalogue, extension)).splitlines()
    first = extension.dose.stages[0]
    at = lines.index(f"{first.name}: {counts_text(first)}")
    assert lines[at + 1] == first.note


def test_a_routine_shows_each_items_note_under_it(catalogue: Catalogue) -> None:
    """The SpineNation press-up's own note sits under its item, its chosen hold marked."""
    routine = catalogue.routine("spinenation")
    item = next(i for i in routine.items if i.exercise == "press-up")
    lines = words(routine_description(catalogue, routine)).splitlines()
    name = catalogue.exercise("press-up").name
    at = next(n for n, line in enumerate(lines) if line.startswith(f"{name}: "))
    assert "hold 3-5 s*" in lines[at]
    assert lines[at + 1] == item.note
    assert CHOSEN_LEGEND in lines


def test_the_player_dialog_gives_the_notes_and_the_choices(catalogue: Catalogue) -> None:
    """The ``c`` dialog's text holds the item's note and names lumbar's choices."""
    routine = catalogue.routine("klarity")
    item = next(i for i in routine.items if i.exercise == "squat")
    planned = plan_exercise(catalogue, item.exercise, catalogue.dose_for(item), note=item.note)
    said = cautions_text(planned.cautions, "Stop if it hurts.", exercise_notes(planned))
    assert item.note in said
    assert "Lumbar's choice, not the article's: the number of reps and the pace" in said


def reachable(catalogue: Catalogue) -> str:
    """The text of every document a note may be shown in: descriptions and player dialogs."""
    shown = [words(exercise_description(catalogue, e)) for e in catalogue.exercises.values()]
    for routine in catalogue.routines.values():
        shown.append(words(routine_description(catalogue, routine)))
        for item in routine.items:
            dose = catalogue.dose_for(item)
            planned = plan_exercise(catalogue, item.exercise, dose, note=item.note)
            shown.append(cautions_text(planned.cautions, "", exercise_notes(planned)))
    return "\n".join(shown)


def every_note(catalogue: Catalogue) -> list[str]:
    """Every non-empty note of the catalogue: doses, stages, items, their doses and stages."""
    doses = [e.dose for e in catalogue.exercises.values()]
    notes = []
    for routine in catalogue.routines.values():
        notes += [item.note for item in routine.items]
        doses += [item.dose for item in routine.items if item.dose is not None]
    for dose in doses:
        notes += [dose.note, *(stage.note for stage in dose.stages)]
    return [note for note in notes if note]


def test_every_note_of_the_catalogue_is_on_some_screen(catalogue: Catalogue) -> None:
    """Each dose, stage and item note appears in a description or in the player's dialog."""
    shown = reachable(catalogue)
    notes = every_note(catalogue)
    assert len(notes) > 150
    assert [note for note in notes if note not in shown] == []


def test_catalogue_json_carries_choices_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    """``lumbar catalogue --json`` gives each dose's ``chosen`` and the notes."""
    status, out, _ = run_cli(capsys, "catalogue", "--json")
    data = json.loads(out)
    assert status == 0
    squat = data["exercises"]["squat"]["dose"]
    assert squat["chosen"] == ["reps", "tempo"] and squat["note"]
    item = next(i for i in data["routines"]["spinenation"]["items"] if i["note"])
    assert "chosen" in item["dose"]


@pytest.fixture
def mine() -> Path:
    """The user's catalogue folder, made."""
    folder = user_dir()
    folder.mkdir(parents=True)
    return folder


def test_a_users_exercise_is_marked_as_theirs(mine: Path) -> None:
    """Its description says it is the user's own, and that the user's file credits the source."""
    (mine / "mine.toml").write_text(GOOD, encoding="utf-8")
    catalogue = load_catalogue(user=mine).catalogue
    said = words(exercise_description(catalogue, catalogue.exercise("towel-stretch")))
    assert "Your own exercise" in said
    assert "Sources: credited in your file" in said


def test_a_user_file_may_not_define_a_source(mine: Path) -> None:
    """A [[source]] of the user's is refused with its file and line; the rest still loads."""
    source = '[[source]]\nid = "my-physio"\ntitle = "My physio"\npublisher = "Me"\n'
    (mine / "mine.toml").write_text(source + GOOD, encoding="utf-8")
    loaded = load_catalogue(user=mine)
    [problem] = loaded.problems
    assert "user files cannot define [[source]]" in str(problem) and problem.line == 1
    assert "sources.toml" in problem.hint
    assert "my-physio" not in loaded.catalogue.sources


def test_a_number_the_user_changes_is_no_longer_marked_as_lumbars(catalogue: Catalogue) -> None:
    """Stepping the squat's reps in the builder makes them the user's; the pace stays lumbar's."""
    adjusted = adjust(catalogue, RoutineItem(exercise="squat"), "reps", -1)
    assert adjusted.changed and adjusted.item.dose is not None
    assert adjusted.item.dose.chosen == ("tempo",)
