"""The app set up for Pilot and snapshot tests, and the keys a person presses on its screens."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.helpers.fakes import FakeClock
from tui.app import LumbarApp, make_app
from tui.model.catalogue import Catalogue
from tui.model.records import Session
from tui.screens.dialogs import EndSession, PainCheck, SessionSummary
from tui.screens.player import PlayerScreen
from tui.screens.progress import ProgressScreen
from tui.session.events import Snapshot
from tui.session.timeline import StepKind
from tui.store.store import Store
from tui.widgets.feedback import FeedbackPrompt

SIZE = (80, 24)
"""The terminal every Pilot and snapshot test runs in."""


def app_on(
    catalogue: Catalogue,
    store: Store,
    clock: FakeClock | None = None,
    *,
    history: Iterable[Session] = (),
    **options: Any,
) -> LumbarApp:
    """The app on a fake clock (a new one by default: Saturday 1 March 2025, 09:00 UTC).

    ``history`` is saved to the store first; ``options`` go to the app factory (``play=``...).
    """
    clock = clock or FakeClock()
    for session in history:
        store.save_session(session)
    return make_app(catalogue, store, clock=clock, wall=clock.wall, **options)


class MakeApp(Protocol):
    """The ``make`` fixture: the app on the test's catalogue, store and clock, or on others."""

    def __call__(
        self,
        *,
        store: Store | None = None,
        history: Iterable[Session] = (),
        **options: Any,
    ) -> LumbarApp:
        """The app; ``store`` replaces the test's, ``options`` go to the app factory."""
        ...


@dataclass(frozen=True)
class Notice:
    """One notification the app showed."""

    message: str
    title: str
    severity: str
    markup: bool = field(default=True, compare=False)
    """False when the message is shown as it is (user text: names, paths, errors)."""


def notifications(app: LumbarApp) -> list[Notice]:
    """Every notification the app shows from now on (they are still shown, as usual).

    Every notification, a screen's or a widget's too, passes through ``App.notify``.
    """
    shown: list[Notice] = []
    notify = app.notify

    def keep(message: str, **kwargs: Any) -> None:
        title, severity = kwargs.get("title", ""), kwargs.get("severity", "information")
        shown.append(Notice(message, title, severity, kwargs.get("markup", True)))
        notify(message, **kwargs)

    app.notify = keep  # type: ignore[method-assign]
    return shown


# The player.


def player(app: LumbarApp) -> PlayerScreen:
    """The player, wherever it is in the stack."""
    return next(s for s in app.screen_stack if isinstance(s, PlayerScreen))


def snapshot(app: LumbarApp) -> Snapshot:
    """What the engine says now."""
    return player(app).engine.snapshot()


def asking(app: LumbarApp) -> bool:
    """True while the feedback question is up."""
    return player(app).query_one(FeedbackPrompt).question is not None


async def wait(pilot: Pilot[None], clock: FakeClock, seconds: float) -> None:
    """Move the clock on and let the player notice (as its timer would)."""
    clock.now += seconds
    player(pilot.app).refresh_display()  # type: ignore[arg-type]
    await pilot.pause()


async def begin(pilot: Pilot[None], pain: str = "4") -> None:
    """Answer the pain check that opens every session."""
    await pilot.pause()
    assert isinstance(pilot.app.screen, PainCheck)
    await pilot.press(pain)
    assert isinstance(pilot.app.screen, PlayerScreen)


async def hold_of(pilot: Pilot[None], exercise_id: str, pain: str = "3") -> None:
    """Answer the pain check, skip to the exercise, its lead-in and any move into its first rep.

    Its first rep plays (skipping the move into a hold leaves the rep to be done).
    """
    await begin(pilot, pain)
    app: LumbarApp = pilot.app  # type: ignore[assignment]
    while snapshot(app).exercise.id != exercise_id:
        await pilot.press("s")
    await pilot.press("n")
    if snapshot(app).step.kind is StepKind.SHIFT:
        await pilot.press("n")
    assert snapshot(app).step.kind.is_rep


async def end_now(pilot: Pilot[None]) -> None:
    """q, yes, skip the pain check, close the summary."""
    await pilot.press("q")
    assert isinstance(pilot.app.screen, EndSession)
    await pilot.press("y", "escape", "escape")  # after a session, a skip is pressed twice
    assert isinstance(pilot.app.screen, SessionSummary)
    await pilot.press("enter")


# Lists: the select screen's routines, the builder's exercises.


def option_ids(app: LumbarApp, list_id: str) -> list[str | None]:
    """The ids of the options in a list of the current screen, in order."""
    options = app.screen.query_one(list_id, OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


def under_cursor(app: LumbarApp, list_id: str) -> str | None:
    """The id of the option under a list's cursor."""
    option = app.screen.query_one(list_id, OptionList).highlighted_option
    return None if option is None else option.id


async def cursor_to(pilot: Pilot[None], list_id: str, option_id: str) -> None:
    """Press Down until the option is under the cursor of the focused list."""
    app: LumbarApp = pilot.app  # type: ignore[assignment]
    assert app.screen.query_one(list_id, OptionList).has_focus
    for _ in range(len(option_ids(app, list_id))):
        if under_cursor(app, list_id) == option_id:
            return
        await pilot.press("down")
    raise AssertionError(f"{option_id} is not in {list_id}: {option_ids(app, list_id)}")


async def choose(pilot: Pilot[None], words: str, option_id: str) -> None:
    """On the select screen: search, go to the list and put the cursor on an option."""
    await pilot.press("slash", *words, "enter")
    await cursor_to(pilot, "#choices", option_id)


async def add(pilot: Pilot[None], words: str, exercise_id: str) -> None:
    """In the builder: find an exercise and add it with Enter."""
    await pilot.press("a", *words, "enter")
    await cursor_to(pilot, "#exercises", exercise_id)
    await pilot.press("enter")


async def open_progress(pilot: Pilot[None]) -> ProgressScreen:
    """Press p and wait until the history has been read."""
    await pilot.press("p")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ProgressScreen)
    return screen


# The command palette.


async def run_from_palette(pilot: Pilot[None], typed: str) -> None:
    """Open the palette, type, wait for its (background) search to list hits, press Enter."""
    await pilot.press("ctrl+p")
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(Input).value = typed
    hits = palette.query_one(CommandList)

    def first_hit() -> str:
        return str(hits.get_option_at_index(0).prompt).lower() if hits.option_count else ""

    # Polls the search worker, which may still show an earlier search's hits for a moment;
    # it does not rely on how long the search takes.
    for _ in range(500):
        await pilot.pause(0.02)
        if typed.lower() in first_hit() and hits.highlighted is not None:
            break
    assert typed.lower() in first_hit()
    await pilot.press("enter")
    await pilot.pause()
