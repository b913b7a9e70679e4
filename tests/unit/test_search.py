"""Search as you type: facets, spellings, and the exercises that need nothing."""

from __future__ import annotations

from tui.catalogue.search import exercise_matches, routine_matches, spelled
from tui.model import Catalogue


def found(catalogue: Catalogue, query: str) -> set[str]:
    """The ids of the exercises a query finds."""
    return {e.id for e in catalogue.exercises.values() if exercise_matches(catalogue, e, query)}


def test_british_and_american_spellings_find_the_same_exercises(catalogue: Catalogue) -> None:
    """ "stabilise" and "stabilize" both find the STABILIZE phase and the stabilising category."""
    british, american = found(catalogue, "stabilise"), found(catalogue, "stabilize")
    assert british == american
    phase = next(p for p in catalogue.phases if p.name.lower() == "stabilize")
    category = {e.id for e in catalogue.exercises.values() if e.category == "stabilise"}
    assert set(phase.exercises) | category <= british


def test_a_spelling_typed_halfway_still_matches() -> None:
    """ "stabilis", on its way to "stabilise", matches the American spelling's start."""
    assert spelled("stabilize").startswith(spelled("stabilis"))
    assert spelled("Mobilisation") == "mobilization"


def test_spellings_find_routines_too(catalogue: Catalogue) -> None:
    """A routine described with one spelling is found with the other."""
    routines = [r for r in catalogue.routines.values() if "stabiliz" in spelled(r.description)]
    assert routines
    for routine in routines:
        assert routine_matches(catalogue, routine, "stabilis")
        assert routine_matches(catalogue, routine, "stabiliz")


def test_no_equipment_finds_what_needs_nothing_but_the_floor(catalogue: Catalogue) -> None:
    """ "no equipment" finds every exercise needing at most a mat, and none needing a towel."""
    nothing = found(catalogue, "no equipment")
    expected = {e.id for e in catalogue.exercises.values() if set(e.equipment) <= {"mat"}}
    assert nothing == expected and nothing
    assert not nothing & found(catalogue, "towel")
