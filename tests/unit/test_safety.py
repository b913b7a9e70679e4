"""The safety check's rules: when to ask again and what an answer records."""

from __future__ import annotations

from datetime import timedelta

from tests.helpers import BASE
from tui.history.safety import answer, red_flags, safety_due
from tui.model.catalogue import Catalogue
from tui.model.records import SafetyCheck


def test_never_answered_is_due() -> None:
    assert safety_due(None, BASE)


def test_an_answer_holds_for_thirty_days() -> None:
    check = SafetyCheck(answered_at=BASE, any_yes=False)
    assert not safety_due(check, BASE + timedelta(days=29, hours=23))
    assert safety_due(check, BASE + timedelta(days=30))


def test_an_answer_from_the_future_still_holds() -> None:
    check = SafetyCheck(answered_at=BASE + timedelta(days=3), any_yes=False)
    assert not safety_due(check, BASE)


def test_any_yes_is_recorded_with_what_was_answered_yes() -> None:
    check = answer({"red-flag-fever": False, "red-flag-injury": True}, BASE)
    assert check == SafetyCheck(answered_at=BASE, any_yes=True, yes_to=("red-flag-injury",))
    assert answer({"red-flag-fever": False}, BASE).any_yes is False


def test_the_questions_are_the_catalogues_red_flags(catalogue: Catalogue) -> None:
    ids = [flag.id for flag in red_flags(catalogue)]
    assert "red-flag-bladder-bowel" in ids and "red-flag-numbness" in ids
    assert all(flag.kind == "red-flag" for flag in red_flags(catalogue))
