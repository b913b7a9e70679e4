"""Dose ladders: one variable a step, at most a quarter more work, down by about a fifth."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.model import Catalogue, Dose, StagePlan, ladder, no_heavier, step_down, work
from tui.model.catalogue import Count, Seconds

ASPECTS = ("reps", "hold", "sets")


def grew(before: StagePlan, after: StagePlan) -> list[str]:
    """The variables a step raised."""
    return [name for name in ASPECTS if getattr(after, name) > getattr(before, name)]


def every_dose(catalogue: Catalogue) -> list[Dose]:
    """Every distinct dose the bundled routines give."""
    found = {catalogue.dose_for(item) for r in catalogue.routines.values() for item in r.items}
    return sorted(found, key=repr)


def test_every_step_up_in_the_catalogue_adds_at_most_a_quarter_and_moves_one_variable(
    catalogue: Catalogue,
) -> None:
    """Over every routine's dose: each rung is more work, by no more than 25%, one variable up."""
    for dose in every_dose(catalogue):
        rungs = ladder(dose).up
        for lower, higher in itertools.pairwise(rungs):
            assert work(lower) < work(higher) <= work(lower) * 1.25, dose
            raised = [grew(a, b) for a, b in zip(lower, higher, strict=True)]
            assert sum(len(r) for r in raised) == 1, (dose, lower, higher)


def test_the_ladder_stays_inside_the_routines_ranges(catalogue: Catalogue) -> None:
    """No rung above the high end of its range: the articles' largest dose is the ceiling."""
    for dose in every_dose(catalogue):
        for plans in ladder(dose).up:
            for counts, plan in zip(dose.plan(), plans, strict=True):
                assert plan.reps <= counts.reps.high and plan.sets <= counts.sets.high
                assert plan.hold <= (counts.hold.high if counts.hold else 0)


def test_the_side_plank_climbs_its_hold_a_fifth_at_a_time() -> None:
    """10 s to 60 s in steps of a quarter or less, never the 10 s to 22 s jump of before."""
    dose = Dose(hold=Seconds(10, 60))
    holds = [plans[0].hold for plans in ladder(dose).up]
    assert holds == [10, 12, 15, 18, 22, 27, 33, 41, 51, 60]


def test_a_second_set_splits_the_reps_so_the_work_grows_a_quarter_at_most() -> None:
    """1 x 10 cannot become 2 x 10 at once: 2 x 6 first (the reps build back up after)."""
    dose = Dose(sets=Count(1, 3), reps=Count(10), hold=Seconds(5))
    rungs = [(p[0].sets, p[0].reps) for p in ladder(dose).up]
    assert rungs[:3] == [(1, 10), (2, 6), (2, 7)]
    assert rungs[-1] == (3, 10)


def test_a_fixed_dose_has_one_rung_up_and_steps_down_below_it() -> None:
    """The article's 4 reps: no rung above, 3 then 2 then 1 below."""
    steps = ladder(Dose(reps=Count(4), hold=Seconds(3)))
    assert steps.top == 0
    assert [p[0].reps for p in steps.down[:3]] == [3, 2, 1]
    assert steps.at(-1)[0].reps == 3 and steps.at(-99) == steps.down[-1]


def test_the_floor_has_no_step_down() -> None:
    """One rep of one second in one set is as light as a dose goes."""
    assert step_down((StagePlan(reps=1, hold=1),)) is None


def test_the_easier_variant_is_never_heavier_than_what_hurt(catalogue: Catalogue) -> None:
    """Klarity's 10 s plank hurt: the modified plank (10 x 30 s by default) comes down to 10 s."""
    lighter = no_heavier(catalogue.exercise("modified-plank").dose, 10)
    assert lighter is not None and work(lighter) <= 10
    assert no_heavier(Dose(reps=Count(3), hold=Seconds(5)), 0) is None


@given(
    sets=st.tuples(st.integers(1, 3), st.integers(0, 2)),
    reps=st.tuples(st.integers(1, 15), st.integers(0, 10)),
    hold=st.none() | st.tuples(st.integers(1, 60), st.integers(0, 60)),
    sides=st.sampled_from(["none", "each", "alternate"]),
)
def test_any_dose_climbs_in_quarter_steps_to_its_top(
    sets: tuple[int, int], reps: tuple[int, int], hold: tuple[int, int] | None, sides: str
) -> None:
    """Any ranges: every step is more work, one variable up, at most a quarter (or one unit)."""
    dose = Dose(
        sets=Count(sets[0], sets[0] + sets[1]),
        reps=Count(reps[0], reps[0] + reps[1]),
        hold=Seconds(hold[0], hold[0] + hold[1]) if hold else None,
        sides=sides,  # type: ignore[arg-type]
    )
    rungs = ladder(dose).up
    for lower, higher in itertools.pairwise(rungs):
        (a,), (b,) = lower, higher
        assert work(lower) < work(higher) <= work(lower) * 1.25 or (
            len(grew(a, b)) == 1 and getattr(b, grew(a, b)[0]) == getattr(a, grew(a, b)[0]) + 1
        )
        assert len(grew(a, b)) == 1


@pytest.mark.parametrize("dose", [Dose(reps=Count(8, 12), hold=Seconds(5, 10))])
def test_reps_climb_before_the_hold(dose: Dose) -> None:
    """One variable at a time, reps first: 8, 10, 12 reps, then the hold."""
    rungs = [(p[0].reps, p[0].hold) for p in ladder(dose).up]
    assert rungs[:4] == [(8, 5), (10, 5), (12, 5), (12, 6)]
