"""Attributes down in the player: its snapshot and open question reach the widgets by binding."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from tests.helpers import FakeClock, MakeApp
from tui.screens.dialogs import PainCheck
from tui.screens.player import PlayerScreen
from tui.widgets.countdown import Countdown, PhaseWord
from tui.widgets.feedback import FeedbackPrompt, Question
from tui.widgets.key_bar import KeyBar
from tui.widgets.readout import Readout
from tui.widgets.session_bar import SessionBar

SIZE = (80, 24)


async def started(pilot: Pilot[None]) -> PlayerScreen:
    """Answer the pain check; the player, running."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, PainCheck)
    await pilot.press("4")
    screen = pilot.app.screen
    assert isinstance(screen, PlayerScreen)
    return screen


def spy_updates(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The id of every widget updated from now on."""
    seen: list[str | None] = []
    for cls, method in ((Static, "update"), (Countdown, "show"), (SessionBar, "refresh")):
        original = getattr(cls, method)

        def spy(self: Any, *args: Any, _original: Any = original, **kwargs: Any) -> Any:
            seen.append(self.id)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(cls, method, spy)
    return seen


async def test_the_open_question_shows_in_the_panel_and_enables_its_keys(
    make: MakeApp, clock: FakeClock
) -> None:
    """Setting the screen's question opens the panel with it; None closes it."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot)
        panel = screen.query_one(FeedbackPrompt)
        assert not panel.display and not screen.check_action("feedback", ())
        screen.question = Question(0, "Bridge", clock.now + 10)
        await pilot.pause()
        assert panel.display and panel.question == screen.question
        assert "How did Bridge feel?" in panel.query_one("#feedback-question", Readout).text
        assert screen.check_action("feedback", ())
        screen.question = None
        await pilot.pause()
        assert not panel.display and panel.question is None


async def test_an_equal_snapshot_updates_no_widget(
    make: MakeApp, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual skips an equal value, so showing the same moment again repaints nothing."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot)
        seen = spy_updates(monkeypatch)
        assert screen.snapshot is not None
        screen.snapshot = replace(screen.snapshot)  # equal, not the same object
        screen.refresh_display()  # the clock has not moved
        await pilot.pause()
        assert seen == []
        clock.now += 1
        screen.refresh_display()
        await pilot.pause()
        assert "countdown" in seen


async def test_pausing_tints_the_countdown_and_the_word_over_it(
    make: MakeApp, clock: FakeClock
) -> None:
    """The view's phase is bound into the widgets that take its colour: paused is its own."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        screen = await started(pilot)
        state, countdown = screen.query_one("#state", PhaseWord), screen.query_one(Countdown)
        assert state.phase == countdown.phase == "ready"
        await pilot.press("space")
        assert state.text == "PAUSED"
        assert state.phase == countdown.phase == "paused"
        await pilot.press("space")
        assert state.phase == countdown.phase == "ready"


async def test_space_reads_resume_on_the_key_bar_while_paused(make: MakeApp) -> None:
    """The player's labels are bound into its key bar: Pause, Resume once paused, Pause again."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        bar = (await started(pilot)).query_one(KeyBar)
        assert " space Pause " in bar_text(bar) and "Resume" not in bar_text(bar)
        await pilot.press("space")
        assert " space Resume " in bar_text(bar) and "Pause" not in bar_text(bar)
        await pilot.press("space")
        assert " space Pause " in bar_text(bar)


def bar_text(bar: KeyBar) -> str:
    """What the key bar draws now."""
    return str(bar.render())


class BarApp(App[None]):
    """A session bar ten cells wide, alone."""

    CSS = "SessionBar { width: 10; height: 1; }"

    def compose(self) -> ComposeResult:
        """The bar."""
        yield SessionBar()


async def test_the_bar_repaints_only_when_a_cell_more_is_filled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Seconds done that fill no new cell cost nothing on the terminal."""
    async with BarApp().run_test(size=(20, 3)) as pilot:
        bar = pilot.app.query_one(SessionBar)
        bar.total = 100
        await pilot.pause()
        seen = spy_updates(monkeypatch)
        bar.done = 4  # 0.4 of a cell: still none filled
        assert seen == []
        bar.done = 10  # one cell
        assert len(seen) == 1
        assert bar.fraction == pytest.approx(0.1)
