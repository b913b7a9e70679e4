"""The largest dose the articles give each exercise, and what keeps every dose within it."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from tests.helpers import EVENING
from tui.catalogue.custom import with_custom_routines
from tui.catalogue.limits import (
    PARTS,
    Largest,
    capped,
    hold_extension,
    largest_dose,
    over_largest,
)
from tui.model.catalogue import Catalogue, Count, Dose, Routine, RoutineItem, Seconds, decode_hook


def dose(**counts: Any) -> Dose:
    """A dose written as it would be in TOML."""
    return msgspec.convert(counts, Dose, dec_hook=decode_hook, strict=True)


def with_routine(catalogue: Catalogue, routine: Routine, *, users: bool = False) -> Catalogue:
    """The catalogue with one more routine (as if from a user's file with ``users``)."""
    routines = {**catalogue.routines, routine.id: routine}
    user_ids = catalogue.user_ids | {routine.id} if users else catalogue.user_ids
    return msgspec.structs.replace(catalogue, routines=routines, user_ids=user_ids)


def plank_for(kind: str, hold: int) -> Routine:
    """A routine of one plank held ``hold`` seconds, of ``kind``."""
    return msgspec.convert(
        {
            "id": "long-plank",
            "name": "Long plank",
            "kind": kind,
            "description": "Longer.",
            "items": [{"exercise": "plank", "dose": {"hold": hold}}],
        },
        Routine,
        dec_hook=decode_hook,
    )


# --- the largest dose -------------------------------------------------------------------------


def test_the_largest_dose_is_the_most_of_each_part_any_article_gives(catalogue: Catalogue) -> None:
    """Pelvic tilt: its own 10-15 reps held 5 s; an article holds it 10 s, up to 3 sets."""
    assert largest_dose(catalogue, "pelvic-tilt") == Largest(sets=3, reps=15, hold=10)


def test_an_exercise_with_no_hold_anywhere_has_a_largest_hold_of_0(catalogue: Catalogue) -> None:
    """The squat is a move in every article: no hold."""
    assert largest_dose(catalogue, "squat").hold == 0


def test_the_stages_of_a_dose_count(catalogue: Catalogue) -> None:
    """Back extension lies face down for 5 minutes in its first stage: a hold of 300 s."""
    assert largest_dose(catalogue, "back-extension").hold >= 300


@pytest.mark.parametrize("kind", ["composed", "phase", "warm-up", "cool-down", "custom"])
def test_only_an_article_s_routine_raises_the_limit(catalogue: Catalogue, kind: str) -> None:
    """A routine lumbar composed (or the user built) holding a plank 2 min leaves it at 30 s."""
    more = with_routine(catalogue, plank_for(kind, 120))
    assert largest_dose(more, "plank").hold == 30


def test_an_article_routine_from_a_user_s_file_never_raises_the_limit(
    catalogue: Catalogue,
) -> None:
    """A user's file that calls its routine an article cannot raise the plank's 30 s."""
    assert largest_dose(with_routine(catalogue, plank_for("article", 120)), "plank").hold == 120
    mine = with_routine(catalogue, plank_for("article", 120), users=True)
    assert largest_dose(mine, "plank").hold == 30


def test_every_bundled_routine_stays_within_the_largest_dose(catalogue: Catalogue) -> None:
    """No routine lumbar ships, of any kind, plays a part past what the articles give."""
    for routine in catalogue.routines.values():
        for item in routine.items:
            largest = largest_dose(catalogue, item.exercise)
            for counts in catalogue.dose_for(item).plan():
                assert over_largest(counts, largest) == [], (routine.id, item.exercise)


def test_a_part_past_the_largest_is_named_with_the_most_allowed() -> None:
    """Hold 40 s where 30 s is the most: the hold is named, with 30 s."""
    found = over_largest(dose(hold=[20, 40], reps=3), Largest(sets=1, reps=3, hold=30))
    assert found == [("hold", "40 is past 30 s, the most any article gives")]


def test_a_hold_where_no_article_gives_one_is_past_the_largest() -> None:
    """A hold on an exercise no article holds is refused as such."""
    found = over_largest(dose(hold=5), Largest(sets=1, reps=10, hold=0))
    assert found == [("hold", "the articles give no hold for this exercise")]


# --- + in the player --------------------------------------------------------------------------


def test_plus_adds_its_5_seconds_while_they_fit() -> None:
    """A 10 s hold where 30 s is the most: + adds all 5 s, saying nothing."""
    assert hold_extension(Largest(1, 1, 30), 10.0, 5) == (5, "")


def test_plus_stops_a_hold_at_the_largest_and_says_so() -> None:
    """A 28 s hold where 30 s is the most: + adds 2 s and says why not 5."""
    assert hold_extension(Largest(1, 1, 30), 28.0, 5) == (
        2,
        "The articles go up to 30 s for this hold. Held 2 s longer.",
    )


@pytest.mark.parametrize("length", [30.0, 35.0])
def test_plus_is_refused_at_or_past_the_largest(length: float) -> None:
    """A hold already at (or, planned long ago, past) 30 s: + adds nothing, and says why."""
    assert hold_extension(Largest(1, 1, 30), length, 5) == (
        0,
        "The articles go up to 30 s for this hold.",
    )


def test_plus_is_refused_on_an_exercise_no_article_holds() -> None:
    """No hold in any article: + adds nothing, with a message."""
    seconds, note = hold_extension(Largest(1, 10, 0), None, 5)
    assert seconds == 0 and "give no hold" in note


def test_plus_is_refused_on_a_moving_rep() -> None:
    """A rep paced by a tempo is not a hold: + adds nothing, with a message."""
    seconds, note = hold_extension(Largest(1, 10, 5), None, 5)
    assert seconds == 0 and "not a hold" in note


# --- routines built by an older lumbar ---------------------------------------------------------


def test_a_dose_past_the_largest_is_brought_down_keeping_its_width() -> None:
    """Hold 15-35 s where 30 s is the most: 10-30 s; reps within are left alone."""
    lowered = capped(dose(hold=[15, 35], reps=3), Largest(sets=1, reps=3, hold=30))
    assert (lowered.hold, lowered.reps) == (Seconds(10, 30), Count(3))


def test_a_stored_routine_past_the_limit_plays_within_it_and_the_user_is_told(
    catalogue: Catalogue,
) -> None:
    """A routine from the old builder (plank 15-35 s) plays at 10-30 s, with a note naming it."""
    old = msgspec.structs.replace(
        EVENING, items=(RoutineItem(exercise="plank", dose=dose(hold=[15, 35])),)
    )
    merged, notes = with_custom_routines(catalogue, [old])
    plank = merged.routine("evening").items[0].dose
    assert plank is not None and plank.hold == Seconds(10, 30)
    assert notes == [
        "Your routine 'Evening' asks more of Plank than the articles give: it plays at their "
        "most. Edit and save it to keep it so."
    ]


def test_a_stored_routine_within_the_limits_is_left_as_it_is(catalogue: Catalogue) -> None:
    """The sample routine (plank 5-25 s) is within: unchanged, nothing to tell."""
    merged, notes = with_custom_routines(catalogue, [EVENING])
    assert (merged.routine("evening"), notes) == (EVENING, [])


def test_every_part_has_a_limit_for_every_exercise(catalogue: Catalogue) -> None:
    """Sets and reps are at least 1 for every exercise; a hold is 0 or more."""
    for exercise_id in catalogue.exercises:
        largest = largest_dose(catalogue, exercise_id)
        assert largest.sets >= 1 and largest.reps >= 1 and largest.hold >= 0
        assert [largest.of(part) for part in PARTS] == list(largest)
