"""A session that stopped part-way continues into the same record, at the doses it planned."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from tests.helpers import FakeClock, play_out, stopped_session, without_movement
from tui.catalogue import alone
from tui.history.flags import flags_by_session
from tui.history.plan import plans_for
from tui.history.resumable import unfinished
from tui.model import Settings, StagePlan
from tui.model.catalogue import Catalogue
from tui.model.records import Session
from tui.session.engine import Engine
from tui.session.factory import SessionParts, build_session
from tui.session.resume import ResumedEngine, ResumeError, sets_done, where_text
from tui.session.timeline import StepKind
from tui.store.store import Store

QUICK_IN_CAT_COW_LEAD_IN = 60.0
"""quick-10: pelvic tilt (5 s get ready, 10 holds of 5 s) is done; cat-cow's lead-in is on."""
SCIATICA_IN_SET_REST = 440.0
"""sciatica-friendly: back extension's first set of press-ups done, in the rest before set 2."""
SCIATICA_IN_STAGE_TWO = 355.0
"""sciatica-friendly: back extension's second stage (on your elbows), part-way through its hold."""


@pytest.fixture(scope="module")
def catalogue(catalogue: Catalogue) -> Catalogue:
    """The bundled catalogue without the moves around holds: these tests stop and continue
    sessions at set times, laid out as the articles time them (the moves have their own)."""
    return without_movement(catalogue)


def resumed(
    catalogue: Catalogue, saved: Session, clock: FakeClock, store: Store | None = None
) -> SessionParts:
    """The parts that continue ``saved``, planned from no history, saving into ``store``."""
    routine = catalogue.routine(saved.routine)
    plans = plans_for(catalogue, routine, [])
    saver = store if store is not None else Store.open(Path("/nonexistent/never-written.json"))
    return build_session(
        catalogue,
        routine,
        plans,
        Settings(),
        saver,
        clock=clock,
        wall=clock.wall,
        resuming=saved,
    )


def continued(
    catalogue: Catalogue, routine_id: str, seconds: float, *, start: bool = True
) -> tuple[Engine, FakeClock, Session]:
    """``routine_id`` stopped after ``seconds``, continued (started) half an hour later."""
    clock = FakeClock()
    saved = stopped_session(catalogue, routine_id, clock, seconds)
    engine = resumed(catalogue, saved, later(clock)).engine
    if start:
        engine.start()
    return engine, clock, saved


def later(clock: FakeClock, minutes: float = 30) -> FakeClock:
    """The clock ``minutes`` after now: the user came back."""
    clock.now += minutes * 60
    return clock


def test_the_resumed_record_keeps_its_id_start_and_pain_before(catalogue: Catalogue) -> None:
    """The record carried on is the same session: id, start and pain before kept."""
    engine, _clock, saved = continued(catalogue, "quick-10", QUICK_IN_CAT_COW_LEAD_IN)
    session = engine.session()
    assert (session.id, session.started_at, session.pain_before) == (
        saved.id,
        saved.started_at,
        4,
    )


def test_exercises_already_done_keep_their_results(catalogue: Catalogue) -> None:
    """The results recorded before the stop stay as they were."""
    engine, _clock, saved = continued(catalogue, "quick-10", QUICK_IN_CAT_COW_LEAD_IN)
    assert engine.session().exercises == saved.exercises


def test_stopped_in_a_lead_in_it_continues_with_the_next_exercise(catalogue: Catalogue) -> None:
    """Quit while the next exercise was previewed: it starts at that exercise's lead-in."""
    engine, _clock, _saved = continued(catalogue, "quick-10", QUICK_IN_CAT_COW_LEAD_IN)
    snapshot = engine.snapshot()
    assert (snapshot.exercise.id, snapshot.step.kind) == ("cat-cow", StepKind.TRANSITION)


def test_stopped_in_a_set_it_starts_again_at_that_set(catalogue: Catalogue) -> None:
    """Quit in the rest before set 2: that rest, then set 2 of the same exercise, comes first."""
    engine, _clock, _saved = continued(catalogue, "sciatica-friendly", SCIATICA_IN_SET_REST)
    step = engine.snapshot().step
    assert (step.exercise_id, step.kind, step.stage_number, step.set_number) == (
        "back-extension",
        StepKind.SET_REST,
        3,
        2,
    )


def test_stopped_mid_exercise_without_a_rest_it_starts_paused(catalogue: Catalogue) -> None:
    """Straight into a hold would give no time to get into position: it waits, paused."""
    engine, _clock, _saved = continued(catalogue, "sciatica-friendly", SCIATICA_IN_STAGE_TWO)
    snapshot = engine.snapshot()
    assert (snapshot.step.stage_number, snapshot.step.kind, snapshot.paused) == (
        2,
        StepKind.HOLD,
        True,
    )


def test_the_sets_before_the_stop_count_as_done_in_the_end(catalogue: Catalogue) -> None:
    """Continued to the end, the exercise it stopped in is one result, done in full."""
    engine, clock, _saved = continued(catalogue, "sciatica-friendly", SCIATICA_IN_SET_REST)
    play_out(engine, clock)
    first = engine.session().exercises[0]
    assert (first.exercise, first.reps_done, first.outcome) == (
        "back-extension",
        first.planned_reps,
        "done",
    )


def test_a_hold_cut_by_the_stop_stays_cut(catalogue: Catalogue) -> None:
    """Stopped mid-hold: the record says a hold was cut, so it never counts towards a dose up."""
    engine, clock, _saved = continued(catalogue, "sciatica-friendly", SCIATICA_IN_STAGE_TWO)
    play_out(engine, clock)
    assert engine.session().exercises[0].outcome == "cut"


def test_the_finished_record_has_every_exercise_once(catalogue: Catalogue) -> None:
    """Continued to the end: complete, with one result per exercise of the routine."""
    engine, clock, _saved = continued(catalogue, "quick-10", QUICK_IN_CAT_COW_LEAD_IN)
    play_out(engine, clock)
    session = engine.session()
    ids = [item.exercise for item in catalogue.routine("quick-10").items]
    assert (session.status, [r.exercise for r in session.exercises]) == ("complete", ids)


def test_the_exercise_it_stopped_in_plays_at_its_recorded_dose(catalogue: Catalogue) -> None:
    """The dose recorded for the stopped exercise plays, not a re-planned one."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, 20.0)
    lighter = (StagePlan(sets=1, reps=4, hold=3),)
    stopped = msgspec.structs.replace(saved.exercises[0], planned=lighter)
    saved = msgspec.structs.replace(saved, exercises=(stopped,))
    engine = resumed(catalogue, saved, later(clock)).engine
    assert engine.timeline.exercises[0].planned == lighter


def test_the_rest_plays_at_the_doses_planned_from_the_history(catalogue: Catalogue) -> None:
    """The exercises not reached play as the plans handed in say."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, QUICK_IN_CAT_COW_LEAD_IN)
    routine = catalogue.routine("quick-10")
    plans = plans_for(catalogue, routine, [])
    engine = resumed(catalogue, saved, later(clock)).engine
    assert engine.timeline.exercises[1].planned == plans["quick-10"][1].planned


def test_the_break_is_not_counted_as_exercise_time(catalogue: Catalogue) -> None:
    """Half an hour away: the session's length leaves the break out."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, QUICK_IN_CAT_COW_LEAD_IN)
    engine = resumed(catalogue, saved, later(clock, minutes=30)).engine
    engine.start()
    clock.now += 10
    engine.quit()
    assert engine.session().seconds == pytest.approx(QUICK_IN_CAT_COW_LEAD_IN + 10)


def test_the_record_notes_when_it_stopped_and_was_resumed(catalogue: Catalogue) -> None:
    """The break is kept in the record: when it stopped and when it went on."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, QUICK_IN_CAT_COW_LEAD_IN)
    stopped_at = clock.wall()
    engine = resumed(catalogue, saved, later(clock)).engine
    engine.start()
    gap = engine.session().resumed[0]
    assert (gap.stopped_at, gap.resumed_at) == (stopped_at, clock.wall())


def test_a_routine_changed_since_cannot_continue(catalogue: Catalogue) -> None:
    """A recorded exercise the routine no longer has at that place: a clear refusal."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, QUICK_IN_CAT_COW_LEAD_IN)
    saved = msgspec.structs.replace(saved, routine="klarity")
    with pytest.raises(ResumeError, match="has changed"):
        resumed(catalogue, saved, later(clock))


def test_where_it_continues_in_words(catalogue: Catalogue) -> None:
    """The offer says the exercise, its number and the set."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "sciatica-friendly", clock, SCIATICA_IN_SET_REST)
    engine = resumed(catalogue, saved, later(clock)).engine
    assert isinstance(engine, ResumedEngine)
    assert where_text(engine.timeline, engine.point) == (
        "Back extension (exercise 1 of 6), press-ups, set 2 of 4"
    )


def test_sets_done_never_counts_the_set_it_stopped_in(catalogue: Catalogue) -> None:
    """Reps done that cover every set still leave the last one to play."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, 20.0)
    result = msgspec.structs.replace(saved.exercises[0], reps_done=10)
    assert sets_done(result) == (0, 0)


def test_the_latest_partial_session_of_today_is_unfinished(catalogue: Catalogue) -> None:
    """Stopped this morning: it may be continued, with its routine."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, QUICK_IN_CAT_COW_LEAD_IN)
    found = unfinished(catalogue, [saved], clock.wall().date(), alone=alone)
    assert found is not None and found.routine == catalogue.routine("quick-10")


def test_a_partial_session_of_yesterday_is_not_continued(catalogue: Catalogue) -> None:
    """Lumbar's rule: only a session of the same day continues."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, QUICK_IN_CAT_COW_LEAD_IN)
    tomorrow = (clock.wall() + timedelta(days=1)).date()
    assert unfinished(catalogue, [saved], tomorrow, alone=alone) is None


def test_a_complete_latest_session_leaves_nothing_unfinished(catalogue: Catalogue) -> None:
    """The latest session was played to the end: nothing to continue."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, QUICK_IN_CAT_COW_LEAD_IN)
    done = msgspec.structs.replace(saved, status="complete")
    assert unfinished(catalogue, [done], clock.wall().date(), alone=alone) is None


def test_a_deleted_routine_says_why_it_cannot_continue(catalogue: Catalogue) -> None:
    """The routine is gone from the catalogue: found, but with the reason it cannot go on."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, QUICK_IN_CAT_COW_LEAD_IN)
    gone = msgspec.structs.replace(saved, routine="my-morning", routine_name="My morning")
    found = unfinished(catalogue, [gone], clock.wall().date(), alone=alone)
    assert found is not None and "no longer in your catalogue" in (found.why_not or "")


def test_one_exercise_played_alone_continues_alone(catalogue: Catalogue) -> None:
    """A session of one exercise on its own continues with that exercise."""
    clock = FakeClock()
    saved = stopped_session(catalogue, "quick-10", clock, 20.0)
    one = msgspec.structs.replace(saved, routine="pelvic-tilt", routine_name="Pelvic tilt")
    found = unfinished(catalogue, [one], clock.wall().date(), alone=alone)
    assert found is not None and found.routine == alone(catalogue.exercise("pelvic-tilt"))


def test_resumed_then_complete_is_one_session_for_the_pain_flags(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    """Saved as it goes into the same record: the flags see one session, with its pain."""
    clock = FakeClock()
    store = Store.open(tmp_path / "lumbar.json")
    saved = stopped_session(catalogue, "quick-10", clock, QUICK_IN_CAT_COW_LEAD_IN, pain_before=8)
    store.save_session(saved)
    parts = resumed(catalogue, saved, later(clock), store)
    parts.recorder.handle(parts.engine.start())
    play_out(parts.engine, clock)
    parts.recorder.save()
    flags = flags_by_session(store.sessions())
    assert list(flags) == [saved.id] and "your pain before was 8 out of 10" in flags[saved.id]


def test_before_it_starts_it_shows_where_it_continues(catalogue: Catalogue) -> None:
    """Under the pain check, the player already shows the exercise it goes on with."""
    engine, _clock, _saved = continued(catalogue, "quick-10", QUICK_IN_CAT_COW_LEAD_IN, start=False)
    assert engine.snapshot().exercise.id == "cat-cow"


def test_a_session_continued_twice_keeps_both_breaks(catalogue: Catalogue) -> None:
    """Stopped again and continued again: the same record, with two breaks noted."""
    engine, clock, saved = continued(catalogue, "quick-10", QUICK_IN_CAT_COW_LEAD_IN)
    clock.now += 20
    engine.quit()
    again = resumed(catalogue, engine.session(), later(clock)).engine
    again.start()
    session = again.session()
    assert (session.id, len(session.resumed)) == (saved.id, 2)
