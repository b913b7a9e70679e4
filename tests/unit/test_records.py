"""An exercise's record: done in full only when every planned rep was done and no hold cut."""

from __future__ import annotations

import msgspec

from tests.helpers import make_result
from tui.model.records import ExerciseResult
from tui.model.words import shortfall_text


def test_a_result_with_every_rep_done_and_no_hold_cut_is_full() -> None:
    """Outcome "done", 24 of 24 reps, no hold cut short: done in full."""
    assert make_result().full


def test_a_result_with_a_rep_left_undone_is_not_full() -> None:
    """23 of 24 reps: not done in full, even when its outcome says "done"."""
    assert not make_result(reps_done=23).full


def test_a_result_with_a_hold_cut_short_is_not_full() -> None:
    """Every rep done but one hold cut short: not done in full."""
    assert not make_result(holds_cut=1).full


def test_a_result_cut_short_skipped_or_stopped_is_not_full() -> None:
    """Only the outcome "done" can be done in full."""
    for outcome in ("cut", "skipped", "hurt", "stopped"):
        assert not make_result(outcome=outcome).full, outcome


def test_a_record_written_before_holds_cut_decodes_with_none_cut() -> None:
    """An older record has no holds_cut: it reads as 0."""
    document = msgspec.to_builtins(make_result())
    del document["holds_cut"]
    assert msgspec.convert(document, ExerciseResult).holds_cut == 0


def test_what_was_left_undone_is_said_in_reps_and_holds() -> None:
    """``8 of 24 reps, 2 holds cut short``; only what fell short; nothing when done in full."""
    assert shortfall_text(make_result(reps_done=8, holds_cut=2)) == (
        "8 of 24 reps, 2 holds cut short"
    )
    assert shortfall_text(make_result(holds_cut=1)) == "1 hold cut short"
    assert shortfall_text(make_result()) == ""
