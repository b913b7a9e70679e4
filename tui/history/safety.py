"""The safety check: the red-flag questions, when to ask them, and the gate a yes closes.

lumbar asks on first run, again once the last answer is 30 days old, and whenever the user
asks to take it again. The questions are the catalogue's red flags, emergencies first, so the
articles' own warnings are what the user answers. Any "yes" stops sessions: none starts until
the check is taken again with no yes, or the user states that a clinician has cleared them to
exercise (kept with its date, and shown in the history). Nothing here imports Textual.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime, timedelta

import msgspec

from tui.model import Advice, Catalogue, Clearance, SafetyCheck, in_sentence

ASK_AGAIN_AFTER = timedelta(days=30)
"""How long an answer holds before lumbar asks the questions again."""


def red_flags(catalogue: Catalogue) -> list[Advice]:
    """The red-flag advice, one question each: the emergencies first, else in catalogue order."""
    flags = [advice for advice in catalogue.advice if advice.kind == "red-flag"]
    return sorted(flags, key=lambda flag: not flag.emergency)


def see_a_clinician(catalogue: Catalogue) -> list[Advice]:
    """The advice on when to see a doctor or physiotherapist."""
    return [advice for advice in catalogue.advice if advice.kind == "see-clinician"]


FUTURE_SLACK = timedelta(days=1)
"""How far in the future an answer's date may be and still be trusted (a change of time zone,
a clock a little off); lumbar's own figure."""


def safety_due(check: SafetyCheck | None, now: datetime) -> bool:
    """True when the questions should be asked: never answered, or the answer is 30 days old.

    An answer dated more than a day after ``now`` is not trusted (it was given with the clock
    set wrong, say to 2099, and would otherwise hold until 30 days after that): the questions
    are asked again, the safer choice.
    """
    if check is None:
        return True
    if check.answered_at > now + FUTURE_SLACK:
        return True
    return now - check.answered_at >= ASK_AGAIN_AFTER


def answer(
    answers: Mapping[str, bool], now: datetime, before: SafetyCheck | None = None
) -> SafetyCheck:
    """The record of one round of answers (red-flag id -> yes) given at ``now``.

    The clearances of the answers ``before`` these are carried over, so the history keeps them.
    """
    yes_to = tuple(flag for flag, yes in answers.items() if yes)
    return SafetyCheck(
        answered_at=now, any_yes=bool(yes_to), yes_to=yes_to, earlier=clearances(before)
    )


def sessions_stopped(check: SafetyCheck | None) -> bool:
    """True while a red-flag yes stops sessions: the latest answers have a yes, not cleared.

    Never answered is not stopped here: the app asks the questions before anything else.
    """
    return check is not None and check.any_yes and check.cleared_at is None


def clear(check: SafetyCheck, now: datetime) -> SafetyCheck:
    """The answers with the user's word, given at ``now``, that a clinician has cleared them.

    ValueError if the answers have no yes to clear.
    """
    if not check.any_yes:
        raise ValueError("there is no red-flag yes to clear")
    return msgspec.structs.replace(check, cleared_at=now)


def clearances(check: SafetyCheck | None) -> tuple[Clearance, ...]:
    """Every clearance the user has stated, oldest first (those of these answers last)."""
    if check is None:
        return ()
    if check.cleared_at is None:
        return check.earlier
    latest = Clearance(
        stated_at=check.cleared_at, after_check=check.answered_at, yes_to=check.yes_to
    )
    return (*check.earlier, latest)


def said_yes(catalogue: Catalogue, yes_to: tuple[str, ...]) -> list[Advice]:
    """The red flags answered yes, in the order they are asked (ids the catalogue lost left out)."""
    return [flag for flag in red_flags(catalogue) if flag.id in yes_to]


def is_emergency(catalogue: Catalogue, yes_to: tuple[str, ...]) -> bool:
    """True when any of the flags answered yes is an emergency."""
    return any(flag.emergency for flag in said_yes(catalogue, yes_to))


def day_text(when: datetime) -> str:
    """A date as the history says it: ``1 Mar 2025``."""
    return f"{when.day} {when:%b %Y}"


def yes_text(catalogue: Catalogue, yes_to: tuple[str, ...]) -> str:
    """The flags answered yes, named as a list in a sentence (or "a red flag")."""
    return "; ".join(in_sentence(flag.title) for flag in said_yes(catalogue, yes_to)) or (
        "a red flag"
    )


@dataclasses.dataclass(frozen=True)
class Stop:
    """Why sessions are stopped, in words: when, what was answered yes, whether an emergency."""

    since: str
    yes: str
    emergency: bool


def stop_of(catalogue: Catalogue, check: SafetyCheck | None) -> Stop | None:
    """Why sessions are stopped now, or ``None`` when they are not."""
    if check is None or not sessions_stopped(check):
        return None
    return Stop(
        since=day_text(check.answered_at),
        yes=yes_text(catalogue, check.yes_to),
        emergency=is_emergency(catalogue, check.yes_to),
    )


def safety_history(catalogue: Catalogue, check: SafetyCheck | None) -> list[str]:
    """The red-flag lines of the history, newest first: a stop in force, then each clearance."""
    lines = [
        f"{day_text(found.stated_at)}: you stated that a clinician cleared you to exercise "
        f"(after a red-flag yes on {day_text(found.after_check)}: "
        f"{yes_text(catalogue, found.yes_to)})."
        for found in reversed(clearances(check))
    ]
    stop = stop_of(catalogue, check)
    if stop is not None:
        lines.insert(
            0,
            f"{stop.since}: sessions stopped after a red-flag yes ({stop.yes}); "
            "take the check again, or state a clinician's clearance, to start again.",
        )
    return lines
