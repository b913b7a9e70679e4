"""The user's history as an HL7 FHIR R4 Bundle (type ``collection``), for a clinician's system.

``lumbar export --fhir FILE.json`` writes it. One pseudonymous Patient (no name, nothing
personal); a CarePlan per routine with an activity per exercise and its dose in words; per
session a Procedure (SNOMED CT 229065009, exercise therapy), an Observation of its duration
(LOINC 55411-3, minutes), one Observation per pain score given (LOINC 72514-3, before at the
session's start, after at its end; a score not given has none: unknown is never zero) and one
Observation per exercise with its planned and done dose as components. The README's "FHIR
export" table gives the mapping field by field.

Every entry's ``fullUrl`` is a ``urn:uuid`` made (uuid5) from a fixed namespace, the person's
pseudonym and the record's id, so two exports of the same data name every resource alike; the
pseudonym comes from the first session's id, never from a name or a path. Resources refer to
each other by those URNs. Only the standard library: the tests check every resource against a
FHIR model library, which lumbar itself never needs. Nothing here imports Textual.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import msgspec

from tui.model import (
    OUTCOME_WORDS,
    Catalogue,
    ExerciseResult,
    Feedback,
    Outcome,
    Routine,
    RoutineItem,
    Session,
    dose_text,
    outcomes_text,
    plan_text,
    plural,
    shortfall_text,
)
from tui.store.storage import StoreError, write_atomic
from tui.store.store import Store

Resource = dict[str, Any]
"""A FHIR resource (or any element of one) as JSON-ready data."""

NAMESPACE = uuid.UUID("dbdd7e42-5ea7-4678-bd4c-5d9c13fedec5")
"""lumbar's own namespace for the resources' uuid5 ids: fixed for ever, so ids stay stable."""

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
SNOMED = "http://snomed.info/sct"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
SECURITY_LABELS = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue"

ACTIVITY = ("activity", "Activity")
SURVEY = ("survey", "Survey")
"""Observation categories: exercise done and its time; pain as the person reports it."""

PAIN_CODE = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
DURATION_CODE = "55411-3"
DURATION_DISPLAY = "Exercise duration"
EXERCISE_THERAPY = "229065009"
EXERCISE_THERAPY_DISPLAY = "Exercise therapy (regime/therapy)"

PAIN_BEFORE = "Pain before the session (0-10)"
PAIN_AFTER = "Pain after the session (0-10)"
"""The pain Observations' ``code.text``: the same LOINC code, told apart in words and by time."""

FEEDBACK_WORDS: dict[Feedback, str] = {
    "easy": "easy",
    "right": "about right",
    "hard": "hard",
    "hurt": "it hurt",
}
"""The user's one-key answer after an exercise, as a clinician reads it."""

RESULT_WORDS: dict[Outcome, str] = {
    **OUTCOME_WORDS,
    "gated": "ended before its harder stage: the user said they were not ready yet",
}
"""How an exercise ended, in words (see :data:`tui.model.records.Outcome`)."""

PSEUDONYMOUS = (
    '<div xmlns="http://www.w3.org/1999/xhtml">A pseudonymous lumbar user: lumbar keeps no '
    "name, birth date or other personal data, and exports none.</div>"
)


def _moment(when: datetime) -> str:
    """A FHIR dateTime with its offset, to the second."""
    return when.isoformat(timespec="seconds")


def _coding(system: str, code: str, display: str) -> Resource:
    return {"system": system, "code": code, "display": display}


def _text(text: str) -> Resource:
    """A CodeableConcept of words only (no standard code says it)."""
    return {"text": text}


def _period(start: datetime, end: datetime) -> Resource:
    """A FHIR Period; an end before its start (a clock set back) is taken as the start."""
    return {"start": _moment(start), "end": _moment(max(start, end))}


def _quantity(value: float, unit: str) -> Resource:
    """A UCUM quantity: ``unit`` is both its words and its code (min, s, {score})."""
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def _reference(urn: str) -> Resource:
    return {"reference": urn}


class BundleBuilder:
    """Builds the Bundle's entries for one person's records, each under a stable URN."""

    def __init__(self, catalogue: Catalogue, sessions: Sequence[Session]) -> None:
        self.catalogue = catalogue
        first = sessions[0].id if sessions else ""
        self.person = str(uuid.uuid5(NAMESPACE, f"person/{first}"))
        self.entries: list[Resource] = []
        self.patient = self.urn("patient")

    def urn(self, *parts: str) -> str:
        """The ``urn:uuid`` of the record named by ``parts`` (kind, then ids) for this person."""
        return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join((self.person, *parts)))}"

    def add(self, urn: str, resource: Resource) -> str:
        """Add ``resource`` under ``urn`` (its id is the URN's uuid); return the URN."""
        resource = {"resourceType": resource.pop("resourceType"), "id": urn[9:], **resource}
        self.entries.append({"fullUrl": urn, "resource": resource})
        return urn

    def name_of(self, exercise_id: str) -> str:
        """An exercise's name (its id when the catalogue no longer has it)."""
        exercise = self.catalogue.exercises.get(exercise_id)
        return exercise.name if exercise is not None else exercise_id

    def add_patient(self) -> None:
        """The pseudonymous Patient: marked so, with no personal data at all."""
        self.add(
            self.patient,
            {
                "resourceType": "Patient",
                "meta": {"security": [_coding(SECURITY_LABELS, "PSEUDED", "pseudonymized")]},
                "text": {"status": "generated", "div": PSEUDONYMOUS},
            },
        )

    def add_care_plan(self, routine: Routine, outcomes: dict[str, list[str]]) -> str:
        """A routine as a CarePlan, an activity per exercise (``outcomes``: its Observations)."""
        plan: Resource = {
            "resourceType": "CarePlan",
            "status": "active",
            "intent": "plan",
            "category": [{"coding": [_coding(SNOMED, EXERCISE_THERAPY, EXERCISE_THERAPY_DISPLAY)]}],
            "title": routine.name,
            "description": routine.description,
            "subject": _reference(self.patient),
            "activity": [
                self._activity(item, outcomes.get(item.exercise, [])) for item in routine.items
            ],
            "note": [{"text": self._origin(routine)}],
        }
        return self.add(self.urn("routine", routine.id), plan)

    def _origin(self, routine: Routine) -> str:
        if routine.kind == "custom":
            return "A routine the user built in lumbar."
        if (rx := self.catalogue.prescriptions.get(routine.id)) is not None:
            return f"Prescribed by {rx.prescribed_by}: issued {rx.issued}, review {rx.review}."
        source = self.catalogue.sources.get(routine.source or "")
        if source is None:
            return "One of lumbar's own routines, composed from the articles' exercises."
        publisher = f" ({source.publisher})" if source.publisher else ""
        return f"From the article {source.title!r}{publisher}."

    def _activity(self, item: RoutineItem, outcomes: list[str]) -> Resource:
        exercise = self.catalogue.exercises.get(item.exercise)
        dose = item.dose or (exercise.dose if exercise is not None else None)
        words = dose_text(dose) if dose is not None else "dose not known: the exercise is gone"
        if item.locked:
            words = f"{words} (locked by the clinician: never raised)"
        if item.note:
            words = f"{words}. {item.note}"
        activity: Resource = {
            "detail": {
                "code": _text(self.name_of(item.exercise)),
                "status": "in-progress" if outcomes else "not-started",
                "description": words,
            }
        }
        if outcomes:
            activity["outcomeReference"] = [_reference(urn) for urn in outcomes]
        return activity

    def add_session(self, session: Session, plans: dict[str, str]) -> list[tuple[str, str, str]]:
        """A session's Procedure and Observations; each exercise's routine, id and Observation."""
        procedure = self.urn("session", session.id)
        end = session.ended_at or session.stopped_at
        based_on = [plans[r] for r in _routines_of(session) if r in plans]
        resource: Resource = {
            "resourceType": "Procedure",
            "status": "completed" if session.status == "complete" else "stopped",
            "code": {
                "coding": [_coding(SNOMED, EXERCISE_THERAPY, EXERCISE_THERAPY_DISPLAY)],
                "text": f"Home exercise session: {session.routine_name}",
            },
            "subject": _reference(self.patient),
            "performedPeriod": _period(session.started_at, end),
            "outcome": _text(
                f"{plural(len(session.exercises), 'exercise')}: {outcomes_text(session)}"
            ),
        }
        if based_on:
            resource["basedOn"] = [_reference(urn) for urn in based_on]
        if session.status != "complete":
            resource["statusReason"] = _text("ended before the routine's last exercise")
        if session.note:
            resource["note"] = [{"text": session.note, "time": _moment(end)}]
        self.add(procedure, resource)
        self._duration(session, procedure, end)
        for which, score, when in (
            ("before", session.pain_before, session.started_at),
            ("after", session.pain_after, end),
        ):
            if score is not None:  # unknown is never "no pain"
                self._pain(session, procedure, which, score, when)
        return [
            (
                result.routine or session.routine,
                result.exercise,
                self._exercise(session, procedure, index, result),
            )
            for index, result in enumerate(session.exercises)
        ]

    def _observation(
        self, procedure: str, category: tuple[str, str], code: Resource, when: Resource
    ) -> Resource:
        """An Observation of the person, part of a session, in a category, with a code and time."""
        return {
            "resourceType": "Observation",
            "status": "final",
            "category": [{"coding": [_coding(OBSERVATION_CATEGORY, *category)]}],
            "code": code,
            "subject": _reference(self.patient),
            "partOf": [_reference(procedure)],
            **when,
        }

    def _duration(self, session: Session, procedure: str, end: datetime) -> None:
        code = {
            "coding": [_coding(LOINC, DURATION_CODE, DURATION_DISPLAY)],
            "text": "Exercise duration (breaks left out)",
        }
        when = {"effectivePeriod": _period(session.started_at, end)}
        resource = self._observation(procedure, ACTIVITY, code, when)
        resource["valueQuantity"] = _quantity(round(session.seconds / 60, 1), "min")
        self.add(self.urn("session", session.id, "duration"), resource)

    def _pain(
        self, session: Session, procedure: str, which: str, score: int, when: datetime
    ) -> None:
        code = {
            "coding": [_coding(LOINC, PAIN_CODE, PAIN_DISPLAY)],
            "text": PAIN_BEFORE if which == "before" else PAIN_AFTER,
        }
        resource = self._observation(procedure, SURVEY, code, {"effectiveDateTime": _moment(when)})
        resource["valueQuantity"] = _quantity(score, "{score}")
        self.add(self.urn("session", session.id, f"pain-{which}"), resource)

    def _exercise(
        self, session: Session, procedure: str, index: int, result: ExerciseResult
    ) -> str:
        code = _text(f"Home exercise: {self.name_of(result.exercise)}")
        when = {"effectivePeriod": _period(result.started_at, result.ended_at)}
        resource = self._observation(procedure, ACTIVITY, code, when)
        shortfall = shortfall_text(result)
        outcome = "done in full" if result.full else RESULT_WORDS[result.outcome]
        resource["valueString"] = f"{outcome}: {shortfall}" if shortfall else outcome
        components: list[tuple[str, str, Any]] = [
            ("Planned dose", "valueString", plan_text(result.planned)),
            ("Reps planned", "valueInteger", result.planned_reps),
            ("Reps done", "valueInteger", result.reps_done),
            ("Seconds held", "valueQuantity", _quantity(result.seconds_held, "s")),
            ("Holds cut short", "valueInteger", result.holds_cut),
        ]
        if result.feedback is not None:
            components.append(("How it felt", "valueString", FEEDBACK_WORDS[result.feedback]))
        resource["component"] = [
            {"code": _text(name), kind: value} for name, kind, value in components
        ]
        return self.add(self.urn("session", session.id, "exercise", str(index)), resource)


def _routines_of(session: Session) -> list[str]:
    """The routines a session played: its own, and any warm-up or cool-down, in order."""
    found = [session.routine]
    for result in session.exercises:
        if result.routine and result.routine not in found:
            found.append(result.routine)
    return found


def _played_routines(
    catalogue: Catalogue, custom: Iterable[Routine], sessions: Sequence[Session]
) -> list[Routine]:
    """The user's routines, then every other routine a session played, in catalogue order."""
    routines = list(custom)
    mine = {routine.id for routine in routines}
    played = {r for session in sessions for r in _routines_of(session)} - mine
    routines += [r for key, r in catalogue.routines.items() if key in played]
    return routines


def fhir_bundle(
    catalogue: Catalogue,
    sessions: Sequence[Session],
    routines: Iterable[Routine],
    now: datetime,
) -> Resource:
    """The FHIR R4 Bundle of ``sessions`` (oldest first) and ``routines`` (the user's own).

    Its entries: the Patient, a CarePlan per routine (the user's, then those played), then
    each session's Procedure and Observations.
    """
    builder = BundleBuilder(catalogue, sessions)
    builder.add_patient()
    chosen = _played_routines(catalogue, routines, sessions)
    plans = {routine.id: builder.urn("routine", routine.id) for routine in chosen}
    outcomes: dict[str, dict[str, list[str]]] = {routine: {} for routine in plans}
    for session in sessions:
        for routine_id, exercise, urn in builder.add_session(session, plans):
            if routine_id in outcomes:
                outcomes[routine_id].setdefault(exercise, []).append(urn)
    played = len(builder.entries)
    for routine in chosen:
        builder.add_care_plan(routine, outcomes[routine.id])
    entries = builder.entries
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": _moment(now),
        "entry": entries[:1] + entries[played:] + entries[1:played],
    }


def resource_counts(bundle: Resource) -> Counter[str]:
    """How many resources of each type a bundle holds."""
    return Counter(entry["resource"]["resourceType"] for entry in bundle["entry"])


def fhir_json(bundle: Resource) -> bytes:
    """A bundle as indented JSON bytes, ending in a newline."""
    return msgspec.json.format(msgspec.json.encode(bundle), indent=2) + b"\n"


def export_fhir(store: Store, path: Path, catalogue: Catalogue, now: datetime | None = None) -> str:
    """Write the store's history as a FHIR R4 Bundle to ``path`` atomically; say what was written.

    StoreError, with no file written, for a name not ending in .json, the database itself, or a
    store with no sessions (an unusable store raises its own StoreError as it is read).
    """
    if path.suffix.lower() != ".json":
        raise StoreError(
            f"lumbar cannot write a FHIR export to {path}: the name must end in .json "
            "(a FHIR R4 Bundle is JSON). No file was written.",
            path,
        )
    if path.expanduser().resolve() == store.path.resolve():
        raise StoreError(f"{path} is lumbar's database itself: export to another file.", path)
    snapshot = store.snapshot()
    if not snapshot.sessions:
        raise StoreError(
            f"{store.path} has no sessions yet, so there is nothing to export and no file was "
            "written. Play a routine first, or name the file that keeps your sessions with "
            "--db PATH.",
            store.path,
        )
    bundle = fhir_bundle(
        catalogue, snapshot.sessions, snapshot.routines, now or datetime.now().astimezone()
    )
    write_atomic(path, fhir_json(bundle))
    counts = resource_counts(bundle)
    kinds = ", ".join(plural(count, kind) for kind, count in counts.items())
    return (
        f"Exported {plural(len(snapshot.sessions), 'session')} to {path} as a FHIR R4 Bundle "
        f"({kinds})."
    )
