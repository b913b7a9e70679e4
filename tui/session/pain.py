"""What lumbar says about pain as a session plays: "this hurts", a flare-up, the advice.

Plain words and choices, for any player (the full screen's dialogs, the plain player's lines):
the easier variants on offer after "this hurts" (never heavier than what hurt), the gentle
routine offered at a flare-up, and the catalogue's advice beside them. Nothing here imports
Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.model import (
    Advice,
    Catalogue,
    Plans,
    Routine,
    about_minutes,
    in_sentence,
    plan_dose,
    work,
)
from tui.session.corrections import Undoable
from tui.session.engine import Engine
from tui.session.events import Event
from tui.session.planned import PlannedExercise

MOST_OFFERED = 3
"""How many easier variants "this hurts" offers, at most (one key each, in both players)."""
REST_THE_FLARE_UP = (
    "Rest, and let the flare-up settle; if severe pain does not ease with rest, see a doctor."
)
"""What both players say when a flare-up stops the session for today."""
STOP_ADVICE = ("pain-good-vs-bad", "mistake-ignoring-pain", "pain-stop-if-worse")
"""The advice shown when something hurts (the first the catalogue has): stop at sharp pain."""
FLARE_UP_ADVICE = ("mistake-flare-up",)
"""The advice shown at a high pain before: do not exercise at the worst of a flare-up."""
SEVERE_ADVICE = ("red-flag-severe-pain",)
"""The red flag shown with it: severe pain that rest does not ease needs a doctor first."""


def advice_of(catalogue: Catalogue, ids: Sequence[str]) -> Advice | None:
    """The first of these pieces of advice that the catalogue has, if any."""
    by_id = {advice.id: advice for advice in catalogue.advice}
    return next((by_id[advice_id] for advice_id in ids if advice_id in by_id), None)


def source_line(catalogue: Catalogue, advice: Iterable[Advice]) -> str:
    """``Source: Title; Title``: the articles this advice comes from, each named once."""
    titles: list[str] = []
    for each in advice:
        for source_id in each.sources:
            source = catalogue.sources.get(source_id)
            if source is not None and source.title not in titles:
                titles.append(source.title)
    return f"Source: {'; '.join(titles)}." if titles else ""


def gentle_routine(catalogue: Catalogue) -> Routine | None:
    """The routine offered at a flare-up: the catalogue's first cool-down (still stretches)."""
    return next((r for r in catalogue.routines.values() if r.kind == "cool-down"), None)


@dataclass(frozen=True)
class Easier:
    """An easier variant on offer after "this hurts", at a dose no heavier than what hurt."""

    exercise_id: str
    name: str
    planned: Plans


@dataclass(frozen=True)
class Hurt:
    """What the "this hurts" dialog tells and offers."""

    name: str
    """The exercise that hurt; empty when nothing had been done yet."""
    easier: tuple[Easier, ...] = ()
    """Its easier variants, each at a dose no heavier than what hurt."""
    too_heavy: tuple[str, ...] = ()
    """The names of its easier variants that no dose makes light enough (not offered)."""
    skip: str = ""
    """What skipping does, in words; empty when the session is over (nothing to skip)."""
    advice: str = ""
    """The advice on sharp pain, from the catalogue."""
    source: str = ""
    """Where the advice comes from."""

    last: bool = False
    """The last exercise hurt: skipping finishes the session, and there is nothing to end early."""

    @property
    def session_over(self) -> bool:
        """True when the exercise that hurt was the last: nothing is left to offer."""
        return not self.skip


@dataclass(frozen=True)
class FlareUp:
    """What the flare-up dialog tells: the pain, the threshold, the advice, the gentle routine."""

    pain: int
    threshold: int
    gentle: str = ""
    """The gentle routine offered, in words (its name and length); empty when there is none."""
    advice: tuple[str, ...] = ()
    source: str = ""


def hurt_of(engine: Engine, hurt: PlannedExercise | None) -> Hurt:
    """What to tell and offer once ``hurt`` hurt (None: nothing done yet), the engine paused.

    An easier variant is offered only at a dose no heavier than what hurt (``easier_dose``).
    """
    timeline = engine.timeline
    catalogue = timeline.catalogue
    easier: list[Easier] = []
    too_heavy: list[str] = []
    for exercise_id in hurt.easier if hurt is not None else ():
        variant = catalogue.exercises.get(exercise_id)
        if variant is None:
            continue
        planned = timeline.easier_dose(exercise_id, hurt) if hurt is not None else None
        if planned is None:
            too_heavy.append(variant.name)
        else:
            easier.append(Easier(exercise_id, variant.name, planned))
    skip = ""
    if engine.waiting:  # the last exercise hurt: nothing comes after it
        skip = "Finish the session: nothing is left after it"
    elif engine.running:
        up_next = engine.snapshot().exercise.name
        skip = f"Skip {up_next}" if hurt is None else f"Skip it: go on to {up_next}"
    advice = advice_of(catalogue, STOP_ADVICE)
    return Hurt(
        name=hurt.name if hurt is not None else "",
        easier=tuple(easier),
        too_heavy=tuple(too_heavy),
        skip=skip,
        last=engine.waiting,
        advice=advice.text if advice is not None else "",
        source=source_line(catalogue, [advice] if advice is not None else []),
    )


def easier_why(easier: Easier, hurt: PlannedExercise, catalogue: Catalogue) -> str:
    """Why an easier variant put in after "this hurts" plays at its dose."""
    low_end = plan_dose(catalogue.exercise(easier.exercise_id).dose, 0.0)
    below = work(easier.planned) < work(low_end)
    where = "below the article's range, " if below else ""
    return (
        f"the easier variant of {in_sentence(hurt.name)}, which hurt: {where}lumbar's own dose,"
        " no heavier than what hurt"
    )


def flare_up_of(catalogue: Catalogue, pain: int, threshold: int, playing: str) -> FlareUp:
    """What to tell at a high pain before ``playing`` (a routine id) and the gentle offer."""
    gentle = gentle_routine(catalogue)
    offer = ""
    if gentle is not None:
        minutes = about_minutes(catalogue.routine_seconds(gentle))
        offer = f"{gentle.name}, {minutes} of slow, still stretches"
        if gentle.id == playing:
            offer = f"{offer}, as chosen"
    flare_up, severe = (advice_of(catalogue, ids) for ids in (FLARE_UP_ADVICE, SEVERE_ADVICE))
    lines = [flare_up.text] if flare_up is not None else []
    if severe is not None:  # a red flag: its title says when (its text says not to exercise)
        lines.append(f"If it is {in_sentence(severe.title)}: see a doctor first.")
    return FlareUp(
        pain=pain,
        threshold=threshold,
        gentle=offer,
        advice=tuple(lines),
        source=source_line(catalogue, [a for a in (flare_up, severe) if a is not None]),
    )


HurtAnswer = Easier | Literal["skip", "end", "stay", "undo"]
"""What to do after "this hurts": an easier variant, skip, end, stay paused, or undo it."""


def settle_hurt(
    engine: Engine, hurt: PlannedExercise | None, answer: HurtAnswer | None, now: float
) -> tuple[list[Event], Undoable | None]:
    """Do what was chosen after "this hurts" (None: stay paused); the events, and what undo took.

    Undo ("I pressed it by mistake") takes the hurt back and goes on; any other choice but
    staying paused makes the hurt final. An easier variant is put in next (no heavier than what
    hurt) and the session goes on; skip goes on (skipping the exercise coming up if nothing was
    done yet). For "end" the hurt is made final here and the player ends the session itself.
    """
    if answer not in ("undo", "stay", None):
        engine.make_final()
    if answer == "undo":
        undone = engine.undo(now)
        return engine.resume(now), undone
    if isinstance(answer, Easier) and hurt is not None:
        why = easier_why(answer, hurt, engine.timeline.catalogue)
        events = engine.insert_exercise(answer.exercise_id, now, planned=answer.planned, why=why)
        return events + engine.resume(now), None
    if answer == "skip":
        events = engine.skip_exercise(now) if hurt is None else []
        return events + engine.resume(now), None
    return [], None
