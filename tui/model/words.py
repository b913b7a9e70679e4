"""Records said in plain words: doses, positions, equipment, sources, counts and minutes.

Every screen, the CLI and the export say these things through the functions here, so a plural
or a number of minutes reads the same everywhere.
"""

from __future__ import annotations

import math
from datetime import date

from tui.model.catalogue import Catalogue, CountName, Counts, Dose, Exercise, Position, Range
from tui.model.records import ExerciseResult, Outcome, Session, StagePlan, outcome_tally

POSITIONS: dict[Position, str] = {
    "lying-on-back": "lying on your back",
    "face-down": "lying face down",
    "all-fours": "on all fours",
    "kneeling": "kneeling",
    "standing": "standing",
    "seated": "seated",
    "side-lying": "lying on your side",
}
EQUIPMENT = {
    "towel": "a towel",
    "chair": "a chair",
    "stool": "a stool",
    "tennis-ball": "a tennis ball",
    "dowel": "a dowel or broomstick",
    "wall": "a wall",
    "mat": "a mat",
    "pillow": "a pillow",
    "weights": "light weights",
}


def minutes_left(seconds: float) -> str:
    """The time left in a session in whole minutes, rounded up: ``9 min left``.

    Minutes, not seconds, wherever it is not the countdown itself: a figure that changed every
    second would cost bytes every second on a slow link, and tell nothing the countdown does not.
    """
    if seconds <= 0:
        return "nothing left"
    return f"{math.ceil(seconds / 60)} min left"


def span(value: Range, unit: str = "") -> str:
    """``15-30 s`` for a range, ``20 s`` for a single value."""
    text = f"{value.low}-{value.high}" if value.is_range else str(value.low)
    return f"{text}{unit}"


def duration(seconds: int) -> str:
    """``45 s``, ``2 min`` or ``1 min 30 s``."""
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def spoken_duration(seconds: int) -> str:
    """A time for the ear: ``45 seconds``, ``5 minutes``, ``1 minute 30 seconds``."""
    minutes, rest = divmod(max(0, seconds), 60)
    if not minutes:
        return plural(rest, "second")
    said = plural(minutes, "minute")
    return f"{said} {plural(rest, 'second')}" if rest else said


def hold_span(value: Range) -> str:
    """A hold range in seconds or minutes, whichever reads better."""
    if value.low >= 60 and value.low % 60 == 0 and value.high % 60 == 0:
        low, high = value.low // 60, value.high // 60
        return f"{low}-{high} min" if low != high else f"{low} min"
    return span(value, " s")


CHOSEN_MARK = "*"
"""The mark after a number that is lumbar's own choice (a word-like mark, never colour alone)."""
CHOSEN_LEGEND = "* lumbar's choice: the article gives no number for it."
"""The line that explains the mark, under any dose that carries one."""


def marked(text: str, name: CountName, chosen: tuple[CountName, ...]) -> str:
    """``text`` with the mark after it when the count ``name`` is lumbar's choice."""
    return f"{text}{CHOSEN_MARK}" if name in chosen else text


def counts_text(counts: Counts, *, marks: bool = False) -> str:
    """One line for a set of counts: ``3 sets of 8-12 reps, hold 5 s, each side``.

    With ``marks``, each number that is lumbar's choice (``counts.chosen``) carries a ``*``.
    """
    chosen = counts.chosen if marks else ()
    parts = []
    reps = marked(span(counts.reps), "reps", chosen)
    if counts.sets != Range(1) and counts.sets.high > 1:
        parts.append(f"{marked(span(counts.sets) + ' sets', 'sets', chosen)} of {reps}")
    elif counts.reps.high > 1:
        parts.append(marked(f"{span(counts.reps)} reps", "reps", chosen))
    if counts.hold:
        held = marked(hold_span(counts.hold), "hold", chosen)
        verb = "for" if counts.hold.low >= 60 else "hold"
        if counts.positions:
            held = f"{held} in each of {len(counts.positions)} positions"
        parts.append(f"{verb} {held}")
    elif counts.tempo:
        parts.append(marked(f"{counts.tempo} s a rep", "tempo", chosen))
    parts += _sides_and_rests(counts.sides, counts.rest_reps, counts.rest_sets, chosen, rests=True)
    return ", ".join(parts) or "once"


def _sides_and_rests(
    sides: str, rest_reps: int, rest_sets: int, chosen: tuple[CountName, ...], *, rests: bool
) -> list[str]:
    """The sides (and, with ``rests``, the rests) of a dose in words, marked as ``chosen``."""
    parts = []
    if sides == "each":
        parts.append(marked("each side", "sides", chosen))
    elif sides == "alternate":
        parts.append(marked("alternating sides", "sides", chosen))
    if rests and rest_reps:
        parts.append(marked(f"{rest_reps} s rest between reps", "rest_reps", chosen))
    if rests and rest_sets:
        parts.append(marked(f"{rest_sets} s rest between sets", "rest_sets", chosen))
    return parts


def dose_text(dose: Dose, *, marks: bool = False) -> str:
    """A dose in one line, or one line per stage joined by ``then`` (``marks``: see above)."""
    if not dose.stages:
        return counts_text(dose, marks=marks)
    return "; then ".join(
        f"{stage.name}: {counts_text(stage, marks=marks)}" for stage in dose.stages
    )


def has_chosen(dose: Dose) -> bool:
    """True when any number of the dose (or of its stages) is lumbar's choice."""
    return any(counts.chosen for counts in dose.plan())


def setting_text(exercise: Exercise) -> str:
    """Where and with what: ``lying on your back, with a towel``."""
    place = POSITIONS[exercise.position]
    if not exercise.equipment:
        return place
    kit = " and ".join(EQUIPMENT[item] for item in exercise.equipment)
    return f"{place}, with {kit}"


def sources_text(catalogue: Catalogue, source_ids: tuple[str, ...]) -> list[str]:
    """Each source as ``Title (Publisher)``; one that names no publisher says so, with its date."""
    lines = []
    for source_id in source_ids:
        source = catalogue.sources[source_id]
        if source.publisher:
            lines.append(f"{source.title} ({source.publisher})")
        else:
            when = date.fromisoformat(source.published) if source.published else None
            date_text = f"published {when.day} {when:%B %Y}; " if when else ""
            lines.append(f"{source.title} ({date_text}the article names no publisher)")
    return lines


def stage_plan_text(stage: StagePlan, chosen: tuple[CountName, ...] = ()) -> str:
    """A planned stage in a few words: ``2 sets of 10 reps, hold 5 s, each side``.

    Each number named in ``chosen`` (lumbar's choice, not the article's) carries a ``*``.
    """
    parts = []
    if stage.sets > 1:
        reps = f" of {marked(f'{stage.reps} reps', 'reps', chosen)}" if stage.reps > 1 else ""
        parts.append(f"{marked(f'{stage.sets} sets', 'sets', chosen)}{reps}")
    elif stage.reps > 1:
        parts.append(marked(f"{stage.reps} reps", "reps", chosen))
    if stage.hold:
        held = f"for {duration(stage.hold)}" if stage.hold >= 60 else f"hold {stage.hold} s"
        held = marked(held, "hold", chosen)
        if stage.positions:
            held = f"{held} in each of {len(stage.positions)} positions"
        parts.append(held)
    elif stage.tempo:
        parts.append(marked(f"{stage.tempo} s a rep", "tempo", chosen))
    parts += _sides_and_rests(stage.sides, 0, 0, chosen, rests=False)
    return ", ".join(parts) or "once"


def plan_text(
    planned: tuple[StagePlan, ...], chosen: tuple[tuple[CountName, ...], ...] = ()
) -> str:
    """A planned dose in a few words, one part per stage joined by ``then``.

    ``chosen`` holds, stage by stage, the numbers that are lumbar's choice (each gets a ``*``).
    """
    marks = chosen if len(chosen) == len(planned) else ((),) * len(planned)
    if len(planned) == 1 and not planned[0].name:
        return stage_plan_text(planned[0], marks[0])
    return (
        "; then ".join(
            f"{stage.name}: {stage_plan_text(stage, mark)}"
            if stage.name
            else stage_plan_text(stage, mark)
            for stage, mark in zip(planned, marks, strict=True)
        )
        or "nothing planned"
    )


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 session``, ``2 sessions``; ``nouns`` when it is not ``noun`` + s (``2 entries``).

    ``noun`` may have words before it: ``3 more days``.
    """
    return f"{count} {noun}" if count == 1 else f"{count} {nouns or noun + 's'}"


def routine_minutes(seconds: float) -> int:
    """How many minutes a routine of ``seconds`` takes, to the nearest, never less than one."""
    return max(1, round(seconds / 60))


def about_minutes(seconds: float) -> str:
    """``about 7 min``: how long a routine of ``seconds`` takes."""
    return f"about {routine_minutes(seconds)} min"


def session_minutes(session: Session) -> int:
    """The minutes a session lasted, to the nearest (0 for less than half a minute)."""
    return round(session.seconds / 60)


OUTCOME_WORDS: dict[Outcome, str] = {
    "done": "done",
    "cut": "cut short",
    "skipped": "skipped",
    "hurt": "hurt",
    "stopped": "stopped early",
    "gated": "waiting for a yes",
}
"""Each outcome of an exercise, in the order a summary gives them."""


def outcomes_text(session: Session) -> str:
    """``5 done, 1 cut short, 1 skipped``: each outcome the session had (done always).

    "done" is done in full; an exercise with a rep left undone or a hold cut short is "cut short".
    """
    tally = outcome_tally(session)
    return ", ".join(
        f"{tally[outcome]} {word}"
        for outcome, word in OUTCOME_WORDS.items()
        if tally[outcome] or outcome == "done"
    )


def shortfall_text(result: ExerciseResult) -> str:
    """What was left undone of an exercise: ``8 of 10 reps, 2 holds cut short`` ("" if nothing)."""
    parts = []
    if result.reps_done < result.planned_reps:
        parts.append(f"{result.reps_done} of {plural(result.planned_reps, 'rep')}")
    if result.holds_cut:
        parts.append(f"{plural(result.holds_cut, 'hold')} cut short")
    return ", ".join(parts)


def in_sentence(name: str) -> str:
    """An exercise name to use inside a sentence: "the pelvic tilt" (acronyms kept: "ASM")."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() and len(first) > 1 else name[:1].lower() + name[1:]
