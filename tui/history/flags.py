"""Pain flags: what in a session says it hurt, in plain words. Lumbar's own rules.

A session carries a pain flag when any of these holds:

- an exercise hurt: "this hurts" during it, or "it hurt" after it;
- the pain after is higher than the pain before (both recorded);
- the pain before or after is at or above the user's threshold (7 by default, a setting);
- the pain before is clearly above the user's recent baseline: at least ``ABOVE_BASELINE``
  points above the middle (median) of the last ``BASELINE_OF`` pain-before scores recorded,
  once there are at least ``BASELINE_NEEDS`` of them.

A missing pain score is *unknown*: it raises no flag, but a session with an unknown score is
never counted as pain-free either. Pure functions: no clock, no I/O, no Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median
from typing import NamedTuple

from tui.model import Session

DEFAULT_THRESHOLD = 7
"""Pain at or above this, before or after a session, is a flag (the user may change it)."""
BASELINE_OF = 5
"""How many of the latest pain-before scores make the user's baseline."""
BASELINE_NEEDS = 3
"""How many pain-before scores there must be before a baseline is used."""
ABOVE_BASELINE = 2
"""How many points above the baseline a pain-before score is "clearly above" it."""


def baseline(earlier: Sequence[int]) -> float | None:
    """The user's recent pain before a session: the median of the latest scores, if enough."""
    recent = list(earlier[-BASELINE_OF:])
    return median(recent) if len(recent) >= BASELINE_NEEDS else None


def pain_rose(session: Session) -> bool:
    """True when the session's pain after is higher than its pain before (both recorded)."""
    before, after = session.pain_before, session.pain_after
    return before is not None and after is not None and after > before


def pain_unknown(session: Session) -> bool:
    """True when the pain before or after the session was not recorded."""
    return session.pain_before is None or session.pain_after is None


class Voice(NamedTuple):
    """Whose pain the reasons speak of: the user's own (``YOU``), or the user's to a clinician."""

    said: str
    pain: str
    usual: str


YOU = Voice(said="you said", pain="your pain", usual="your usual")
"""The reasons as lumbar says them to the user."""
THE_USER = Voice(said="the user said", pain="pain", usual="their usual")
"""The reasons as the clinician's report gives them."""


def pain_flags(
    session: Session,
    earlier: Sequence[int] = (),
    threshold: int = DEFAULT_THRESHOLD,
    voice: Voice = YOU,
) -> tuple[str, ...]:
    """Every pain flag of a session, each as a reason in plain words (empty: no flag).

    ``earlier`` is the pain-before scores of the sessions before it, oldest first; ``voice``
    says whose pain it is.
    """
    reasons: list[str] = []
    hurt = [result.exercise for result in session.exercises if result.hurt]
    if hurt:
        reasons.append(
            f"{voice.said} an exercise hurt" if len(hurt) == 1 else f"{voice.said} it hurt"
        )
    before, after = session.pain_before, session.pain_after
    if pain_rose(session):
        reasons.append(f"{voice.pain} rose from {before} to {after} out of 10")
    for when, score in (("before", before), ("after", after)):
        if score is not None and score >= threshold:
            reasons.append(f"{voice.pain} {when} was {score} out of 10")
    usual = baseline(earlier)
    if before is not None and usual is not None and before >= usual + ABOVE_BASELINE:
        reasons.append(
            f"{voice.pain} before, {before} out of 10, was above {voice.usual} {usual:g}"
        )
    return tuple(reasons)


def pain_before_scores(sessions: Sequence[Session]) -> list[int]:
    """The recorded pain-before scores of these sessions, in their order."""
    return [session.pain_before for session in sessions if session.pain_before is not None]


def high_pain_before(score: int | None, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """True when a pain score given before a session is at or above the threshold."""
    return score is not None and score >= threshold


def flags_by_session(
    ordered: Sequence[Session], threshold: int = DEFAULT_THRESHOLD, voice: Voice = YOU
) -> dict[str, tuple[str, ...]]:
    """Every session's pain flags by session id; ``ordered`` is oldest first."""
    found: dict[str, tuple[str, ...]] = {}
    befores: list[int] = []
    for session in ordered:
        found[session.id] = pain_flags(session, befores, threshold, voice)
        if session.pain_before is not None:
            befores.append(session.pain_before)
    return found
