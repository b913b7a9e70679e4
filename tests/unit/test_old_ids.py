"""Records that name an exercise the catalogue no longer has still load and still count."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import EARLIER_IDS, GONE, earlier_history, plans_after
from tui.history.roadmap import standing
from tui.history.tally import work_out
from tui.model.catalogue import Catalogue
from tui.store.store import Store


def test_the_retired_id_is_gone_and_every_other_earlier_id_is_kept(catalogue: Catalogue) -> None:
    """Issue 13 retired one id only; every other earlier id still names an exercise."""
    assert set(EARLIER_IDS) - set(catalogue.exercises) == {GONE}


def test_a_store_holding_every_earlier_exercise_id_still_loads(tmp_path: Path) -> None:
    """Sessions naming every earlier id, the retired one too, read back as they were saved."""
    path = tmp_path / "lumbar.json"
    history = earlier_history()
    store = Store.open(path)
    for session in history:
        store.save_session(session)
    assert list(Store.open(path).sessions()) == history


def test_progress_lists_an_exercise_the_catalogue_no_longer_has_by_its_id(
    catalogue: Catalogue,
) -> None:
    """The per-exercise feedback keeps the retired id's row, named by its id, with its hurt."""
    history = earlier_history()
    rows = {
        row.exercise: row
        for row in work_out(history, catalogue, 3, history[-1].started_at.date()).exercises
    }
    assert set(rows) == set(EARLIER_IDS)
    assert (rows[GONE].name, rows[GONE].hurt) == (GONE, 1)


def test_plans_and_the_roadmap_read_a_history_with_the_retired_id(catalogue: Catalogue) -> None:
    """Levels, next plans and the roadmap work out from old records without the retired id."""
    history = earlier_history()
    plans = plans_after(catalogue, history)
    played = {plan.exercise for plan in plans["sciatica-friendly"]}
    assert "dead-bug-staged" in played and GONE not in played
    assert standing(catalogue, history, None, history[-1].started_at.date()).current
