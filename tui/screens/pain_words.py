"""What lumbar says in the player about what happens next after pain.

The rules are the history's (``pain_flags``, ``plan_routine``); this only picks the words. The
words about "this hurts" and a flare-up are in :mod:`tui.session.pain`, for the plain player too.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.history import DEFAULT_THRESHOLD, pain_before_scores, pain_flags, plan_routine
from tui.model import Catalogue, ItemPlan, Session

CHANGED_LINES = 3
"""How many exercises the summary names with what changes for them; the rest are counted."""


def next_time_lines(
    catalogue: Catalogue,
    sessions: Sequence[Session],
    session: Session,
    threshold: int = DEFAULT_THRESHOLD,
) -> list[str]:
    """What lumbar will do about this session's pain flags next time (empty: no flag).

    The flags and the plan come from the history's own rules, on ``sessions`` (the store's,
    this one among them; added if the save has not reached them yet).
    """
    others = [s for s in sessions if s.id != session.id]
    earlier = sorted(
        (s for s in others if s.started_at < session.started_at), key=lambda s: s.started_at
    )
    flags = pain_flags(session, pain_before_scores(earlier), threshold)
    if not flags:
        return []
    history = [*others, session]
    lines = [f"Pain flag: {'; '.join(flags)}."]
    played = played_items(catalogue, session, history, threshold)
    changed = [plan for plan in played if plan.change != "same"]
    for plan in changed[:CHANGED_LINES]:
        lines.append(f"Next time, {catalogue.exercise(plan.item).name}: {plan.why}.")
    if len(changed) > CHANGED_LINES:
        lines.append(f"And {len(changed) - CHANGED_LINES} more change the same way.")
    if len(changed) < len(played):
        held = "Every other dose" if changed else "Every dose of this session"
        lines.append(f"{held} holds next time: none goes up after pain.")
    return lines


def played_items(
    catalogue: Catalogue, session: Session, history: Sequence[Session], threshold: int
) -> list[ItemPlan]:
    """How each routine item played in this session plays next time, in the order played."""
    found: list[ItemPlan] = []
    plans: dict[str, dict[str, ItemPlan]] = {}
    for result in session.exercises:
        routine = catalogue.routines.get(result.routine or session.routine)
        if routine is None:
            continue
        if routine.id not in plans:
            planned = plan_routine(catalogue, routine, history, threshold)
            plans[routine.id] = {item.item: item for item in planned.items}
        plan = plans[routine.id].pop(result.exercise, None)
        if plan is not None:
            found.append(plan)
    return found
