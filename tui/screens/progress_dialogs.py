"""The progress screen's dialogs: one session in detail, and where to export to."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.history import result_lines, session_heading, session_summary
from tui.model import Session, visible
from tui.widgets.key_bar import KeyBar

EXPORT_KINDS = (".csv", ".json")
"""What ``lumbar export`` can write: the sessions as CSV, or everything as JSON."""


class SessionDetail(ModalScreen[None]):
    """One session: each exercise planned against done, its feedback, and the pain scores."""

    CSS_PATH = "progress.tcss"
    HELP = """\
## A session

Each exercise of the session in the order you played it: the dose planned for you then, what you
did of it (reps done, holds cut short, seconds held), how it ended (done in full; cut short, with
a rep left undone or a hold ended early; skipped; stopped early; or stopped because it hurt) and
how you rated it, and the note you wrote at its end. Exercises that hurt are marked. Up and
down scroll; **{keys:session-detail.close}** closes it.
"""
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="session-detail.close", tooltip="Back to history"),
    ]

    def __init__(self, session: Session, names: Mapping[str, str]) -> None:
        """Show ``session``, naming exercises by ``names`` (exercise id to name)."""
        super().__init__()
        self.session = session
        self.names = names

    def compose(self) -> ComposeResult:
        """The heading, then one block per exercise."""
        session = self.session
        with Vertical(id="detail"):
            yield Static(session_heading(session), id="detail-heading", markup=False)
            yield Static(session_summary(session), id="detail-summary", markup=False)
            if session.note:
                yield Static(f"Your note: {visible(session.note)}", id="detail-note", markup=False)
            with VerticalScroll(id="detail-results"):
                for line in result_lines(session, self.names):
                    asked = line.outcome in ("done", "cut short")  # the player asked about these
                    rated = f", {line.feedback}" if line.rated or asked else ""
                    yield Static(
                        f"{line.name}: {line.outcome}{rated}\n"
                        f"  planned  {line.planned}\n"
                        f"  did      {line.done}",
                        classes="result hurt" if line.hurt else "result",
                        markup=False,
                    )
                if not session.exercises:
                    yield Static("No exercise was recorded in this session.", classes="result")
        yield KeyBar()


def export_kind_problem(text: str) -> str | None:
    """Why ``text`` cannot be exported to, or None when it names a .csv or .json file."""
    if not text.strip():
        return "Type the file to write, ending in .csv or .json."
    if Path(text.strip()).suffix.lower() not in EXPORT_KINDS:
        return "The name must end in .csv (the sessions) or .json (everything)."
    return None


class ExportDialog(ModalScreen[Path | None]):
    """Ask where to export to; dismisses with the path (``~`` expanded), or None."""

    CSS_PATH = "progress.tcss"
    HELP = """\
## Export

Type the file to write and press **Enter**. A name ending in **.csv** gets your sessions, one
row per exercise, for a spreadsheet; **.json** gets everything (sessions, custom routines,
settings), which `lumbar import` reads back. The same as `lumbar export PATH`.
**{keys:export.cancel}** cancels.
"""
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Do not export"),
    ]

    def __init__(self, default: str) -> None:
        """Offer ``default`` as the file to write."""
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        """The question, the path to edit, what the endings mean, and any problem."""
        with Vertical(id="export"):
            yield Label("Export your data to", id="export-question")
            yield Input(self.default, id="export-path", select_on_focus=False)
            yield Static(
                ".csv: your sessions, for a spreadsheet. .json: everything, for `lumbar import`.",
                id="export-kinds",
                markup=False,
            )
            yield Static("", id="export-problem", markup=False)
        yield KeyBar()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """Enter exports to the path typed, unless its name cannot be written as an export."""
        problem = export_kind_problem(event.value)
        if problem is not None:
            self.query_one("#export-problem", Static).update(problem)
            return
        self.dismiss(Path(event.value.strip()).expanduser())

    def action_cancel(self) -> None:
        """Escape closes the dialog without exporting."""
        self.dismiss(None)
