"""The safety check: the red-flag questions, when to ask them again, and what an answer means.

lumbar asks on first run and again once the last answer is 30 days old. The questions are the
catalogue's red flags, so the articles' own warnings are what the user answers; any "yes"
means seeing a clinician before exercising. Nothing here imports Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from tui.model import Advice, Catalogue, SafetyCheck

ASK_AGAIN_AFTER = timedelta(days=30)
"""How long an answer holds before lumbar asks the questions again."""


def red_flags(catalogue: Catalogue) -> list[Advice]:
    """The red-flag advice, in catalogue order: one question each."""
    return [advice for advice in catalogue.advice if advice.kind == "red-flag"]


def see_a_clinician(catalogue: Catalogue) -> list[Advice]:
    """The advice on when to see a doctor or physiotherapist."""
    return [advice for advice in catalogue.advice if advice.kind == "see-clinician"]


def safety_due(check: SafetyCheck | None, now: datetime) -> bool:
    """True when the questions should be asked: never answered, or the answer is 30 days old.

    An answer dated after ``now`` (the clock was set back) still holds: asking again because
    of a clock change would teach people to click through the questions.
    """
    if check is None:
        return True
    return now - check.answered_at >= ASK_AGAIN_AFTER


def answer(answers: Mapping[str, bool], now: datetime) -> SafetyCheck:
    """The record of one round of answers (red-flag id -> yes) given at ``now``."""
    yes_to = tuple(flag for flag, yes in answers.items() if yes)
    return SafetyCheck(answered_at=now, any_yes=bool(yes_to), yes_to=yes_to)
