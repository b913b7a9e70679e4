"""What the history says: dose levels, progress, streak, roadmap and safety, as pure functions.

The facade imports a module only when one of its names is first used: the app needs the safety
check at start, and the rest only when the roadmap or progress screen opens (start-up time).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.history.flags import (
        DEFAULT_THRESHOLD,
        high_pain_before,
        pain_before_scores,
        pain_flags,
        pain_unknown,
    )
    from tui.history.levels import Level, LevelChange, Replay, explain, replay
    from tui.history.plan import RoutinePlan, plan_all, plan_json, plan_lines, plan_routine
    from tui.history.progress import (
        SORTS,
        ExerciseRow,
        HistoryRow,
        PainPoint,
        Progress,
        SortColumn,
        glance_lines,
        hurt_most,
        result_lines,
        session_heading,
        session_summary,
        sort_rows,
        trend_text,
        work_out,
    )
    from tui.history.roadmap import (
        CLIMB_AFTER,
        PhaseStanding,
        Standing,
        can_move_on,
        may_offer_move_on,
        move_on,
        move_on_refusal,
        moving_on_note,
        standing,
        todays_routine,
    )
    from tui.history.safety import (
        Stop,
        answer,
        clear,
        clearances,
        day_text,
        is_emergency,
        red_flags,
        safety_due,
        safety_history,
        said_yes,
        see_a_clinician,
        sessions_stopped,
        stop_of,
    )
    from tui.history.streak import (
        SHADE_MINUTES,
        CalendarDay,
        next_step_text,
        streak_line,
        today_of,
        week_text,
    )

__all__ = [
    "CLIMB_AFTER",
    "DEFAULT_THRESHOLD",
    "SHADE_MINUTES",
    "SORTS",
    "CalendarDay",
    "ExerciseRow",
    "HistoryRow",
    "Level",
    "LevelChange",
    "PainPoint",
    "PhaseStanding",
    "Progress",
    "Replay",
    "RoutinePlan",
    "SortColumn",
    "Standing",
    "Stop",
    "answer",
    "can_move_on",
    "clear",
    "clearances",
    "day_text",
    "explain",
    "glance_lines",
    "high_pain_before",
    "hurt_most",
    "is_emergency",
    "may_offer_move_on",
    "move_on",
    "move_on_refusal",
    "moving_on_note",
    "next_step_text",
    "pain_before_scores",
    "pain_flags",
    "pain_unknown",
    "plan_all",
    "plan_json",
    "plan_lines",
    "plan_routine",
    "red_flags",
    "replay",
    "result_lines",
    "safety_due",
    "safety_history",
    "said_yes",
    "see_a_clinician",
    "session_heading",
    "session_summary",
    "sessions_stopped",
    "sort_rows",
    "standing",
    "stop_of",
    "streak_line",
    "today_of",
    "todays_routine",
    "trend_text",
    "week_text",
    "work_out",
]

_HOME = {
    "DEFAULT_THRESHOLD": "tui.history.flags",
    "Level": "tui.history.levels",
    "LevelChange": "tui.history.levels",
    "Replay": "tui.history.levels",
    "RoutinePlan": "tui.history.plan",
    "explain": "tui.history.levels",
    "high_pain_before": "tui.history.flags",
    "pain_before_scores": "tui.history.flags",
    "pain_flags": "tui.history.flags",
    "pain_unknown": "tui.history.flags",
    "plan_all": "tui.history.plan",
    "plan_json": "tui.history.plan",
    "plan_lines": "tui.history.plan",
    "plan_routine": "tui.history.plan",
    "replay": "tui.history.levels",
    "CLIMB_AFTER": "tui.history.roadmap",
    "CalendarDay": "tui.history.streak",
    "ExerciseRow": "tui.history.progress",
    "HistoryRow": "tui.history.progress",
    "PainPoint": "tui.history.progress",
    "PhaseStanding": "tui.history.roadmap",
    "Progress": "tui.history.progress",
    "SHADE_MINUTES": "tui.history.streak",
    "SORTS": "tui.history.progress",
    "SortColumn": "tui.history.progress",
    "Standing": "tui.history.roadmap",
    "Stop": "tui.history.safety",
    "answer": "tui.history.safety",
    "can_move_on": "tui.history.roadmap",
    "clear": "tui.history.safety",
    "clearances": "tui.history.safety",
    "day_text": "tui.history.safety",
    "may_offer_move_on": "tui.history.roadmap",
    "move_on_refusal": "tui.history.roadmap",
    "glance_lines": "tui.history.progress",
    "hurt_most": "tui.history.progress",
    "is_emergency": "tui.history.safety",
    "move_on": "tui.history.roadmap",
    "moving_on_note": "tui.history.roadmap",
    "next_step_text": "tui.history.streak",
    "red_flags": "tui.history.safety",
    "result_lines": "tui.history.progress",
    "safety_due": "tui.history.safety",
    "safety_history": "tui.history.safety",
    "said_yes": "tui.history.safety",
    "see_a_clinician": "tui.history.safety",
    "session_heading": "tui.history.progress",
    "session_summary": "tui.history.progress",
    "sessions_stopped": "tui.history.safety",
    "sort_rows": "tui.history.progress",
    "standing": "tui.history.roadmap",
    "stop_of": "tui.history.safety",
    "streak_line": "tui.history.streak",
    "today_of": "tui.history.streak",
    "todays_routine": "tui.history.roadmap",
    "trend_text": "tui.history.progress",
    "week_text": "tui.history.streak",
    "work_out": "tui.history.progress",
}
"""Which module of the package defines each exported name."""


def __getattr__(name: str) -> object:
    """Import the module that defines ``name`` on first use, and keep the name here."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
