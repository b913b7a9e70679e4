"""Provenance on screen: lumbar's choices marked, every note one key away, the user's own marked."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.helpers import GOOD, FakeClock, MakeApp, app_on, begin, cursor_to, player, snapshot, wait
from tui.catalogue.load import load_catalogue, user_dir
from tui.model import CHOSEN_MARK
from tui.screens.cautions import CautionsDialog
from tui.store import Store
from tui.widgets.description import DescriptionView
from tui.widgets.session_view import SessionView


async def test_the_players_dialog_shows_the_items_note(make: MakeApp) -> None:
    """``c`` on SpineNation's first stretch shows the routine's note about the towel."""
    app = make(play="spinenation")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        note = snapshot(app).exercise.note
        assert note.startswith("Hook a towel")
        await pilot.press("c")
        assert isinstance(app.screen, CautionsDialog)
        text = str(app.screen.query_one("#cautions-text").render())
        assert "Notes" in text and note in text


async def test_the_dose_line_marks_lumbars_choice(make: MakeApp) -> None:
    """The squat's count and pace are lumbar's: the dose line marks them and says so."""
    app = make(play="squat")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        reason = player(app).query_one(SessionView).reason
        assert f"5 reps{CHOSEN_MARK}" in reason and "lumbar's choice" in reason


async def test_a_stages_note_shows_while_that_stage_plays(make: MakeApp, clock: FakeClock) -> None:
    """Lying face down before the press-ups, the player says when to go beyond it."""
    app = make(play="back-extension")
    async with app.run_test(size=(80, 24)) as pilot:
        await begin(pilot)
        await wait(pilot, clock, 15)
        assert snapshot(app).step.stage_name == "Lie face down"
        steps = player(app).query_one(SessionView).steps
        assert steps.startswith("Lie face down: If this hurts, put a pillow")


async def test_a_users_exercise_is_marked_as_theirs(store: Store, clock: FakeClock) -> None:
    """In the list it reads "(yours)"; in the detail pane, "Your own exercise"."""
    folder = user_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(GOOD, encoding="utf-8")
    app = app_on(load_catalogue(user=folder).catalogue, store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"towel stretch", "enter")
        choices = app.screen.query_one("#choices", OptionList)
        prompts = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert "  Towel stretch (yours)" in prompts
        await cursor_to(pilot, "#choices", "exercise:towel-stretch")
        detail = app.screen.query_one("#detail", DescriptionView).text
        assert "Towel stretch" in detail and "Your own exercise" in detail
