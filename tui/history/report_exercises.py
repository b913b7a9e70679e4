"""The report's exercise lines: how often each exercise was played and how it ended, and its dose.

An :class:`ExerciseLine` joins the progress screen's row for the exercise to what the period's
results say (played, stopped, stopped for pain) and a :class:`DoseLine`: its dose in the routine
it was last played in, at the period's start and for the next session, with each step up or down
within the period and its reason, from the same replay as ``lumbar plan``. Part of
:func:`tui.history.report.make_report`. Pure: no clock, no I/O, no Textual.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tui.history.levels import Key, Replay, item_doses
from tui.history.plan import plan_routine
from tui.history.progress import ExerciseRow, exercise_name
from tui.model import Catalogue, Outcome, Session, ladder, plan_text


@dataclass(frozen=True)
class DoseStep:
    """One change of a dose in the period: up or down, from what to what, and why."""

    day: date
    change: str
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class DoseLine:
    """One exercise in one routine: its dose at the start of the period, now, and each change."""

    routine: str
    start: str
    now: str
    change: str
    """The plan's word for the next session: up, same, down or new."""
    why: str
    steps: tuple[DoseStep, ...]


@dataclass(frozen=True)
class ExerciseLine:
    """One exercise over the period: how often, how it ended, how it felt, and its doses."""

    row: ExerciseRow
    """The progress screen's row: done in full, cut short, skipped, ratings, hurt, flags."""
    played: int
    """Results recorded that were not skipped."""
    stopped: int
    """Under way when the session ended (ended early, or the link dropped)."""
    stopped_for_pain: int
    """Stopped with "this hurts"."""
    dose: DoseLine
    """Its dose in the routine it was last played in during the period."""
    other_routines: tuple[str, ...]
    """The other routines it was played in (their doses move on their own: ``lumbar plan``)."""


def exercise_line(
    row: ExerciseRow,
    inside: Sequence[Session],
    catalogue: Catalogue,
    found: Replay,
    since: date,
    until: date,
) -> ExerciseLine:
    """One exercise's line: the progress row, how its results ended, and its doses."""
    outcomes: Counter[Outcome] = Counter()
    first: dict[str, str] = {}
    last = ""
    for session in inside:
        for result in session.exercises:
            if result.exercise == row.exercise:
                outcomes[result.outcome] += 1
                last = result.routine or session.routine
                first.setdefault(last, plan_text(result.planned))
    dose = dose_line(catalogue, found, (last, row.exercise), first[last], since, until)
    others = tuple(routine_name(catalogue, routine) for routine in first if routine != last)
    played = outcomes.total() - outcomes["skipped"]
    return ExerciseLine(row, played, outcomes["stopped"], outcomes["hurt"], dose, others)


def dose_line(
    catalogue: Catalogue, found: Replay, key: Key, start: str, since: date, until: date
) -> DoseLine:
    """An exercise's dose in a routine: at the period's start, for the next session, and why."""
    routine_id, exercise = key
    routine = catalogue.routines.get(routine_id)
    name = routine_name(catalogue, routine_id)
    steps = tuple(dose_steps(catalogue, found, key, since, until))
    item = None
    if routine is not None:
        item = plan_routine(catalogue, routine, found=found).for_exercise(exercise)
    if item is None:
        gone = "not in a routine lumbar plays now: the dose it last played at"
        last = steps[-1].after if steps else start
        return DoseLine(name, start, last, "same", gone, steps)
    now = plan_text(item.planned) if item.planned else "left out"
    if item.swapped:
        now = f"{exercise_name(catalogue, item.exercise)} instead: {now}"
    return DoseLine(name, start, now, item.change, item.why, steps)


def routine_name(catalogue: Catalogue, routine: str) -> str:
    """A routine's name, or its id when the catalogue no longer has it."""
    found = catalogue.routines.get(routine)
    return found.name if found is not None else routine


def dose_steps(
    catalogue: Catalogue, found: Replay, key: Key, since: date, until: date
) -> list[DoseStep]:
    """The changes up or down of one exercise's dose in one routine within the period."""
    doses = item_doses(catalogue)
    dose = doses.get(key)
    if dose is None and key[1] in catalogue.exercises:
        dose = catalogue.exercise(key[1]).dose  # as the replay does for an item swapped in
    steps = ladder(dose) if dose is not None else None
    found_steps = []
    for each, change in found.changes:
        if each != key or change.change not in ("up", "down") or steps is None:
            continue
        if since <= change.day <= until:
            before, after = plan_text(steps.at(change.before)), plan_text(steps.at(change.after))
            found_steps.append(DoseStep(change.day, change.change, before, after, change.reason))
    return found_steps
