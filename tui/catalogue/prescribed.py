"""What a prescription file may hold, and what no other file may.

A prescription (see :mod:`tui.model.prescription`) is one ``[[routine]]`` of kind
``prescribed`` with a ``[prescription]`` table, installed by ``lumbar prescribe`` in the
``prescriptions`` folder of the user's catalogue. Anywhere else, a ``[prescription]`` table, a
routine of kind ``prescribed`` or an item that says ``locked`` is a problem with its file and
line: only a clinician's file may lock a dose.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tui.catalogue.checks import ParsedFile
from tui.catalogue.files import PRESCRIPTIONS
from tui.catalogue.files import REPLACED as REPLACED
from tui.catalogue.files import set_aside as set_aside
from tui.catalogue.problems import Problem

FOLDER = PRESCRIPTIONS
"""The folder of the user's catalogue that holds the active prescription."""
INSTALL = "Install a prescription with `lumbar prescribe FILE` (see the README, For clinicians)."
OTHER_KINDS = ("source", "exercise", "phase", "advice")


def in_prescriptions(path: Path, user: Path) -> bool:
    """True when ``path`` is in the user's prescriptions folder (where one may be installed)."""
    try:
        return path.resolve().relative_to(user.resolve()).parts[:1] == (FOLDER,)
    except ValueError:
        return False


def prescription_problems(parsed: ParsedFile, *, allowed: bool) -> list[Problem]:
    """What is wrong with a file's prescription, or with its prescribing where it may not.

    ``allowed``: the file may be a prescription (checked by ``lumbar prescribe`` or installed).
    """
    content = parsed.content
    if content.prescription is None:
        return _not_a_prescription(parsed)
    if not allowed:
        return [
            parsed.problem(
                ("prescription",), "only an installed prescription has a [prescription]", INSTALL
            )
        ]
    problems = review_problems(parsed)
    problems += [
        parsed.problem(
            (kind, 0),
            f"a prescription cannot define [[{kind}]]",
            "A prescription holds one [[routine]] of exercises in lumbar's catalogue: put "
            "anything else in a file of its own.",
        )
        for kind in OTHER_KINDS
        if getattr(content, kind)
    ]
    if len(content.routine) != 1:
        problems.append(
            parsed.problem(
                ("routine", 1) if content.routine else ("prescription",),
                f"a prescription holds exactly one [[routine]], not {len(content.routine)}",
                "Write one routine per prescription file.",
            )
        )
    problems += [
        parsed.problem(
            ("routine", index, "kind"),
            f'a prescribed routine has kind = "prescribed", not "{routine.kind}"',
            'Set kind = "prescribed".',
        )
        for index, routine in enumerate(content.routine)
        if routine.kind != "prescribed"
    ]
    return problems


def review_problems(parsed: ParsedFile) -> list[Problem]:
    """A review date before the date the prescription was issued (read from the raw TOML).

    Read from the raw table, so it is found even when another field keeps the file from
    decoding.
    """
    table: Any = parsed.raw.get("prescription")
    issued, review = (table.get(k) if isinstance(table, dict) else None for k in FIELDS)
    if not (isinstance(issued, date) and isinstance(review, date)) or review >= issued:
        return []
    return [
        parsed.problem(
            ("prescription", "review"),
            f"the review date {review.isoformat()} is before the date it was issued "
            f"({issued.isoformat()})",
            "Give a review date on or after `issued`.",
        )
    ]


FIELDS = ("issued", "review")


def _not_a_prescription(parsed: ParsedFile) -> list[Problem]:
    """Kind ``prescribed`` or ``locked`` in a file without a ``[prescription]`` table."""
    problems = []
    for index, routine in enumerate(parsed.content.routine):
        if routine.kind == "prescribed":
            problems.append(
                parsed.problem(
                    ("routine", index, "kind"),
                    'only a prescription has a routine of kind "prescribed"',
                    f"Add a [prescription] table (who, issued, review), or choose another kind. "
                    f"{INSTALL}",
                )
            )
        problems += [
            parsed.problem(
                ("routine", index, "items", number, "locked"),
                "only a clinician's prescription can lock a dose",
                f"Remove `locked`. {INSTALL}",
            )
            for number, item in enumerate(routine.items)
            if item.locked
        ]
    return problems
