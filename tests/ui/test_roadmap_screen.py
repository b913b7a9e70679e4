"""The roadmap screen, driven with keys as a person would."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from tests.helpers import (
    MARCH,
    TILT,
    TUCK,
    FakeClock,
    MakeApp,
    everything_done,
    midway,
    notifications,
    player,
)
from tui.app import LumbarApp
from tui.history.intro import start_rung
from tui.history.roadmap import standing, todays_routine
from tui.messages import PlayRoutine
from tui.model import ladder
from tui.model.catalogue import Catalogue
from tui.model.records import RoadmapState
from tui.screens.dialogs import MoveOnDialog
from tui.screens.roadmap import RoadmapScreen
from tui.screens.roadmap_columns import PhaseColumn, Row
from tui.screens.select import SelectScreen
from tui.store.store import Store


class SpyApp(LumbarApp):
    """The app, keeping every PlayRoutine it gets instead of opening the player."""

    def __init__(self, catalogue: Catalogue, store: Store, clock: FakeClock) -> None:
        super().__init__(catalogue, store, clock=clock, wall=clock.wall)
        self.played: list[PlayRoutine] = []

    def on_play_routine(self, message: PlayRoutine) -> None:
        self.played.append(message)


def column(app: LumbarApp, phase: str) -> PhaseColumn:
    return app.screen.query_one(f"#phase-{phase}", PhaseColumn)


def texts(app: LumbarApp, phase: str) -> list[str]:
    """Every line of text in a phase's column, a row's mark and text joined."""
    found: list[str] = []
    for widget in column(app, phase).query("Row, .heading, .unlock, .rule"):
        if isinstance(widget, Row):
            found.append(f"{widget.mark_text} {widget.body}")
        elif isinstance(widget, Static):
            found.append(str(widget.content))
    return found


def marks(app: LumbarApp, phase: str) -> dict[str, str]:
    """Each exercise row's text and its state class, for the exercise rows at the top."""
    count = next(len(p.exercises) for p in app.catalogue.phases if p.id == phase)
    exercise_rows = list(column(app, phase).query(Row))[:count]
    return {
        row.body: next(c for c in ("done", "rung", "locked", "todo") if row.has_class(c))
        for row in exercise_rows
    }


def summary(app: LumbarApp) -> str:
    return str(app.screen.query_one("#summary", Static).content)


async def test_a_new_user_is_in_align_on_the_pelvic_tilt(
    app: LumbarApp, catalogue: Catalogue
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert isinstance(app.screen, RoadmapScreen)
        align = column(app, "align")
        assert align.has_class("current") and align.has_focus
        assert not column(app, "stabilize").has_class("current")
        assert align.border_subtitle == "you are here"
        assert column(app, "stabilize").border_subtitle == "after ALIGN"
        lines = texts(app, "align")
        assert lines[0] == "▸ Pelvic tilt"
        assert marks(app, "align")["Lumbo-pelvic march"] == "locked"
        assert marks(app, "align")["Hip flexor unlock"] == "todo"
        assert "· 0 of 8 sessions" in lines and "· 0 of 14 days" in lines
        assert "· 0 of 3 pain-free in a row" in lines
        assert "· 8 more sessions" in lines and "· 14 more days" in lines
        rule = catalogue.phases[0].complete_when.text
        assert f"{rule} (lumbar's own rule: the article gives none.)" in lines
        assert (
            summary(app) == "You are in ALIGN. Enter starts today's session: ALIGN: daily session."
        )


async def test_a_history_is_counted_and_marked(make: MakeApp, clock: FakeClock) -> None:
    app = make(history=midway(clock.wall()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        lines = texts(app, "align")
        assert "· 5 of 8 sessions" in lines
        assert "· 9 of 14 days" in lines
        assert "· 2 of 3 pain-free in a row" in lines
        assert lines[lines.index("Still to do") + 1 :][:2] == ["· 3 more sessions", "· 5 more days"]
        assert "· Do the piriformis stretch" in lines
        assert marks(app, "align") == {
            "Pelvic tilt": "done",
            "Lumbo-pelvic march": "rung",
            "Double knee tuck": "locked",
            "Hip flexor unlock": "done",
            "Hip flexor stretch": "done",
            "Hamstring unlock": "done",
            "Standing hamstring stretch": "done",
            "Piriformis unlock": "done",
            "Piriformis stretch": "todo",
        }
        assert any(line.startswith("Double knee tuck unlocks after 2 more good") for line in lines)
        assert summary(app).endswith("ALIGN: daily session, with the lumbo-pelvic march.")
        assert set(marks(app, "stabilize").values()) == {"todo"}


async def test_a_completed_roadmap_says_so_and_stays_in_maintain(
    make: MakeApp, clock: FakeClock, catalogue: Catalogue
) -> None:
    app = make(history=everything_done(clock.wall(), catalogue))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert summary(app).startswith("Every phase is complete. MAINTAIN stays your phase")
        assert column(app, "maintain").has_class("current")
        assert column(app, "maintain").border_subtitle == "done · you are here"
        assert column(app, "align").border_subtitle == "done"
        assert set(marks(app, "align").values()) == {"done"}
        assert "✓ Nothing: this phase is complete." in texts(app, "stabilize")
        assert "✓ 8 of 8 sessions" in texts(app, "align")
        await pilot.press("m")  # nowhere to move on to: no dialog
        assert isinstance(app.screen, RoadmapScreen)


@pytest.mark.parametrize(
    ("history", "first"), [(False, TILT), (True, MARCH)], ids=["new", "midway"]
)
async def test_enter_plays_todays_routine_of_the_current_phase(
    clock: FakeClock, catalogue: Catalogue, store: Store, history: bool, first: str
) -> None:
    sessions = midway(clock.wall()) if history else []
    for session in sessions:
        store.save_session(session)
    app = SpyApp(catalogue, store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "enter")
        await pilot.pause()
        assert len(app.played) == 1
        played = app.played[0]
        expected = todays_routine(
            catalogue, standing(catalogue, sessions, RoadmapState(), clock.wall().date())
        )
        assert (played.routine, played.phase) == (expected, "align")
        assert played.routine.items[0].exercise == first


@pytest.mark.parametrize("answer", ["n", "escape", "enter"])
async def test_declining_to_move_on_changes_nothing(
    make: MakeApp, clock: FakeClock, store: Store, answer: str
) -> None:
    app = make(history=midway(clock.wall(), calm=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "m")
        assert isinstance(app.screen, MoveOnDialog)
        note = str(app.screen.query_one("#note", Static).content)
        assert note.startswith(
            "ALIGN is not done yet by lumbar's own rule (the article gives none): 3 more sessions"
        )
        await pilot.press(answer)
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, RoadmapScreen)
        assert store.roadmap_state() == RoadmapState()
        assert column(app, "align").has_class("current")


@pytest.mark.parametrize("keys", [["y"], ["shift+tab", "enter"]], ids=["y", "button"])
async def test_moving_on_saves_the_state_and_stabilize_becomes_current(
    make: MakeApp, clock: FakeClock, store: Store, keys: list[str]
) -> None:
    app = make(history=midway(clock.wall(), calm=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "m", *keys)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.roadmap_state() == RoadmapState(moved_to="stabilize", moved_at=clock.wall())
        stabilize = column(app, "stabilize")
        assert stabilize.has_class("current") and stabilize.has_focus
        assert column(app, "align").border_subtitle == "moved on early"
        assert summary(app).startswith("You are in STABILIZE (you moved on early).")
        assert texts(app, "align")[1] == "▸ Lumbo-pelvic march"  # ALIGN's history is kept


async def test_left_and_right_move_between_phases_and_down_scrolls_one(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "right")
        assert column(app, "stabilize").has_focus
        await pilot.press("right", "right")
        assert column(app, "maintain").has_focus
        await pilot.press("left")
        assert column(app, "stabilize").has_focus
        await pilot.press("down", "down")
        assert column(app, "stabilize").scroll_y == 2
        assert column(app, "align").scroll_y == 0
        await pilot.press("tab")
        assert column(app, "maintain").has_focus


async def test_c_and_r_switch_modes(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, SelectScreen)
        await pilot.press("r")
        assert isinstance(app.screen, RoadmapScreen) and app.current_mode == "roadmap"
        await pilot.press("c")
        assert isinstance(app.screen, SelectScreen) and app.current_mode == "select"


async def test_c_and_r_type_into_the_search_box(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"cr")
        assert isinstance(app.screen, SelectScreen)
        assert app.screen.query_one("#search", Input).value == "cr"


async def test_coming_back_counts_a_session_played_meanwhile(
    app: LumbarApp, clock: FakeClock, store: Store
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert "· 0 of 8 sessions" in texts(app, "align")
        await pilot.press("c")
        store.save_session(midway(clock.wall())[-1])
        await pilot.press("r")
        assert "· 1 of 8 sessions" in texts(app, "align")
        assert marks(app, "align")["Hip flexor unlock"] == "done"


async def test_a_moved_on_state_in_the_store_is_shown(
    app: LumbarApp, clock: FakeClock, store: Store
) -> None:
    store.save_roadmap_state(RoadmapState(moved_to="maintain", moved_at=clock.wall()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        assert column(app, "maintain").has_class("current")
        assert column(app, "stabilize").border_subtitle == "moved on early"
        await pilot.press("m")  # MAINTAIN is the last phase: nothing to move on to
        assert isinstance(app.screen, RoadmapScreen)
        assert "m" not in {key for key, b in app.screen.active_bindings.items() if b.enabled}


def test_the_marks_need_no_app(catalogue: Catalogue) -> None:
    from tui.screens.roadmap_columns import exercise_marks, progress_lines

    now = FakeClock().wall()
    align = standing(catalogue, midway(now), None, now.date()).phase("align")
    assert exercise_marks(align)[:3] == [(TILT, "done"), (MARCH, "rung"), (TUCK, "locked")]
    assert progress_lines(align) == [
        ("5 of 8 sessions", False),
        ("9 of 14 days", False),
        ("2 of 3 pain-free in a row", False),
    ]


async def test_a_file_spoiled_meanwhile_is_reported_not_fatal(
    make: MakeApp, clock: FakeClock, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make(history=midway(clock.wall()))
    titles: list[str] = []
    monkeypatch.setattr(app, "notify", lambda *args, **kwargs: titles.append(kwargs["title"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "c")
        store.path.write_text("{not json")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RoadmapScreen)
        assert "· 5 of 8 sessions" in texts(app, "align")
        assert titles == ["Could not read your progress"]


async def test_moving_on_is_refused_after_a_pain_flag_and_says_why(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """Pain rose in one of the last three sessions: no dialog, a notice that names it."""
    app = make(history=midway(clock.wall()))
    async with app.run_test(size=(80, 24)) as pilot:
        shown = notifications(app)
        await pilot.press("r", "m")
        assert isinstance(app.screen, RoadmapScreen)
        (notice,) = shown
        assert notice.message.startswith("Not now: your pain rose from 2 to 4 out of 10")
        assert (notice.title, notice.markup) == ("Moving on waits", False)
    assert store.roadmap_state() == RoadmapState()


async def test_the_rung_swapped_into_todays_routine_is_what_the_player_plays(
    make: MakeApp, clock: FakeClock
) -> None:
    """On the march rung, the player's first exercise is the march, at its own dose.

    New to ALIGN's routine, it starts where ALIGN's new exercises start (tui.history.intro).
    """
    app = make(history=midway(clock.wall()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "enter")
        await pilot.pause()
        first = player(app).engine.timeline.exercises[0]
        assert (first.id, first.routine) == (MARCH, "asm-align")
        march = app.catalogue.exercise(MARCH).dose  # its own dose, not the tilt's plan
        start = start_rung(app.catalogue, app.catalogue.routine("asm-align"))
        assert first.planned == ladder(march).at(start)
