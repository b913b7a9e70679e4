"""The report in words: a :class:`~tui.history.report.Report` laid out as a small document.

A document is a title and sections of plain blocks (paragraphs, lists, tables, the pain chart);
the renderers (:mod:`tui.history.report_render` for text and Markdown,
:mod:`tui.history.report_html` for HTML) only turn those blocks into their format, so the three
say the same thing. Every string here is plain text, never markup: the renderers escape it.
Pure: no I/O, no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tui.history.flags import ABOVE_BASELINE, BASELINE_OF
from tui.history.progress import PainPoint
from tui.history.report import Report, day_text_of
from tui.history.report_exercises import DoseLine, ExerciseLine
from tui.history.report_rx import PrescriptionPart
from tui.model import plural


@dataclass(frozen=True)
class Para:
    """A paragraph of plain text."""

    text: str


@dataclass(frozen=True)
class Items:
    """A list of plain lines."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table: its header and rows of plain cells; ``numeric`` columns align right."""

    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    across: bool = False
    """Laid across the page where there is room (HTML): the header as the first column."""
    details: tuple[str, ...] = ()
    """A line under each row, across the whole table (empty: none)."""


@dataclass(frozen=True)
class Chart:
    """The pain before and after each session, 0 to 10 (HTML draws it; text lists it)."""

    points: tuple[PainPoint, ...]


Block = Para | Items | Table | Chart


@dataclass(frozen=True)
class Section:
    """A titled part of the report."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """The whole report: a title, a line under it, and its sections."""

    title: str
    subtitle: str
    sections: tuple[Section, ...]


TITLE = "Home exercise report"
PAIN_SCALE = (
    "Pain is the user's own score from 0 (none) to 10 (worst), asked before and after each "
    "session. A score not given is unknown, never taken as no pain."
)
FLAG_RULES = (
    "A pain flag (lumbar's own rule): an exercise hurt; pain after above pain before; pain at "
    "or above {threshold} out of 10; or pain before "
    f"{ABOVE_BASELINE} or more points above the median of the last {BASELINE_OF} scores. No "
    "dose goes up after a flag."
)
DOSE_RULES = (
    "Doses start at the low end of the article's range. A step up (one variable, at most a "
    "quarter more work) comes only after two complete, comfortable, pain-free sessions in a "
    "row; one step down after it hurt, then it holds (lumbar's own rules). Next time: the dose "
    "lumbar plans now, as `lumbar plan` shows it."
)


ALSO = (
    "Each routine keeps its own doses: the dose shown is the one in the routine the exercise was "
    "last played in; `lumbar plan ROUTINE` shows the others."
)


def percent(share: float | None) -> str:
    """``86%``, or ``-`` when there was nothing to share."""
    return "-" if share is None else f"{round(share * 100)}%"


def document(report: Report) -> Document:
    """The report laid out as sections, in the order a clinician reads them."""
    subtitle = f"{report.period_text} · made with lumbar on {day_text_of(report.made)}"
    return Document(
        TITLE,
        subtitle,
        (
            Section("Not medical advice", (Para(report.not_advice),)),
            *prescription_sections(report.prescription),
            adherence_section(report),
            pain_section(report),
            safety_section(report),
            exercises_section(report),
            Section("The user's notes", notes_blocks(report)),
            Section("Sources", (Items(report.sources),)),
        ),
    )


def prescription_sections(part: PrescriptionPart | None) -> tuple[Section, ...]:
    """The prescription in force: who, when, adherence against it, locked doses, earlier ones."""
    if part is None:
        return ()
    asked = "asked for by the clinician" if part.asked_by_clinician else "the user's own target"
    blocks: list[Block] = [
        Para(
            f"{part.routine}, prescribed by {part.prescribed_by}: issued on "
            f"{day_text_of(part.issued)}, review on {day_text_of(part.review)}. Its doses are "
            "the clinician's; lumbar never raises a locked one (after pain it lowers it, then "
            "brings it back only as far as prescribed)."
        ),
        Para(
            f"{plural(part.sessions, 'session')} of it in {plural(part.weeks, 'week')} in force, "
            f"against {part.per_week} a week ({asked}); met in {part.weeks_met} of "
            f"{plural(part.weeks, 'week')}. Prescribed work done: {part.reps_done} of "
            f"{plural(part.reps_asked, 'rep')} asked for ({percent(part.share)})."
        ),
    ]
    if part.locked:
        rows = tuple((dose.exercise, dose.prescribed, dose.played) for dose in part.locked)
        blocks.append(Table(("Locked dose", "As prescribed", "As last played"), rows))
    if part.superseded:
        blocks.append(Para("Earlier prescriptions in the period, each replaced by a newer one:"))
        blocks.append(
            Items(
                tuple(
                    f"{old.routine}, prescribed by {old.prescribed_by}: issued on "
                    f"{day_text_of(old.issued)}, replaced on {day_text_of(old.replaced)}"
                    for old in part.superseded
                )
            )
        )
    return (Section("Prescription", tuple(blocks)),)


def adherence_section(report: Report) -> Section:
    """Sessions a week against the target, and the share of the planned work done."""
    found = report.adherence
    weeks = len(found.weeks)
    summary = (
        f"{plural(found.sessions, 'session')} in {plural(weeks, 'week')}: "
        f"{found.days_a_week:.1f} training days a week on average, against a target of "
        f"{found.target}. The target was met in {found.weeks_met} of {plural(weeks, 'week')}. "
        f"{found.complete} of {plural(found.sessions, 'session')} played to the end."
    )
    work = (
        f"Planned work done: {found.reps_done} of {plural(found.reps_planned, 'rep')} "
        f"({percent(found.share)}); {found.full} of {plural(found.recorded, 'exercise')} "
        "recorded were done in full (every rep, no hold cut short)."
    )
    rows = tuple(
        (
            day_text_of(week.start),
            str(week.days),
            str(week.sessions),
            str(round(week.minutes)),
            "yes" if week.met else "no",
        )
        for week in found.weeks
    )
    table = Table(
        ("Week of", "Days", "Sessions", "Minutes", f"Target {found.target} met"),
        rows,
        frozenset({1, 2, 3}),
        across=True,
    )
    return Section("Adherence", (Para(summary), Para(work), table))


def pain_section(report: Report) -> Section:
    """The chart of pain before and after, its trend in words, and what unknown means."""
    unknown = (
        f" {plural(report.unknown, 'session')} of the period had a score not given."
        if report.unknown
        else ""
    )
    return Section(
        "Pain before and after each session",
        (Chart(report.pain), Para(report.trend_words), Para(PAIN_SCALE + unknown)),
    )


def safety_section(report: Report) -> Section:
    """Every pain flag and "this hurts", then the red-flag answers and clearances."""
    flagged = tuple(
        f"{when_text(found.when)}, {found.routine}: "
        + "; ".join((*found.reasons, *found.hurts))
        + "."
        for found in report.flagged
    )
    blocks: list[Block] = [
        Items(flagged) if flagged else Para("No pain flag, and no exercise hurt, in this period."),
        Para(FLAG_RULES.format(threshold=report.threshold)),
        Para("Red-flag check (every date, not only this period):"),
        Items(report.safety),
    ]
    return Section('Pain flags, "this hurts" and red flags', tuple(blocks))


def exercises_section(report: Report) -> Section:
    """Per exercise: times played, how each ended, ratings, hurts, flags; under it, its dose."""
    rows = tuple(exercise_cells(line) for line in report.exercises)
    head = (
        "Exercise",
        "Played",
        "Full",
        "Cut",
        "Stopped",
        "Hurt stop",
        "Skipped",
        "E/R/H",
        "Hurt",
        "Flags",
    )
    details = tuple(dose_text(line) for line in report.exercises)
    note = (
        "Played: recorded and not skipped. Full: done in full (every rep, no hold cut short). "
        "Cut: played to the end with a rep left undone or a hold cut short. Stopped: the session "
        'ended during it. Hurt stop: stopped with "this hurts". E/R/H: rated easy, about right, '
        'hard. Hurt: "this hurts" during it or "it hurt" after it. Flags: sessions with a pain '
        "flag it was in. Under each exercise: its dose at the start of the period and next "
        "time (as `lumbar plan` plans it), each change, and why."
    )
    numeric = frozenset(range(1, 10)) - {7}
    blocks: list[Block] = [
        Table(head, rows, numeric, details=details),
        Para(note),
        Para(DOSE_RULES),
    ]
    if any(line.other_routines for line in report.exercises):
        blocks.append(Para(ALSO))
    return Section("Exercises and their doses", tuple(blocks))


def exercise_cells(line: ExerciseLine) -> tuple[str, ...]:
    """One exercise's row of the exercises table."""
    row = line.row
    return (
        row.name,
        str(line.played),
        str(row.done),
        str(row.cut),
        str(line.stopped),
        str(line.stopped_for_pain),
        str(row.skipped),
        f"{row.easy}/{row.right}/{row.hard}",
        str(row.hurt),
        str(row.flags),
    )


def dose_text(line: ExerciseLine) -> str:
    """An exercise's dose in a sentence: where it started, each change, next time and why."""
    dose = line.dose
    moved = steps_text(dose)
    changes = f" Changes: {moved}." if moved else ""
    return (
        f"{dose.routine}: {dose.start} at the start; next time {dose.now} "
        f"({dose.change}: {dose.why}).{changes}"
    )


def steps_text(dose: DoseLine) -> str:
    """The changes of a dose: ``up 16 Dec, 20 Dec; down 23 Dec: it hurt on 23 Dec ...``.

    Every step up has the same reason (two good sessions in a row: said once, under the
    table); each step down says its own.
    """
    ups = [f"{step.day.day} {step.day:%b}" for step in dose.steps if step.change == "up"]
    downs = [
        f"down {step.day.day} {step.day:%b} ({step.reason})"
        for step in dose.steps
        if step.change == "down"
    ]
    said = ([f"up {', '.join(ups)}"] if ups else []) + downs
    return "; ".join(said)


def notes_blocks(report: Report) -> tuple[Block, ...]:
    """The notes written at the end of sessions, oldest first."""
    if not report.notes:
        return (Para("No notes in this period."),)
    return (
        Items(
            tuple(f"{when_text(note.when)}, {note.routine}: {note.text}" for note in report.notes)
        ),
    )


def when_text(when: datetime) -> str:
    """A session's start as the report says it: ``Sat 1 Mar 2025``."""
    return f"{when:%a} {day_text_of(when.date())}"
