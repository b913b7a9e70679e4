"""The player as seen from the mat: big digits, the phase's word and colour, 3-2-1, the
compact layout on a small terminal, and the cautions of the exercise in hand."""

from __future__ import annotations

from typing import Any

import pytest
from rich.color import Color as RichColor
from textual.color import Color
from textual.widget import Widget

from tests.helpers import FakeClock, MakeApp, begin, player, snapshot, wait
from tui.app import LumbarApp
from tui.screens.cautions import CautionsDialog
from tui.screens.player import PlayerScreen
from tui.screens.too_small import TooSmall
from tui.session.timeline import StepKind
from tui.widgets.countdown import Countdown, DigitCell, PhaseWord
from tui.widgets.phase_header import PhaseHeader
from tui.widgets.session_bar import SessionBar
from tui.widgets.session_view import SessionView


def drawn_rows(app: LumbarApp) -> int:
    """How many rows of the countdown have glyphs on them."""
    cells = player(app).query_one(Countdown).query(DigitCell)
    return max((sum(1 for row in cell.rows(cell.char) if row.strip()) for cell in cells), default=0)


def shown(app: LumbarApp) -> str:
    """What the countdown shows."""
    return player(app).query_one(Countdown).text


@pytest.mark.parametrize(("size", "least"), [((80, 24), 7), ((120, 40), 14)])
async def test_the_countdown_fills_the_space_it_has(
    make: MakeApp, size: tuple[int, int], least: int
) -> None:
    """Seven rows tall at 80x24, and larger on a larger terminal."""
    app = make(play="quick-10")
    async with app.run_test(size=size) as pilot:
        await begin(pilot)
        assert shown(app) == "5"
        assert drawn_rows(app) >= least
        assert not player(app).has_class("-compact")


@pytest.mark.parametrize("size", [(60, 15), (40, 12)])
async def test_a_small_terminal_gets_the_compact_player(
    make: MakeApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    """Phase, countdown, exercise, rep/set/side and keys; no header, counters or steps."""
    app = make(play="quick-10")
    async with app.run_test(size=size) as pilot:
        await begin(pilot)
        screen = player(app)
        assert isinstance(app.screen, PlayerScreen) and screen.has_class("-compact")
        assert not screen.query_one(PhaseHeader).display
        assert not screen.query_one("#steps").display and screen.query_one("#brief").display
        assert drawn_rows(app) >= 3
        await wait(pilot, clock, 1)
        assert shown(app) == "4" and not snapshot(app).paused


async def test_growing_the_terminal_brings_the_full_layout_back(make: MakeApp) -> None:
    """Compact at 40x12, full again at 80x24, the session untouched."""
    app = make(play="quick-10")
    async with app.run_test(size=(40, 12)) as pilot:
        await begin(pilot)
        await pilot.resize_terminal(80, 24)
        assert not player(app).has_class("-compact")
        assert player(app).query_one(PhaseHeader).display


async def test_below_40x12_a_note_covers_the_player_and_the_session_waits(
    make: MakeApp, clock: FakeClock
) -> None:
    """At 20x8 nothing can be seen: the note says so and the session pauses."""
    app = make(play="quick-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await pilot.resize_terminal(20, 8)
        assert isinstance(app.screen, TooSmall)
        await wait(pilot, clock, 60)
        assert snapshot(app).paused and shown(app) == "5"


async def test_the_phase_is_a_word_and_an_accent_on_the_header_word_and_digits(
    make: MakeApp, clock: FakeClock
) -> None:
    """GET READY, then HOLD, then PAUSED: the word and the phase of each tinted part follow."""
    app = make(play="quick-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        screen = player(app)
        word, digits, bar, header = (
            screen.query_one(PhaseWord),
            screen.query_one(Countdown),
            screen.query_one(SessionBar),
            screen.query_one(PhaseHeader),
        )
        assert word.text == "GET READY"
        assert {w.phase for w in (word, digits, bar, header)} == {"ready"}
        while snapshot(app).step.kind is not StepKind.HOLD:
            await pilot.press("n")
        assert word.text == "HOLD"
        assert {w.phase for w in (word, digits, bar, header)} == {"hold"}
        await pilot.press("space")
        assert word.text == "PAUSED"
        assert {w.phase for w in (word, digits, bar, header)} == {"paused"}


async def test_3_2_1_rings_before_a_long_rest_ends(
    make: MakeApp, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One bell at each of 3, 2 and 1 seconds left, then one as the next step starts."""
    app = make(play="quick-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        while snapshot(app).step.kind is not StepKind.REST:
            await pilot.press("n")
        rest = snapshot(app).step.duration
        assert rest is not None and rest >= 10
        rings: list[Any] = []
        monkeypatch.setattr(app, "bell", lambda: rings.append(clock.now))
        start = clock.now
        await wait(pilot, clock, rest - 4)
        assert rings == []
        for _ in range(4):
            await wait(pilot, clock, 1)
        assert [round(t - start) for t in rings] == [rest - 3, rest - 2, rest - 1, rest]


async def test_the_first_caution_shows_and_c_shows_them_all_while_the_session_waits(
    make: MakeApp, clock: FakeClock
) -> None:
    """The caution line names the first; c lists every one, paused; closing carries on."""
    app = make(play="wall-sit")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        exercise = snapshot(app).exercise
        assert len(exercise.cautions) > 1
        view = player(app).query_one(SessionView)
        assert exercise.cautions[0] in view.caution and "c for all" in view.caution
        await pilot.press("c")
        dialog = app.screen
        assert isinstance(dialog, CautionsDialog)
        text = str(dialog.query_one("#cautions-text").render())
        assert all(caution in text for caution in exercise.cautions)
        assert "press !" in text
        await wait(pilot, clock, 30)
        assert snapshot(app).paused
        await pilot.press("escape")
        assert isinstance(app.screen, PlayerScreen) and not snapshot(app).paused


async def test_at_the_end_the_countdown_clears_and_says_done(
    make: MakeApp, clock: FakeClock
) -> None:
    """The last hold does not stay frozen on screen once the session is over."""
    app = make(play="wall-sit")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await wait(pilot, clock, 3600)
        view = player(app).query_one(SessionView)
        assert snapshot(app).finished
        assert (view.state, view.count) == ("DONE", "")


def drawn_colours(widget: Widget, y: int = 0) -> set[RichColor | None]:
    """The colours of the text the widget draws on its row ``y``."""
    return {segment.style.color for segment in widget.render_line(y) if segment.style}


async def test_pausing_draws_the_word_digits_bar_and_header_in_the_paused_colour(
    make: MakeApp, clock: FakeClock
) -> None:
    """The paused accent is drawn, not just named: $text-error text, a header on $error-muted."""
    app = make(play="quick-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await wait(pilot, clock, 60)  # some of the bar filled
        await pilot.press("space")
        screen, colours = player(app), app.theme_variables
        error = Color.parse(colours["text-error"]).rich_color
        assert drawn_colours(screen.query_one(PhaseWord), 1) == {error}
        assert drawn_colours(screen.query(DigitCell).first(), 1) == {error}
        bar = drawn_colours(screen.query_one(SessionBar))
        assert Color.parse(colours["error"]).rich_color in bar  # the part done
        under = Color.parse(colours["background"]) + Color.parse(colours["error-muted"])
        header = screen.query_one(PhaseHeader).render_line(0)
        assert {segment.style.bgcolor for segment in header if segment.style} == {under.rich_color}


async def test_the_header_draws_the_routine_and_the_note_then_session_over(
    make: MakeApp, clock: FakeClock
) -> None:
    """The routine's name and lumbar's note while it runs; "session over" once it is over."""
    app = make(play="wall-sit")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        header = player(app).query_one(PhaseHeader)
        assert header.render_line(0).text.strip() == f"Wall sit — {app.SUB_TITLE}"
        await wait(pilot, clock, 3600)
        assert header.render_line(0).text.strip() == "Wall sit — session over"


async def test_a_click_on_the_header_makes_it_three_rows_tall_as_textuals_did(
    make: MakeApp,
) -> None:
    """The title moves to the middle row; a second click makes it one row again."""
    app = make(play="wall-sit")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        header = player(app).query_one(PhaseHeader)
        await pilot.click(PhaseHeader)
        assert header.size.height == 3
        assert not header.render_line(0).text.strip() and "Wall sit" in header.render_line(1).text
        await pilot.click(PhaseHeader)
        assert header.size.height == 1


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "ansi-dark", "ansi-light"])
async def test_the_headers_title_stands_out_from_its_background_in_every_phase(
    make: MakeApp, clock: FakeClock, theme: str
) -> None:
    """'Not medical advice: stop if it hurts' is readable: its colour is not its background's."""
    app = make(play="quick-10")
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await begin(pilot)
        header = player(app).query_one(PhaseHeader)
        for phase in ("ready", "move", "hold", "count", "rest", "done", "switch", "paused"):
            header.phase = phase
            await pilot.pause()
            styles = {segment.style for segment in header.render_line(0) if segment.text.strip()}
            assert styles and all(s and s.color != s.bgcolor for s in styles), (phase, styles)
