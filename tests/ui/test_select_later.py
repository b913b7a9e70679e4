"""`lumbar play` and `lumbar resume`: the select screen under the player waits till it is shown.

Its widgets, styles and plans are about 2 MB that a session started from the command line never
shows (peak memory at the player, see BENCHMARKS.md).
"""

from __future__ import annotations

from textual.widgets import OptionList

from tests.helpers import SIZE, FakeClock, MakeApp, begin, end_now, said_yes_to_a_red_flag
from tui.app import LumbarApp
from tui.screens.select import SelectScreen
from tui.store.store import Store


def select_screen(app: LumbarApp) -> SelectScreen:
    """The select mode's screen, at the bottom of the stack."""
    screen = app.screen_stack[0]
    assert isinstance(screen, SelectScreen)
    return screen


def listed(screen: SelectScreen) -> bool:
    """True once the screen's list is composed."""
    return bool(screen.query("#choices"))


async def test_the_select_screen_under_lumbar_play_is_not_composed(make: MakeApp) -> None:
    """While the session lumbar started on plays, the screen under it holds no widgets."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        assert not listed(select_screen(app))


async def test_the_select_screen_is_composed_as_the_player_leaves(make: MakeApp) -> None:
    """Once the session ends, the list is there, focused, its cursor on the first routine."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await end_now(pilot)
        await pilot.pause()
        choices = app.screen.query_one("#choices", OptionList)
        assert choices.has_focus
        assert choices.highlighted == 1  # the first routine, under the heading


async def test_a_refused_lumbar_play_shows_the_select_screen_under_its_dialog(
    make: MakeApp, empty_store: Store, clock: FakeClock
) -> None:
    """After a red-flag yes no player opens: its dialog is over the whole select screen."""
    stopped = said_yes_to_a_red_flag(empty_store, clock.wall())
    async with make(store=stopped, play="quick-10").run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert listed(select_screen(pilot.app))  # type: ignore[arg-type]


async def test_a_start_without_a_session_composes_the_select_screen_at_once(
    make: MakeApp,
) -> None:
    """Plain `lumbar`: the list is there from the first frame."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen is select_screen(app)
        assert app.screen.query_one("#choices", OptionList).has_focus
