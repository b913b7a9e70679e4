"""An exercise or a routine as Markdown a person can read from the mat."""

from __future__ import annotations

from tui.model import Catalogue, Exercise, Routine
from tui.words import dose_text, setting_text, sources_text


def exercise_markdown(catalogue: Catalogue, exercise: Exercise) -> str:
    """Everything about one exercise: how, how much, cautions, variants and sources."""
    lines = [f"## {exercise.name}"]
    if exercise.aliases:
        lines.append(f"*Also called {', '.join(exercise.aliases)}.*")
    lines += ["", exercise.summary, "", f"**Position:** {setting_text(exercise)}  "]
    lines.append(f"**Dose:** {dose_text(exercise.dose)}")
    if exercise.sciatica_friendly:
        lines.append("**Sciatica-friendly** (marked so by the Essential Guide)")
    lines += ["", "### Steps"]
    lines += [f"{number}. {step}" for number, step in enumerate(exercise.steps, 1)]
    if exercise.cautions:
        lines += ["", "### Cautions"]
        lines += [f"- {caution}" for caution in exercise.cautions]
    for label, ids in (("Easier", exercise.easier), ("Harder", exercise.harder)):
        if ids:
            names = ", ".join(catalogue.exercise(i).name for i in ids)
            lines += ["", f"**{label}:** {names}"]
    lines += ["", "### Sources"]
    lines += [f"- {text}" for text in sources_text(catalogue, exercise.sources)]
    return "\n".join(lines)


def routine_markdown(catalogue: Catalogue, routine: Routine) -> str:
    """A routine: what it is for, how long it takes, and each exercise with its dose."""
    minutes = max(1, round(catalogue.routine_seconds(routine) / 60))
    lines = [f"## {routine.name}", "", routine.description, "", f"**About {minutes} min**", ""]
    for number, item in enumerate(routine.items, 1):
        exercise = catalogue.exercise(item.exercise)
        lines.append(f"{number}. **{exercise.name}**: {dose_text(catalogue.dose_for(item))}")
    if routine.source:
        lines += ["", "### Source", *(f"- {t}" for t in sources_text(catalogue, (routine.source,)))]
    return "\n".join(lines)
