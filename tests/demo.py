"""A demo history of several months, and years of daily sessions for the benchmarks.

Built from the bundled catalogue's routines through the real timeline builder, at the doses
the coach plans, so every planned dose is one the player would have played. Seeded,
so the same ``now`` always gives the same history. Used by the progress tests, the snapshots
and the screenshot script.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.history.plan import plan_all
from tui.model.catalogue import Catalogue
from tui.model.records import ExerciseResult, Feedback, Outcome, Session
from tui.session.timeline import PlannedExercise, build_timeline

DEMO_WEEKS = 13
"""How many weeks the demo history covers, ending with the week of ``now``."""
DEMO_SEED = 5
EARLY_ROUTINE = "asm-align"
LATER_ROUTINES = ("asm-align", "quick-10", "ten-best", "desk-break", "essential-guide")
RATINGS: tuple[Feedback, ...] = ("easy", "right", "hard")
RATING_WEIGHTS = (2, 7, 1)
"""Mostly "right", some "easy", now and then "hard"."""
GAP_WEEK = 6
"""The demo's week with a single session (a busy week: it breaks the streak)."""
PARTIAL_WEEK = 9
"""The demo's week with a session stopped after its third exercise."""
HURT_WEEKS = (3, 10)
"""The demo's weeks with a session where an exercise hurt (said during the exercise)."""


@dataclass(frozen=True)
class Day:
    """One planned demo session: when, which routine, and what makes it special."""

    when: datetime
    routine: str
    partial: bool = False
    hurt: bool = False


def _stamp(when: datetime) -> str:
    return when.strftime("%Y%m%d-%H%M")


def _result(
    planned: PlannedExercise,
    start: datetime,
    outcome: Outcome,
    feedback: Feedback | None,
) -> ExerciseResult:
    """One exercise played as planned (or partly, unless ``outcome`` is "done")."""
    reps = sum(stage.total_reps for stage in planned.planned)
    held = sum(
        stage.total_reps * stage.hold * max(1, len(stage.positions)) for stage in planned.planned
    )
    share = {"done": 1.0, "skipped": 0.0, "hurt": 0.4, "stopped": 0.5}[outcome]
    seconds = planned.seconds * share if outcome != "skipped" else 0
    return ExerciseResult(
        exercise=planned.id,
        routine=planned.routine or None,
        rung=planned.rung,
        planned=planned.planned,
        reps_done=round(reps * share),
        seconds_held=round(held * share),
        outcome=outcome,
        feedback=feedback,
        started_at=start,
        ended_at=start + timedelta(seconds=seconds),
    )


def play(
    catalogue: Catalogue,
    day: Day,
    history: list[Session],
    pain: tuple[int, int | None],
    rng: random.Random,
) -> Session:
    """A session of ``day``'s routine as the coach plans it after ``history``; made-up feedback."""
    plans = {routine: plan.items for routine, plan in plan_all(catalogue, history).items()}
    timeline = build_timeline(catalogue, catalogue.routine(day.routine), plans)
    moment = day.when + timedelta(seconds=5)
    results: list[ExerciseResult] = []
    hurt_at = rng.randrange(1, len(timeline.exercises)) if day.hurt else -1
    for index, planned in enumerate(timeline.exercises):
        if day.partial and index == 3:
            results.append(_result(planned, moment, "stopped", None))
            moment = results[-1].ended_at
            break
        if index == hurt_at:
            outcome: Outcome = "hurt"
            feedback: Feedback | None = None
        elif rng.random() < 0.06:
            outcome, feedback = "skipped", None
        else:
            outcome = "done"
            feedback = rng.choices(RATINGS, weights=RATING_WEIGHTS)[0]
        results.append(_result(planned, moment, outcome, feedback))
        moment = results[-1].ended_at + timedelta(seconds=10)
    return Session(
        id=f"demo-{_stamp(day.when)}",
        routine=timeline.routine_id,
        routine_name=timeline.routine_name,
        phase="align" if day.routine == "asm-align" else None,
        started_at=day.when,
        ended_at=moment,
        status="partial" if day.partial else "complete",
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=tuple(results),
    )


def demo_days(now: datetime, rng: random.Random, weeks: int = DEMO_WEEKS) -> Iterator[Day]:
    """The days of the demo: 3 or 4 a week with rest days between, one busy week, up to now."""
    monday = (now - timedelta(days=now.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    first = monday - timedelta(weeks=weeks - 1)
    patterns = ((0, 2, 4), (0, 2, 5), (1, 3, 5), (0, 2, 4, 6), (1, 3, 6), (0, 3, 5))
    for week in range(weeks):
        days = (2,) if week == GAP_WEEK else patterns[rng.randrange(len(patterns))]
        for number, weekday in enumerate(days):
            hour, minute = rng.choice(((7, 30), (12, 45), (18, 15)))
            when = first + timedelta(weeks=week, days=weekday, hours=hour, minutes=minute)
            if when > now:
                return
            routine = EARLY_ROUTINE if week < 4 else rng.choice(LATER_ROUTINES)
            yield Day(
                when=when,
                routine=routine,
                partial=week == PARTIAL_WEEK and number == 1,
                hurt=week in HURT_WEEKS and number == 0,
            )


def demo_history(
    catalogue: Catalogue, now: datetime, *, weeks: int = DEMO_WEEKS, seed: int = DEMO_SEED
) -> list[Session]:
    """Several months of sessions ending before ``now``, oldest first, the same for a seed.

    Three or four sessions a week on alternate days (one week with a single session), pain
    before a session falling from about 6 to about 2, usually a point or two lower after,
    mostly "right" with some "easy" and "hard", two sessions where an exercise hurt (pain
    rose over them), and one session stopped after its third exercise (no pain after).
    """
    rng = random.Random(seed)
    planned = list(demo_days(now, rng, weeks))
    history: list[Session] = []
    for index, day in enumerate(planned):
        start = 6.0 - 4.0 * index / max(1, len(planned) - 1)
        before = max(0, min(10, round(start + rng.uniform(-1, 1))))
        if day.hurt:
            after: int | None = min(10, before + 1)
        elif day.partial:
            after = None
        else:
            after = max(0, before - rng.choice((0, 1, 1, 2)))
        history.append(play(catalogue, day, history, (before, after), rng))
    return history


def years_of_sessions(
    catalogue: Catalogue, now: datetime, *, years: int = 10, seed: int = DEMO_SEED
) -> list[Session]:
    """One session a day for ``years`` years up to yesterday, for the benchmarks (oldest first).

    Fast: each routine's timeline is built once, at the starting levels, and reused.
    """
    rng = random.Random(seed)
    routines = [build_timeline(catalogue, catalogue.routine(r), {}) for r in LATER_ROUTINES]
    start = (now - timedelta(days=365 * years)).replace(hour=7, minute=30, second=0)
    sessions = []
    for number in range(365 * years):
        when = start + timedelta(days=number)
        timeline = routines[number % len(routines)]
        moment = when
        results = []
        for planned in timeline.exercises:
            feedback = rng.choices(RATINGS, weights=RATING_WEIGHTS)[0]
            results.append(_result(planned, moment, "done", feedback))
            moment = results[-1].ended_at
        before = rng.randint(0, 6)
        sessions.append(
            Session(
                id=f"year-{_stamp(when)}",
                routine=timeline.routine_id,
                routine_name=timeline.routine_name,
                started_at=when,
                ended_at=moment,
                status="complete",
                pain_before=before,
                pain_after=max(0, before - rng.randint(0, 2)),
                exercises=tuple(results),
            )
        )
    return sessions
