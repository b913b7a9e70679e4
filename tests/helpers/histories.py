"""Made-up session histories for the history tests, the screens and the screenshots."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from tui.history.plan import plan_all
from tui.model import ItemPlan, ladder
from tui.model.catalogue import Catalogue
from tui.model.records import ExerciseResult, Feedback, Outcome, Session

TILT, MARCH, TUCK = "pelvic-tilt", "lumbo-pelvic-march", "double-knee-tuck"
UNLOCKS = ("hip-flexor-unlock", "hip-flexor-stretch", "hamstring-unlock")
STRETCHES = ("hamstring-stretch-standing", "piriformis-unlock")


def result_at(
    exercise: str,
    when: datetime,
    outcome: Outcome = "done",
    feedback: Feedback | None = "right",
) -> ExerciseResult:
    """One exercise's result, planned as nothing (the roadmap reads only what was done)."""
    return ExerciseResult(
        exercise=exercise,
        planned=(),
        outcome=outcome,
        feedback=feedback,
        started_at=when,
        ended_at=when,
    )


def session_before(
    now: datetime,
    days_ago: int,
    results: Iterable[tuple[str, Outcome, Feedback | None]],
    *,
    routine: str = "asm-align",
    phase: str | None = "align",
    pain: tuple[int, int] = (3, 2),
) -> Session:
    """A complete session at 8 in the morning ``days_ago`` days before ``now``."""
    when = (now - timedelta(days=days_ago)).replace(hour=8, minute=0, second=0, microsecond=0)
    return Session(
        id=f"{routine}-{days_ago}",
        routine=routine,
        routine_name=routine,
        phase=phase,
        started_at=when,
        ended_at=when + timedelta(minutes=20),
        status="complete",
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=tuple(result_at(e, when, o, f) for e, o, f in results),
    )


def align_day(
    now: datetime,
    days_ago: int,
    rung: str,
    rung_feedback: Feedback | None = "right",
    pain: tuple[int, int] = (3, 2),
) -> Session:
    """An ALIGN session: the rung, the unlocks and stretches, the piriformis stretch skipped."""
    results: list[tuple[str, Outcome, Feedback | None]] = [(rung, "done", rung_feedback)]
    results += [(e, "done", "right") for e in (*UNLOCKS, *STRETCHES)]
    results.append(("piriformis-stretch", "skipped", None))
    return session_before(now, days_ago, results, pain=pain)


def midway(now: datetime, *, calm: bool = False) -> list[Session]:
    """Five ALIGN sessions over nine days, ending today, on the march rung.

    The tilt twice (climbs to the march), the march with pain rising (breaks the run and the
    pain-free streak), then the march rated "right" and "hard". So: 5 of 8 sessions, 9 of 14
    days, 2 of 3 pain-free in a row; the piriformis stretch never done. ``calm``: the third
    session is rated "hard" with no pain rising instead, so none of the last three has a pain
    flag (moving on early is allowed) and all three are pain-free.
    """
    third = align_day(now, 4, MARCH, "hard") if calm else align_day(now, 4, MARCH, pain=(2, 4))
    return [
        align_day(now, 9, TILT),
        align_day(now, 7, TILT),
        third,
        align_day(now, 2, MARCH),
        align_day(now, 0, MARCH, "hard"),
    ]


def everything_done(now: datetime, catalogue: Catalogue) -> list[Session]:
    """Every phase complete: each phase's sessions every other day or third day, all good.

    Every session does every exercise of its phase and rates it "right", so the ALIGN ladder
    climbs every two sessions; ALIGN takes 16 days, STABILIZE and MAINTAIN 36 each.
    """
    found: list[Session] = []
    start = {"align": 90, "stabilize": 72, "maintain": 36}
    for phase in catalogue.phases:
        count, gap = (8, 2) if phase.id == "align" else (12, 3)
        done: list[tuple[str, Outcome, Feedback | None]] = [
            (e, "done", "right") for e in phase.exercises
        ]
        found += [
            session_before(
                now, start[phase.id] - gap * i, done, routine=phase.routine, phase=phase.id
            )
            for i in range(count)
        ]
    return found


def plans_after(
    catalogue: Catalogue, sessions: Iterable[Session], threshold: int = 7
) -> dict[str, tuple[ItemPlan, ...]]:
    """How every routine's items play after ``sessions``, as the app hands them to the player."""
    found = plan_all(catalogue, list(sessions), threshold)
    return {routine: plan.items for routine, plan in found.items()}


def at_rungs(
    catalogue: Catalogue, routine_id: str, **rungs: int
) -> dict[str, tuple[ItemPlan, ...]]:
    """A routine's items at chosen rungs of their ladders (keyword: exercise id with _ for -)."""
    routine = catalogue.routine(routine_id)
    items = []
    for item in routine.items:
        rung = rungs.get(item.exercise.replace("-", "_"), 0)
        steps = ladder(catalogue.dose_for(item))
        items.append(ItemPlan(item.exercise, item.exercise, steps.at(rung), steps.clamp(rung)))
    return {routine_id: tuple(items)}
