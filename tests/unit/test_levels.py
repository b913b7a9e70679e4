"""The coach's dose rules, from histories: up after two comfortable sessions, never with pain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import result_at
from tui.history.flags import flags_by_session
from tui.history.intro import start_rung
from tui.history.judge import routine_seconds
from tui.history.levels import chronological, explain, replay
from tui.history.plan import plan_all, plan_json, plan_routine, plans_for
from tui.model import (
    Catalogue,
    ExerciseResult,
    Feedback,
    Outcome,
    Session,
    SessionStatus,
    StagePlan,
    ladder,
    work,
)

DAY_ONE = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
ROUTINE = "spinenation"
TILT, BRIDGE, BIRD = "pelvic-tilt", "bridge", "bird-dog"
Pain = tuple[int | None, int | None]


def result(
    exercise: str = TILT,
    outcome: Outcome = "done",
    feedback: Feedback | None = "easy",
    *,
    reps: tuple[int, int] = (0, 0),
) -> ExerciseResult:
    """A result; ``reps`` is (done, planned) when the reps matter."""
    found = result_at(exercise, DAY_ONE, outcome, feedback)
    if reps == (0, 0):
        return found
    return msgspec.structs.replace(
        found, planned=(StagePlan(reps=reps[1], hold=5),), reps_done=reps[0]
    )


def session(
    day: int,
    *results: ExerciseResult,
    routine: str = ROUTINE,
    status: SessionStatus = "complete",
    pain: Pain = (2, 1),
) -> Session:
    """A session ``day`` days after day one (pain 2 then 1 unless told: no flag)."""
    return Session(
        id=f"{routine}-{day}",
        routine=routine,
        routine_name=routine,
        started_at=DAY_ONE + timedelta(days=day),
        status=status,
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=results or (result(),),
    )


def good_days(count: int, *exercises: str, first: int = 0, routine: str = ROUTINE) -> list[Session]:
    """``count`` good sessions in a row: every exercise done in full, rated easy, no pain."""
    names = exercises or (TILT,)
    return [
        session(first + day, *(result(e) for e in names), routine=routine) for day in range(count)
    ]


def rung(
    catalogue: Catalogue, history: list[Session], exercise: str = TILT, routine: str = ROUTINE
) -> int:
    """Where the exercise of the routine stands after the history."""
    return replay(history, catalogue).level(routine, exercise).rung


# --- up: two comfortable, complete, pain-free sessions in a row ----------------------------


def test_a_new_exercise_starts_at_the_low_end_and_says_so(catalogue: Catalogue) -> None:
    """No history: rung 0, change "new", and the reason names the article's range."""
    item = plan_routine(catalogue, catalogue.routine(ROUTINE)).for_exercise(TILT)
    assert item is not None
    assert (item.rung, item.change) == (0, "new")
    assert "low end of the article's range" in item.why


def test_one_good_session_does_not_move_the_dose(catalogue: Catalogue) -> None:
    """One comfortable session holds; the reason says one more is needed."""
    found = replay(good_days(1), catalogue).level(ROUTINE, TILT)
    assert (found.rung, found.run) == (0, 1)
    assert "one more in a row" in found.why


def test_two_good_sessions_in_a_row_move_it_one_step(catalogue: Catalogue) -> None:
    """The second good session in a row moves the dose up one step, and the run starts again."""
    assert [rung(catalogue, good_days(n)) for n in range(7)] == [0, 0, 1, 1, 2, 2, 2]


@pytest.mark.parametrize(
    ("outcome", "feedback"),
    [("done", "hard"), ("done", None), ("skipped", None), ("stopped", None), ("skipped", "easy")],
)
def test_hard_unrated_skipped_or_stopped_breaks_the_run(
    catalogue: Catalogue, outcome: Outcome, feedback: Feedback | None
) -> None:
    """A session that was not good for it holds it and starts the run again."""
    history = [
        *good_days(1),
        session(1, result(outcome=outcome, feedback=feedback)),
        *good_days(1, first=2),
    ]
    assert rung(catalogue, history) == 0


def test_reps_cut_short_never_count_as_done(catalogue: Catalogue) -> None:
    """Eight of ten reps, rated easy, is not a good session for it."""
    cut = [session(day, result(reps=(8, 10))) for day in range(4)]
    assert rung(catalogue, cut) == 0
    assert rung(catalogue, [session(day, result(reps=(10, 10))) for day in range(2)]) == 1


def test_a_session_ended_early_never_progresses_anything(catalogue: Catalogue) -> None:
    """A partial session (quit or dropped) holds even what was done and rated before it ended."""
    history = [session(day, result(), status="partial") for day in range(4)]
    assert rung(catalogue, history) == 0
    assert "ended early" in replay(history, catalogue).level(ROUTINE, TILT).why


# --- pain flags hold everything; unknown is never "no pain" ----------------------------------


def test_pain_seven_before_and_after_never_raises_a_dose(catalogue: Catalogue) -> None:
    """The issue's case: pain 7 and 7, four sessions rated easy: nothing climbs."""
    history = [session(day, result(), pain=(7, 7)) for day in range(4)]
    assert rung(catalogue, history) == 0
    assert "your pain before was 7 out of 10" in replay(history, catalogue).level(ROUTINE, TILT).why


def test_the_threshold_is_the_users_setting(catalogue: Catalogue) -> None:
    """Pain 5 flags with a threshold of 5, not with the default 7."""
    history = [session(day, result(), pain=(5, 5)) for day in range(2)]
    assert replay(history, catalogue, threshold=5).level(ROUTINE, TILT).rung == 0
    assert replay(history, catalogue).level(ROUTINE, TILT).rung == 1


@pytest.mark.parametrize("pain", [(None, 1), (2, None), (None, None)])
def test_a_missing_pain_score_is_unknown_and_never_pain_free(
    catalogue: Catalogue, pain: Pain
) -> None:
    """A skipped pain check holds the dose: unknown pain is not "no pain"."""
    history = [session(day, result(), pain=pain) for day in range(4)]
    assert rung(catalogue, history) == 0
    assert "not recorded" in replay(history, catalogue).level(ROUTINE, TILT).why


def test_pain_rising_over_a_session_holds_every_exercise_in_it(catalogue: Catalogue) -> None:
    """Pain 2 to 4: neither exercise of the session moves, though both were easy."""
    history = [*good_days(1, TILT, BRIDGE), session(1, result(TILT), result(BRIDGE), pain=(2, 4))]
    assert (rung(catalogue, history), rung(catalogue, history, BRIDGE)) == (0, 0)


def test_pain_clearly_above_the_usual_is_a_flag(catalogue: Catalogue) -> None:
    """Pain before 5 after a run of 2s holds, though 5 is under the threshold and did not rise."""
    calm = [session(day, result(), pain=(2, 2)) for day in range(3)]
    history = [
        *calm[:1],
        session(1, result(), pain=(3, 3)),
        *calm[2:],
        session(3, result(), pain=(5, 4)),
    ]
    found = replay(history, catalogue).level(ROUTINE, TILT)
    assert found.rung == 1  # up after days 1 and 2; day 3 held
    assert "above your usual 2" in found.why


def test_it_hurt_on_one_exercise_holds_every_other_exercise_of_that_session(
    catalogue: Catalogue,
) -> None:
    """The bridge hurt: the tilt, done in full and rated easy alongside it, does not go up."""
    history = [*good_days(1, TILT, BRIDGE), session(1, result(TILT), result(BRIDGE, "hurt", None))]
    assert rung(catalogue, history) == 0


def test_a_flag_in_another_routine_holds_this_one_too(catalogue: Catalogue) -> None:
    """Pain is the person's: a flagged Quick 10 breaks the SpineNation run."""
    other = session(1, result(BIRD), routine="quick-10", pain=(3, 6))
    history = [*good_days(1), other, *good_days(1, first=2)]
    assert rung(catalogue, history) == 0


def test_creeping_pain_never_climbs(catalogue: Catalogue) -> None:
    """3 to 3, 4 to 4 ... 9 to 9: the baseline and the threshold hold every session."""
    history = [session(day, result(), pain=(3 + day, 3 + day)) for day in range(7)]
    flags = flags_by_session(chronological(history))
    assert all(flags[s.id] for s in history[3:])  # 6 is 2 above the usual 4; then 7 and up
    assert rung(catalogue, history) == 1  # up once after 3 and 4; never again


# --- down after pain, and hold ---------------------------------------------------------------


def test_this_hurts_steps_down_and_holds_for_two_sessions(catalogue: Catalogue) -> None:
    """Up to rung 1, it hurt: down to 0; one good session holds; the second lets it climb back."""
    history = [*good_days(2), session(2, result(outcome="hurt", feedback=None))]
    assert rung(catalogue, history) == 0
    assert rung(catalogue, [*history, *good_days(1, first=3)]) == 0
    assert rung(catalogue, [*history, *good_days(2, first=3)]) == 1


def test_a_fixed_dose_steps_below_the_articles_minimum_and_says_so(catalogue: Catalogue) -> None:
    """SpineNation's press-up, 4 reps (no range), goes to 3 after pain, shown as below the range."""
    history = [session(0, result("press-up", "hurt", None))]
    item = plan_routine(catalogue, catalogue.routine(ROUTINE), history).for_exercise("press-up")
    assert item is not None
    assert (item.rung, item.change, item.below_range) == (-1, "down", True)
    assert item.planned[0].reps == 3


def test_it_hurt_as_feedback_steps_down_like_this_hurts(catalogue: Catalogue) -> None:
    """Rated "it hurt" after finishing: the same step down."""
    history = [*good_days(2), session(2, result(feedback="hurt"))]
    assert rung(catalogue, history) == 0


# --- levels belong to an exercise within a routine -------------------------------------------


def test_progress_in_one_routine_never_moves_another(catalogue: Catalogue) -> None:
    """The bird dog climbs in SpineNation; in Quick 10 it stays at its own low end."""
    history = good_days(4, BIRD)
    assert (rung(catalogue, history, BIRD), rung(catalogue, history, BIRD, "quick-10")) == (2, 0)


def test_a_time_budget_routine_never_grows_past_its_minutes(catalogue: Catalogue) -> None:
    """Quick 10, forty good sessions of everything: still within its 10 minutes."""
    routine = catalogue.routine("quick-10")
    names = tuple(item.exercise for item in routine.items)
    history = good_days(40, *names, routine="quick-10")
    plan = plan_routine(catalogue, routine, history)
    seconds = routine_seconds(catalogue, routine, {item.item: item.rung for item in plan.items})
    assert round(seconds / 60) <= 10
    assert sum(10 + json["seconds"] for json in plan_json(catalogue, plan)["exercises"]) == seconds
    assert any("stays within 10 min" in item.why for item in plan.items)


# --- repeated pain: the easier variant, or left out ------------------------------------------


def test_two_hurts_in_three_sessions_swap_in_the_easier_variant_no_heavier(
    catalogue: Catalogue,
) -> None:
    """Klarity's plank hurt twice: the modified plank plays, at no more work than the plank."""
    hurts = [session(day, result("plank", "hurt", None), routine="klarity") for day in (0, 2)]
    history = [hurts[0], session(1, result("plank"), routine="klarity"), hurts[1]]
    plan = plan_routine(catalogue, catalogue.routine("klarity"), history)
    item = plan.for_exercise("plank")
    assert item is not None and item.swapped and item.exercise == "modified-plank"
    own = catalogue.routine("klarity").items
    (plank,) = [i for i in own if i.exercise == "plank"]
    assert work(item.planned) <= work(ladder(catalogue.dose_for(plank)).at(item.rung))
    assert "ask a clinician" in item.why


def test_repeated_pain_with_no_easier_variant_leaves_it_out_then_brings_it_back(
    catalogue: Catalogue,
) -> None:
    """The pelvic tilt has no easier variant: left out for two sessions, then back, lower."""
    hurt = [session(day, result(TILT, "hurt", None)) for day in (0, 1)]
    item = plan_routine(catalogue, catalogue.routine(ROUTINE), hurt).for_exercise(TILT)
    assert item is not None and item.left_out and "no easier variant" in item.why
    later = [*hurt, *good_days(2, BRIDGE, first=2)]
    back = plan_routine(catalogue, catalogue.routine(ROUTINE), later).for_exercise(TILT)
    assert back is not None and not back.left_out and back.rung == -2


# --- the property: no dose higher after a flagged session ------------------------------------

ROUTINES = ("spinenation", "quick-10", "klarity")
results_strategy = st.builds(
    result,
    exercise=st.sampled_from([TILT, BRIDGE, BIRD, "plank", "knee-rolls"]),
    outcome=st.sampled_from(["done", "done", "skipped", "hurt", "stopped"]),
    feedback=st.sampled_from([None, "easy", "right", "right", "hard", "hurt"]),
)
sessions_strategy = st.lists(
    st.builds(
        session,
        st.integers(min_value=0, max_value=60),
        results_strategy,
        results_strategy,
        results_strategy,
        routine=st.sampled_from(ROUTINES),
        status=st.sampled_from(["partial", "complete", "complete"]),
        pain=st.tuples(
            st.none() | st.integers(min_value=0, max_value=10),
            st.none() | st.integers(min_value=0, max_value=10),
        ),
    ),
    max_size=14,
).map(lambda found: [msgspec.structs.replace(s, id=f"s{i}") for i, s in enumerate(found)])


@settings(max_examples=40, deadline=None)
@given(history=sessions_strategy)
def test_no_dose_is_ever_higher_after_a_session_with_a_pain_flag(
    catalogue: Catalogue, history: list[Session]
) -> None:
    """Random histories: after a flagged session, every item of every routine is no heavier."""
    ordered = chronological(history)
    flags = flags_by_session(ordered)
    for count, flagged in enumerate(ordered, 1):
        if not flags[flagged.id]:
            continue
        before = plan_all(catalogue, ordered[: count - 1])
        after = plan_all(catalogue, ordered[:count])
        for routine in ROUTINES:
            for old, new in zip(before[routine].items, after[routine].items, strict=True):
                assert work(new.planned) <= work(old.planned), (routine, old, new)


def test_explain_gives_each_session_its_change_and_reason(catalogue: Catalogue) -> None:
    """The history of one exercise in one routine, step by step, in words."""
    history = [*good_days(2), session(2, result(outcome="hurt", feedback=None))]
    changes = explain(history, catalogue, ROUTINE, TILT)
    assert [(c.change, c.before, c.after) for c in changes] == [
        ("same", 0, 0),
        ("up", 0, 1),
        ("down", 1, 0),
    ]
    assert "it hurt on 5 Mar" in changes[-1].reason


def test_a_rung_swapped_into_a_phase_routine_keeps_its_own_level(catalogue: Catalogue) -> None:
    """The march, played in ALIGN's routine in the tilt's place, climbs on its own default dose.

    New to ALIGN, it starts as its other exercises do, a few steps below the article's dose.
    """
    align = catalogue.routine("asm-align")
    march = "lumbo-pelvic-march"
    history = good_days(2, march, routine="asm-align")
    swapped = msgspec.structs.replace(
        align,
        items=tuple(
            msgspec.structs.replace(item, exercise=march, dose=None)
            if item.exercise == TILT
            else item
            for item in align.items
        ),
    )
    item = plans_for(catalogue, swapped, history)["asm-align"][0]
    start = start_rung(catalogue, align)
    assert (item.item, item.rung, item.change) == (march, start + 1, "up")
    assert item.planned == ladder(catalogue.exercise(march).dose).at(start + 1)


def test_the_same_history_is_replayed_once(catalogue: Catalogue) -> None:
    """Asked again of the same sessions (the store's same records), the replay is reused."""
    history = good_days(3, "bird-dog")
    first = replay(history, catalogue)
    assert replay(list(history), catalogue) is first
    assert replay(history, catalogue, threshold=6) is not first


def test_a_changed_history_is_replayed_again(catalogue: Catalogue) -> None:
    """One more session, or one saved again with more in it, gives a new replay."""
    history = good_days(2, "bird-dog")
    first = replay(history, catalogue)
    longer = replay([*history, *good_days(1, "bird-dog", first=2)], catalogue)
    assert longer is not first
    assert longer.level(ROUTINE, "bird-dog") != first.level(ROUTINE, "bird-dog")
    changed = msgspec.structs.replace(history[-1], pain_after=9)
    assert replay([history[0], changed], catalogue).level(ROUTINE, "bird-dog").rung == 0


def test_the_latest_flag_since_it_was_played_says_why_it_is_held(catalogue: Catalogue) -> None:
    """Two flagged sessions of another routine after it stepped up: the later one is the reason."""
    first = session(2, result(BIRD), routine="quick-10", pain=(3, 6))
    second = session(3, result(BIRD), routine="quick-10", pain=(2, 8))
    level = replay([*good_days(2), first, second], catalogue).level(ROUTINE, TILT)
    assert (level.change, level.run) == ("up", 0)
    assert "from 2 to 8" in level.since
    assert "from 3 to 6" not in level.since
