"""An exercise or a routine as a short document a person can read from the mat.

The document is a tuple of blocks (a title, headings, text, list items) made of runs of plain,
bold or italic text; the select screen's detail pane lays it out for its width. No Markdown is
parsed on the way: the first screen shows it, and start-up time matters (see BENCHMARKS.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.model import (
    Catalogue,
    DoseChange,
    Exercise,
    ItemPlan,
    Routine,
    about_minutes,
    dose_text,
    plan_text,
    setting_text,
    sources_text,
)

Emphasis = Literal["", "bold", "italic"]
"""How a run of text is emphasised: the Textual style it is shown in."""
Run = tuple[str, Emphasis]
"""Some text and how it is emphasised."""

BlockKind = Literal["title", "heading", "text", "item"]


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a description: a title, a heading, a line of text, or a list item."""

    kind: BlockKind
    runs: tuple[Run, ...]
    marker: str = ""
    """A list item's marker: its number ("3.") or a bullet."""
    tight: bool = False
    """True if the block follows the one before it without a blank line (list items do)."""


Description = tuple[Block, ...]
BULLET = "•"


def title(text: str) -> Block:
    """The name at the top."""
    return Block("title", ((text, ""),))


def heading(text: str) -> Block:
    """A section heading: Steps, Cautions, Sources."""
    return Block("heading", ((text, ""),))


def text(*runs: Run | str, tight: bool = False) -> Block:
    """A paragraph; plain strings are runs without emphasis; ``tight`` joins it to the last."""
    return Block("text", tuple((r, "") if isinstance(r, str) else r for r in runs), tight=tight)


def numbered(items: Iterable[tuple[Run | str, ...]]) -> list[Block]:
    """A numbered list, one block per item."""
    return [
        Block("item", text(*runs).runs, f"{number}.", tight=True)
        for number, runs in enumerate(items, 1)
    ]


def bullets(items: Iterable[str]) -> list[Block]:
    """A bulleted list of plain texts."""
    return [Block("item", ((item, ""),), BULLET, tight=True) for item in items]


def exercise_description(catalogue: Catalogue, exercise: Exercise) -> Description:
    """Everything about one exercise: how, how much, cautions, variants and sources."""
    blocks = [title(exercise.name)]
    if exercise.aliases:
        blocks.append(text((f"Also called {', '.join(exercise.aliases)}.", "italic"), tight=True))
    blocks += [
        text(exercise.summary),
        text(("Position: ", "bold"), setting_text(exercise)),
        text(("Dose: ", "bold"), dose_text(exercise.dose), tight=True),
    ]
    if exercise.sciatica_friendly:
        blocks.append(
            text(("Sciatica-friendly", "bold"), " (marked so by the Essential Guide)", tight=True)
        )
    blocks += [heading("Steps"), *numbered((step,) for step in exercise.steps)]
    if exercise.cautions:
        blocks += [heading("Cautions"), *bullets(exercise.cautions)]
    for label, ids in (("Easier", exercise.easier), ("Harder", exercise.harder)):
        if ids:
            names = ", ".join(catalogue.exercise(i).name for i in ids)
            blocks.append(text((f"{label}: ", "bold"), names))
    blocks += [heading("Sources"), *bullets(sources_text(catalogue, exercise.sources))]
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


def planned_item(catalogue: Catalogue, number: int, plan: ItemPlan) -> list[Block]:
    """One item of a routine as lumbar plays it next: its dose, then why, under it."""
    name = catalogue.exercise(plan.item).name
    if plan.left_out:
        dose = "left out this time"
    elif plan.swapped:
        dose = f"{catalogue.exercise(plan.exercise).name} instead, {plan_text(plan.planned)}"
    else:
        dose = plan_text(plan.planned)
    marker = f"{number}."
    reason = dose_reason(plan.change, plan.why, below_range=plan.below_range)
    return [
        Block("item", ((name, "bold"), (f": {dose}", "")), marker, tight=True),
        Block("item", ((reason, "italic"),), " " * len(marker), tight=True),
    ]


def routine_description(
    catalogue: Catalogue, routine: Routine, plans: Sequence[ItemPlan] | None = None
) -> Description:
    """A routine: what it is for, how long it takes, and each exercise with its dose.

    With ``plans`` (how each item plays next, from the history) that have something to say,
    each exercise shows the dose it plays at next and why; else the article's dose.
    """
    blocks = [
        title(routine.name),
        text(routine.description),
        text((about_minutes(catalogue.routine_seconds(routine)).capitalize(), "bold")),
    ]
    if plans is not None and explained(plans) and len(plans) == len(routine.items):
        blocks.append(text(("Next time, as lumbar plays it:", "italic"), tight=True))
        for number, plan in enumerate(plans, 1):
            blocks += planned_item(catalogue, number, plan)
    else:
        blocks += numbered(
            (
                (catalogue.exercise(item.exercise).name, "bold"),
                f": {dose_text(catalogue.dose_for(item))}",
            )
            for item in routine.items
        )
    if routine.source:
        blocks += [heading("Source"), *bullets(sources_text(catalogue, (routine.source,)))]
    return tuple(blocks)


def nothing_matches(hint: str) -> Description:
    """What the pane shows when a search finds nothing."""
    return (text((hint, "italic")),)
