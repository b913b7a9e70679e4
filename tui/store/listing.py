"""The history listed: a table for the terminal, JSON, or CSV with one row per exercise.

``lumbar history`` prints them and ``lumbar export`` writes the CSV. A spreadsheet never runs a
cell of the user's text as a formula (:func:`spreadsheet_safe`). Nothing here imports Textual.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

import msgspec

from tui.model import (
    ExerciseResult,
    Session,
    StagePlan,
    outcome_counts,
    session_minutes,
    visible,
)
from tui.store.schema import to_document

CSV_COLUMNS = (
    "session_id",
    "routine",
    "routine_name",
    "phase",
    "status",
    "started_at",
    "ended_at",
    "minutes",
    "pain_before",
    "pain_after",
    "note",
    "exercise",
    "level",
    "planned",
    "planned_reps",
    "reps_done",
    "seconds_held",
    "seconds_added",
    "holds_cut",
    "outcome",
    "feedback",
    "exercise_started_at",
    "exercise_ended_at",
)
"""The CSV header: the session's columns, then the exercise result's."""


def _pain(session: Session) -> str:
    if session.pain_before is None and session.pain_after is None:
        return "-"
    before = "?" if session.pain_before is None else str(session.pain_before)
    after = "?" if session.pain_after is None else str(session.pain_after)
    return f"{before} -> {after}"


def history_table(sessions: Sequence[Session]) -> str:
    """Sessions as a table that fits 80 columns, oldest first.

    Done counts exercises done in full; Cut those with a rep left undone or a hold cut short;
    Skip those skipped; Stop those under way when the session ended (early, or a dropped link).
    A session with a note has its first words on a line under its row.
    """
    lines = [
        f"{'Date':<16}  {'Routine':<14} {'Min':>3}  {'Status':<8}  {'Pain':<7} "
        "Done Cut Skip Stop Hurt"
    ]
    for session in sessions:
        done, cut, skipped, stopped, hurt = outcome_counts(session)
        lines.append(
            f"{session.started_at:%Y-%m-%d %H:%M}  {session.routine_name[:14]:<14} "
            f"{session_minutes(session):>3}  {session.status:<8}  {_pain(session):<7} "
            f"{done:>4} {cut:>3} {skipped:>4} {stopped:>4} {hurt:>4}"
        )
        if session.note:
            lines.append(note_line(session.note))
    return "\n".join(lines) + "\n"


NOTE_INDENT = 18
"""Where a session's note starts under its row of the history table (under the routine)."""
TABLE_WIDTH = 80


def note_line(note: str) -> str:
    """A session's note under its row: its first words, on one line of the table's width."""
    text = " ".join(visible(note).split())
    room = TABLE_WIDTH - NOTE_INDENT - len("Note: ")
    if len(text) > room:
        text = text[: room - 1].rstrip() + "…"
    return f"{'':<{NOTE_INDENT}}Note: {text}"


def history_json(sessions: Sequence[Session]) -> str:
    """Sessions as an indented JSON list of records."""
    data = msgspec.json.encode([to_document(session) for session in sessions])
    return msgspec.json.format(data, indent=2).decode() + "\n"


def _describe_plan(planned: Iterable[StagePlan]) -> str:
    parts = []
    for stage in planned:
        text = f"{stage.sets}x{stage.reps}"
        if stage.hold:
            text += f" hold {stage.hold}s"
        if stage.sides != "none":
            text += " each side" if stage.sides == "each" else " alternating sides"
        parts.append(f"{stage.name}: {text}" if stage.name else text)
    return "; ".join(parts)


def _result_cells(result: ExerciseResult | None) -> list[Any]:
    if result is None:
        return [""] * 12
    return [
        result.exercise,
        result.level,
        _describe_plan(result.planned),
        result.planned_reps,
        result.reps_done,
        result.seconds_held,
        result.seconds_added,
        result.holds_cut,
        result.outcome,
        result.feedback or "",
        result.started_at.isoformat(),
        result.ended_at.isoformat(),
    ]


def sessions_csv(sessions: Sequence[Session]) -> str:
    """One CSV row per exercise result, with its session's columns; a session with none gets one."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for session in sessions:
        head = [
            session.id,
            session.routine,
            session.routine_name,
            session.phase or "",
            session.status,
            session.started_at.isoformat(),
            session.ended_at.isoformat() if session.ended_at else "",
            round(session.seconds / 60, 1),
            "" if session.pain_before is None else session.pain_before,
            "" if session.pain_after is None else session.pain_after,
            session.note,
        ]
        results: Sequence[ExerciseResult | None] = session.exercises or (None,)
        for result in results:
            writer.writerow([spreadsheet_safe(cell) for cell in head + _result_cells(result)])
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell a spreadsheet would run as a formula begins (the common CSV-injection advice)."""


def spreadsheet_safe(cell: Any) -> Any:
    """A text cell that would start a formula gets a leading ``'``: shown as text, not run.

    Its control characters are made visible too. Numbers stay numbers; the data stays readable
    (the quote is all that is added).
    """
    if not isinstance(cell, str):
        return cell
    return f"'{visible(cell)}" if cell.startswith(FORMULA_STARTS) else visible(cell)
