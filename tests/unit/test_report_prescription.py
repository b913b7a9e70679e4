"""The report's prescription section: figures against a hand-worked history, in every format."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import msgspec
import pytest

from tests.helpers import PRESCRIBED, with_example
from tui.history.report import Report, make_report
from tui.history.report_render import render_report
from tui.history.report_rx import session_reps
from tui.model import Catalogue, ExerciseResult, Session, Settings, StagePlan

SINCE, UNTIL = date(2026, 11, 23), date(2026, 12, 13)
PLAYED = (2, 3, 4, 5, 9)
"""Days of December 2026 the prescription was played: four in its first week, one in its second."""


@pytest.fixture
def prescribed(catalogue: Catalogue, tmp_path: Path) -> Catalogue:
    """The catalogue with the example prescription (issued 1 Dec 2026, four a week)."""
    return with_example(catalogue, at=tmp_path / "prescription.toml")


def played(day: int) -> Session:
    """A session of the prescription on ``day`` December: the pelvic tilt, 10 of 10 reps."""
    when = datetime(2026, 12, day, 9, 0, tzinfo=UTC)
    tilt = ExerciseResult(
        exercise="pelvic-tilt",
        planned=(StagePlan(reps=10, hold=5),),
        reps_done=10,
        outcome="done",
        feedback="right",
        started_at=when,
        ended_at=when + timedelta(minutes=2),
    )
    return Session(
        id=f"rx-{day}",
        routine=PRESCRIBED,
        routine_name="Back plan",
        started_at=when,
        ended_at=when + timedelta(minutes=2),
        status="complete",
        pain_before=3,
        pain_after=2,
        exercises=(tilt,),
    )


@pytest.fixture
def report(prescribed: Catalogue) -> Report:
    """The report of 23 Nov to 13 Dec 2026, an older prescription replaced on 1 Dec."""
    routine, prescription = prescribed.routine(PRESCRIBED), prescribed.prescriptions[PRESCRIBED]
    older = msgspec.structs.replace(prescription, issued=date(2026, 11, 2))
    return make_report(
        [played(day) for day in PLAYED],
        prescribed,
        Settings(),
        None,
        UNTIL,
        SINCE,
        UNTIL,
        [(msgspec.structs.replace(routine, name="Back plan, first"), older)],
    )


def test_one_session_at_the_prescribed_doses_is_38_reps(prescribed: Catalogue) -> None:
    """10 tilts + 8 bridges + 8 bird dogs a side + 2 knee-to-chest a side = 38."""
    assert session_reps(prescribed, prescribed.routine(PRESCRIBED)) == 38


def test_sessions_a_week_against_the_prescription(report: Report) -> None:
    """Two weeks in force (from Monday 30 Nov), five sessions, four a week met once."""
    part = report.prescription
    assert part is not None
    assert (part.weeks, part.sessions, part.per_week, part.weeks_met) == (2, 5, 4, 1)


def test_the_share_of_the_prescribed_work_done(report: Report) -> None:
    """50 reps done of 38 x 4 a week x 2 weeks = 304 asked for."""
    part = report.prescription
    assert part is not None
    assert (part.reps_done, part.reps_asked) == (50, 304)


def test_locked_doses_as_prescribed_and_as_played(report: Report) -> None:
    """The tilt as prescribed and as last played; the bird dog not played."""
    part = report.prescription
    assert part is not None
    assert [(d.exercise, d.prescribed, d.played) for d in part.locked] == [
        ("Pelvic tilt", "10 reps, hold 5 s", "10 reps, hold 5 s"),
        ("Bird dog", "8 reps, hold 5 s, alternating sides", "not played"),
    ]


def test_the_replaced_prescription_is_listed_with_its_dates(report: Report) -> None:
    """The older one, in force until 1 Dec, is named with its dates."""
    part = report.prescription
    assert part is not None
    assert [(s.routine, s.issued, s.replaced) for s in part.superseded] == [
        ("Back plan, first", date(2026, 11, 2), date(2026, 12, 1))
    ]


@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_every_format_shows_the_prescription(report: Report, kind: str) -> None:
    """Text, Markdown and HTML all name the clinician and the share of the work done."""
    page = " ".join(render_report(report, kind).split())  # type: ignore[arg-type]
    assert "Alex Morgan, physiotherapist" in page
    assert "50 of 304 reps asked for (16%)" in page
    assert "replaced on 1 Dec 2026" in page


def test_no_prescription_no_section(catalogue: Catalogue) -> None:
    """Without a prescription the report has no such part."""
    session = msgspec.structs.replace(played(2), routine="quick-10")
    found = make_report([session], catalogue, Settings(), None, UNTIL, SINCE, UNTIL)
    assert found.prescription is None
