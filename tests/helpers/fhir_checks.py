"""A small history for the FHIR export's tests, and the checks of a FHIR Bundle against R4.

The checks use ``fhir.resources`` (a dev dependency only: lumbar writes FHIR with the standard
library), imported when a check runs so that other tests never load it. Its ``R4B`` models are
FHIR 4.3.0, which changed R4 (4.0.1) only in its subscription, medication-definition and evidence
resources: none that lumbar writes (Bundle, Patient, CarePlan, Procedure, Observation).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import msgspec

from tests.store_child import RECORD_BASE, make_result, make_session
from tui.model.records import ExerciseResult, Session

Resource = dict[str, Any]


def _result(session_start: int, minute: int, **changes: Any) -> ExerciseResult:
    """A result ``minute`` minutes into the session that starts ``session_start`` days in."""
    start = RECORD_BASE + timedelta(days=session_start, minutes=minute)
    return make_result(started_at=start, ended_at=start + timedelta(minutes=1), **changes)


def _session(session: Session, *results: ExerciseResult) -> Session:
    return msgspec.structs.replace(session, exercises=results)


def fhir_history() -> list[Session]:
    """Three sessions of Quick 10, a day apart, oldest first.

    ``s-1``: complete, pain 5 then 3, a note, the warm-up's marching then two bird dogs.
    ``s-2``: complete, pain 4 before and none given after, a bird dog cut short and rated hard.
    ``s-3``: partial, no pain given at all, a bird dog skipped.
    """
    warm_up = _result(0, 0, exercise="marching-in-place", routine="warm-up")
    first = _session(
        make_session("s-1", exercises=3, note="Stiff in the morning; easier after."),
        warm_up,
        _result(0, 1),
        _result(0, 2),
    )
    cut = _result(1, 0, outcome="cut", reps_done=20, holds_cut=1, feedback="hard")
    second = _session(make_session("s-2", day=1, exercises=1, pain_before=4, pain_after=None), cut)
    skipped = _result(2, 0, outcome="skipped", reps_done=0, seconds_held=0, feedback=None)
    third = _session(make_session("s-3", "partial", day=2, exercises=1, pain_before=None), skipped)
    return [first, second, third]


def entries(bundle: Resource) -> list[Resource]:
    """The bundle's resources, in order."""
    return [entry["resource"] for entry in bundle["entry"]]


def of_type(bundle: Resource, kind: str) -> list[Resource]:
    """The bundle's resources of one type, in order."""
    return [resource for resource in entries(bundle) if resource["resourceType"] == kind]


def references(data: Any) -> Iterator[str]:
    """Every ``reference`` anywhere inside ``data``."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "reference" and isinstance(value, str):
                yield value
            else:
                yield from references(value)
    elif isinstance(data, list):
        for item in data:
            yield from references(item)


def validate(bundle: Resource) -> None:
    """Raise pydantic's ValidationError unless the bundle and every resource in it are FHIR R4."""
    from fhir.resources.R4B import get_fhir_model_class  # pydantic: only for these tests
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(bundle)
    for resource in entries(bundle):
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def allowed(kind: str, element: str) -> list[str]:
    """The codes a FHIR R4 element of a resource type may take (``CarePlan``, ``status``)."""
    from fhir.resources.R4B import get_fhir_model_class

    model = get_fhir_model_class(kind)
    extra = model.model_fields[element].json_schema_extra
    assert isinstance(extra, dict)
    values = extra["enum_values"]
    assert isinstance(values, list)
    return [str(value) for value in values]
