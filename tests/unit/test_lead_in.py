"""Lead-ins that fit the move (longer where the position changes) and "wait for me"."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from tests.helpers import START, FakeClock, dosed, run_cli, timeline_of
from tui.model import (
    Settings,
    position_change_note,
    position_change_seconds,
    position_change_words,
)
from tui.model.catalogue import Catalogue, Position
from tui.session.engine import Engine
from tui.session.timeline import Step, StepKind, Timeline


def transition(timeline: Timeline) -> Step:
    """The one transition of a two-exercise timeline."""
    return next(s for s in timeline.steps if s.kind is StepKind.TRANSITION)


@pytest.mark.parametrize(
    ("before", "after", "extra"),
    [
        ("lying-on-back", "lying-on-back", 0),
        ("lying-on-back", "face-down", 5),
        ("seated", "standing", 5),
        ("standing", "lying-on-back", 15),
        ("all-fours", "seated", 15),
    ],
)
def test_the_extra_seconds_follow_the_change(before: Position, after: Position, extra: int) -> None:
    """None for the same place, 5 on the floor or upright, 15 down to the floor or up."""
    assert position_change_seconds(before, after) == extra


@pytest.mark.parametrize(
    ("before", "after", "words"),
    [
        ("standing", "lying-on-back", "Get down on the floor: lie on your back"),
        ("face-down", "standing", "Get up from the floor: stand"),
        ("lying-on-back", "all-fours", "Come onto your hands and knees"),
        ("kneeling", "kneeling", ""),
    ],
)
def test_the_words_say_what_to_do(before: Position, after: Position, words: str) -> None:
    """Down to the floor, up from it, or another position; nothing when it stays the same."""
    assert position_change_words(before, after) == words


def test_getting_down_to_the_floor_lengthens_the_transition(catalogue: Catalogue) -> None:
    """Wall sit (standing) to bridge (lying): 10 s and 15 s more."""
    timeline = timeline_of(catalogue, dosed("wall-sit", hold=10), dosed("bridge", hold=6))
    assert (transition(timeline).duration, transition(timeline).estimate) == (25, 25)


def test_the_transition_cue_says_to_get_down_first(catalogue: Catalogue) -> None:
    """The cue starts with what to do, then names the exercise coming."""
    timeline = timeline_of(catalogue, dosed("wall-sit", hold=10), dosed("bridge", hold=6))
    cue = transition(timeline).cue
    assert cue.startswith("Get down on the floor: lie on your back. Next: Bridge")


def test_staying_in_position_keeps_the_transition(catalogue: Catalogue) -> None:
    """Bridge to pelvic tilt, both on the back: the plain 10 s, and the plain cue."""
    timeline = timeline_of(catalogue, dosed("bridge", hold=6), dosed("pelvic-tilt", hold=5))
    assert transition(timeline).duration == 10
    assert transition(timeline).cue.startswith("Next: ")


def test_the_first_get_ready_stays_as_the_user_set_it(catalogue: Catalogue) -> None:
    """However the first exercise is done, its get-ready is the setting's."""
    timeline = timeline_of(catalogue, dosed("bridge", hold=6), get_ready_seconds=12)
    assert timeline.steps[0].duration == 12


def test_with_no_transitions_a_change_of_position_adds_none(catalogue: Catalogue) -> None:
    """Transitions of 0 s leave the step out, position change or not."""
    timeline = timeline_of(
        catalogue, dosed("wall-sit", hold=10), dosed("bridge", hold=6), transition_seconds=0
    )
    assert not any(step.kind is StepKind.TRANSITION for step in timeline.steps)


def test_waiting_for_me_takes_the_deadline_off_each_transition(catalogue: Catalogue) -> None:
    """With wait for me, a transition lasts till a key; its estimate stays in the total."""
    items = (dosed("wall-sit", hold=10), dosed("bridge", hold=6))
    waiting = timeline_of(catalogue, *items, wait_for_me=True)
    timed = timeline_of(catalogue, *items)
    assert (transition(waiting).duration, transition(waiting).estimate) == (None, 25)
    assert waiting.total_seconds == timed.total_seconds


def test_waiting_for_me_leaves_the_first_get_ready_timed(catalogue: Catalogue) -> None:
    """The first exercise follows the pain check; its get-ready still counts down."""
    timeline = timeline_of(catalogue, dosed("bridge", hold=6), wait_for_me=True)
    assert timeline.steps[0].duration == 5


def waiting_engine(catalogue: Catalogue) -> Engine:
    """A started engine on two exercises with wait for me on, the first done by START + 15."""
    clock = FakeClock()
    items = (dosed("bridge", hold=10), dosed("pelvic-tilt", hold=5))
    engine = Engine(timeline_of(catalogue, *items, wait_for_me=True), clock, clock.wall)
    engine.start()
    return engine


def test_a_waiting_lead_in_does_not_end_by_time(catalogue: Catalogue) -> None:
    """An hour after the first exercise, the next still waits for the user."""
    engine = waiting_engine(catalogue)
    engine.tick(START + 3600)
    snapshot = engine.snapshot(START + 3600)
    assert (snapshot.step.kind, snapshot.remaining) == (StepKind.TRANSITION, None)


def test_the_key_starts_the_exercise_a_lead_in_waits_for(catalogue: Catalogue) -> None:
    """Next (the player's Start) ends the wait: the move into the first hold begins then."""
    engine = waiting_engine(catalogue)
    engine.tick(START + 100)
    engine.next_step(START + 100)
    now = engine.snapshot(START + 101)
    assert (now.step.kind, now.step.shift) == (StepKind.SHIFT, "into")
    assert now.elapsed == 1.0 and now.remaining is not None


def test_old_settings_load_with_speech_and_wait_for_me_off() -> None:
    """A settings record from before these fields: both off."""
    old = msgspec.convert({"theme": "nord", "bell": False}, Settings)
    assert (old.speech, old.wait_for_me) == (False, False)


def test_lumbar_plan_gives_the_rule_as_lumbars_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The plan's last lines give the rule, as lumbar's own choice."""
    status, out, _ = run_cli(capsys, "--db", str(tmp_path / "lumbar.json"), "plan", "spinenation")
    assert status == 0
    assert " ".join(out.split()).count(" ".join(position_change_note().split())) == 1
    assert "lumbar's own choice" in position_change_note()
