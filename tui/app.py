"""The lumbar Textual app: a thin shell of modes; the screens do the work."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.driver import Driver
from textual.geometry import Size
from textual.screen import Screen
from textual.theme import Theme

from tui.catalogue import Problem, with_custom_routines
from tui.commands import ScreenCommands
from tui.history import safety_due
from tui.messages import BuildRoutine, DeleteRoutine, PlayRoutine, SaveFailed
from tui.model import Catalogue, Routine, RoutineKind, SafetyCheck
from tui.screens.dialogs import TooSmall, fits
from tui.screens.select import SelectScreen
from tui.store import SessionSaver, Store, StoreError, UnusableFileError

if TYPE_CHECKING:
    from tui.screens.player import PlayerScreen

# Only the first screen is imported with the app: every other screen (and the player's engine)
# is imported when it is first shown, which keeps start-up fast (see BENCHMARKS.md).

HANG_UPS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
"""The signals that mean the process is going away: a dropped link, a closed terminal, kill."""


def local_now() -> datetime:
    """The wall clock: now, in the user's time zone."""
    return datetime.now().astimezone()


class LumbarApp(App[None]):
    """Choose a routine or an exercise, follow the roadmap, play a session."""

    TITLE = "lumbar"
    SUB_TITLE = "not medical advice: stop if it hurts"
    CSS_PATH = Path(__file__).with_name("lumbar.tcss")  # absolute: subclasses elsewhere find it
    COMMANDS = App.COMMANDS | {ScreenCommands}
    DEFAULT_MODE = "select"  # Textual opens it as it starts: one CSS pass fewer than a switch
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Leave lumbar"),
        Binding(
            "c",
            "switch_mode('select')",
            "Choose",
            id="app.choose",
            tooltip="Choose a routine or an exercise",
            show=False,  # the mode tabs under the header show these
        ),
        Binding(
            "r",
            "switch_mode('roadmap')",
            "Roadmap",
            id="app.roadmap",
            tooltip="The three phases: where you stand, and today's session",
            show=False,  # the mode tabs under the header show these
        ),
        Binding(
            "p",
            "switch_mode('progress')",
            "Progress",
            id="app.progress",
            tooltip="Your streak, this week, pain over time, and which exercises help",
            show=False,  # the mode tabs under the header show these
        ),
        Binding(
            "question_mark,f1",
            "help",
            "Help",
            id="app.help",
            tooltip="The keys of this screen, and how to look after your back",
        ),
        Binding(
            "comma",
            "switch_mode('settings')",
            "Settings",
            id="app.settings",
            tooltip="Theme, get-ready time, bell, notifications, weekly target, warm-up",
            show=False,  # the mode tabs under the header show these
        ),
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
        terminal: Callable[[str], None] | None = None,
        tmux: bool = False,
    ) -> None:
        """Keep the dependencies every screen needs; only the user's routines are read here.

        ``terminal`` receives the escape sequences for notifications and the window title
        (by default, once running in a real terminal, the driver's own output); ``tmux`` says
        they must pass through tmux.
        """
        super().__init__()
        self.terminal = terminal
        self.tmux = tmux
        self.base_catalogue = catalogue  # without the user's own routines: they come and go
        self.take_routines(store.routines())
        self.store = store
        self.problems = tuple(problems)
        self.clock = clock
        self.wall = wall
        self.first_routine = play
        self.started = False  # True once on_mount has put up the first screens
        self.saver = SessionSaver(store, on_error=self.save_failed)
        self.add_mode("select", lambda: SelectScreen(self.catalogue, self.custom))
        self.add_mode("roadmap", self.roadmap_screen)
        self.add_mode("settings", self.settings_screen)
        self.add_mode("progress", self.progress_screen)

    def roadmap_screen(self) -> Screen[Any]:
        """The roadmap mode's screen (its module imported when it is first shown)."""
        from tui.screens.roadmap import RoadmapScreen

        return RoadmapScreen(self.catalogue, self.store, lambda: self.wall().date(), now=self.wall)

    def settings_screen(self) -> Screen[Any]:
        """The settings mode's screen."""
        from tui.screens.settings import SettingsScreen

        return SettingsScreen(self.catalogue, self.store)

    def progress_screen(self) -> Screen[Any]:
        """The progress mode's screen."""
        from tui.screens.progress import ProgressScreen

        return ProgressScreen(self.catalogue, self.store, self.wall)

    def on_mount(self) -> None:
        """Over the select screen (the first mode), the safety check when due, or the player."""
        self._handle_hang_ups(install=True)
        self.use_stored_theme()
        for problem in self.problems:
            self.notify(
                str(problem), title="Skipped one of your files", severity="warning", markup=False
            )
        for note in self.routine_notes:
            self.notify(note, title="One of your routines", severity="warning", markup=False)
        if safety_due(self.store.safety(), self.wall()):
            from tui.screens.safety import SafetyScreen

            self.push_screen(SafetyScreen(self.catalogue, self.wall), self.safety_answered)
        else:
            self.play_first_routine()
        self.started = True
        self.screen_change_signal.subscribe(self, lambda _: self.check_size(self.size))
        self.check_size(self.size)
        self.call_after_refresh(self.check_store)

    @work(thread=True, exclusive=True, group="check-store")
    def check_store(self) -> None:
        """Once the first screen shows, check every record of the data file (years, perhaps).

        The CLI opens the store without its sessions checked, so a long history does not delay
        the first screen; the check runs off the event loop, so it does not delay the keys
        either. A damaged file ends lumbar as opening it used to: with the message that says
        what is wrong and what to do, the file untouched (nothing was written).
        """
        try:
            self.store.check()
        except UnusableFileError as error:
            self.call_from_thread(self.exit, return_code=1, message=str(error))

    def safety_answered(self, check: SafetyCheck | None) -> None:
        """Keep the answers and their date, then go on to what the user asked for."""
        if check is None:
            return
        try:
            self.store.save_safety(check)
        except StoreError as error:
            self.notify(
                str(error), title="Your answers were not saved", severity="error", markup=False
            )
        if not check.any_yes:
            self.notify("Thank you. lumbar will ask again in 30 days.", title="Safety check")
        self.play_first_routine()

    def play_first_routine(self) -> None:
        """Open the player on the routine named on the command line, if there is one."""
        if self.first_routine is not None:
            self.post_message(PlayRoutine(self.catalogue.routine(self.first_routine)))

    def use_stored_theme(self) -> None:
        """Start in the theme the user chose last time, and keep any theme they choose now."""
        theme = self.store.settings().theme
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(
                f"There is no theme {theme!r} any more.",
                title="Theme",
                severity="warning",
                markup=False,
            )
        self.theme_changed_signal.subscribe(self, self.remember_theme)

    def remember_theme(self, theme: Theme) -> None:
        """Keep the theme chosen (in settings or the command palette) for the next start."""
        try:
            settings = self.store.settings()
            if settings.theme != theme.name:
                self.store.save_settings(msgspec.structs.replace(settings, theme=theme.name))
        except StoreError as error:
            self.notify(str(error), title="The theme was not saved", severity="error", markup=False)

    def action_help(self) -> None:
        """Show the keys of the screen on top, its help text and the safety advice.

        Over the player, the session pauses first: reading is not exercising.
        """
        from tui.screens.help import HelpScreen
        from tui.screens.player import PlayerScreen

        top = self.screen
        if isinstance(top, HelpScreen):
            return
        if isinstance(top, PlayerScreen):
            top.pause()
        self.push_screen(HelpScreen(self.catalogue, top))

    def on_unmount(self) -> None:
        """Give the signals back; write any session save still waiting before the app goes."""
        self._handle_hang_ups(install=False)
        self.saver.close()

    def save_failed(self, error: Exception) -> None:
        """The saver's thread could not save a session: tell the user (thread-safe)."""
        self.post_message(SaveFailed(str(error)))

    def on_save_failed(self, message: SaveFailed) -> None:
        """Say that the session was not saved, and why; the next save tries again."""
        self.notify(
            f"{message.reason}\nlumbar tries again after the next exercise.",
            title="Your session was not saved",
            severity="error",
            timeout=30,
            markup=False,
        )

    def on_play_routine(self, message: PlayRoutine) -> None:
        """Open the player on the routine, at the user's levels and with their settings."""
        from tui.history import levels
        from tui.screens.player import PlayerScreen
        from tui.session import Cues, Engine, SessionRecorder, build_timeline

        if self.players():
            return
        try:
            settings, history = self.store.settings(), self.store.sessions()
        except StoreError as error:
            self.notify(
                str(error), title="The session cannot start", severity="error", markup=False
            )
            return
        routine = message.routine
        timeline = build_timeline(
            self.catalogue,
            routine,
            levels(history),
            get_ready_seconds=settings.get_ready_seconds,
            warm_up=self.routine_of_kind("warm-up", routine) if settings.warm_up else None,
            cool_down=self.routine_of_kind("cool-down", routine) if settings.cool_down else None,
        )
        engine = Engine(timeline, self.clock, self.wall, phase=message.phase)
        recorder = SessionRecorder(engine, self.saver)
        cues = Cues(self.terminal, settings.notify, tmux=self.tmux)
        self.push_screen(
            PlayerScreen(engine, recorder, clock=self.clock, bell=settings.bell, cues=cues)
        )

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this terminal, which also hands the app its ``write``.

        Textual has no public call to write an escape sequence of our own (notifications, the
        window title), but a driver's ``write`` is public: it queues text on the same output as
        the frames, so a sequence never lands inside a frame. Tests run headless and pass
        ``terminal`` instead.
        """
        app = self

        class CueDriver(super().get_driver_class()):  # type: ignore[misc]
            """The platform's driver, announcing its ``write`` to the app."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                if app.terminal is None:
                    app.terminal = self.write

        return CueDriver

    def on_build_routine(self, message: BuildRoutine) -> None:
        """Open the routine builder; once it saves, show the routines again."""
        from tui.screens.builder import BuilderScreen

        builder = BuilderScreen(self.catalogue, self.store, message.start)
        self.push_screen(builder, lambda saved: self.reload_routines(saved) if saved else None)

    def on_delete_routine(self, message: DeleteRoutine) -> None:
        """Delete one of the user's routines from the store, then show the routines again."""
        try:
            self.store.delete_routine(message.routine.id)
        except StoreError as error:
            self.notify(
                str(error), title="The routine was not deleted", severity="error", markup=False
            )
            return
        self.notify(f'Deleted "{message.routine.name}".', title="Routine deleted", markup=False)
        self.reload_routines()

    def reload_routines(self, highlight: str | None = None) -> None:
        """Read the user's routines again and hand the new catalogue to the select screen."""
        try:
            self.take_routines(self.store.routines())
        except StoreError as error:
            self.notify(
                str(error), title="Your routines could not be read", severity="error", markup=False
            )
            return
        for screen in self.screen_stack:
            if isinstance(screen, SelectScreen):
                screen.show_catalogue(self.catalogue, self.custom, highlight)

    def take_routines(self, routines: list[Routine]) -> None:
        """The catalogue with these routines of the user's, their ids, and notes on any amiss."""
        self.catalogue, self.routine_notes = with_custom_routines(self.base_catalogue, routines)
        self.custom = frozenset(routine.id for routine in routines)

    def routine_of_kind(self, kind: RoutineKind, playing: Routine) -> Routine | None:
        """The first warm-up or cool-down routine (by ``kind``), unless it is the one played."""
        found = (r for r in self.catalogue.routines.values() if r.kind == kind)
        return next((r for r in found if r.id != playing.id), None)

    def _handle_hang_ups(self, *, install: bool) -> None:
        """Catch (or stop catching) hang-up and terminate in the app's event loop."""
        loop = asyncio.get_running_loop()
        for signum in HANG_UPS:
            # Not every platform or thread can take signal handlers; the default then applies.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                if install:
                    loop.add_signal_handler(signum, self.hang_up, signum)
                else:
                    loop.remove_signal_handler(signum)

    def hang_up(self, signum: int) -> None:
        """The terminal or the link went, or we were told to stop: save any session, then exit."""
        for player in self.players():
            player.abandon()
        self.saver.flush()  # on disk before the process goes, whatever happens next
        self.exit(return_code=128 + signum)

    def players(self) -> list[PlayerScreen]:
        """The player screens in the stack (at most one)."""
        from tui.screens.player import PlayerScreen

        return [screen for screen in self.screen_stack if isinstance(screen, PlayerScreen)]

    def on_resize(self, event: events.Resize) -> None:
        """Cover the screens with a note while the terminal is too small for them."""
        self.check_size(event.size)

    def check_size(self, size: Size) -> None:
        """Show, update or take away the "make the terminal larger" note (kept on top)."""
        if not self.started:
            return  # still starting: on_mount checks once the first screens are up
        top = self.screen
        if fits(size):
            if isinstance(top, TooSmall):
                self.pop_screen()
        elif isinstance(top, TooSmall):
            top.measure(size)
        else:
            self.push_screen(TooSmall(size))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the other modes only from a mode's own screen, never over a pushed one."""
        if action == "switch_mode":
            return len(self.screen_stack) == 1 and parameters[:1] != (self.current_mode,)
        return True


make_app = LumbarApp
"""The one app factory (the CLI, the tests and the screenshots use it): every dependency is an
argument of ``LumbarApp``; nothing is read from files or the environment here."""
