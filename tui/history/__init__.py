"""What the history says: dose levels, progress, streak, roadmap and safety, as pure functions."""

from __future__ import annotations

from tui.history.levels import (
    levels,
)
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
    move_on,
    moving_on_note,
    standing,
    todays_routine,
)
from tui.history.safety import (
    answer,
    red_flags,
    safety_due,
    see_a_clinician,
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
    "SHADE_MINUTES",
    "SORTS",
    "CalendarDay",
    "ExerciseRow",
    "HistoryRow",
    "PainPoint",
    "PhaseStanding",
    "Progress",
    "SortColumn",
    "Standing",
    "answer",
    "can_move_on",
    "glance_lines",
    "hurt_most",
    "levels",
    "move_on",
    "moving_on_note",
    "next_step_text",
    "red_flags",
    "result_lines",
    "safety_due",
    "see_a_clinician",
    "session_heading",
    "session_summary",
    "sort_rows",
    "standing",
    "streak_line",
    "today_of",
    "todays_routine",
    "trend_text",
    "week_text",
    "work_out",
]
