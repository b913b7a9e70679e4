"""The player speaks its cues when speech is on, never waits for the voice, and waits for me."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.helpers import FakeClock, MakeApp, begin, fake_speech, notifications, snapshot, wait
from tui.app import LumbarApp
from tui.model.catalogue import Count, Dose, Routine, RoutineItem, Seconds
from tui.model.records import Settings
from tui.session.speech import Spawn, Speaker, SpeechSystem
from tui.session.spoken import DONE
from tui.session.timeline import StepKind
from tui.store.store import Store

SIZE = (80, 24)


class Finished:
    """A speech process that has already ended well."""

    def poll(self) -> int:
        return 0

    def terminate(self) -> None:
        """Nothing to stop."""


@dataclass(frozen=True)
class RecordedSpeech(SpeechSystem):
    """A speech command that runs nothing and keeps what it was asked to say."""

    said: list[str] = field(default_factory=list)

    def speaker(self, spawn: Spawn | None = None) -> Speaker | None:
        """A speaker whose processes are recorded, never started."""

        def record(argv: list[str], **_: Any) -> Finished:
            self.said.append(argv[-1])
            return Finished()

        return super().speaker(record)


def two_holds(store: Store) -> None:
    """A routine of a 10 s wall sit, then a 6 s bridge (down to the floor between)."""
    items = (
        RoutineItem(exercise="wall-sit", dose=Dose(reps=Count(1), hold=Seconds(10))),
        RoutineItem(exercise="bridge", dose=Dose(reps=Count(1), hold=Seconds(6))),
    )
    store.save_routine(Routine(id="two", name="Two", kind="custom", description="x", items=items))


async def test_the_player_speaks_each_exercise_and_the_end(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """Speech on: the exercise coming, its first hold, the next exercise, the end."""
    store.save_settings(Settings(speech=True, warm_up=False))
    two_holds(store)
    speech = RecordedSpeech("/usr/bin/espeak-ng")
    app = make(play="two", speech=speech)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await wait(pilot, clock, 5)
        await wait(pilot, clock, 10)
        await wait(pilot, clock, 25)
        await wait(pilot, clock, 6)
    assert speech.said == [
        "Wall sit. Hold 10 seconds.",
        "Hold 10 seconds.",
        "Bridge. Hold 6 seconds. Get down on the floor: lie on your back.",
        "Hold 6 seconds.",
        DONE,
    ]


async def test_the_player_is_silent_with_speech_off(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """The setting off (the default): nothing is spoken."""
    two_holds(store)
    speech = RecordedSpeech("/usr/bin/espeak-ng")
    app = make(play="two", speech=speech)
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        await wait(pilot, clock, 5)
    assert speech.said == []


async def test_a_slow_voice_never_holds_up_the_player(
    make: MakeApp, clock: FakeClock, store: Store, tmp_path: Path
) -> None:
    """A speech command that takes 20 s a cue: four cues go by in far less than one of them."""
    store.save_settings(Settings(speech=True, warm_up=False))
    two_holds(store)
    fake = fake_speech(tmp_path, sleep=20)
    app = make(play="two", speech=SpeechSystem(str(fake.command)))
    async with app.run_test(size=SIZE) as pilot:
        began = time.monotonic()
        await begin(pilot)
        for seconds in (5, 10, 25):
            await wait(pilot, clock, seconds)
        assert time.monotonic() - began < 10  # a busy machine is slow, but not 20 s slow
        assert snapshot(app).step.kind is StepKind.HOLD


async def test_a_missing_speech_command_is_told_once_and_the_session_goes_on(
    make: MakeApp, clock: FakeClock, store: Store, tmp_path: Path
) -> None:
    """The command has gone: one warning, and the session plays on to its bridge."""
    store.save_settings(Settings(speech=True, warm_up=False))
    two_holds(store)
    app = make(play="two", speech=SpeechSystem(str(tmp_path / "espeak-ng")))
    async with app.run_test(size=SIZE) as pilot:
        shown = notifications(app)
        await begin(pilot)
        for seconds in (5, 10, 25):
            await wait(pilot, clock, seconds)
        assert snapshot(app).exercise.id == "bridge"
    warnings = [notice for notice in shown if notice.title == "Speech"]
    assert len(warnings) == 1
    assert warnings[0].message.startswith("Speech failed: espeak-ng could not start")


def footer_keys(app: LumbarApp) -> dict[str, str]:
    """The keys the footer offers now, with their labels."""
    bindings = app.screen.active_bindings.items()
    return {key: active.binding.description for key, active in bindings if active.enabled}


async def to_waiting_lead_in(pilot: Any, clock: FakeClock) -> None:
    """Begin, and play the wall sit through: the bridge's lead-in waits."""
    await begin(pilot)
    await wait(pilot, clock, 5 + 10)
    assert snapshot(pilot.app).step.kind is StepKind.TRANSITION


def waiting_app(make: MakeApp, store: Store) -> LumbarApp:
    """The app playing the two holds with wait for me on."""
    store.save_settings(Settings(wait_for_me=True, warm_up=False))
    two_holds(store)
    return make(play="two")


async def test_waiting_for_me_the_next_exercise_waits_for_a_key(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """Wait for me on: an hour later the bridge has not started; Enter starts it."""
    app = waiting_app(make, store)
    async with app.run_test(size=SIZE) as pilot:
        await to_waiting_lead_in(pilot, clock)
        await wait(pilot, clock, 3600)
        assert snapshot(app).step.kind is StepKind.TRANSITION
        await pilot.press("enter")
        assert (snapshot(app).step.kind, snapshot(app).exercise.id) == (StepKind.HOLD, "bridge")


async def test_the_footer_offers_start_only_while_a_lead_in_waits(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """Enter: Start while waiting; on the hold that follows Enter is not offered."""
    app = waiting_app(make, store)
    async with app.run_test(size=SIZE) as pilot:
        await to_waiting_lead_in(pilot, clock)
        assert footer_keys(app).get("enter") == "Start"
        await pilot.press("enter")
        assert "enter" not in footer_keys(app)


async def test_start_carries_on_a_paused_session(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    """Paused at a waiting lead-in, Enter starts the exercise and the clock runs again."""
    app = waiting_app(make, store)
    async with app.run_test(size=SIZE) as pilot:
        await to_waiting_lead_in(pilot, clock)
        await pilot.press("space")
        await pilot.press("enter")
        await wait(pilot, clock, 2)
        assert (snapshot(app).paused, snapshot(app).remaining) == (False, 4.0)
