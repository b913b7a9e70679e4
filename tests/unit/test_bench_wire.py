"""The wire benchmark's breakdown: each chunk of output goes to a dialog, a prompt or a step."""

from __future__ import annotations

from typing import cast

from tests.benchmarks.bench_wire import START, Played, breakdown, by_kind, label_at, quick_ten
from tests.benchmarks.terminal import Terminal
from tui.session.timeline import StepKind, Timeline

STARTED = 100.0


def played(*overlays: tuple[float, float, str], ended: float = 5000.0) -> Played:
    """A session answered at STARTED (no terminal: the chunks are given to the breakdown)."""
    return Played(cast(Terminal, None), STARTED, ended, list(overlays))


def first_step(timeline: Timeline, kind: StepKind) -> int:
    """The index of the first step of ``kind``."""
    return next(i for i, step in enumerate(timeline.steps) if step.kind is kind)


def test_a_chunk_while_a_dialog_is_up_goes_to_the_dialog() -> None:
    """Output between a key and the quiet after it is the dialog's, whatever step plays."""
    session = played((STARTED + 30, STARTED + 31, "feedback: answered"))
    assert label_at(STARTED + 30.5, session, quick_ten()) == "feedback: answered"


def test_a_chunk_before_the_pain_answer_goes_to_the_start() -> None:
    """What comes before the session's clock starts is the start's."""
    assert label_at(STARTED - 1, played(), quick_ten()) == START


def test_a_chunk_in_a_rest_goes_to_its_exercise_and_kind() -> None:
    """A chunk during a step goes to that step's exercise, grouped by the kind of step."""
    timeline = quick_ten()
    index = first_step(timeline, StepKind.REST)
    step = timeline.steps[index]
    when = STARTED + timeline.offsets[index] + 0.01
    name = timeline.exercises[step.exercise_index].name
    assert label_at(when, played(), timeline) == f"{name}: rests"


def test_chunks_after_the_summary_are_left_out() -> None:
    """Only bytes up to the end of the summary's first frame count."""
    chunks = [(STARTED + 1, b"ab"), (STARTED + 3, b"cde")]
    assert sum(breakdown(chunks, played(ended=STARTED + 2), quick_ten()).values()) == 2


def test_by_kind_sums_each_kind_over_the_exercises_and_keeps_the_dialogs() -> None:
    """Steps are summed by kind across exercises; a dialog keeps its own line."""
    parts = {"Bridge: rests": 3, "Bird dog: rests": 4, "feedback: answered": 5}
    assert by_kind(parts) == {"rests": 7, "feedback: answered": 5}
