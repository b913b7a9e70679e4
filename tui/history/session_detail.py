"""One session in detail: when, what, how it went, and each exercise planned against done.

What the progress screen's session detail shows (:mod:`tui.screens.progress_dialogs`), worked out
from one session's record; the screen only lays it out. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.history.progress import pain_text
from tui.model import ExerciseResult, Session, duration, plan_text, plural, session_minutes

OUTCOME_WORDS = {
    "done": "done",
    "cut": "cut short",
    "skipped": "skipped",
    "hurt": "stopped because it hurt",
    "stopped": "stopped early",
    "gated": "ended at a question: the later stages wait for your yes",
}
"""An exercise's outcome in the words the session detail uses."""


@dataclass(frozen=True)
class ResultLine:
    """One exercise of a session, planned against done, for the session detail."""

    name: str
    planned: str
    done: str
    outcome: str
    feedback: str
    rated: bool
    hurt: bool


def done_text(result: ExerciseResult) -> str:
    """What was done: ``8 of 10 reps, 2 holds cut short, held 45 s (+5 s)``."""
    text = f"{result.reps_done} of {plural(result.planned_reps, 'rep')}"
    if result.holds_cut:
        text += f", {plural(result.holds_cut, 'hold')} cut short"
    if result.seconds_held:
        text += f", held {duration(result.seconds_held)}"
        if result.seconds_added:
            sign = "+" if result.seconds_added > 0 else "-"
            text += f" ({sign}{abs(result.seconds_added)} s)"
    return text


def result_lines(session: Session, names: Mapping[str, str]) -> list[ResultLine]:
    """Each exercise of the session in the order played, planned against done."""
    return [
        ResultLine(
            name=names.get(result.exercise, result.exercise),
            planned=plan_text(result.planned),
            done=done_text(result),
            outcome=OUTCOME_WORDS[result.outcome],
            feedback=f"rated {result.feedback}" if result.feedback else "not rated",
            rated=result.feedback is not None,
            hurt=result.hurt,
        )
        for result in session.exercises
    ]


def session_heading(session: Session) -> str:
    """When and what: ``Sat 1 Mar 2025, 07:30 · Quick 10 minutes``."""
    when = session.started_at
    return f"{when:%a} {when.day} {when:%b %Y, %H:%M} · {session.routine_name}"


def session_summary(session: Session) -> str:
    """How long, whether complete, the pain, and how many exercises were recorded."""
    minutes = session_minutes(session)
    status = "complete" if session.status == "complete" else "stopped before the end"
    exercises = plural(len(session.exercises), "exercise")
    pain = pain_text(session.pain_before, session.pain_after)
    return f"{minutes} min · {status} · pain {pain} · {exercises} recorded"
