"""A clinician's prescription: who wrote a routine for the user, when, and when to review it.

A prescription file is an ordinary routine file (one ``[[routine]]`` of kind ``prescribed``)
with a ``[prescription]`` table; its items may say ``locked = true``, and progression then
leaves their dose alone (see :mod:`tui.history.levels`). ``lumbar prescribe FILE`` installs
one. Nothing here imports Textual.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from msgspec import Meta, Struct

PER_WEEK_MOST = 14
"""The most sessions a week a prescription may ask for (the weekly target's own limit)."""


class Prescription(Struct, kw_only=True, forbid_unknown_fields=True, frozen=True):
    """The ``[prescription]`` table: who prescribed the routine, when, and when to review it."""

    prescribed_by: Annotated[str, Meta(min_length=1)]
    issued: date
    review: date
    per_week: Annotated[int, Meta(ge=1, le=PER_WEEK_MOST)] | None = None
    """Sessions a week the clinician asks for (None: the user's weekly target)."""
    note: str = ""
    """Free text for the patient, shown with the routine."""

    def overdue(self, today: date) -> bool:
        """True once the review date has passed (the routine still plays)."""
        return today > self.review


def long_date(day: date) -> str:
    """A date as a person writes it: "12 January 2027"."""
    return f"{day.day} {day:%B %Y}"


def prescribed_line(prescription: Prescription) -> str:
    """The line that names a prescription: "Prescribed by Dr X · review on 12 January 2027"."""
    return (
        f"Prescribed by {prescription.prescribed_by} · review on {long_date(prescription.review)}"
    )


def overdue_line(prescription: Prescription) -> str:
    """What to say once the review date has passed: ask the clinician to review it."""
    return (
        f"Review date passed on {long_date(prescription.review)}: ask "
        f"{prescription.prescribed_by} to review it"
    )


def roadmap_line(name: str, prescription: Prescription, key: str, today: date) -> str:
    """The roadmap's line about the prescription, with the key that plays it."""
    by = prescription.prescribed_by
    if prescription.overdue(today):
        return (
            f"{name}, prescribed by {by}: review date passed on "
            f"{long_date(prescription.review)}, ask {by} to review it. {key} plays it."
        )
    return (
        f"{name}, prescribed by {by}, review on {long_date(prescription.review)}: {key} plays it."
    )


CLINICIANS_NUMBERS = (
    "Every dose here is your clinician's, not an article's. A locked dose is never raised; after "
    "pain lumbar lowers it, then brings it back only as far as prescribed."
)
"""How the detail pane says whose numbers a prescription's doses are."""


def list_line(prescription: Prescription, today: date) -> str:
    """The short line under a prescription's name in the select list (about 30 columns)."""
    review = f"{prescription.review.day} {prescription.review:%b %Y}"
    if prescription.overdue(today):
        return f"review was due {review}"
    return f"review on {review}"
