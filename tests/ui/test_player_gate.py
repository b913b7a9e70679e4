"""The player asks an article's gate before the stage it holds back, and remembers a yes.

The Sciatica-friendly routine opens with the Essential Guide's back extension: 5 minutes face
down, then (only once that is comfortable without a pillow) the elbows and the press-ups.
"""

from __future__ import annotations

from textual.pilot import Pilot

from tests.helpers import SIZE, FakeClock, MakeApp, begin, player, snapshot, wait
from tui.app import LumbarApp
from tui.model.records import Session
from tui.screens.player_gate import GateDialog
from tui.session.timeline import StepKind
from tui.store.store import Store

SCIATICA = "sciatica-friendly"


async def to_the_gate(pilot: Pilot[None], clock: FakeClock) -> None:
    """Answer the pain check, then wait out the get-ready and the 5 minutes face down."""
    await begin(pilot)
    await wait(pilot, clock, 5)
    await wait(pilot, clock, 300)
    await pilot.pause()


def saved(app: LumbarApp, store: Store) -> Session:
    """The latest session in the store, once the app's saver has written it."""
    assert app.saver.flush(timeout=10)
    return store.sessions()[-1]


async def test_the_gate_is_asked_when_lying_face_down_ends(make: MakeApp, clock: FakeClock) -> None:
    """After the 5 minutes face down, the question comes up, not the elbows."""
    app = make(play=SCIATICA)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await wait(pilot, clock, 5 + 299)
        assert not isinstance(app.screen, GateDialog)
        await wait(pilot, clock, 1)
        await pilot.pause()
        assert isinstance(app.screen, GateDialog)
        assert "pillow" in app.screen.question and snapshot(app).step.kind is StepKind.GATE


async def test_no_skips_the_later_stages_and_the_record_says_why(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """n: the back extension ends, saved as gated with the no; the next exercise leads in."""
    app = make(play=SCIATICA)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_gate(pilot, clock)
        await pilot.press("n")
        assert snapshot(app).exercise.id == "piriformis-stretch"
        (result,) = saved(app, store).exercises
    assert result.outcome == "gated"
    assert [answer.passed for answer in result.gates] == [False]


async def test_a_yes_is_remembered_and_not_asked_next_time(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """y: the elbows start; the next session goes from face down to the elbows unasked."""
    app = make(play=SCIATICA)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_gate(pilot, clock)
        await pilot.press("y")
        assert snapshot(app).step.stage_name == "On your elbows"
        player(app).abandon()
        saved(app, store)
    again = make(play=SCIATICA)
    async with again.run_test(size=SIZE) as pilot:
        await to_the_gate(pilot, clock)
        assert not isinstance(again.screen, GateDialog)
        assert snapshot(again).step.stage_name == "On your elbows"


async def test_escape_leaves_it_unanswered_and_enter_asks_again(
    make: MakeApp, clock: FakeClock
) -> None:
    """Escape: the session waits at the question (never a yes); Enter brings it back."""
    app = make(play=SCIATICA)
    async with app.run_test(size=SIZE) as pilot:
        await to_the_gate(pilot, clock)
        await pilot.press("escape")
        assert not isinstance(app.screen, GateDialog)
        await wait(pilot, clock, 60)
        assert snapshot(app).step.kind is StepKind.GATE
        await pilot.press("enter")
        assert isinstance(app.screen, GateDialog)
