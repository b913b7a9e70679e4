"""The lumbar Textual app: a thin shell of modes; the screens do the work."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime

import msgspec
from textual.app import App
from textual.binding import Binding

from tui.model import Catalogue
from tui.problems import Problem
from tui.screens.select import SelectScreen
from tui.store import Store


def local_now() -> datetime:
    """The wall clock: now, in the user's time zone."""
    return datetime.now().astimezone()


class LumbarApp(App[None]):
    """Choose a routine or an exercise, follow the roadmap, play a session."""

    TITLE = "lumbar"
    SUB_TITLE = "not medical advice: stop if it hurts"
    CSS_PATH = "lumbar.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Leave lumbar"),
    ]

    def __init__(
        self,
        catalogue: Catalogue,
        store: Store,
        *,
        problems: Sequence[Problem] = (),
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = local_now,
        play: str | None = None,
    ) -> None:
        """Keep the dependencies every screen needs; nothing here reads files."""
        super().__init__()
        self.catalogue = with_custom_routines(catalogue, store)
        self.store = store
        self.problems = tuple(problems)
        self.clock = clock
        self.wall = wall
        self.first_routine = play
        self.add_mode("select", lambda: SelectScreen(self.catalogue))

    def on_mount(self) -> None:
        """Open the select screen and say which of the user's files were skipped."""
        self.switch_mode("select")
        for problem in self.problems:
            self.notify(str(problem), title="Skipped one of your files", severity="warning")


def with_custom_routines(catalogue: Catalogue, store: Store) -> Catalogue:
    """The catalogue with the routines the user built (kept in the store) added to it."""
    custom = {routine.id: routine for routine in store.routines()}
    if not custom:
        return catalogue
    routines = {**catalogue.routines, **custom}
    return msgspec.structs.replace(
        catalogue, routines=routines, user_ids=catalogue.user_ids | set(custom)
    )


def make_app(
    catalogue: Catalogue,
    store: Store,
    *,
    problems: Sequence[Problem] = (),
    clock: Callable[[], float] = time.monotonic,
    wall: Callable[[], datetime] = local_now,
    play: str | None = None,
) -> LumbarApp:
    """Build the app from its dependencies: the CLI, the tests and the screenshots use this."""
    return LumbarApp(catalogue, store, problems=problems, clock=clock, wall=wall, play=play)
