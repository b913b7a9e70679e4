"""The answers the user gave to the catalogue's gate questions, and which gates are passed.

A gate (:class:`~tui.model.Gate`) is asked before a stage an article holds back until the user
is ready. Each answer is kept with the session it was given in (:class:`~tui.model.GateAnswer`
in the exercise's record), and an answer taken back on the settings screen is kept in the
settings (a no, dated). The latest answer to each gate is the one that counts: a yes lets the
later stages play without asking; a no, or no answer at all, asks again. Pure functions: no
clock, no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.history.recent import Recent
from tui.model import (
    Catalogue,
    Dose,
    Gate,
    GateAnswer,
    Session,
    SessionHistory,
    Settings,
    gate_key,
)


@dataclass(frozen=True)
class GatedStage:
    """A stage of the catalogue held back by a gate: where it is, and its question."""

    exercise: str
    """The exercise's name."""
    stage: str
    """The gated stage's name."""
    gate: Gate

    @property
    def key(self) -> str:
        """The key its answer is remembered under."""
        return self.gate.question


_given: Recent[Iterable[Session], tuple[GateAnswer, ...]] = Recent(lambda a, b: a is b)
"""The answers read from the store's latest histories (see :func:`given`)."""


def given(sessions: Iterable[Session]) -> tuple[GateAnswer, ...]:
    """Every gate answer given in the sessions, in their order.

    Remembered for the store's history (:mod:`tui.history.recent`), so the answers read in a
    worker before a session starts are not read again, session by session, when it starts.
    """
    found = _given.find(sessions)
    if found is None:
        found = tuple(
            answer
            for session in sessions
            for result in session.exercises
            for answer in result.gates
        )
        if isinstance(sessions, SessionHistory):
            _given.keep(sessions, found)
    return found


def read_in_passing(sessions: SessionHistory, answers: tuple[GateAnswer, ...]) -> None:
    """Keep the answers another walk of the store's history read on its way (the replay's)."""
    _given.keep(sessions, answers)


def gate_answers(sessions: Iterable[Session], settings: Settings) -> dict[str, GateAnswer]:
    """The latest answer to each gate, by key: from the sessions and the settings."""
    answers = given(sessions)
    latest: dict[str, GateAnswer] = {}
    for answer in sorted([*answers, *settings.gates_again], key=lambda a: a.answered_at):
        latest[answer.gate] = answer
    return latest


def passed_gates(sessions: Iterable[Session], settings: Settings) -> frozenset[str]:
    """The gates whose latest answer is yes: their stages play without asking."""
    return frozenset(
        key for key, answer in gate_answers(sessions, settings).items() if answer.passed
    )


def gated_stages(catalogue: Catalogue) -> tuple[GatedStage, ...]:
    """Every gate of the catalogue once, in catalogue order (exercises, then routines)."""
    doses: list[tuple[str, Dose]] = [(e.name, e.dose) for e in catalogue.exercises.values()]
    for routine in catalogue.routines.values():
        for item in routine.items:
            if item.dose is not None and item.exercise in catalogue.exercises:
                doses.append((catalogue.exercise(item.exercise).name, item.dose))
    found: dict[str, GatedStage] = {}
    for name, dose in doses:
        for stage in dose.stages:
            if stage.gate is not None:
                found.setdefault(gate_key(stage), GatedStage(name, stage.name, stage.gate))
    return tuple(found.values())


def taken_back(settings: Settings, answer: GateAnswer) -> tuple[GateAnswer, ...]:
    """The settings' ``gates_again`` with ``answer`` (a no given on the settings screen) kept."""
    kept = tuple(each for each in settings.gates_again if each.gate != answer.gate)
    return (*kept, answer)
