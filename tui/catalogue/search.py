"""Search as you type: every word of the query must match something about the record.

A word matches an exercise when it is part of its name, id or an alias, or when it starts a
facet: its category, position, equipment, a source's id or publisher, its roadmap phase,
``sciatica`` for the exercises the Essential Guide marks as sciatica-friendly, or ``no
equipment`` for those that need nothing but the floor (a mat at most). British and American
spellings find the same things: "stabilise" finds the STABILIZE phase, "stabilize" the
exercises whose category is "stabilise".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.model import Catalogue, Exercise, Routine

NO_EQUIPMENT = "no-equipment"
"""The facet of the exercises that need nothing but the floor (a mat is a comfort, not a need)."""
FLOOR_ONLY = frozenset({"mat"})

_ISE = re.compile(r"(?<=[a-z]{3})is(?=(e|ed|es|ing|ation|ations)?\b)")
"""The British -ise (-isation, -ising, ...) of a word, or a word typed so far ("stabilis")."""


def spelled(text: str) -> str:
    """``text`` in lower case, with British -ise endings spelled the American way (-ize).

    Both the query and what it is matched against go through this, so either spelling finds
    both.
    """
    return _ISE.sub("iz", text.lower())


QUERY_MAX = 60
"""The longest query kept (a name and a few facets fit): a paste of pages is cut to it."""


def query_text(typed: str) -> str:
    """What was typed or pasted as a query: printable characters only, at most QUERY_MAX.

    A paste may hold anything (escape sequences, newlines, a whole document): the query keeps
    its text, never a control character, and stays quick to match.
    """
    return "".join(c if c.isprintable() else " " for c in typed[:QUERY_MAX])


def words(query: str) -> list[str]:
    """The words of a query, lower case and spelled as :func:`spelled` spells them."""
    return spelled(query).split()


def exercise_facets(catalogue: Catalogue, exercise: Exercise) -> list[str]:
    """The facet values an exercise can be found by."""
    facets = [exercise.category, exercise.position, *exercise.equipment, *exercise.sources]
    facets += [catalogue.sources[s].publisher.lower() for s in exercise.sources]
    facets += [p.name.lower() for p in catalogue.phases if exercise.id in p.exercises]
    if exercise.sciatica_friendly:
        facets.append("sciatica")
    if set(exercise.equipment) <= FLOOR_ONLY:
        facets.append(NO_EQUIPMENT)
    return [spelled(facet) for facet in facets]


def _matches(word: str, texts: Iterable[str], facets: Iterable[str]) -> bool:
    return any(word in text for text in texts) or any(
        part.startswith(word) for facet in facets for part in [facet, *facet.split("-")]
    )


def exercise_matches(catalogue: Catalogue, exercise: Exercise, query: str) -> bool:
    """True when every word of the query matches the exercise."""
    texts = [spelled(text) for text in (exercise.name, exercise.id, *exercise.aliases)]
    facets = exercise_facets(catalogue, exercise)
    return all(_matches(word, texts, facets) for word in words(query))


def routine_matches(catalogue: Catalogue, routine: Routine, query: str) -> bool:
    """True when every word of the query matches the routine's name, kind, source or text."""
    texts = [spelled(text) for text in (routine.name, routine.id, routine.description)]
    facets: list[str] = [routine.kind]
    if routine.source:
        facets += [routine.source, spelled(catalogue.sources[routine.source].publisher)]
    return all(_matches(word, texts, facets) for word in words(query))
