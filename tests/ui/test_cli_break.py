"""``lumbar break``: the Desk break, standing and seated only, through lumbar play's own gate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import SIZE, FakeClock, MakeApp, run_cli, said_yes_to_a_red_flag
from tui import cli
from tui.app import LumbarApp
from tui.cli_status import DESK_BREAK
from tui.model.catalogue import Catalogue
from tui.screens.player import PlayerScreen
from tui.screens.stopped import SessionsStopped
from tui.store.store import Store


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Each time the app is run: the routine it was asked to play first."""
    seen: list[str | None] = []

    def run(self: LumbarApp, **_: Any) -> None:
        seen.append(self.first_routine)

    monkeypatch.setattr(LumbarApp, "run", run)
    monkeypatch.setattr(cli, "on_a_terminal", lambda: True)  # pytest's own streams are not
    return seen


def test_break_plays_the_desk_break_as_play_would(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, runs: list[str | None]
) -> None:
    """`lumbar break` and `lumbar play desk-break` start the app the same way."""
    db = str(tmp_path / "lumbar.json")
    assert run_cli(capsys, "--db", db, "break")[0] == 0
    assert run_cli(capsys, "--db", db, "play", DESK_BREAK)[0] == 0
    assert runs == [DESK_BREAK, DESK_BREAK]


def test_the_desk_break_is_standing_and_seated_only(catalogue: Catalogue) -> None:
    """Every exercise of the Desk break starts standing or seated: no floor."""
    routine = catalogue.routine(DESK_BREAK)
    positions = {catalogue.exercises[item.exercise].position for item in routine.items}
    assert positions and positions <= {"standing", "seated"}


async def test_break_refuses_while_a_red_flag_stops_sessions(
    make: MakeApp, empty_store: Store, clock: FakeClock
) -> None:
    """After a red-flag yes, the break meets the same dialog as play: no player."""
    app = make(store=said_yes_to_a_red_flag(empty_store, clock.wall()), play=DESK_BREAK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionsStopped)
        assert not any(isinstance(screen, PlayerScreen) for screen in app.screen_stack)
