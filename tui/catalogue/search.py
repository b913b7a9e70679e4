"""Search as you type: every word of the query must match something about the record.

A word matches an exercise when it is part of its name, id or an alias, or when it starts a
facet: its category, position, equipment, a source's id or publisher, its roadmap phase, or
``sciatica`` for the exercises the Essential Guide marks as sciatica-friendly.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.model import Catalogue, Exercise, Routine


def words(query: str) -> list[str]:
    """The lower-case words of a query."""
    return query.lower().split()


def exercise_facets(catalogue: Catalogue, exercise: Exercise) -> list[str]:
    """The facet values an exercise can be found by."""
    facets = [exercise.category, exercise.position, *exercise.equipment, *exercise.sources]
    facets += [catalogue.sources[s].publisher.lower() for s in exercise.sources]
    facets += [p.name.lower() for p in catalogue.phases if exercise.id in p.exercises]
    if exercise.sciatica_friendly:
        facets.append("sciatica")
    return facets


def _matches(word: str, texts: Iterable[str], facets: Iterable[str]) -> bool:
    return any(word in text for text in texts) or any(
        part.startswith(word) for facet in facets for part in [facet, *facet.split("-")]
    )


def exercise_matches(catalogue: Catalogue, exercise: Exercise, query: str) -> bool:
    """True when every word of the query matches the exercise."""
    texts = [exercise.name.lower(), exercise.id, *(a.lower() for a in exercise.aliases)]
    facets = exercise_facets(catalogue, exercise)
    return all(_matches(word, texts, facets) for word in words(query))


def routine_matches(catalogue: Catalogue, routine: Routine, query: str) -> bool:
    """True when every word of the query matches the routine's name, kind, source or text."""
    texts = [routine.name.lower(), routine.id, routine.description.lower()]
    facets: list[str] = [routine.kind]
    if routine.source:
        facets += [routine.source, catalogue.sources[routine.source].publisher.lower()]
    return all(_matches(word, texts, facets) for word in words(query))
