"""Pain flags: what in a session says it hurt; a missing score is unknown, never "no pain"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.helpers import result_at
from tui.history.flags import baseline, flags_by_session, pain_flags, pain_unknown
from tui.model import Session

WHEN = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def session(pain: tuple[int | None, int | None], *, hurt: bool = False, day: int = 0) -> Session:
    """A complete session with one exercise, which hurt when ``hurt``."""
    outcome = "hurt" if hurt else "done"
    return Session(
        id=f"s{day}",
        routine="quick-10",
        routine_name="Quick 10 minutes",
        started_at=WHEN + timedelta(days=day),
        status="complete",
        pain_before=pain[0],
        pain_after=pain[1],
        exercises=(result_at("bridge", WHEN, outcome, None),),  # type: ignore[arg-type]
    )


def test_a_calm_session_has_no_flag() -> None:
    """Pain 3 then 2, nothing hurt: no flag."""
    assert pain_flags(session((3, 2))) == ()


def test_this_hurts_is_a_flag() -> None:
    """An exercise that hurt flags the session."""
    assert pain_flags(session((3, 2), hurt=True)) == ("you said an exercise hurt",)


def test_pain_rising_is_a_flag() -> None:
    """Pain 2 before, 4 after."""
    assert pain_flags(session((2, 4))) == ("your pain rose from 2 to 4 out of 10",)


@pytest.mark.parametrize(
    ("pain", "reason"),
    [((7, 5), "your pain before was 7 out of 10"), ((8, 8), "your pain after was 8 out of 10")],
)
def test_pain_at_or_above_the_threshold_is_a_flag(pain: tuple[int, int], reason: str) -> None:
    """7 or more, before or after, by default."""
    assert reason in pain_flags(session(pain))


def test_the_threshold_can_be_set() -> None:
    """At a threshold of 5, pain 5 flags; at 6 it does not."""
    assert pain_flags(session((5, 5)), threshold=5)
    assert not pain_flags(session((5, 5)), threshold=6)


def test_pain_clearly_above_the_usual_is_a_flag() -> None:
    """The usual is 2 (median of 2, 2, 3): 4 before is 2 above it, 3 is not."""
    assert baseline([2, 2, 3]) == 2
    assert pain_flags(session((4, 3)), [2, 2, 3]) == (
        "your pain before, 4 out of 10, was above your usual 2",
    )
    assert pain_flags(session((3, 3)), [2, 2, 3]) == ()


def test_no_baseline_until_three_scores() -> None:
    """Two scores are not yet a usual level."""
    assert baseline([1, 1]) is None
    assert pain_flags(session((5, 5)), [1, 1]) == ()


@pytest.mark.parametrize("pain", [(None, 2), (2, None), (None, None)])
def test_a_missing_score_is_unknown_not_a_flag_and_not_pain_free(
    pain: tuple[int | None, int | None],
) -> None:
    """Skipped pain check: no flag is raised, but the session is marked unknown."""
    assert pain_flags(session(pain)) == ()
    assert pain_unknown(session(pain))


def test_flags_by_session_uses_the_scores_before_each() -> None:
    """The baseline of each session is built from the sessions before it only."""
    history = [session((2, 2), day=d) for d in range(3)] + [session((5, 4), day=3)]
    found = flags_by_session(history)
    assert [bool(found[s.id]) for s in history] == [False, False, False, True]
