"""The plain player is the full player in lines: the same keys, and the same record saved."""

from __future__ import annotations

from pathlib import Path

import msgspec
from textual.binding import Binding

from tests.helpers import (
    SIZE,
    FakeClock,
    MakeApp,
    answered_safety_check,
    begin,
    plain_run,
    snapshot,
    wait,
)
from tui.model.catalogue import Catalogue
from tui.model.records import Session, Settings
from tui.plain.asking import PAIN_KEYS, TEN_WAIT
from tui.plain.corrections import ADJUST_SECONDS
from tui.plain.player import FEEDBACK_ACTIONS, FEEDBACK_WAIT, PLAYER_KEYS
from tui.screens import dialogs, player_keys
from tui.screens.dialogs import SessionSummary
from tui.store.store import Store
from tui.widgets.feedback import CHOICES, WAIT_SECONDS


def test_every_key_of_the_full_player_does_the_same_in_the_plain_one() -> None:
    """Each binding's keys are the plain player's keys for that action, and no others."""
    bound: dict[str, set[str]] = {}
    for binding in player_keys.PLAYER_BINDINGS:
        assert isinstance(binding, Binding)
        if binding.action != "extend_refused":  # + where it adds nothing: the same key
            bound.setdefault(binding.action, set()).update(binding.key.split(","))
    assert bound == {action: set(keys) for action, keys in PLAYER_KEYS.items()}


def test_the_plain_players_numbers_are_the_full_players() -> None:
    # (How many easier variants both offer is one constant, tui.session.MOST_OFFERED.)
    assert (ADJUST_SECONDS, FEEDBACK_WAIT, TEN_WAIT) == (
        player_keys.ADJUST_SECONDS,
        WAIT_SECONDS,
        dialogs.TEN_WAIT,
    )
    assert list(PAIN_KEYS) == dialogs.PAIN_KEYS
    assert list(FEEDBACK_ACTIONS.values()) == [choice.feedback for choice in CHOICES]


def normalised(session: Session) -> Session:
    """The session with its random id made plain (all else comes from the same clock)."""
    return msgspec.structs.replace(session, id="session")


async def test_the_plain_player_saves_what_the_full_player_saves_for_the_same_keys(
    make: MakeApp, store: Store, clock: FakeClock, catalogue: Catalogue, tmp_path: Path
) -> None:
    """Pain 4; through the first exercise with n; about right; skip; pause 5 s; +; end; pain 3."""
    app = make(play="quick-10")
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot, "4")
        steps = 0
        while snapshot(app).exercise.index == 0:
            await pilot.press("n")
            steps += 1
        await pilot.press("2")
        await wait(pilot, clock, 3)
        await pilot.press("s", "space")
        await wait(pilot, clock, 5)
        await pilot.press("space", "plus")
        await wait(pilot, clock, 4)
        await pilot.press("q", "y", "3")
        await pilot.pause()
        assert isinstance(app.screen, SessionSummary)
        await pilot.press("enter")
    assert app.saver.flush(5)
    (full,) = store.sessions()

    plain_store = answered_safety_check(Store.open(tmp_path / "plain.json"))
    plain_store.save_settings(Settings(warm_up=False))
    plain_clock = FakeClock()
    script = [
        (0.0, "4"),
        *[(0.0, "n")] * steps,
        (0.0, "2"),
        (3.0, "s"),
        (3.0, "space"),
        (8.0, "space"),
        (8.0, "plus"),
        *[(12.0, key) for key in ("q", "y", "3")],
    ]
    run, _ = plain_run(catalogue, plain_store, plain_clock, script)
    assert run.play(catalogue.routine("quick-10")) == 0
    (plain,) = plain_store.sessions()
    assert normalised(plain) == normalised(full)
    outcomes = [(r.outcome, r.feedback) for r in plain.exercises]
    assert outcomes == [("cut", "right"), ("skipped", None)]  # ended in the third's lead-in
    assert (plain.pain_before, plain.pain_after, plain.status) == (4, 3, "partial")
