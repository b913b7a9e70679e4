"""The progress screen: is it working? Streak, this week, pain over time, what helps, history.

The history is read and worked out off the event loop, each time the screen is shown
(:func:`tui.history.progress_of`); the widgets only format what it found.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from tui.failures import run_in_thread
from tui.history import (
    Checkpoint,
    ExerciseRow,
    HistoryRow,
    Progress,
    SortColumn,
    glance_lines,
    hurt_most,
    let_replays_go,
    next_step_text,
    progress_of,
    safety_history,
    sort_rows,
    streak_line,
    today_of,
    trend_text,
    week_text,
)
from tui.model import Catalogue, plural
from tui.screens.progress_dialogs import ExportDialog, SessionDetail
from tui.screens.progress_rows import (
    EXERCISE_COLUMNS,
    SORT_CYCLE,
    exercise_cells,
    exercise_note,
    hours_text,
    sort_text,
)
from tui.screens.report_file import REPORT_TOOLTIP, tell_report
from tui.store import KeptFile, Store, export
from tui.widgets.calendar import TrainingCalendar
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import with_keys
from tui.widgets.mode_tabs import ModeTabs
from tui.widgets.pain_chart import PainChart
from tui.widgets.safety_banner import SafetyBanner
from tui.widgets.session_list import SessionList

TABS = ("overview", "exercises", "history")
TABLES = {"exercises": "#exercise-table", "history": "#history-list"}
"""The list that takes the keys on each tab that has one."""
LOADING = "Reading your history…"
GLANCE_WIDTH = 43
"""How wide the going-well and it-hurt lines may grow before names are left out (80 columns)."""


class ProgressScreen(Screen[None]):
    """Streak, this week, the calendar and pain trend; each exercise; every session."""

    CSS_PATH = "progress.tcss"
    HELP = """\
## Progress

**Overview**: your streak counts weeks in a row in which you trained on as many days as your
weekly target (3 by default: the articles advise 3 to 4 times a week, with rest days between).
Rest days never break it, and this week does not either while you can still reach the target.
The calendar shades each of the last 12 weeks' days by the minutes you exercised; the chart
shows pain before and after each session, 0 to 10, latest on the right.

**Exercises**: each exercise you have done: times done in full, your ratings, times it hurt,
sessions with a pain flag (something hurt; pain rose, reached your threshold or was well above
your usual) and when you last did it; the line under the table gives the dose it last played at.
**{key:progress.sort}** sorts by the next column, or click a header. Which movements help, which
cause discomfort: show these to your physiotherapist.

**History**: every session, newest first; **Enter** shows one in detail. A session is
*complete*, *partial* (exercises left out) or *stopped* (it ended during an exercise: you quit,
or the link dropped).

**{key:progress.tab-overview}**, **{key:progress.tab-exercises}**,
**{key:progress.tab-history}** switch tabs; **{key:progress.export}** exports
your data to a .csv or .json file; **{key:progress.report}** writes the report for your
clinician (the last 12 weeks, as a web page in your home folder; `lumbar report` makes others).
"""
    BINDINGS = [
        Binding("e", "export", "Export", id="progress.export", tooltip="Write your data to a file"),
        Binding("w", "report", "Report", id="progress.report", tooltip=REPORT_TOOLTIP),
        Binding(
            "s",
            "sort",
            "Sort",
            id="progress.sort",
            tooltip="Sort the exercises by the next column",
        ),
        *(
            Binding(
                str(number),
                f"show_tab('{tab}')",
                tab.title(),
                id=f"progress.tab-{tab}",
                tooltip=f"Show the {tab} tab",
                show=False,
            )
            for number, tab in enumerate(TABS, start=1)
        ),
    ]

    def __init__(self, catalogue: Catalogue, store: Store, now: Callable[[], datetime]) -> None:
        """Show the progress in ``store``; ``now`` is the wall clock (the user's local time)."""
        super().__init__()
        self.catalogue = catalogue
        self.store = store
        self.now = now
        self.progress: Progress | None = None
        self.sort_column: SortColumn = "done"
        self.sort_flipped = False
        self.exercise_rows: dict[str, ExerciseRow] = {}
        self.history_shown: tuple[HistoryRow, ...] | None = None
        self.dialog_open = False
        self.kept: KeptFile[Checkpoint] | None = None
        """Where the figures are kept between starts (made on the worker's thread)."""

    def compose(self) -> ComposeResult:
        """Three tabs: overview, exercises, history."""
        yield Header()
        yield ModeTabs(id="modes")
        yield SafetyBanner(id="safety-banner")
        with TabbedContent(initial="overview"):
            with TabPane("Overview", id="overview"), VerticalScroll(id="overview-body"):
                with Horizontal(id="top"):
                    with Vertical(id="streak-box"):
                        yield Static(LOADING, id="streak", markup=False)
                        yield Static("", id="week", markup=False)
                        yield Static("", id="next-step", markup=False)
                        yield Static("", id="going-well", markup=False)
                        yield Static("", id="it-hurt", markup=False)
                    with Vertical(id="calendar-box"):
                        yield TrainingCalendar(id="calendar")
                with Vertical(id="pain-box"):
                    yield PainChart(id="pain-chart")
                    yield Static("", id="trend", markup=False)
            with TabPane("Exercises", id="exercises"):
                yield Static("", id="sort-note", markup=False)
                yield DataTable(id="exercise-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="exercise-note", markup=False)
            with TabPane("History", id="history"):
                yield Static(LOADING, id="history-note", markup=False)
                yield Static("", id="safety-record", markup=False)
                yield SessionList(id="history-list")
        yield KeyBar()

    def on_mount(self) -> None:
        """Title the boxes and lay out the tables' columns."""
        self.query_one("#streak-box").border_title = "At a glance"
        self.query_one("#calendar-box").border_title = "Last 12 weeks"
        self.query_one("#pain-box").border_title = "Pain before and after each session, 0-10"
        exercises = self.query_one("#exercise-table", DataTable)
        for key, label in EXERCISE_COLUMNS:
            exercises.add_column(label, key=key)

    def on_screen_resume(self) -> None:
        """Read the history again: a session may have been played since (not after our dialogs)."""
        if self.dialog_open:
            self.dialog_open = False
            return
        self.load()

    def load(self) -> None:
        """Read the store and work everything out, off the event loop."""
        run_in_thread(self, self.read_progress, "load_progress", exclusive=True)

    def read_progress(self) -> None:
        """On a worker's thread: read the store, work everything out, show it, keep the figures.

        The figures are worked out once per version of the file (:func:`progress_of`), carrying
        on from those kept at the last walk (:mod:`tui.history.tally`); new ones to keep are
        written once the screen shows these.
        """
        settings, safety = self.store.settings(), self.store.safety()
        if self.kept is None:
            self.kept = KeptFile(self.store.path, "progress", Checkpoint)
        progress = progress_of(
            self.store.sessions(),
            self.catalogue,
            settings.weekly_target,
            today_of(self.now()),
            settings.pain_threshold,
            self.kept,
        )
        self.app.call_from_thread(self.show, progress, safety_history(self.catalogue, safety))
        self.kept.write()

    def show(self, progress: Progress, safety: Sequence[str] = ()) -> None:
        """Hand what was worked out down to the widgets (the history when its tab is shown).

        ``safety`` are the history's red-flag lines: clearances stated, and a stop in force.
        """
        self.progress = progress
        record = self.query_one("#safety-record", Static)
        record.update("\n".join(safety))
        record.display = bool(safety)
        self.show_overview(progress)
        self.show_exercises()
        if self.query_one(TabbedContent).active == "history":
            self.show_history(progress)
        self.call_after_refresh(let_replays_go)  # held back as the screen opened (see the app)

    def show_overview(self, progress: Progress) -> None:
        """The streak, this week, the calendar and the pain chart."""
        found = progress.streak
        self.query_one("#streak", Static).update(streak_line(found))
        week = found.this_week
        self.query_one("#week", Static).update(
            f"{week_text(found)}\n{plural(week.sessions, 'session')}, {hours_text(week.minutes)}"
        )
        self.query_one("#next-step", Static).update(next_step_text(found))
        well, hurt = glance_lines(progress.exercises, GLANCE_WIDTH)
        self.query_one("#going-well", Static).update(well)
        self.query_one("#going-well").display = bool(well)
        self.query_one("#it-hurt", Static).update(hurt)
        self.query_one("#it-hurt").set_class(bool(hurt_most(progress.exercises)), "hurt")
        self.query_one("#it-hurt").display = bool(hurt)
        self.query_one("#streak").set_class(found.weeks > 0, "alive")
        self.query_one("#next-step").set_class(not found.reachable, "missed")
        self.query_one(TrainingCalendar).show(progress.calendar, progress.today)
        chart = self.query_one(PainChart)
        chart.show(progress.pain)
        self.call_after_refresh(self.date_the_chart)
        self.query_one("#trend", Static).update(trend_text(progress.trend))

    def on_resize(self) -> None:
        """A new width shows more or fewer sessions: their dates again."""
        self.call_after_refresh(self.date_the_chart)

    def date_the_chart(self) -> None:
        """Put the dates the pain chart spans on its box's lower border (once it has a width)."""
        self.query_one("#pain-box").border_subtitle = self.query_one(PainChart).span_text()

    def show_exercises(self) -> None:
        """The per-exercise table in the chosen order, keeping the highlighted exercise."""
        if self.progress is None:
            return
        table = self.query_one("#exercise-table", DataTable)
        keep = None
        if table.row_count:
            keep = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        rows = sort_rows(self.progress.exercises, self.sort_column, flip=self.sort_flipped)
        self.exercise_rows = {row.exercise: row for row in rows}
        table.clear()
        for row in rows:
            table.add_row(*exercise_cells(row), key=row.exercise)
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep))
        note = sort_text(self.sort_column, self.sort_flipped) + with_keys(
            self, " {key:progress.sort}: sort by the next column."
        )
        if not rows:
            note = "No exercises yet: your sessions will fill this table."
        self.query_one("#sort-note", Static).update(note)
        self.update_exercise_note()

    def show_history(self, progress: Progress) -> None:
        """Every session, newest first, in the table; only when they changed since last time.

        Handed down when the tab is first shown, not when the screen opens: the overview never
        waits for it, however long the history.
        """
        if progress.history == self.history_shown:
            return
        self.history_shown = progress.history
        self.query_one(SessionList).show(progress.history)
        count = len(progress.history)
        note = (
            f"{plural(count, 'session')}, {hours_text(progress.minutes)} in all, newest first. "
            "Enter: the session in detail."
            if count
            else with_keys(
                self,
                "No sessions yet: press {key:app.choose} to choose a routine,"
                " or {key:app.roadmap} for your roadmap.",
            )
        )
        self.query_one("#history-note", Static).update(note)

    @on(DataTable.RowHighlighted, "#exercise-table")
    def update_exercise_note(self) -> None:
        """Say more about the highlighted exercise under the table."""
        table = self.query_one("#exercise-table", DataTable)
        note = ""
        if self.progress is not None and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            found = self.exercise_rows.get(str(key))
            note = exercise_note(found) if found is not None else ""
        self.query_one("#exercise-note", Static).update(note)

    @on(DataTable.HeaderSelected, "#exercise-table")
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        """Sort by the clicked column; clicking the same one again reverses the order."""
        column = next((key for key, _ in EXERCISE_COLUMNS if key == event.column_key.value), None)
        if column is None:
            return
        if column == self.sort_column:
            self.sort_flipped = not self.sort_flipped
        else:
            self.sort_column, self.sort_flipped = column, False
        self.show_exercises()

    @on(SessionList.Selected)
    def open_session(self, event: SessionList.Selected) -> None:
        """Enter on a session shows it in detail."""
        if self.progress is None:
            return
        session = self.progress.session(event.session)
        if session is not None:
            names = {key: exercise.name for key, exercise in self.catalogue.exercises.items()}
            self.dialog_open = True
            self.app.push_screen(SessionDetail(session, names))

    @on(TabbedContent.TabActivated)
    def tab_changed(self, event: TabbedContent.TabActivated) -> None:
        """Fill the history when its tab is shown; offer the sort key on the exercises tab."""
        if event.pane.id == "history" and self.progress is not None:
            self.show_history(self.progress)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The sort key works on the exercises tab only."""
        if action == "sort":
            return self.query_one(TabbedContent).active == "exercises"
        return True

    def action_show_tab(self, tab: str) -> None:
        """Switch to a tab and put the keys in its table."""
        self.query_one(TabbedContent).active = tab
        if tab in TABLES:
            self.query_one(TABLES[tab]).focus()

    def action_sort(self) -> None:
        """Sort the exercises by the next column of the cycle."""
        here = SORT_CYCLE.index(self.sort_column) if self.sort_column in SORT_CYCLE else -1
        self.sort_column = SORT_CYCLE[(here + 1) % len(SORT_CYCLE)]
        self.sort_flipped = False
        self.show_exercises()

    def action_export(self) -> None:
        """Ask where to, then export as `lumbar export` does."""
        default = f"~/lumbar-export-{self.now():%Y-%m-%d}.csv"
        self.dialog_open = True
        self.app.push_screen(ExportDialog(default), self.export_to)

    def action_report(self) -> None:
        """Write the report for the clinician, off the event loop, and say where it went."""
        write = partial(tell_report, self, self.store, self.catalogue, self.now())
        run_in_thread(self, write, "report_progress", exclusive=True)

    def export_to(self, path: Path | None) -> None:
        """Export to the path the dialog gave (nothing when it was cancelled)."""
        if path is not None:
            run_in_thread(self, partial(self.write_export, path), "export_progress", exclusive=True)

    def write_export(self, path: Path) -> None:
        """On a worker's thread: write the export and say where it went."""
        said = export(self.store, path, self.now())
        self.notify(said, title="Exported", markup=False)
