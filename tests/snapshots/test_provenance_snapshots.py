"""Provenance as a person sees it at 80x24: lumbar's choices marked, notes in plain words."""

from __future__ import annotations

from collections.abc import Callable

from tui.app import LumbarApp

SnapCompare = Callable[..., bool]


def test_detail_pane_marks_lumbars_choice_and_shows_the_note(
    snap_compare: SnapCompare, app: LumbarApp
) -> None:
    """The squat: its count and pace marked as lumbar's, the legend, then the dose's note."""
    assert snap_compare(app, terminal_size=(80, 24), press=["slash", *"squat", "enter"])
