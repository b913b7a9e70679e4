"""What lumbar says aloud: the exercise coming, the first rep, rests and switches, the end."""

from __future__ import annotations

from tests.helpers import START, FakeClock, dosed, timeline_of
from tui.model.catalogue import Catalogue
from tui.model.records import StagePlan
from tui.session.engine import Engine
from tui.session.events import StepStarted
from tui.session.spoken import DONE, dose_words, speech_for, step_words
from tui.session.timeline import StepKind, Timeline


def said(timeline: Timeline, kind: StepKind) -> list[str | None]:
    """What is said as each step of this kind starts."""
    return [step_words(timeline, i) for i, s in enumerate(timeline.steps) if s.kind is kind]


def test_the_dose_is_spelled_out_for_the_ear() -> None:
    """Seconds, not s; reps, sets and sides in words."""
    plan = StagePlan(sets=2, reps=8, hold=5, sides="alternate")
    assert dose_words(plan) == "2 sets, 8 reps, hold 5 seconds, alternating sides"


def test_the_get_ready_names_the_exercise_and_its_dose(catalogue: Catalogue) -> None:
    """The first lead-in: "Bird dog. 8 reps, hold 5 seconds, alternating sides."."""
    timeline = timeline_of(catalogue, dosed("bird-dog", reps=8, hold=5, sides="alternate"))
    assert step_words(timeline, 0) == "Bird dog. 8 reps, hold 5 seconds, alternating sides."


def test_a_lead_in_says_how_to_get_into_position(catalogue: Catalogue) -> None:
    """From the wall sit to the bridge: get down on the floor."""
    timeline = timeline_of(catalogue, dosed("wall-sit", hold=10), dosed("bridge", hold=6))
    assert said(timeline, StepKind.TRANSITION) == [
        "Bridge. Hold 6 seconds. Get down on the floor: lie on your back."
    ]


def test_a_lead_in_that_waits_says_which_key_starts(catalogue: Catalogue) -> None:
    """With wait for me on, the lead-in ends by asking for Enter."""
    timeline = timeline_of(
        catalogue, dosed("bridge", hold=6), dosed("pelvic-tilt", hold=5), wait_for_me=True
    )
    assert said(timeline, StepKind.TRANSITION) == [
        "Pelvic tilt. Hold 5 seconds. Press Enter to start."
    ]


def test_only_the_first_rep_of_a_paced_set_is_spoken(catalogue: Catalogue) -> None:
    """Ten paced reps with no rests: "Go." once, then the bell keeps the rhythm."""
    timeline = timeline_of(catalogue, dosed("bird-dog", reps=10, tempo=2))
    assert said(timeline, StepKind.MOVE) == ["Go."] + [None] * 9


def test_a_hold_after_a_spoken_rest_is_spoken(catalogue: Catalogue) -> None:
    """Holds with 10 s rests between: each hold is called after its rest."""
    timeline = timeline_of(catalogue, dosed("bridge", reps=3, hold=6, rest_reps=10))
    assert said(timeline, StepKind.HOLD) == ["Hold 6 seconds."] * 3
    assert said(timeline, StepKind.REST) == ["Rest."] * 2


def test_a_short_rest_is_left_to_the_bell(catalogue: Catalogue) -> None:
    """A rest under 5 s is not spoken, nor is the hold after it."""
    timeline = timeline_of(catalogue, dosed("bridge", reps=3, hold=6, rest_reps=2))
    assert said(timeline, StepKind.REST) == [None, None]
    assert said(timeline, StepKind.HOLD) == ["Hold 6 seconds.", None, None]


def test_a_side_switch_and_a_set_rest_are_spoken(catalogue: Catalogue) -> None:
    """Switch sides: now the right; rest before the next set."""
    timeline = timeline_of(
        catalogue, dosed("bird-dog", sets=2, reps=1, hold=5, sides="each", rest_sets=30)
    )
    assert said(timeline, StepKind.SWITCH_SIDE) == ["Switch sides: now the right."] * 2
    assert said(timeline, StepKind.SET_REST) == ["Rest. Then set 2 of 2."]


def test_the_end_of_the_session_is_spoken(catalogue: Catalogue) -> None:
    """The last step done: the session is complete."""
    clock = FakeClock()
    engine = Engine(timeline_of(catalogue, dosed("bridge", hold=6)), clock, clock.wall)
    engine.start()
    assert speech_for(engine.tick(START + 1000), engine.timeline) == DONE


def test_quitting_says_nothing(catalogue: Catalogue) -> None:
    """The user ended the session at the keyboard: nothing to say."""
    clock = FakeClock()
    engine = Engine(timeline_of(catalogue, dosed("bridge", hold=6)), clock, clock.wall)
    engine.start()
    assert speech_for(engine.quit(START + 1), engine.timeline) is None


def test_one_batch_says_only_its_last_step(catalogue: Catalogue) -> None:
    """A jump over several steps says one thing: the step that is now in play."""
    timeline = timeline_of(catalogue, dosed("wall-sit", hold=10), dosed("bridge", hold=6))
    events = [StepStarted(i, step, START) for i, step in enumerate(timeline.steps[:3])]
    assert speech_for(events, timeline) == step_words(timeline, 2)
