"""The FHIR R4 Bundle of a history: valid, coded, referenced, stable, and honest about pain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import pytest

from tests.helpers import (
    EVENING,
    RECORD_BASE,
    allowed,
    entries,
    fhir_history,
    make_result,
    make_session,
    of_type,
    references,
    validate,
)
from tui.model.catalogue import Catalogue
from tui.store.fhir import LOINC, SNOMED, UCUM, fhir_bundle

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
Resource = dict[str, Any]


@pytest.fixture
def bundle(catalogue: Catalogue) -> Resource:
    return fhir_bundle(catalogue, fhir_history(), [EVENING], NOW)


def _part_of(bundle: Resource, session: int) -> list[Resource]:
    """The Observations that are part of the ``session``-th Procedure (0 is the oldest)."""
    procedures = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "Procedure"]
    procedure = {"reference": procedures[session]["fullUrl"]}
    return [r for r in of_type(bundle, "Observation") if r["partOf"] == [procedure]]


def _pain(observations: list[Resource]) -> list[Resource]:
    return [r for r in observations if r["code"].get("coding", [{}])[0].get("code") == "72514-3"]


# --- valid FHIR R4 ----------------------------------------------------------------------------


def test_every_resource_validates_as_fhir_r4(bundle: Resource) -> None:
    """The bundle and each resource in it pass the R4 models of fhir.resources."""
    validate(bundle)


def test_the_bundle_is_a_timestamped_collection(bundle: Resource) -> None:
    """A Bundle of type collection, stamped with the export's time."""
    assert (bundle["type"], bundle["timestamp"]) == ("collection", "2025-03-10T09:00:00+00:00")


def test_it_holds_what_the_history_holds(bundle: Resource) -> None:
    """A Patient, two CarePlans (Evening; Quick 10 with its warm-up is three), three sessions."""
    kinds = [r["resourceType"] for r in entries(bundle)]
    assert kinds.count("Patient") == 1
    assert [r["title"] for r in of_type(bundle, "CarePlan")] == [
        "Evening",
        "Quick 10 minutes",
        "Warm-up",
    ]
    assert kinds.count("Procedure") == 3
    # 3 durations, 2 + 1 + 0 pain scores, 3 + 1 + 1 exercises
    assert kinds.count("Observation") == 3 + 3 + 5


def test_the_codes_are_in_r4_value_sets(bundle: Resource) -> None:
    """Every status and intent is a code the R4 element allows."""
    for plan in of_type(bundle, "CarePlan"):
        assert plan["status"] in allowed("CarePlan", "status")
        assert plan["intent"] in allowed("CarePlan", "intent")
    for procedure in of_type(bundle, "Procedure"):
        assert procedure["status"] in allowed("Procedure", "status")
    for observation in of_type(bundle, "Observation"):
        assert observation["status"] in allowed("Observation", "status")


# --- ids and references -----------------------------------------------------------------------


def test_every_full_url_is_a_urn_uuid_of_its_resource_id(bundle: Resource) -> None:
    """Each entry's fullUrl is urn:uuid:<the resource's id>, and no two are alike."""
    urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert all(
        entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}" for entry in bundle["entry"]
    )
    assert len(set(urls)) == len(urls)


def test_every_reference_resolves_inside_the_bundle(bundle: Resource) -> None:
    """Each reference names an entry's fullUrl, and there are references to follow."""
    urls = {entry["fullUrl"] for entry in bundle["entry"]}
    found = list(references(bundle))
    assert len(found) > 20 and set(found) <= urls


def test_every_resource_but_the_patient_is_about_the_patient(bundle: Resource) -> None:
    """Procedures, Observations and CarePlans all have the Patient as their subject."""
    patient = bundle["entry"][0]["fullUrl"]
    others = [r for r in entries(bundle) if r["resourceType"] != "Patient"]
    assert all(r["subject"] == {"reference": patient} for r in others)


def test_the_ids_are_the_same_in_two_exports_of_the_same_data(catalogue: Catalogue) -> None:
    """Exported again later, every resource keeps its fullUrl."""
    first = fhir_bundle(catalogue, fhir_history(), [EVENING], NOW)
    later = fhir_bundle(catalogue, fhir_history(), [EVENING], NOW + timedelta(days=3))
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in later["entry"]]


def test_another_persons_routines_get_other_ids(catalogue: Catalogue) -> None:
    """Two people's Quick 10 CarePlans do not share an id (ids follow the person's records)."""
    mine = fhir_bundle(catalogue, fhir_history(), [], NOW)
    theirs = fhir_bundle(catalogue, [make_session("someone-else")], [], NOW)
    assert of_type(mine, "CarePlan")[0]["id"] != of_type(theirs, "CarePlan")[0]["id"]


# --- the patient --------------------------------------------------------------------------------


def test_the_patient_is_pseudonymous(bundle: Resource) -> None:
    """The Patient has no name, birth date or contact, and is labelled pseudonymised."""
    patient = of_type(bundle, "Patient")[0]
    assert set(patient) == {"resourceType", "id", "meta", "text"}
    assert patient["meta"]["security"][0]["code"] == "PSEUDED"


# --- pain ---------------------------------------------------------------------------------------


def test_a_pain_score_is_loinc_72514_3_in_ucum_score(bundle: Resource) -> None:
    """Pain 5 before s-1: LOINC 72514-3, the value 5 {score} in UCUM."""
    before = _pain(_part_of(bundle, 0))[0]
    assert before["code"]["coding"][0]["system"] == LOINC
    assert before["valueQuantity"] == {
        "value": 5,
        "unit": "{score}",
        "system": UCUM,
        "code": "{score}",
    }


def test_pain_before_and_after_are_told_apart(bundle: Resource) -> None:
    """Before is at the session's start and says before; after at its end and says after."""
    before, after = _pain(_part_of(bundle, 0))
    assert (before["code"]["text"], before["effectiveDateTime"]) == (
        "Pain before the session (0-10)",
        "2025-03-01T07:30:00+02:00",
    )
    assert (after["code"]["text"], after["effectiveDateTime"]) == (
        "Pain after the session (0-10)",
        "2025-03-01T07:33:00+02:00",
    )
    assert after["valueQuantity"]["value"] == 3


def test_a_missing_pain_score_gives_no_observation(bundle: Resource) -> None:
    """s-2 gave pain only before: one pain Observation, before; never a zero after."""
    pains = _pain(_part_of(bundle, 1))
    assert [p["code"]["text"] for p in pains] == ["Pain before the session (0-10)"]


def test_a_session_without_pain_scores_has_no_pain_observation(bundle: Resource) -> None:
    """s-3 gave no pain at all: no pain Observation for it."""
    assert _pain(_part_of(bundle, 2)) == []


# --- sessions -----------------------------------------------------------------------------------


def test_a_session_is_a_procedure_of_exercise_therapy(bundle: Resource) -> None:
    """SNOMED CT 229065009, the routine's name in words, the session's start and end."""
    procedure = of_type(bundle, "Procedure")[0]
    assert procedure["code"]["coding"][0] == {
        "system": SNOMED,
        "code": "229065009",
        "display": "Exercise therapy (regime/therapy)",
    }
    assert procedure["code"]["text"] == "Home exercise session: Quick 10"
    assert procedure["performedPeriod"] == {
        "start": "2025-03-01T07:30:00+02:00",
        "end": "2025-03-01T07:33:00+02:00",
    }


def test_a_partial_session_is_a_stopped_procedure(bundle: Resource) -> None:
    """Complete sessions are completed; the partial one is stopped, with a reason."""
    procedures = of_type(bundle, "Procedure")
    assert [p["status"] for p in procedures] == ["completed", "completed", "stopped"]
    assert "statusReason" in procedures[2] and "statusReason" not in procedures[0]


def test_the_session_note_is_the_procedures_note(bundle: Resource) -> None:
    """s-1's note is its Procedure's Annotation; a session with no note has none."""
    first, second, _ = of_type(bundle, "Procedure")
    assert first["note"][0]["text"] == "Stiff in the morning; easier after."
    assert "note" not in second


def test_the_procedure_is_based_on_the_routines_it_played(bundle: Resource) -> None:
    """s-1 played Quick 10 and the warm-up: its basedOn names both CarePlans."""
    plans = {
        e["resource"]["title"]: e["fullUrl"] for e in bundle["entry"] if "title" in e["resource"]
    }
    first = of_type(bundle, "Procedure")[0]
    assert first["basedOn"] == [
        {"reference": plans["Quick 10 minutes"]},
        {"reference": plans["Warm-up"]},
    ]


def test_the_duration_is_loinc_55411_3_in_minutes(bundle: Resource) -> None:
    """s-1 lasted 3 minutes: LOINC 55411-3, 3.0 min in UCUM."""
    duration = next(
        r for r in _part_of(bundle, 0) if r["code"].get("coding", [{}])[0].get("code") == "55411-3"
    )
    assert duration["code"]["coding"][0]["system"] == LOINC
    assert duration["valueQuantity"] == {"value": 3.0, "unit": "min", "system": UCUM, "code": "min"}


# --- exercises ----------------------------------------------------------------------------------


def _components(observation: Resource) -> dict[str, Any]:
    return {
        part["code"]["text"]: next(v for k, v in part.items() if k.startswith("value"))
        for part in observation["component"]
    }


def _exercises(bundle: Resource, session: int) -> list[Resource]:
    return [r for r in _part_of(bundle, session) if "component" in r]


def test_an_exercise_gives_its_planned_and_done_dose(bundle: Resource) -> None:
    """s-2's bird dog: planned 2 sets of 6 alternating, 20 of 24 reps done, a hold cut, hard."""
    cut = _exercises(bundle, 1)[0]
    assert cut["code"]["text"] == "Home exercise: Bird dog"
    assert cut["valueString"] == "cut short: 20 of 24 reps, 1 hold cut short"
    assert _components(cut) == {
        "Planned dose": "2 sets of 6 reps, hold 5 s, alternating sides",
        "Reps planned": 24,
        "Reps done": 20,
        "Seconds held": {"value": 120, "unit": "s", "system": UCUM, "code": "s"},
        "Holds cut short": 1,
        "How it felt": "hard",
    }


def test_an_exercise_not_rated_has_no_feeling(bundle: Resource) -> None:
    """s-3's skipped bird dog was not rated: no "How it felt" component, and it says skipped."""
    skipped = _exercises(bundle, 2)[0]
    assert skipped["valueString"].startswith("skipped")
    assert "How it felt" not in _components(skipped)


def test_an_exercise_ended_at_a_gate_says_why_in_words(catalogue: Catalogue) -> None:
    """An exercise that ended at its gate reads as not ready for the harder stage."""
    gated = make_result(outcome="gated", started_at=RECORD_BASE, ended_at=RECORD_BASE)
    session = msgspec.structs.replace(make_session("s-1"), exercises=(gated,))
    observation = _exercises(fhir_bundle(catalogue, [session], [], NOW), 0)[0]
    assert observation["valueString"].startswith("ended before its harder stage")


def test_an_exercise_gone_from_the_catalogue_is_named_by_its_id(catalogue: Catalogue) -> None:
    """A result of an exercise lumbar no longer has still exports, under its id."""
    gone = make_result("an-old-exercise", started_at=RECORD_BASE, ended_at=RECORD_BASE)
    session = msgspec.structs.replace(make_session("s-1"), exercises=(gone,))
    bundle = fhir_bundle(catalogue, [session], [], NOW)
    validate(bundle)
    assert _exercises(bundle, 0)[0]["code"]["text"] == "Home exercise: an-old-exercise"


# --- routines -----------------------------------------------------------------------------------


def test_a_routine_is_a_care_plan_with_an_activity_per_exercise(bundle: Resource) -> None:
    """Evening: an active plan, its plank and child's pose with their doses in words."""
    evening = of_type(bundle, "CarePlan")[0]
    assert (evening["status"], evening["intent"]) == ("active", "plan")
    details = [activity["detail"] for activity in evening["activity"]]
    assert [(d["code"]["text"], d["description"]) for d in details] == [
        ("Plank", "hold 5-25 s"),
        ("Child's pose", "hold 30-60 s"),
    ]


def test_an_activity_played_links_its_exercise_observations(bundle: Resource) -> None:
    """Quick 10's bird dog is in progress and names the four bird dog Observations."""
    quick = of_type(bundle, "CarePlan")[1]
    by_name = {a["detail"]["code"]["text"]: a for a in quick["activity"]}
    bird_dog, tilt = by_name["Bird dog"], by_name["Pelvic tilt"]
    assert bird_dog["detail"]["status"] == "in-progress" and len(bird_dog["outcomeReference"]) == 4
    assert tilt["detail"]["status"] == "not-started" and "outcomeReference" not in tilt
    for activity in (*quick["activity"], *of_type(bundle, "CarePlan")[0]["activity"]):
        assert activity["detail"]["status"] in ("in-progress", "not-started")


def test_a_period_never_ends_before_it_starts(catalogue: Catalogue) -> None:
    """An exercise whose end was saved before its start (a clock set back) ends at its start."""
    backwards = make_result(started_at=RECORD_BASE, ended_at=RECORD_BASE - timedelta(minutes=5))
    session = msgspec.structs.replace(make_session("s-1"), exercises=(backwards,))
    period = _exercises(fhir_bundle(catalogue, [session], [], NOW), 0)[0]["effectivePeriod"]
    assert period["end"] == period["start"]
