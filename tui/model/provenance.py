"""Where a dose's numbers come from, and the notes that go with it, in plain words.

An article's numbers are shown plain; a number the article does not give is lumbar's own choice
(``Counts.chosen``) and is marked wherever a dose is shown. Notes (of a dose, of each stage, of
a routine's item) say what the numbers alone cannot: every screen that shows a dose reaches
them through the functions here.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.model.catalogue import CountName, Dose

COUNT_WORDS: dict[CountName, str] = {
    "sets": "the number of sets",
    "reps": "the number of reps",
    "hold": "the hold",
    "sides": "the sides",
    "rest_reps": "the rest between reps",
    "rest_sets": "the rest between sets",
    "tempo": "the pace of each rep",
}
"""Each count that may be lumbar's choice, as a sentence names it."""


def chosen_names(stages: Iterable[Iterable[CountName]]) -> tuple[CountName, ...]:
    """Every count chosen in any stage (``counts.chosen`` each), once each, in a fixed order."""
    named = {name for chosen in stages for name in chosen}
    return tuple(name for name in COUNT_WORDS if name in named)


def chosen_sentence(stages: Iterable[Iterable[CountName]]) -> str:
    """``Lumbar's choice, not the article's: the number of reps.`` ("" when there is none).

    ``stages`` holds the chosen counts of each stage of a dose (one for a dose without stages).
    """
    names = [COUNT_WORDS[name] for name in chosen_names(stages)]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"Lumbar's choice, not the article's: {listed}."


def stage_notes(dose: Dose) -> tuple[str, ...]:
    """Each stage's note as ``Stage name: note``, for the stages that have one."""
    return tuple(f"{stage.name}: {stage.note}" for stage in dose.stages if stage.note)


def dose_notes(dose: Dose, item_note: str = "") -> tuple[str, ...]:
    """Every note that goes with a dose: the routine item's, the dose's, then each stage's."""
    return tuple(note for note in (item_note, dose.note) if note) + stage_notes(dose)
