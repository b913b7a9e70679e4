"""A red-flag yes stops sessions: every way to play meets a dialog, until the check is clear."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Markdown, Static

from tests.helpers import (
    SIZE,
    FakeClock,
    MakeApp,
    begin,
    end_now,
    open_progress,
    run_from_palette,
    said_yes_to_a_red_flag,
)
from tui.app import LumbarApp
from tui.history.safety import red_flags
from tui.messages import PlayRoutine
from tui.model.catalogue import Catalogue
from tui.screens.dialogs import Confirm, PainCheck
from tui.screens.player import PlayerScreen
from tui.screens.safety import NOT_ADVICE, SafetyScreen
from tui.screens.select import SelectScreen
from tui.screens.stopped import SessionsStopped
from tui.store.store import Store
from tui.widgets.safety_banner import SafetyBanner


@pytest.fixture
def stopped(make: MakeApp, empty_store: Store, clock: FakeClock) -> LumbarApp:
    """The app on a store whose answers, given just now, said yes to fever."""
    return make(store=said_yes_to_a_red_flag(empty_store, clock.wall()))


def playing(app: LumbarApp) -> bool:
    """True when the player is open (its pain check perhaps on top)."""
    return any(isinstance(screen, PlayerScreen) for screen in app.screen_stack)


def shown(app: LumbarApp) -> str:
    """The page of the safety check on screen, as Markdown."""
    return str(app.screen.query_one("#safety-text", Markdown).source)


async def settle(pilot: Pilot[None]) -> None:
    """Let the workers (the store's writes) finish, and the screens catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def answer_all_no(pilot: Pilot[None], catalogue: Catalogue) -> None:
    """Answer every red-flag question no."""
    assert isinstance(pilot.app.screen, SafetyScreen)
    await pilot.press(*"n" * len(red_flags(catalogue)))
    await settle(pilot)


async def test_enter_on_a_routine_shows_the_dialog_not_the_player(stopped: LumbarApp) -> None:
    """Enter on a routine, after a yes: the dialog, no player."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(stopped.screen, SessionsStopped)
        assert not playing(stopped)


async def test_roadmap_enter_shows_the_dialog_not_the_player(stopped: LumbarApp) -> None:
    """Enter on the roadmap, after a yes: the dialog, no player."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("r", "enter")
        assert isinstance(stopped.screen, SessionsStopped)
        assert not playing(stopped)


async def test_play_from_the_palette_shows_the_dialog_not_the_player(stopped: LumbarApp) -> None:
    """The palette's "choose: Play", after a yes: the dialog, no player."""
    async with stopped.run_test(size=SIZE) as pilot:
        await run_from_palette(pilot, "choose: Play")
        assert isinstance(stopped.screen, SessionsStopped)
        assert not playing(stopped)


async def test_lumbar_play_shows_the_dialog_not_the_player(
    make: MakeApp, empty_store: Store, clock: FakeClock
) -> None:
    """`lumbar play ROUTINE`, after a yes: the dialog, no player."""
    app = make(store=said_yes_to_a_red_flag(empty_store, clock.wall()), play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionsStopped)
        assert not playing(app)


async def test_a_yes_on_a_first_run_of_lumbar_play_shows_the_dialog(
    make: MakeApp, empty_store: Store, catalogue: Catalogue
) -> None:
    """`lumbar play ROUTINE` on a first run, a yes to the check: the dialog, no player."""
    app = make(store=empty_store, play="quick-10")
    last = len(red_flags(catalogue)) - 1
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"n" * last, "y", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsStopped)
        assert not playing(app)


async def test_the_dialog_says_why_and_how_on(stopped: LumbarApp) -> None:
    """The dialog names the day and the yes, and the keys that lead on."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        text = " ".join(str(static.render()) for static in stopped.screen.query(Static))
        assert "On 1 Mar 2025 you answered yes to a red flag: fever with back pain." in text
        assert "k    take the red-flag check again" in text
        assert "c    a clinician has cleared me to exercise" in text
        assert NOT_ADVICE in text


async def test_escape_leaves_the_dialog_without_a_session(stopped: LumbarApp) -> None:
    """Escape closes the dialog: back to the list, no player."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "escape")
        assert isinstance(stopped.screen, SelectScreen)
        assert not playing(stopped)


async def test_retaking_the_check_with_all_no_opens_the_player(
    stopped: LumbarApp, catalogue: Catalogue, empty_store: Store
) -> None:
    """From the dialog: the check again, all no, and the routine asked for plays."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "k")
        await answer_all_no(pilot, catalogue)
        assert playing(stopped)
        assert isinstance(stopped.screen, PainCheck)
    check = empty_store.safety()
    assert check is not None and not check.any_yes


async def test_retaking_the_check_with_a_yes_keeps_sessions_stopped(
    stopped: LumbarApp, catalogue: Catalogue
) -> None:
    """From the dialog: the check again with a yes, and still no player."""
    last = len(red_flags(catalogue)) - 1
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "k", *"n" * last, "y", "enter")
        await settle(pilot)
        assert isinstance(stopped.screen, SelectScreen)
        assert not playing(stopped)
        await pilot.press("enter")
        assert isinstance(stopped.screen, SessionsStopped)


async def test_stating_a_clearance_opens_the_player(stopped: LumbarApp) -> None:
    """From the dialog: a clinician cleared me, yes, and the routine asked for plays."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "c")
        assert isinstance(stopped.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert playing(stopped)


async def test_a_clearance_is_stored_with_its_date(
    stopped: LumbarApp, empty_store: Store, clock: FakeClock
) -> None:
    """The clearance is kept, dated when it was stated, with the yes it lifts."""
    async with stopped.run_test(size=SIZE) as pilot:
        clock.now += 3600
        await pilot.press("enter", "c", "y")
        await settle(pilot)
    check = empty_store.safety()
    assert check is not None and check.cleared_at == clock.wall()
    assert check.any_yes and check.yes_to == ("red-flag-fever",)


async def test_no_to_the_clearance_question_keeps_sessions_stopped(stopped: LumbarApp) -> None:
    """Taking the clearance back at its question: still the dialog, no player."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "c", "n")
        assert isinstance(stopped.screen, SessionsStopped)
        assert not playing(stopped)


async def test_the_progress_history_shows_the_clearance_with_its_date(
    stopped: LumbarApp,
) -> None:
    """After a clearance and a session, the progress history names the clearance and its day."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "c", "y")
        await settle(pilot)
        await begin(pilot)
        await end_now(pilot)
        await open_progress(pilot)
        await pilot.press("3")
        record = stopped.screen.query_one("#safety-record", Static)
        assert record.display
        assert str(record.render()).startswith(
            "1 Mar 2025: you stated that a clinician cleared you to exercise"
        )


@pytest.mark.parametrize(
    ("keys", "said"),
    [(["y"], "bladder or bowels"), (["n", "y"], "groin")],
    ids=["bladder-bowel", "saddle-numbness"],
)
async def test_the_emergency_page_comes_first(
    make: MakeApp, empty_store: Store, keys: list[str], said: str
) -> None:
    """Yes to an emergency (asked first): the emergency page at once, no more questions."""
    app = make(store=empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        page = shown(app)
        assert page.startswith("## Get urgent medical help now")
        assert page.index("emergency department") < page.index("You answered yes")
        assert said in page
        assert "Question" not in page


async def test_an_emergency_yes_is_kept_and_stops_sessions(
    make: MakeApp, empty_store: Store
) -> None:
    """Enter on the emergency page keeps the yes: sessions stop."""
    app = make(store=empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SelectScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, SessionsStopped)
    check = empty_store.safety()
    assert check is not None and check.yes_to == ("red-flag-bladder-bowel",)


@pytest.mark.parametrize("keys", [[], ["n", "n", "y"], ["y"]], ids=["question", "yes", "emergency"])
async def test_the_not_medical_advice_line_stays_on_every_page(
    make: MakeApp, empty_store: Store, keys: list[str]
) -> None:
    """The not-medical-advice line is on screen under every page of the check."""
    app = make(store=empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        note = app.screen.query_one("#not-advice", Static)
        assert str(note.render()) == NOT_ADVICE
        assert note.region.height == 1 and note.region.bottom <= SIZE[1] - 1


@pytest.mark.parametrize("key", ["c", "r", "p", "comma"])
async def test_the_banner_shows_on_every_mode_while_stopped(stopped: LumbarApp, key: str) -> None:
    """Each mode's screen has the one-line banner, naming the key that retakes the check."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        banner = stopped.screen.query_one(SafetyBanner)
        assert banner.display and banner.region.height == 1
        assert str(banner.render()) == (
            "Sessions are stopped after a red-flag yes. Press k to take the check again."
        )


async def test_no_banner_while_sessions_are_not_stopped(app: LumbarApp) -> None:
    """No yes: no banner."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(SafetyBanner).display


async def test_the_banner_goes_once_the_check_is_clear(
    stopped: LumbarApp, catalogue: Catalogue
) -> None:
    """k, all no: the banner goes, here and on the other modes."""
    async with stopped.run_test(size=SIZE) as pilot:
        await pilot.press("k")
        await answer_all_no(pilot, catalogue)
        assert not stopped.screen.query_one(SafetyBanner).display
        await pilot.press("r")
        await pilot.pause()
        assert not stopped.screen.query_one(SafetyBanner).display


async def test_the_retake_key_works_from_the_select_screen(
    app: LumbarApp, catalogue: Catalogue, store: Store, clock: FakeClock
) -> None:
    """k on the select screen asks the questions again, and keeps the new answers."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
        await pilot.press("k")
        await answer_all_no(pilot, catalogue)
        assert isinstance(app.screen, SelectScreen)
    check = store.safety()
    assert check is not None and check.answered_at == clock.wall()


async def test_the_retake_key_can_be_remapped(app: LumbarApp) -> None:
    """The retake key is a binding with an id: a keymap moves it."""
    async with app.run_test(size=SIZE) as pilot:
        app.set_keymap({"safety.retake": "j"})
        await pilot.press("j")
        assert isinstance(app.screen, SafetyScreen)


async def test_the_check_can_be_retaken_from_the_palette(app: LumbarApp) -> None:
    """The palette's "safety: Take the red-flag check again" asks the questions."""
    async with app.run_test(size=SIZE) as pilot:
        await run_from_palette(pilot, "safety: Take the red-flag check again")
        assert isinstance(app.screen, SafetyScreen)


async def test_no_routine_plays_however_it_is_asked_for(
    stopped: LumbarApp, catalogue: Catalogue
) -> None:
    """A play request from anywhere (here posted straight to the app) meets the dialog."""
    async with stopped.run_test(size=SIZE) as pilot:
        stopped.post_message(PlayRoutine(catalogue.routine("quick-10")))
        await pilot.pause()
        assert isinstance(stopped.screen, SessionsStopped)
        assert not playing(stopped)
