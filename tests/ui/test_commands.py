"""The command palette offers each screen's actions by name, and only where they work."""

from __future__ import annotations

from tests.helpers import MakeApp, begin, player, run_from_palette
from tui.app import LumbarApp
from tui.commands import ScreenCommands, group_of
from tui.screens.advice import AvoidList


def names(app: LumbarApp) -> set[str]:
    """The lumbar entries the palette would offer over the current screen."""
    provider = ScreenCommands(app.screen)
    return {command.name for command in provider.commands()}


def test_binding_ids_name_their_namespace() -> None:
    assert group_of("player.skip") == "session"
    assert group_of("select.avoid") == "choose"
    assert group_of("move-on.yes") == "move on"


async def test_the_select_screen_offers_its_actions_not_the_players(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        offered = names(app)
        assert {"choose: Avoid", "choose: Play", "lumbar: Roadmap"} <= offered
        assert "lumbar: Choose" not in offered  # already here: check_action hides it
        assert not any(name.startswith("session:") for name in offered)


async def test_the_player_offers_session_actions_only_while_it_runs(make: MakeApp) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "session: Skip" not in names(app)  # the pain check is up: nothing runs yet
        await begin(pilot)
        assert {"session: Skip", "session: Pause", "session: Next"} <= names(app)
        assert "lumbar: Roadmap" not in names(app)  # no leaving a session by switching modes


async def test_a_command_typed_in_the_palette_runs_it(make: MakeApp) -> None:
    app = make(play="quick-10")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        first = player(app).engine.snapshot().exercise.name
        await run_from_palette(pilot, "session: Skip")
        assert player(app).engine.snapshot().exercise.name != first
        assert player(app).engine.session().exercises[0].outcome == "skipped"


async def test_the_avoid_list_is_in_the_palette(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await run_from_palette(pilot, "choose: Avoid")
        assert isinstance(app.screen, AvoidList)


async def test_another_mode_can_be_chosen_from_the_palette(app: LumbarApp) -> None:
    """The palette's "lumbar: Roadmap", over the select screen, switches to the roadmap."""
    async with app.run_test(size=(80, 24)) as pilot:
        await run_from_palette(pilot, "lumbar: Roadmap")
        assert app.current_mode == "roadmap"
