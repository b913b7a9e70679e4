"""How the app starts a session: through the red-flag gate, with the coach's plans, in the player.

A base of :class:`~tui.app.LumbarApp`, kept apart so the app stays a thin shell of modes: playing a
routine, continuing the unfinished session, the red-flag questions and the dialog that says why
no session starts while a yes stops them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from textual.reactive import reactive

from tui.failures import run_in_thread
from tui.history import clear, sessions_stopped, stop_of
from tui.messages import PlayRoutine, ResumeSession
from tui.model import Catalogue, SafetyCheck
from tui.store import SessionSaver, Store, StoreError
from tui.terminal import TerminalApp

if TYPE_CHECKING:
    from tui.screens.player import PlayerScreen
    from tui.screens.stopped import StopChoice
    from tui.session import SessionParts, SpeechSystem


class SessionStarts(TerminalApp):
    """Starting and continuing sessions, behind the red-flag gate (the app sets the fields)."""

    catalogue: Catalogue
    store: Store
    saver: SessionSaver
    speech: SpeechSystem | None
    clock: Callable[[], float]
    wall: Callable[[], datetime]

    safety_check: reactive[SafetyCheck | None] = reactive(None, init=False)
    """The latest answers to the red-flag questions: a yes stops sessions (the banner watches)."""

    def on_play_routine(self, message: PlayRoutine) -> None:
        """Open the player on the routine, as the coach plans it, with the user's settings.

        While a red-flag yes stops sessions, a dialog says so instead, and offers the ways on.
        """
        from tui.history import passed_gates, plans_for, resting_note
        from tui.screens.starting import session_parts

        if self.players():
            return
        if sessions_stopped(self.safety_check):
            self.explain_stop(PlayRoutine(message.routine, message.phase, message.pain_before))
            return
        try:
            settings, history = self.store.settings(), self.store.sessions()
        except StoreError as error:
            self.report_failure("The session cannot start", error)
            return
        threshold = settings.pain_threshold
        plans = plans_for(self.catalogue, message.routine, history, threshold)
        note = resting_note(self.catalogue, plans[message.routine.id])
        if note is not None:
            self.notify(note, title="After repeated pain", severity="warning", markup=False)
        if all(item.left_out for item in plans[message.routine.id]):
            return
        passed = passed_gates(history, settings)
        parts = session_parts(
            self, message.routine, plans, settings, phase=message.phase, passed=passed
        )
        self.open_player(parts, threshold, message.pain_before)

    def on_resume_session(self, message: ResumeSession) -> None:
        """Continue the unfinished session, through the same red-flag gate as a new one."""
        from tui.screens.resume import ready_to_resume

        if self.players():
            return
        if sessions_stopped(self.safety_check):
            self.explain_stop(ResumeSession())
            return
        try:
            ready = ready_to_resume(self)
        except StoreError as error:
            self.report_failure("The session cannot continue", error)
            return
        if isinstance(ready, str):
            self.notify(ready, title="Continue", severity="warning", markup=False)
            return
        self.open_player(ready.parts, ready.threshold, ready.session.pain_before)

    def open_player(self, parts: SessionParts, threshold: int, pain_before: int | None) -> None:
        """Push the player on a session made ready (it asks the pain before unless given)."""
        from tui.screens.player import PlayerScreen

        player = PlayerScreen(
            parts.engine,
            parts.recorder,
            clock=self.clock,
            bell=parts.bell,
            cues=parts.cues,
            speaker=parts.speaker,
            threshold=threshold,
            history=self.store.sessions,
            pain_before=pain_before,
        )
        self.push_screen(player)

    def action_take_safety_check(
        self, then: Callable[[], object] | None = None, *, always: bool = False
    ) -> None:
        """Ask the red-flag questions (again); ``then`` runs after, unless a yes stops sessions.

        With ``always``, ``then`` runs whatever the answers (on start: a routine named on the
        command line meets the gate itself, and says why it does not play).
        """
        from tui.screens.safety import SafetyScreen

        def answered(check: SafetyCheck | None) -> None:
            if check is not None:
                self.safety_check = check
            if then is not None and (always or not sessions_stopped(self.safety_check)):
                then()

        screen = SafetyScreen(self.catalogue, self.store, self.wall, self.safety_check)
        self.push_screen(screen, answered)

    def explain_stop(self, retry: PlayRoutine | ResumeSession) -> None:
        """Say why no session starts; then take the check again or keep a clearance, and play."""
        from tui.screens.stopped import SessionsStopped

        stop = stop_of(self.catalogue, self.safety_check)
        if stop is None:
            return

        def chosen(choice: StopChoice | None) -> None:
            if choice == "retake":
                self.action_take_safety_check(then=partial(self.post_message, retry))
            elif choice == "cleared" and self.safety_check is not None:
                self.safety_check = clear(self.safety_check, self.wall())
                save = partial(self.store.save_safety, self.safety_check)
                run_in_thread(self, save, "save_safety")
                self.post_message(retry)

        self.push_screen(SessionsStopped(stop), chosen)

    def players(self) -> list[PlayerScreen]:
        """The player screens in the stack (at most one)."""
        from tui.screens.player import PlayerScreen

        return [screen for screen in self.screen_stack if isinstance(screen, PlayerScreen)]
