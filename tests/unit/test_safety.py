"""The safety check's rules: when to ask again, what an answer records, the gate a yes closes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from tests.helpers import BASE
from tui.history.safety import (
    answer,
    clear,
    clearances,
    red_flags,
    safety_due,
    safety_history,
    sessions_stopped,
    stop_of,
)
from tui.model.catalogue import Advice, Catalogue
from tui.model.records import Clearance, SafetyCheck
from tui.store.schema import from_document, to_document
from tui.store.store import Store
from tui.store.transfer import import_file

YES = answer({"red-flag-fever": True, "red-flag-injury": False}, BASE)
"""Answers with one yes (fever), given at BASE."""


def test_never_answered_is_due() -> None:
    """No answers yet: the questions are due."""
    assert safety_due(None, BASE)


def test_an_answer_holds_for_thirty_days() -> None:
    """An answer holds 30 days, then the questions are due again."""
    check = SafetyCheck(answered_at=BASE, any_yes=False)
    assert not safety_due(check, BASE + timedelta(days=29, hours=23))
    assert safety_due(check, BASE + timedelta(days=30))


def test_an_answer_dated_in_the_future_is_not_trusted() -> None:
    """Answered with the clock set to 2099: the questions are due again now."""
    check = SafetyCheck(answered_at=BASE.replace(year=2099), any_yes=False)
    assert safety_due(check, BASE)


def test_an_answer_a_few_hours_ahead_still_holds() -> None:
    """A time zone's worth in the future (a flight, a clock a little off) is trusted."""
    check = SafetyCheck(answered_at=BASE + timedelta(hours=10), any_yes=False)
    assert not safety_due(check, BASE)


def test_any_yes_is_recorded_with_what_was_answered_yes() -> None:
    """A yes is kept with the flags answered yes."""
    check = answer({"red-flag-fever": False, "red-flag-injury": True}, BASE)
    assert check == SafetyCheck(answered_at=BASE, any_yes=True, yes_to=("red-flag-injury",))
    assert answer({"red-flag-fever": False}, BASE).any_yes is False


def test_the_questions_are_the_catalogues_red_flags(catalogue: Catalogue) -> None:
    """The questions are the catalogue's red flags."""
    ids = [flag.id for flag in red_flags(catalogue)]
    assert "red-flag-bladder-bowel" in ids and "red-flag-numbness" in ids
    assert all(flag.kind == "red-flag" for flag in red_flags(catalogue))


def test_the_emergencies_are_asked_first(catalogue: Catalogue) -> None:
    """Bladder or bowel control and saddle numbness come before every other question."""
    flags = red_flags(catalogue)
    emergencies = [flag.id for flag in flags if flag.emergency]
    assert {"red-flag-bladder-bowel", "red-flag-saddle-numbness"} <= set(emergencies)
    assert [flag.id for flag in flags[: len(emergencies)]] == emergencies


def test_only_a_red_flag_can_be_an_emergency() -> None:
    """An emergency of another kind of advice is refused as the catalogue is read."""
    advice = {"id": "x", "kind": "pain", "title": "T", "text": "T.", "sources": ["klarity"]}
    with pytest.raises(msgspec.ValidationError, match="only a red flag can be an emergency"):
        msgspec.convert({**advice, "emergency": True}, Advice)


def test_a_yes_stops_sessions() -> None:
    """Any yes stops sessions."""
    assert sessions_stopped(YES)


def test_answers_with_no_yes_do_not_stop_sessions() -> None:
    """No yes (or no answers yet) stops nothing."""
    assert not sessions_stopped(answer({"red-flag-fever": False}, BASE))
    assert not sessions_stopped(None)


def test_taking_the_check_again_with_no_yes_starts_sessions_again() -> None:
    """New answers with no yes replace the yes: sessions start again."""
    again = answer({"red-flag-fever": False}, BASE + timedelta(days=2), YES)
    assert not sessions_stopped(again)


def test_taking_the_check_again_with_a_yes_keeps_sessions_stopped() -> None:
    """A yes in the new answers stops sessions again."""
    again = answer({"red-flag-fever": True}, BASE + timedelta(days=2), YES)
    assert sessions_stopped(again)


def test_a_clinicians_clearance_starts_sessions_again() -> None:
    """The user's word that a clinician cleared them lifts the stop."""
    assert not sessions_stopped(clear(YES, BASE + timedelta(days=3)))


def test_a_clearance_is_recorded_with_its_date() -> None:
    """The clearance keeps when it was stated, and which yes it lifts."""
    cleared = clear(YES, BASE + timedelta(days=3))
    assert cleared.cleared_at == BASE + timedelta(days=3)
    assert clearances(cleared) == (
        Clearance(stated_at=BASE + timedelta(days=3), after_check=BASE, yes_to=("red-flag-fever",)),
    )


def test_there_is_no_clearance_without_a_yes() -> None:
    """Answers with no yes have nothing to clear."""
    with pytest.raises(ValueError, match="no red-flag yes"):
        clear(answer({"red-flag-fever": False}, BASE), BASE)


def test_clearances_are_kept_when_the_check_is_taken_again() -> None:
    """Later answers carry the earlier clearances, for the history."""
    cleared = clear(YES, BASE + timedelta(days=3))
    later = answer({"red-flag-fever": False}, BASE + timedelta(days=33), cleared)
    assert later.cleared_at is None
    assert clearances(later) == clearances(cleared)


def test_a_new_yes_after_a_clearance_stops_sessions_again() -> None:
    """A clearance lifts only the yes it was given for."""
    cleared = clear(YES, BASE + timedelta(days=3))
    assert sessions_stopped(answer({"red-flag-injury": True}, BASE + timedelta(days=40), cleared))


def test_a_clearance_does_not_put_off_the_thirty_day_check() -> None:
    """Cleared answers are asked again 30 days after they were given, as any others."""
    cleared = clear(YES, BASE + timedelta(days=3))
    assert not safety_due(cleared, BASE + timedelta(days=29))
    assert safety_due(cleared, BASE + timedelta(days=30))


def test_an_old_record_without_the_new_fields_loads() -> None:
    """A stored record from before clearances were kept loads, uncleared."""
    old = {"answered_at": "2025-03-01T09:00:00+00:00", "any_yes": True, "yes_to": ["x"]}
    check = from_document(old, SafetyCheck)
    assert check.cleared_at is None and check.earlier == ()
    assert sessions_stopped(check)


def test_answers_with_no_clearance_are_stored_as_before() -> None:
    """Fields at their defaults are not written: an older lumbar still reads the record."""
    assert set(to_document(YES)) == {"answered_at", "any_yes", "yes_to"}


def test_an_old_export_without_the_new_fields_imports(tmp_path: Path) -> None:
    """An export made before clearances were kept imports, its yes still stopping sessions."""
    export = tmp_path / "old.json"
    export.write_text(
        '{"format": "lumbar-export", "schema_version": 1, "exported_at": "2025-03-02T09:00:00Z",'
        ' "sessions": [], "routines": [], "settings": null, "roadmap": null,'
        ' "safety": {"answered_at": "2025-03-01T09:00:00Z", "any_yes": true,'
        ' "yes_to": ["red-flag-fever"]}}',
        encoding="utf-8",
    )
    store = Store.open(tmp_path / "lumbar.json")
    assert import_file(store, export).safety
    check = store.safety()
    assert check is not None and check.yes_to == ("red-flag-fever",)
    assert sessions_stopped(check)


def test_the_stop_says_since_when_and_after_which_yes(catalogue: Catalogue) -> None:
    """The stop names the day of the yes and the flags answered yes."""
    stop = stop_of(catalogue, YES)
    assert stop is not None
    assert (stop.since, stop.yes, stop.emergency) == ("1 Mar 2025", "fever with back pain", False)
    assert stop_of(catalogue, clear(YES, BASE)) is None


def test_a_yes_to_an_emergency_is_told_as_one(catalogue: Catalogue) -> None:
    """The stop after a yes to bladder or bowel control says it is an emergency."""
    stop = stop_of(catalogue, answer({"red-flag-bladder-bowel": True}, BASE))
    assert stop is not None and stop.emergency


def test_the_history_shows_each_clearance_with_its_date(catalogue: Catalogue) -> None:
    """The history names the day each clearance was stated, newest first."""
    first = clear(YES, BASE + timedelta(days=3))
    second = clear(
        answer({"red-flag-injury": True}, BASE + timedelta(days=40), first),
        BASE + timedelta(days=41),
    )
    lines = safety_history(catalogue, second)
    assert len(lines) == 2
    assert lines[0].startswith("11 Apr 2025: you stated that a clinician cleared you")
    assert lines[1].startswith("4 Mar 2025: you stated that a clinician cleared you")
    assert "fever with back pain" in lines[1]


def test_the_history_shows_a_stop_in_force_first(catalogue: Catalogue) -> None:
    """While a yes stops sessions, the history says so on top."""
    assert safety_history(catalogue, YES)[0].startswith("1 Mar 2025: sessions stopped")
    assert safety_history(catalogue, answer({}, BASE)) == []
