"""Where the user stands on the roadmap: ladders, sequences, phase rules, today's routine."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import msgspec
import pytest

from tests.helpers import result_at
from tui.history.roadmap import (
    Standing,
    can_move_on,
    move_on,
    move_on_refusal,
    moving_on_note,
    standing,
    todays_routine,
)
from tui.model.catalogue import Catalogue
from tui.model.records import (
    ExerciseResult,
    Feedback,
    Outcome,
    RoadmapState,
    Session,
    SessionStatus,
)

DAY_ONE = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
TILT, MARCH, TUCK = "pelvic-tilt", "lumbo-pelvic-march", "double-knee-tuck"
UNLOCKS_AND_STRETCHES = (
    "hip-flexor-unlock",
    "hip-flexor-stretch",
    "hamstring-unlock",
    "hamstring-stretch-standing",
    "piriformis-unlock",
    "piriformis-stretch",
)
LADDER = (TILT, TILT, MARCH, MARCH, TUCK)  # the rung of each good ALIGN session, in order


def on(day: int) -> date:
    return (DAY_ONE + timedelta(days=day)).date()


def result(
    exercise: str, outcome: Outcome = "done", feedback: Feedback | None = "right"
) -> ExerciseResult:
    return result_at(exercise, DAY_ONE, outcome, feedback)


def session(
    day: int,
    *results: ExerciseResult,
    routine: str = "asm-align",
    phase: str | None = None,
    status: SessionStatus = "complete",
    pain: tuple[int | None, int | None] = (3, 2),
) -> Session:
    return Session(
        id=f"{routine}-{day}",
        routine=routine,
        routine_name=routine,
        phase=phase,
        started_at=DAY_ONE + timedelta(days=day),
        status=status,
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=results,
    )


def align_day(
    day: int,
    rung: str,
    rung_feedback: Feedback | None = "right",
    others: tuple[str, ...] = UNLOCKS_AND_STRETCHES,
    pain: tuple[int | None, int | None] = (3, 2),
) -> Session:
    return session(
        day, result(rung, feedback=rung_feedback), *(result(e) for e in others), pain=pain
    )


def good_align(days: list[int]) -> list[Session]:
    """Good ALIGN sessions on these days, climbing the ladder as fast as it allows."""
    return [align_day(day, LADDER[min(i, len(LADDER) - 1)]) for i, day in enumerate(days)]


EIGHT_OVER_FOURTEEN = [0, 2, 4, 6, 8, 10, 12, 14]


def stand(
    catalogue: Catalogue,
    sessions: list[Session],
    today: int = 14,
    state: RoadmapState | None = None,
) -> Standing:
    return standing(catalogue, sessions, state, on(today))


def test_a_new_user_is_in_align_with_the_pelvic_tilt_first(catalogue: Catalogue) -> None:
    now = stand(catalogue, [], today=0)
    routine = todays_routine(catalogue, now)
    assert now.current.id == "align"
    assert routine.items[0].exercise == TILT
    assert routine == catalogue.routine("asm-align")


def test_one_good_session_does_not_climb_the_ladder(catalogue: Catalogue) -> None:
    ladder = stand(catalogue, good_align([0])).phase("align").progressions[0]
    assert (ladder.current, ladder.good_in_a_row) == (TILT, 1)


def test_the_ladder_climbs_after_two_good_sessions(catalogue: Catalogue) -> None:
    ladder = stand(catalogue, good_align([0, 2])).phase("align").progressions[0]
    assert (ladder.rung, ladder.current, ladder.good_in_a_row) == (1, MARCH, 0)


def test_a_hard_session_breaks_the_run_of_good_ones(catalogue: Catalogue) -> None:
    history = [align_day(0, TILT), align_day(2, TILT, "hard"), align_day(4, TILT)]
    assert stand(catalogue, history).phase("align").progressions[0].current == TILT


def test_pain_rising_over_a_session_breaks_the_run(catalogue: Catalogue) -> None:
    history = [align_day(0, TILT), align_day(2, TILT, pain=(2, 4)), align_day(4, TILT)]
    assert stand(catalogue, history).phase("align").progressions[0].current == TILT


def test_the_ladder_drops_a_rung_after_this_hurts(catalogue: Catalogue) -> None:
    history = [*good_align([0, 2, 4, 6]), align_day(8, TUCK, "hurt")]
    assert stand(catalogue, history).phase("align").progressions[0].current == MARCH


def test_this_hurts_in_a_partial_session_still_drops_the_rung(catalogue: Catalogue) -> None:
    hurt = session(4, result(MARCH, outcome="hurt", feedback=None), status="partial")
    history = [*good_align([0, 2]), hurt]
    assert stand(catalogue, history).phase("align").progressions[0].current == TILT


def test_reaching_the_top_rung_is_not_done_until_it_is_done_there(catalogue: Catalogue) -> None:
    ladder = stand(catalogue, good_align([0, 2, 4, 6])).phase("align").progressions[0]
    assert (ladder.current, ladder.done) == (TUCK, False)


def test_the_ladder_is_done_once_the_top_rung_is_done(catalogue: Catalogue) -> None:
    ladder = stand(catalogue, good_align([0, 2, 4, 6, 8])).phase("align").progressions[0]
    assert (ladder.current, ladder.done) == (TUCK, True)


def test_a_sequence_is_done_once_each_exercise_was_done(catalogue: Catalogue) -> None:
    history = [
        align_day(0, TILT, others=("hip-flexor-unlock",)),
        align_day(2, TILT, others=("hip-flexor-stretch", "hamstring-unlock")),
    ]
    hip, hamstring, _ = stand(catalogue, history).phase("align").progressions[1:]
    assert (hip.done, hip.current) == (True, None)
    assert (hamstring.done, hamstring.current) == (False, "hamstring-stretch-standing")


def test_sessions_count_by_phase_or_by_routine_and_only_when_complete(
    catalogue: Catalogue,
) -> None:
    history = [
        align_day(0, TILT),
        session(1, result(TILT), routine="my-morning", phase="align"),
        session(2, result(TILT), routine="spinenation"),
        session(3, result(TILT), status="partial"),
    ]
    assert len(stand(catalogue, history).phase("align").sessions) == 2


def test_days_run_from_the_first_to_the_latest_counting_session(catalogue: Catalogue) -> None:
    assert stand(catalogue, good_align([3, 5, 12])).phase("align").days == 9


def test_the_pain_free_streak_counts_back_from_the_latest_session(catalogue: Catalogue) -> None:
    history = [*good_align([0, 2]), align_day(4, TILT, pain=(1, 3)), *good_align([6, 8])]
    assert stand(catalogue, history).phase("align").pain_free_streak == 2


def test_this_hurts_in_a_partial_session_ends_the_pain_free_streak(catalogue: Catalogue) -> None:
    hurt = session(4, result(TILT, outcome="hurt", feedback=None), status="partial")
    assert stand(catalogue, [*good_align([0, 2]), hurt]).phase("align").pain_free_streak == 0


def test_align_completes_with_eight_good_sessions_over_fourteen_days(
    catalogue: Catalogue,
) -> None:
    now = stand(catalogue, good_align(EIGHT_OVER_FOURTEEN))
    assert now.phase("align").complete
    assert now.phase("align").unmet == ()
    assert now.current.id == "stabilize"
    assert not now.moved_early


def test_seven_sessions_are_one_too_few(catalogue: Catalogue) -> None:
    days = [0, 2, 4, 6, 8, 10, 14]
    assert stand(catalogue, good_align(days)).phase("align").unmet == ("1 more session",)


def test_thirteen_days_are_one_too_few(catalogue: Catalogue) -> None:
    days = [0, 2, 4, 6, 8, 10, 12, 13]
    align = stand(catalogue, good_align(days), today=13).phase("align")
    assert align.unmet == ("1 more day",)


def test_once_the_days_have_passed_one_more_session_is_what_is_missing(
    catalogue: Catalogue,
) -> None:
    days = [0, 2, 4, 6, 8, 10, 12, 13]
    align = stand(catalogue, good_align(days), today=20).phase("align")
    assert align.unmet == ("1 more session to span 14 days",)


def test_missing_sessions_cover_the_days_once_the_days_have_passed(catalogue: Catalogue) -> None:
    align = stand(catalogue, good_align([0, 2, 4, 6, 8, 10, 12]), today=20).phase("align")
    assert align.unmet == ("1 more session",)


def test_the_last_three_sessions_must_be_pain_free(catalogue: Catalogue) -> None:
    history = good_align(EIGHT_OVER_FOURTEEN)
    history[5] = align_day(10, TUCK, pain=(2, 3))
    align = stand(catalogue, history).phase("align")
    assert align.unmet == ("1 more pain-free session in a row",)


def test_the_ladder_top_must_be_reached(catalogue: Catalogue) -> None:
    history = [align_day(day, TILT, "hard") for day in EIGHT_OVER_FOURTEEN]
    align = stand(catalogue, history).phase("align")
    assert align.unmet == ("reach the double knee tuck",)


def test_the_top_rung_must_be_done_once_after_reaching_it(catalogue: Catalogue) -> None:
    skipped = result(TUCK, outcome="skipped", feedback=None)
    stretches = [result(e) for e in UNLOCKS_AND_STRETCHES]
    history = [
        *good_align([0, 2, 4, 6]),
        *(session(d, skipped, *stretches) for d in (8, 10, 12, 14)),
    ]
    assert stand(catalogue, history).phase("align").unmet == ("do the double knee tuck",)


def test_dropping_from_the_top_rung_undoes_reaching_it(catalogue: Catalogue) -> None:
    history = [
        *good_align([0, 2, 4, 6, 8]),
        align_day(10, TUCK, "hurt"),
        align_day(12, MARCH),
        align_day(14, MARCH),
    ]
    assert stand(catalogue, history).phase("align").unmet == (
        "1 more pain-free session in a row",
        "do the double knee tuck",
    )


def test_every_unlock_before_stretch_sequence_must_be_done(catalogue: Catalogue) -> None:
    partial = tuple(e for e in UNLOCKS_AND_STRETCHES if not e.startswith("piriformis"))
    history = [
        align_day(day, LADDER[min(i, 4)], others=partial)
        for i, day in enumerate(EIGHT_OVER_FOURTEEN)
    ]
    align = stand(catalogue, history).phase("align")
    assert align.unmet == ("do the piriformis unlock and the piriformis stretch",)


def test_each_unmet_condition_is_worded(catalogue: Catalogue) -> None:
    history = [
        *good_align([0, 2, 4]),
        align_day(6, MARCH, pain=(2, 4)),
        align_day(9, MARCH, others=UNLOCKS_AND_STRETCHES[:3]),
    ]
    assert stand(catalogue, history, today=9).phase("align").unmet == (
        "3 more sessions",
        "5 more days",
        "2 more pain-free sessions in a row",
        "reach the double knee tuck",
    )


def test_a_new_user_sees_every_condition_of_align(catalogue: Catalogue) -> None:
    assert stand(catalogue, [], today=0).phase("align").unmet == (
        "8 more sessions",
        "14 more days",
        "3 more pain-free sessions in a row",
        "reach the double knee tuck",
        "do the hip flexor unlock and the hip flexor stretch",
        "do the hamstring unlock and the standing hamstring stretch",
        "do the piriformis unlock and the piriformis stretch",
    )


def test_moving_on_early_makes_stabilize_current(catalogue: Catalogue) -> None:
    state = RoadmapState(moved_to="stabilize", moved_at=DAY_ONE)
    now = stand(catalogue, good_align([0, 2]), state=state)
    assert (now.current.id, now.moved_early) == ("stabilize", True)
    assert todays_routine(catalogue, now).id == "asm-stabilize"


def test_a_moved_to_phase_that_is_no_longer_in_the_catalogue_is_ignored(
    catalogue: Catalogue,
) -> None:
    now = stand(catalogue, [], state=RoadmapState(moved_to="no-such-phase"))
    assert now.current.id == "align"


def test_move_on_records_the_next_phase_and_when(catalogue: Catalogue) -> None:
    now = stand(catalogue, good_align([0, 2]))
    assert can_move_on(now)
    assert move_on(now, DAY_ONE) == RoadmapState(moved_to="stabilize", moved_at=DAY_ONE)


def test_the_moving_on_note_names_what_is_left_behind(catalogue: Catalogue) -> None:
    note = moving_on_note(stand(catalogue, good_align(EIGHT_OVER_FOURTEEN[:7])))
    assert note.startswith(
        "ALIGN is not done yet by lumbar's own rule (the article gives none): 1 more session. "
        "Moving on makes STABILIZE"
    )


def test_there_is_no_moving_on_from_maintain(catalogue: Catalogue) -> None:
    now = stand(catalogue, [], state=RoadmapState(moved_to="maintain"))
    assert now.current.id == "maintain"
    assert not can_move_on(now)
    with pytest.raises(ValueError, match="cannot move on from MAINTAIN"):
        move_on(now, DAY_ONE)


def phase_history(catalogue: Catalogue, phase_id: str, start: int) -> list[Session]:
    """Twelve good complete sessions of a ladder-free phase, every third day from start."""
    phase = next(p for p in catalogue.phases if p.id == phase_id)
    return [
        session(start + 3 * i, *(result(e) for e in phase.exercises), routine=phase.routine)
        for i in range(12)
    ]


def test_when_every_phase_is_complete_maintain_stays_current(catalogue: Catalogue) -> None:
    history = [
        *good_align(EIGHT_OVER_FOURTEEN),
        *phase_history(catalogue, "stabilize", 16),
        *phase_history(catalogue, "maintain", 60),
    ]
    now = stand(catalogue, history, today=100)
    assert [phase.complete for phase in now.phases] == [True, True, True]
    assert now.current.id == "maintain"
    assert todays_routine(catalogue, now).id == "asm-maintain"


def test_todays_routine_swaps_the_march_in_with_its_own_dose(catalogue: Catalogue) -> None:
    phase_routine = catalogue.routine("asm-align")
    routine = todays_routine(catalogue, stand(catalogue, good_align([0, 2])))
    first = routine.items[0]
    assert (routine.id, first.exercise, first.dose) == ("asm-align", MARCH, None)
    assert catalogue.dose_for(first) == catalogue.exercise(MARCH).dose
    assert routine.items[1:] == phase_routine.items[1:]
    assert phase_routine.items[0].exercise == TILT


def test_creeping_pain_never_completes_align_as_pain_free(catalogue: Catalogue) -> None:
    """3 to 3, 4 to 4 ... up to 9 to 9: every other rule met, the pain-free streak is not."""
    good = good_align(EIGHT_OVER_FOURTEEN)
    creeping = [
        msgspec.structs.replace(s, pain_before=min(3 + i, 9), pain_after=min(3 + i, 9))
        for i, s in enumerate(good)
    ]
    align = stand(catalogue, creeping).phase("align")
    assert not align.complete
    assert align.pain_free_streak == 0


def test_a_skipped_pain_check_is_not_a_pain_free_session(catalogue: Catalogue) -> None:
    """The last session's pain after was not recorded: the streak stops there, unknown."""
    good = good_align(EIGHT_OVER_FOURTEEN)
    good[-1] = msgspec.structs.replace(good[-1], pain_after=None)
    assert stand(catalogue, good).phase("align").pain_free_streak == 0


def test_pain_in_another_routine_ends_the_pain_free_streak(catalogue: Catalogue) -> None:
    """A Quick 10 session with pain 8 after the last ALIGN session: no longer pain-free."""
    other = session(15, result("bridge"), routine="quick-10", pain=(3, 8))
    align = stand(catalogue, [*good_align(EIGHT_OVER_FOURTEEN), other], today=15).phase("align")
    assert align.pain_free_streak == 0 and not align.complete


def test_another_exercise_hurting_holds_the_ladder(catalogue: Catalogue) -> None:
    """The tilt was good twice, but the hamstring unlock hurt in the second: no climb."""
    second = session(2, result(TILT), result("hamstring-unlock", "hurt", None))
    ladder = stand(catalogue, [align_day(0, TILT), second]).phase("align").progressions[0]
    assert (ladder.current, ladder.good_in_a_row) == (TILT, 0)


def test_moving_on_is_refused_while_a_recent_session_has_a_flag(catalogue: Catalogue) -> None:
    """Pain rose two sessions ago: moving on is refused, and the refusal names the pain."""
    history = [align_day(0, TILT), align_day(2, TILT, pain=(2, 5)), align_day(4, MARCH)]
    now = stand(catalogue, history, today=4)
    assert not can_move_on(now)
    refusal = move_on_refusal(now)
    assert refusal is not None and "your pain rose from 2 to 5 out of 10 (5 Mar)" in refusal
    calm = stand(catalogue, [align_day(d, TILT) for d in (0, 2, 4)], today=4)
    assert can_move_on(calm) and move_on_refusal(calm) is None
