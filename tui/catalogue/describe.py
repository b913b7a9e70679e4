"""An exercise or a routine as a short document a person can read from the mat.

The document is a tuple of blocks (a title, headings, text, list items) made of runs of plain,
bold or italic text; the select screen's detail pane lays it out for its width. No Markdown is
parsed on the way: the first screen shows it, and start-up time matters (see BENCHMARKS.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tui.catalogue.blocks import Block, Description, Run, bullets, heading, numbered, text, title
from tui.catalogue.provenance import dose_blocks, item_notes, note
from tui.model import (
    CHOSEN_LEGEND,
    CLINICIANS_NUMBERS,
    Catalogue,
    DoseChange,
    Exercise,
    ItemPlan,
    Routine,
    RoutineItem,
    about_minutes,
    dose_text,
    has_chosen,
    overdue_line,
    plan_text,
    prescribed_line,
    setting_text,
    sources_text,
)

OWN_EXERCISE = "Your own exercise, from your catalogue folder."
OWN_ROUTINE = "Your own routine: you wrote or built it."
"""The line that marks the user's own records (an article it credits does not make it one)."""


def credits(
    catalogue: Catalogue, source_ids: tuple[str, ...], own: bool, label: str
) -> list[Block]:
    """The ``label`` heading and the sources; the user's own records credit them "(your file)"."""
    said = f"{label}: credited in your file" if own else label
    return [heading(said), *bullets(sources_text(catalogue, source_ids))]


def exercise_description(catalogue: Catalogue, exercise: Exercise) -> Description:
    """Everything about one exercise: how, how much, cautions, variants and sources."""
    own = exercise.id in catalogue.user_ids
    blocks = [title(exercise.name)]
    if own:
        blocks.append(text((OWN_EXERCISE, "bold"), tight=True))
    if exercise.aliases:
        blocks.append(text((f"Also called {', '.join(exercise.aliases)}.", "italic"), tight=True))
    blocks += [
        text(exercise.summary),
        text(("Position: ", "bold"), setting_text(exercise)),
        *dose_blocks(exercise.dose),
    ]
    if exercise.sciatica_friendly:
        by = "in your file" if own else "by the Essential Guide"
        blocks.append(text(("Sciatica-friendly", "bold"), f" (marked so {by})", tight=True))
    blocks += [heading("Steps"), *numbered((step,) for step in exercise.steps)]
    if exercise.cautions:
        blocks += [heading("Cautions"), *bullets(exercise.cautions)]
    for label, ids in (("Easier", exercise.easier), ("Harder", exercise.harder)):
        if ids:
            names = ", ".join(catalogue.exercise(i).name for i in ids)
            blocks.append(text((f"{label}: ", "bold"), names))
    blocks += credits(catalogue, exercise.sources, own, "Sources")
    return tuple(blocks)


CHANGE_WORDS: dict[DoseChange, str] = {
    "up": "Up from last time",
    "same": "Same as last time",
    "down": "Down from last time",
    "new": "",
}
"""How a dose compares with the last time its routine was played, said before the reason."""
BELOW_RANGE = "Below the article's range: lumbar's own lighter dose after pain."


def dose_reason(change: DoseChange, why: str, *, below_range: bool = False) -> str:
    """Why an exercise plays at its dose: ``Same as last time: held: ...`` (empty: no reason).

    A new dose gives its reason alone; ``below_range`` adds that the dose is below the article's
    range, which is lumbar's choice, not the article's.
    """
    said = f"{CHANGE_WORDS[change]}: {why}" if why and CHANGE_WORDS[change] else why
    said = said[:1].upper() + said[1:]
    if said and not said.endswith("."):
        said += "."
    return f"{said} {BELOW_RANGE}".strip() if below_range else said


def explained(plans: Sequence[ItemPlan] | None) -> bool:
    """True when a plan has something to explain: some item played before (not all new)."""
    return plans is not None and any(plan.change != "new" or plan.swapped for plan in plans)


def planned_item(
    catalogue: Catalogue, number: int, plan: ItemPlan, item: RoutineItem | None = None
) -> list[Block]:
    """One item of a routine as lumbar plays it next: its dose, then why, then its notes."""
    name = catalogue.exercise(plan.item).name
    if plan.left_out:
        dose = "left out this time"
    elif plan.swapped:
        dose = f"{catalogue.exercise(plan.exercise).name} instead, {plan_text(plan.planned)}"
    else:
        given = catalogue.dose_for(item) if item is not None else None
        chosen = tuple(c.chosen for c in given.plan()) if given is not None else ()
        dose = plan_text(plan.planned, chosen)
    marker = f"{number}."
    reason = dose_reason(plan.change, plan.why, below_range=plan.below_range)
    blocks = [
        Block("item", ((name, "bold"), (f": {dose}", ""), *locked_mark(item)), marker, tight=True),
        Block("item", ((reason, "italic"),), " " * len(marker), tight=True),
    ]
    if item is not None:
        blocks += item_notes(catalogue.dose_for(item), item.note, " " * len(marker))
    return blocks


def locked_mark(item: RoutineItem | None) -> tuple[Run, ...]:
    """`` (locked)`` after a dose a clinician locked; nothing after any other."""
    return ((" (locked)", "bold"),) if item is not None and item.locked else ()


def listed_item(catalogue: Catalogue, number: int, item: RoutineItem) -> list[Block]:
    """One item of a routine at its written dose, lumbar's choices marked, its notes under it."""
    marker = f"{number}."
    dose = catalogue.dose_for(item)
    said: tuple[Run, ...] = (
        (catalogue.exercise(item.exercise).name, "bold"),
        (f": {dose_text(dose, marks=True)}", ""),
        *locked_mark(item),
    )
    return [
        Block("item", said, marker, tight=True),
        *item_notes(dose, item.note, " " * len(marker)),
    ]


def prescribed_blocks(catalogue: Catalogue, routine: Routine, today: date | None) -> list[Block]:
    """Who prescribed a routine and when to review it, the clinician's note, the locked doses.

    Nothing for a routine that is not the active prescription. Once the review date has passed
    (as of ``today``), a line says so: the routine still plays.
    """
    prescription = catalogue.prescriptions.get(routine.id)
    if prescription is None:
        return []
    blocks = [text((prescribed_line(prescription), "bold"), tight=True)]
    if today is not None and prescription.overdue(today):
        blocks.append(text((f"{overdue_line(prescription)}.", "bold"), tight=True))
    if prescription.note:
        blocks.append(text((f"{prescription.prescribed_by}: ", "bold"), prescription.note))
    locked = [catalogue.exercise(i.exercise).name for i in routine.items if i.locked]
    if locked:
        blocks.append(text(("Locked by your clinician: ", "bold"), f"{', '.join(locked)}."))
    return [*blocks, note(CLINICIANS_NUMBERS)]


def routine_description(
    catalogue: Catalogue,
    routine: Routine,
    plans: Sequence[ItemPlan] | None = None,
    today: date | None = None,
) -> Description:
    """A routine: what it is for, how long it takes, and each exercise with its dose.

    With ``plans`` (how each item plays next, from the history) that have something to say,
    each exercise shows the dose it plays at next and why; else the article's dose. A
    prescription says who prescribed it first (see :func:`prescribed_blocks`).
    """
    own = routine.id in catalogue.user_ids
    blocks = [title(routine.name), *prescribed_blocks(catalogue, routine, today)]
    if own:
        blocks.append(text((OWN_ROUTINE, "bold"), tight=True))
    blocks += [
        text(routine.description),
        text((about_minutes(catalogue.routine_seconds(routine)).capitalize(), "bold")),
    ]
    if plans is not None and explained(plans) and len(plans) == len(routine.items):
        blocks.append(text(("Next time, as lumbar plays it:", "italic"), tight=True))
        for number, (plan, item) in enumerate(zip(plans, routine.items, strict=True), 1):
            blocks += planned_item(catalogue, number, plan, item)
    else:
        for number, item in enumerate(routine.items, 1):
            blocks += listed_item(catalogue, number, item)
    if any(has_chosen(catalogue.dose_for(item)) for item in routine.items):
        blocks.append(note(CHOSEN_LEGEND))
    if routine.source:
        blocks += credits(catalogue, (routine.source,), own, "Source")
    return tuple(blocks)


def nothing_matches(hint: str) -> Description:
    """What the pane shows when a search finds nothing."""
    return (text((hint, "italic")),)
