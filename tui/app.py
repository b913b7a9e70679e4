"""The lumbar Textual app: a thin shell of modes; the screens do the work."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker

from tui.app_sessions import SessionStarts
from tui.catalogue import Problem, alone, with_custom_routines
from tui.commands import ScreenCommands
from tui.history import safety_due
from tui.messages import PlayRoutine, ResumeSession, RoutinesChanged
from tui.model import Catalogue, Routine, plural
from tui.screens.select import SelectScreen
from tui.store import (
    SessionSaver,
    SettingsChanges,
    Store,
    StoreError,
    UnusableFileError,
    keep_unsaved,
    recover_unsaved,
)
from tui.terminal import catch_hang_ups, exit_soon

if TYPE_CHECKING:
    from tui.session import SpeechSystem

# Only the first screen is imported with the app: every other screen (and the player's engine)
# is imported when it is first shown, which keeps start-up fast (see BENCHMARKS.md).


def local_now() -> datetime:
    """The wall clock: now, in the user's time zone."""
    return datetime.now().astimezone()


def mode_key(key: str, mode: str, description: str, tooltip: str) -> Binding:
    """The key that switches to ``mode`` (the mode tabs show it, not the footer)."""
    action = f"switch_mode('{mode}')"
    return Binding(
        key, action, description, id=f"app.{description.lower()}", tooltip=tooltip, show=False
    )


class LumbarApp(SessionStarts):
    """Choose a routine or an exercise, follow the roadmap, play a session."""

    TITLE = "lumbar"
    SUB_TITLE = "not medical advice: stop if it hurts"
    # Absolute paths: subclasses elsewhere find them. The first screen's styles are read with
    # the app's: Textual then finds its CSS_PATH already read, where a style sheet new with the
    # first screen had it parse every style sheet once more before the first frame (15 to 30 ms,
    # see BENCHMARKS.md). The other screens' are read when they are first shown.
    CSS_PATH = [
        Path(__file__).with_name("lumbar.tcss"),
        Path(__file__).parent / "screens/select.tcss",
    ]
    COMMANDS = App.COMMANDS | {ScreenCommands}
    DEFAULT_MODE = "select"  # Textual opens it as it starts: one CSS pass fewer than a switch
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Leave lumbar", priority=True),
        mode_key("c", "select", "Choose", "Choose a routine or an exercise"),
        mode_key(
            "r", "roadmap", "Roadmap", "The three phases: where you stand, and today's session"
        ),
        mode_key(
            "p",
            "progress",
            "Progress",
            "Your streak, this week, pain over time, and which exercises help",
        ),
        Binding(
            "question_mark,f1",
            "help",
            "Help",
            id="app.help",
            tooltip="The keys of this screen, and how to look after your back",
        ),
        mode_key(
            "comma",
            "settings",
            "Settings",
            "Theme, get-ready time, bell, notifications, weekly target, warm-up",
        ),
        Binding(
            "k",
            "take_safety_check",
            "Take the red-flag check again",
            id="safety.retake",
            tooltip="Answer the red-flag questions again; with no yes, sessions start again",
            show=False,  # the banner names it while it matters; the help and palette list it
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
        resume: bool = False,
        terminal: Callable[[str], None] | None = None,
        tmux: bool = False,
        speech: SpeechSystem | None = None,
        hang_up_grace: float | None = None,
        history_after: float = 0.0,
    ) -> None:
        """Keep the dependencies every screen needs; only the user's routines are read here.

        ``play`` opens the player on a routine or exercise, ``resume`` on the unfinished session;
        with neither, an unfinished session is offered.

        ``terminal`` receives the escape sequences for notifications and the window title
        (by default, once running in a real terminal, the driver's own output); ``tmux`` says
        they must pass through tmux; ``speech`` is what the machine offers to speak cues with
        (None: nothing). After a hang-up, once the session is saved, the process is made to end
        within ``hang_up_grace`` seconds (None: never forced, as in tests). The history is first
        read (checked, and the routines planned from it) ``history_after`` seconds after the
        first frame (0, as in tests: at once), so ten years do not slow the frames that follow.
        """
        super().__init__(terminal, tmux=tmux)
        self.speech = speech
        self.hang_up_grace = hang_up_grace
        self.history_after = history_after
        self.kept_unsaved: Path | None = None
        """Where sessions the saver could not write were kept as lumbar ended (None: none)."""
        self.unsaved_count = 0
        self.base_catalogue = catalogue  # without the user's own routines: they come and go
        self.take_routines(store.routines())
        self.store = store
        self.problems = tuple(problems)
        self.clock = clock
        self.wall = wall
        self.first_routine = play
        self.resume_first = resume
        self.set_reactive(SessionStarts.safety_check, store.safety())
        self.offer_search: Worker[None] | None = None
        """The search for an unfinished session to offer, once begun (see offer_unfinished)."""
        self.saver = SessionSaver(store, on_error=self.session_not_saved)
        self.settings_changes = SettingsChanges(store)
        self.add_mode(
            "select",
            lambda: SelectScreen(
                self.catalogue,
                self.store,
                self.custom,
                lambda: self.wall().date(),
                first_plan_after=history_after,
                later=play is not None or resume,  # see on_mount
            ),
        )
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
        from tui.session import Cues, SpeechSystem

        return SettingsScreen(
            self.catalogue,
            self.settings_changes,
            speech=self.speech or SpeechSystem(),
            cues_for=lambda method: Cues(self.terminal, method, tmux=self.tmux),
            wall=self.wall,
        )

    def progress_screen(self) -> Screen[Any]:
        """The progress mode's screen; a replay of the history under way waits till it shows."""
        from tui.history import hold_replays

        hold_replays()  # the screen's figures come first: it lets the replay go on
        from tui.screens.progress import ProgressScreen

        return ProgressScreen(self.catalogue, self.store, self.wall)

    def on_mount(self) -> None:
        """Over the select screen (the first mode), the safety check when due, or the player."""
        catch_hang_ups(self.hang_up)
        self.use_stored_theme()
        for problem in self.problems:
            self.notify(
                str(problem), title="Skipped one of your files", severity="warning", markup=False
            )
        for note in self.routine_notes:
            self.notify(note, title="One of your routines", severity="warning", markup=False)
        if safety_due(self.safety_check, self.wall()):
            self.action_take_safety_check(then=self.play_first_routine, always=True)
        else:
            self.play_first_routine()
        self.started = True
        for screen in self.screen_stack[:1]:  # the select screen, composed once it is shown
            if isinstance(screen, SelectScreen) and screen.later:  # a session was asked for
                screen.started(under_session=bool(self.players()))
        self.screen_change_signal.subscribe(self, lambda _: self.check_size(self.size))
        self.check_size(self.size)
        self.read_history_soon(self.check_store)

    def read_history_soon(self, read: Callable[[], object]) -> None:
        """Call ``read``, which walks the history, ``history_after`` seconds after the first frame.

        At once after it when that is 0 (as in tests).
        """
        if self.history_after:
            self.call_after_refresh(self.set_timer, self.history_after, read)
        else:
            self.call_after_refresh(read)

    @work(thread=True, exit_on_error=False, name="check_store", group="check_store")
    def check_store(self) -> None:
        """Once the first screen shows, check every record of the data file, off the event loop.

        The CLI opens the store without its sessions (years, perhaps) checked, so the first
        screen comes at once. A damaged file ends lumbar as opening it used to: with the message
        that says what is wrong and what to do, the file untouched. It waits while the progress
        screen works out its figures, if that was opened first.
        """
        from tui.history import give_way

        give_way()
        try:
            self.store.check()
        except UnusableFileError as error:
            self.call_from_thread(self.exit, return_code=1, message=str(error))
            return
        if added := recover_unsaved(self.store):
            said = f"{plural(added, 'session')} that could not be saved last time"
            self.notify(f"Added {said}: nothing was lost.", title="Saved now", markup=False)

    def play_first_routine(self) -> None:
        """Open the player as the command line says; else offer the unfinished session, if any.

        The player opens at once, before the first frame: the select screen is never drawn under
        it (nor, see ``SelectScreen.started``, composed till the player leaves).
        """
        name = self.first_routine
        if self.resume_first:
            self.on_resume_session(ResumeSession())
            return
        if name is None:
            self.read_history_soon(self.offer_unfinished)  # after the first frame: see there
            return
        if name in self.catalogue.routines:
            self.on_play_routine(PlayRoutine(self.catalogue.routine(name)))
        else:
            self.on_play_routine(PlayRoutine(alone(self.catalogue.exercise(name))))

    def offer_unfinished(self) -> None:
        """Offer the unfinished session, if any, found in a worker.

        Its module brings in the session engine (about 50 ms), and finding it checks the whole
        history (ten years: 3,650 sessions decoded): both on a worker's thread, once the first
        screen is drawn.
        """

        def find() -> None:
            from tui.history import give_way
            from tui.screens.resume import find_and_offer  # on the worker's thread

            give_way()  # to the progress screen, if it was opened first
            find_and_offer(self, self)

        self.offer_search = self.run_worker(
            find, thread=True, exit_on_error=False, name="offer_resume", group="resume"
        )

    def use_stored_theme(self) -> None:
        """Start in the theme the user chose last time, and keep any theme they choose now."""
        theme = self.store.settings().theme
        if theme in self.available_themes:
            self.theme = theme
        else:
            message = f"There is no theme {theme!r} any more."  # the name comes from the file
            self.notify(message, title="Theme", severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, self.remember_theme)

    def remember_theme(self, theme: Theme) -> None:
        """Keep the theme chosen (in settings or the command palette) for the next start."""
        self.settings_changes.add(theme=theme.name)
        self.save_theme()

    @work(thread=True, exit_on_error=False, name="save_theme", group="save_theme")
    def save_theme(self) -> None:
        """Write the theme (and any other settings changed meanwhile) off the event loop."""
        self.settings_changes.write()

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
        """Give the signals back; write any session or setting still waiting before we go.

        The screens are gone by now, so nothing waits on the event loop for these writes.
        """
        catch_hang_ups(None)
        if not self.saver.close():
            self.keep_unsaved()
        if self.settings_changes.waiting:
            with contextlib.suppress(StoreError):  # nowhere is left to say so
                self.settings_changes.write()

    def on_routines_changed(self, message: RoutinesChanged) -> None:
        """The user saved or deleted a routine of theirs: read them again."""
        self.reload_routines(message.highlight)

    def reload_routines(self, highlight: str | None = None) -> None:
        """Read the user's routines again and hand the new catalogue to the select screen."""
        try:
            self.take_routines(self.store.routines())
        except StoreError as error:
            self.report_failure("Your routines could not be read", error)
            return
        for screen in self.screen_stack:
            if isinstance(screen, SelectScreen):
                screen.show_catalogue(self.catalogue, self.custom, highlight)

    def take_routines(self, routines: list[Routine]) -> None:
        """The catalogue with these routines of the user's, their ids, and notes on any amiss."""
        self.catalogue, self.routine_notes = with_custom_routines(self.base_catalogue, routines)
        self.custom = frozenset(routine.id for routine in routines)

    def hang_up(self, signum: int) -> None:
        """The terminal or the link went, or we were told to stop: save any session, then exit."""
        for player in self.players():
            player.abandon()
        if not self.saver.flush():  # on disk before the process goes, whatever happens next
            self.keep_unsaved()
        if self.hang_up_grace is not None:  # a closed terminal can leave the exit hanging
            exit_soon(128 + signum, self.hang_up_grace)
        self.exit(return_code=128 + signum)

    def keep_unsaved(self) -> None:
        """Keep beside the data file what the saver could not write (another lumbar held it)."""
        unsaved = self.saver.unsaved()
        if unsaved:
            with contextlib.suppress(StoreError):  # nowhere left to keep it: said below
                self.kept_unsaved = keep_unsaved(self.store.path, unsaved)
            self.unsaved_count = len(unsaved)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the other modes, and the red-flag check, only from a mode's own screen."""
        if action == "switch_mode":
            return self.on_a_mode_screen() and parameters[:1] != (self.current_mode,)
        if action == "take_safety_check":
            return self.on_a_mode_screen()
        return True

    def on_a_mode_screen(self) -> bool:
        """True when a mode's own screen is in front (the command palette over it aside)."""
        return all(isinstance(screen, CommandPalette) for screen in self.screen_stack[1:])


make_app = LumbarApp
"""The one app factory (the CLI, the tests and the screenshots use it): every dependency is an
argument of ``LumbarApp``; nothing is read from files or the environment here."""
