"""Cross-checks over a set of parsed catalogue files: ids, references, doses within limits.

Ids are unique, references resolve, every exercise played with a tempo says how its paced rep
moves (``movement.cue`` and ``movement.beats``), and every routine's doses stay within the
largest the articles give (see :mod:`tui.catalogue.limits`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.catalogue.limits import largest_dose, over_largest
from tui.catalogue.problems import FieldPath, Problem, describe_path, locate
from tui.model import Catalogue, CatalogueFile, Counts

KINDS = ("source", "exercise", "routine", "phase", "advice")


@dataclass(frozen=True)
class ParsedFile:
    """A catalogue file that parsed and decoded: its text, raw TOML and typed content."""

    path: Path
    text: str
    raw: dict[str, Any]
    content: CatalogueFile
    kept: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """Only for a file read in part (its good records, to check them too): for each kind, the
    place in the file of each record kept."""

    def problem(self, parts: FieldPath, message: str, hint: str = "") -> Problem:
        """A problem in this file at a field path, with its line and a readable place."""
        kind, index = (*parts, None, None)[:2]
        if isinstance(kind, str) and isinstance(index, int) and kind in self.kept:
            parts = (kind, self.kept[kind][index], *parts[2:])
        return Problem(
            file=self.path,
            message=message,
            hint=hint,
            where=describe_path(parts, self.raw),
            line=locate(self.text, parts),
        )


@dataclass(frozen=True)
class Entry:
    """One record and where it was defined."""

    file: ParsedFile
    kind: str
    index: int
    record: Any

    @property
    def id(self) -> str:
        """The record's id."""
        return str(self.record.id)


def entries(files: Sequence[ParsedFile], kind: str) -> Iterator[Entry]:
    """Every record of one kind across the files, in file order."""
    for parsed in files:
        for index, record in enumerate(getattr(parsed.content, kind)):
            yield Entry(parsed, kind, index, record)


def cross_check(files: Sequence[ParsedFile]) -> list[Problem]:
    """Every problem that only shows across records: duplicates and dangling references."""
    problems: list[Problem] = []
    known: dict[str, dict[str, Entry]] = {kind: {} for kind in KINDS}
    for kind in KINDS:
        for entry in entries(files, kind):
            first = known[kind].get(entry.id)
            if first is None:
                known[kind][entry.id] = entry
                continue
            line = locate(first.file.text, (kind, first.index))
            problems.append(
                entry.file.problem(
                    (kind, entry.index, "id"),
                    f'{kind} id "{entry.id}" is already used in {first.file.path}'
                    + (f":{line}" if line else ""),
                    "Give one of them another id.",
                )
            )
    problems += _check_references(files, known)
    problems += _check_variants(files, known["exercise"])
    problems += _check_paced(files, known["exercise"])
    return problems


def _check_variants(files: Sequence[ParsedFile], exercises: dict[str, Entry]) -> list[Problem]:
    """Easier and harder links that contradict each other.

    The same exercise listed as both easier and harder, or two exercises each naming the other
    as harder (or each as easier): "this hurts" could then offer a heavier move as the easier.
    """
    problems: list[Problem] = []
    for entry in entries(files, "exercise"):
        exercise = entry.record
        for link, other_link in (("easier", "harder"), ("harder", "easier")):
            for position, other in enumerate(getattr(exercise, link)):
                found = exercises.get(other)
                if other in getattr(exercise, other_link) and link == "easier":
                    why = f'"{other}" is listed as both easier and harder'
                elif (
                    found is not None
                    and other != exercise.id
                    and exercise.id in getattr(found.record, link)
                ):
                    why = f'"{other}" lists this exercise as {link} too'
                else:
                    continue
                problems.append(
                    entry.file.problem(
                        (entry.kind, entry.index, link, position),
                        why,
                        f"An exercise is either easier or harder than another: keep `{link}` "
                        f'here or in "{other}", not both.',
                    )
                )
    return problems


def _tempo_paths(counts: Counts, where: FieldPath) -> Iterator[FieldPath]:
    """The path of each ``tempo`` set in a dose (or in each of its stages)."""
    stages = getattr(counts, "stages", ())
    for number, stage in enumerate(stages):
        if stage.tempo > 0:
            yield (*where, "stages", number, "tempo")
    if not stages and counts.tempo > 0:
        yield (*where, "tempo")


def _check_paced(files: Sequence[ParsedFile], exercises: dict[str, Entry]) -> list[Problem]:
    """A dose with a tempo whose exercise has no ``movement.cue`` or ``movement.beats``."""
    played: list[tuple[Entry, FieldPath, str]] = [
        (entry, path, entry.id)
        for entry in entries(files, "exercise")
        for path in _tempo_paths(entry.record.dose, ("dose",))
    ]
    for entry in entries(files, "routine"):
        for position, item in enumerate(entry.record.items):
            if item.dose is not None:
                where: FieldPath = ("items", position, "dose")
                played += [(entry, path, item.exercise) for path in _tempo_paths(item.dose, where)]
    problems: list[Problem] = []
    for entry, path, exercise_id in played:
        defined = exercises.get(exercise_id)
        if defined is None or (defined.record.movement.cue and defined.record.movement.beats):
            continue
        problems.append(
            entry.file.problem(
                (entry.kind, entry.index, *path),
                f'"{exercise_id}" is played with a tempo, but its exercise has no movement '
                f"cue and beats to pace it by",
                f'Add to exercise "{exercise_id}" (in {defined.file.path}) a table '
                '[exercise.movement] with cue = "what to do" and beats = ["word", ...].',
            )
        )
    return problems


def _check_references(
    files: Sequence[ParsedFile], known: dict[str, dict[str, Entry]]
) -> list[Problem]:
    problems: list[Problem] = []

    def need(entry: Entry, parts: FieldPath, kind: str, wanted: str | None) -> None:
        if wanted is None or wanted in known[kind]:
            return
        path = (entry.kind, entry.index, *parts)
        hint = _suggest(wanted, known[kind])
        problems.append(entry.file.problem(path, f'no {kind} has the id "{wanted}"', hint))

    for entry in entries(files, "exercise"):
        exercise = entry.record
        for position, source in enumerate(exercise.sources):
            need(entry, ("sources", position), "source", source)
        for link in ("easier", "harder"):
            for position, other in enumerate(getattr(exercise, link)):
                if other == exercise.id:
                    problems.append(
                        entry.file.problem(
                            (entry.kind, entry.index, link, position),
                            f"exercise lists itself as {link}",
                            f"Name a different exercise in `{link}`.",
                        )
                    )
                need(entry, (link, position), "exercise", other)
        for number, stage in enumerate(exercise.dose.stages):
            if stage.gate is not None:
                need(
                    entry, ("dose", "stages", number, "gate", "source"), "source", stage.gate.source
                )
    for entry in entries(files, "routine"):
        need(entry, ("source",), "source", entry.record.source)
        for position, item in enumerate(entry.record.items):
            need(entry, ("items", position, "exercise"), "exercise", item.exercise)
            for number, stage in enumerate(item.dose.stages if item.dose else ()):
                if stage.gate is not None:
                    where = ("items", position, "dose", "stages", number, "gate", "source")
                    need(entry, where, "source", stage.gate.source)
    for entry in entries(files, "advice"):
        for position, source in enumerate(entry.record.sources):
            need(entry, ("sources", position), "source", source)
    for entry in entries(files, "phase"):
        problems += _check_phase(entry, need)
    return problems


def _check_phase(entry: Entry, need: Any) -> list[Problem]:
    phase = entry.record
    problems: list[Problem] = []
    need(entry, ("source",), "source", phase.source)
    need(entry, ("routine",), "routine", phase.routine)
    for position, exercise in enumerate(phase.exercises):
        need(entry, ("exercises", position), "exercise", exercise)
    for number, progression in enumerate(phase.progressions):
        for position, exercise in enumerate(progression.exercises):
            path: FieldPath = ("progressions", number, "exercises", position)
            need(entry, path, "exercise", exercise)
            if exercise not in phase.exercises:
                problems.append(
                    entry.file.problem(
                        (entry.kind, entry.index, *path),
                        f'progression "{progression.name}" names "{exercise}", '
                        f"which is not in this phase's exercises",
                        "Add it to the phase's `exercises` or remove it from the progression.",
                    )
                )
    return problems


def limit_problems(catalogue: Catalogue, parsed: ParsedFile) -> list[Problem]:
    """Every routine dose in a file that goes past the largest the articles give its exercise.

    ``catalogue`` is built from the file and every file it may refer to (its references must
    resolve). An article's routine sets the limits, so one of the bundled articles never fails.
    """
    problems: list[Problem] = []
    for entry in entries([parsed], "routine"):
        for position, item in enumerate(entry.record.items):
            if item.dose is None or item.exercise not in catalogue.exercises:
                continue
            largest = largest_dose(catalogue, item.exercise)
            staged: list[tuple[FieldPath, Counts]] = [
                (("stages", n), stage) for n, stage in enumerate(item.dose.stages)
            ]
            for where, counts in staged or [((), item.dose)]:
                for part, why in over_largest(counts, largest):
                    path = (entry.kind, entry.index, "items", position, "dose", *where, part)
                    problems.append(
                        parsed.problem(
                            path,
                            f'{part} for "{item.exercise}": {why}',
                            "Lower it: lumbar keeps every dose within the most an article gives "
                            "that exercise (for your own exercise, its own dose).",
                        )
                    )
    return problems


def _suggest(wanted: str, known: dict[str, Entry]) -> str:
    close = difflib.get_close_matches(wanted, list(known), n=1)
    if close:
        return f'Did you mean "{close[0]}"?'
    return "Check the spelling, or define it first."
