"""What lumbar says about pain: next time after a flag, the easier offer, the flare-up, reasons."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from tests.helpers import BASE, FakeClock, session_before
from tui.catalogue import Description, dose_reason, routine_description
from tui.history import DEFAULT_THRESHOLD, plan_routine
from tui.model import ItemPlan, StagePlan, work
from tui.model.catalogue import Catalogue
from tui.model.records import Feedback, Outcome, Session
from tui.screens.pain_words import next_time_lines
from tui.session import Engine, build_timeline, flare_up_of, gentle_routine, hurt_of

QUICK = ("pelvic-tilt", "cat-cow", "bridge", "bird-dog")


def quick(days_ago: int, pain: tuple[int, int], hurt: str = "", now: datetime = BASE) -> Session:
    """A Quick 10 session: four exercises done and rated right, ``hurt`` stopped as hurting."""
    results: list[tuple[str, Outcome, Feedback | None]] = [
        (e, "hurt" if e == hurt else "done", None if e == hurt else "right") for e in QUICK
    ]
    return session_before(now, days_ago, results, routine="quick-10", phase=None, pain=pain)


def test_no_flag_says_nothing_of_next_time(catalogue: Catalogue) -> None:
    """A calm session (pain 3 then 2, nothing hurt): no lines."""
    session = quick(0, (3, 2))
    assert next_time_lines(catalogue, [session], session) == []


def test_a_hurt_says_that_exercise_steps_down_and_the_rest_hold(catalogue: Catalogue) -> None:
    """Bird dog hurt: it is one step lighter, every other dose holds (the history's words)."""
    session = quick(0, (3, 3), hurt="bird-dog")
    lines = next_time_lines(catalogue, [session], session)
    plan = plan_routine(catalogue, catalogue.routine("quick-10"), [session])
    bird = plan.for_exercise("bird-dog")
    assert bird is not None and bird.change == "down"
    assert lines == [
        "Pain flag: you said an exercise hurt.",
        f"Next time, Bird dog: {bird.why}.",
        "Every other dose holds next time: none goes up after pain.",
    ]


def test_pain_rising_holds_every_dose_of_the_session(catalogue: Catalogue) -> None:
    """Pain 3 before and 5 after, nothing hurt: every dose of the session holds."""
    session = quick(0, (3, 5))
    assert next_time_lines(catalogue, [session], session) == [
        "Pain flag: your pain rose from 3 to 5 out of 10.",
        "Every dose of this session holds next time: none goes up after pain.",
    ]


def test_next_time_counts_this_session_even_before_it_is_saved(catalogue: Catalogue) -> None:
    """The store may not have the session yet: it is planned from all the same."""
    earlier = quick(2, (3, 2))
    session = quick(0, (3, 3), hurt="bird-dog")
    assert next_time_lines(catalogue, [earlier], session) == next_time_lines(
        catalogue, [earlier, session], session
    )


def test_the_threshold_is_the_flags_threshold(catalogue: Catalogue) -> None:
    """Pain 7 after (the default threshold) is a flag, 6 is not; a threshold of 5 flags 5."""
    assert DEFAULT_THRESHOLD == 7
    assert next_time_lines(catalogue, [], quick(0, (6, 6))) == []
    assert next_time_lines(catalogue, [], quick(0, (7, 7)))[0].startswith("Pain flag:")
    lowered = next_time_lines(catalogue, [], quick(0, (5, 5)), threshold=5)
    assert (
        lowered[0]
        == "Pain flag: your pain before was 5 out of 10; your pain after was 5 out of 10."
    )


def test_a_pain_before_above_the_baseline_is_told(catalogue: Catalogue) -> None:
    """Pain before 6 after a run of 2s: the baseline flag comes from the history's rules."""
    earlier = [quick(days, (2, 2)) for days in (5, 4, 3)]
    session = quick(0, (6, 6))
    lines = next_time_lines(catalogue, [*earlier, session], session)
    assert lines[0] == "Pain flag: your pain before, 6 out of 10, was above your usual 2."


def engine_on(catalogue: Catalogue, routine: str) -> Engine:
    """An engine on a routine at its low end, on a fake clock."""
    clock = FakeClock()
    return Engine(build_timeline(catalogue, catalogue.routine(routine)), clock, clock.wall)


def test_the_easier_offer_is_never_heavier_than_what_hurt(catalogue: Catalogue) -> None:
    """The plank (10 s) hurt: the modified plank first, then the gentler planks, at no more work."""
    engine = engine_on(catalogue, "klarity")
    plank = next(e for e in engine.timeline.exercises if e.id == "plank")
    offered = hurt_of(engine, plank).easier
    assert [easier.exercise_id for easier in offered] == [
        "modified-plank",
        "incline-plank",
        "wall-plank",
    ]
    assert all(work(easier.planned) <= work(plank.planned) for easier in offered)


def test_an_easier_variant_too_heavy_is_named_not_offered(catalogue: Catalogue) -> None:
    """A dose lighter than any the variant can play at: the variant is named as not offered."""
    engine = engine_on(catalogue, "quick-10")
    bird = engine.timeline.exercises[3]
    light = replace(bird, planned=(StagePlan(reps=1, hold=1),))
    hurt = hurt_of(engine, light)
    assert hurt.easier == ()
    assert hurt.too_heavy == ("Back stabiliser",)


def test_the_hurt_dialog_cites_the_advice_on_sharp_pain(catalogue: Catalogue) -> None:
    """The advice comes from the catalogue, with its articles named."""
    engine = engine_on(catalogue, "quick-10")
    hurt = hurt_of(engine, engine.timeline.exercises[0])
    assert "Sharp, shooting or burning pain" in hurt.advice
    assert hurt.source.startswith("Source: 10 Best Exercises for Lower Back Pain Relief")


def test_the_flare_up_offers_the_cool_down_and_cites_the_article(catalogue: Catalogue) -> None:
    """At pain 9, the cool-down is offered, with ten-best's advice on flare-ups."""
    flare_up = flare_up_of(catalogue, 9, 7, "quick-10")
    gentle = gentle_routine(catalogue)
    assert gentle is not None and gentle.id == "cool-down"
    assert flare_up.gentle.startswith("Cool-down, about 5 min")
    assert "flare-up" in flare_up.advice[0]
    assert flare_up.source == "Source: 10 Best Exercises for Lower Back Pain Relief."


def test_a_reason_says_how_the_dose_compares_then_why() -> None:
    """Same as last time, then the history's reason; a new dose gives its reason alone."""
    assert dose_reason("same", "held: you rated it hard on 3 Dec") == (
        "Same as last time: held: you rated it hard on 3 Dec."
    )
    assert dose_reason("new", "new to this routine") == "New to this routine."
    assert dose_reason("new", "") == ""


def test_a_reason_says_when_a_dose_is_below_the_articles_range() -> None:
    """A dose stepped down past the low end says it is lumbar's choice, not the article's."""
    said = dose_reason("down", "one step lighter: it hurt on 3 Dec", below_range=True)
    assert said.endswith("Below the article's range: lumbar's own lighter dose after pain.")


def plain(description: Description) -> str:
    """A description's text, a block to a line."""
    return "\n".join("".join(run for run, _ in block.runs) for block in description)


def test_the_routine_detail_gives_each_dose_and_its_reason(catalogue: Catalogue) -> None:
    """After a flagged session, each exercise of the routine shows the dose it plays at, and why."""
    history = [quick(1, (3, 5), now=FakeClock().wall())]
    routine = catalogue.routine("quick-10")
    plan = plan_routine(catalogue, routine, history)
    lines = plain(routine_description(catalogue, routine, plan.items)).split("\n")
    tilt = lines.index("Pelvic tilt: 10 reps, hold 5 s")
    reason = "Same as last time: held: your pain rose from 3 to 5 out of 10 on 28 Feb."
    assert lines[tilt + 1] == reason


def test_the_routine_detail_of_a_new_routine_is_the_articles(catalogue: Catalogue) -> None:
    """With nothing played yet, the plan changes nothing in the detail."""
    routine = catalogue.routine("quick-10")
    plan = plan_routine(catalogue, routine, [])
    assert routine_description(catalogue, routine, plan.items) == routine_description(
        catalogue, routine
    )


def test_a_swapped_item_names_its_easier_variant(catalogue: Catalogue) -> None:
    """An item swapped for its easier variant names the variant and its dose."""
    routine = catalogue.routine("quick-10")
    plans = [ItemPlan(item.exercise, item.exercise, (StagePlan(),)) for item in routine.items]
    plans[3] = ItemPlan(
        "bird-dog", "back-stabiliser", (StagePlan(reps=2, hold=5),), -1, "down", "x"
    )
    text = plain(routine_description(catalogue, routine, plans))
    assert "Bird dog: Back stabiliser instead, 2 reps, hold 5 s" in text
