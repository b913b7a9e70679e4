"""The player: one session, step by step, hands-free, with the engine's clock in charge.

A timer asks the engine what the clock says and puts the snapshot in a reactive, waking at the
next whole second of the countdown rather than on a fast interval. Attributes down: the
snapshot and the open question are bound into the view and the feedback panel (``data_bind``),
and Textual passes on only values that changed, so a hold costs one small update a second on
a slow link. Every key is an engine action; the recorder saves after each exercise,
through the app's background saver, so no key ever waits for the disk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from textual.app import ComposeResult
from textual.events import Resize
from textual.reactive import var
from textual.timer import Timer

from tui.history import DEFAULT_THRESHOLD
from tui.model import Feedback, Session
from tui.screens.cautions import ALWAYS, CautionsDialog, exercise_notes
from tui.screens.dialogs import EndSession, PainCheck
from tui.screens.player_end import PlayerEnding
from tui.screens.player_keys import (
    ADJUST_SECONDS,
    PAUSED_LABELS,
    PLAYER_BINDINGS,
    PLAYER_HELP,
    SESSION_ACTIONS,
)
from tui.screens.player_undo import OFFERED
from tui.screens.too_small import compact
from tui.session import (
    Cues,
    Engine,
    Event,
    ExerciseDone,
    SessionDone,
    SessionEnded,
    SessionRecorder,
    Snapshot,
    Speaker,
    StepKind,
    StepStarted,
    notification_for,
    speech_for,
    warning_at,
    window_title,
)
from tui.widgets.countdown import next_wake
from tui.widgets.feedback import WAIT_SECONDS, FeedbackPrompt, Question
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import with_keys
from tui.widgets.phase_header import PhaseHeader
from tui.widgets.session_view import SessionView, phase_of

T = TypeVar("T")

MARGIN = 0.01
"""Wake this long after a whole second, so the countdown has surely moved on."""


def header_text(snapshot: Snapshot) -> str | None:
    """What the header says: ``session over`` at the end; until then (None) the app's note.

    Never the time left, nor "paused": the time left counts down beside the progress bar, and
    the pause shows as PAUSED over the countdown (and in the header's colour).
    """
    return "session over" if snapshot.finished else None


class PlayerScreen(PlayerEnding):
    """Plays one session: cue, countdown, counters, what comes next, and one key per action."""

    CSS_PATH = "player.tcss"

    HELP = PLAYER_HELP
    BINDINGS = PLAYER_BINDINGS

    snapshot: var[Snapshot | None] = var(None, init=False)
    """The moment shown, bound into the session view; None until the first."""
    total_seconds: var[int] = var(0, init=False)
    """The session's planned seconds (an easier exercise put in changes them)."""
    question: var[Question | None] = var(None, init=False, bindings=True)
    """How the last exercise felt, while that question is open (its keys work only then)."""
    key_labels: var[dict[str, str]] = var(dict, init=False)
    """Labels in place of some keys' own, bound into the key bar: Resume while paused."""

    def __init__(
        self,
        engine: Engine,
        recorder: SessionRecorder,
        *,
        clock: Callable[[], float],
        bell: bool = True,
        cues: Cues | None = None,
        speaker: Speaker | None = None,
        threshold: int = DEFAULT_THRESHOLD,
        history: Callable[[], Sequence[Session]] | None = None,
        pain_before: int | None = None,
    ) -> None:
        """Play the engine's session, saving through the recorder, reading time from ``clock``.

        ``cues`` sends desktop notifications and sets the window title (None: neither);
        ``speaker`` speaks the cues (None: speech is off); a pain
        before at or above ``threshold`` is a flare-up; ``history`` reads the saved sessions
        (on a worker), for what lumbar will do next time about pain; ``pain_before`` is a score
        already given (then no pain check: the gentle routine chosen at a flare-up).
        """
        super().__init__(engine, recorder, clock=clock, threshold=threshold, history=history)
        self.bell = bell
        self.cues = cues or Cues(None)
        self.speaker = speaker
        self.pain_before = pain_before
        self._timer: Timer | None = None
        self._warned: tuple[int, int] | None = None  # the step and the 3-2-1 number last rung

    def compose(self) -> ComposeResult:
        """The session view, the feedback question under it (hidden till asked), the keys."""
        yield PhaseHeader()
        yield SessionView(id="player").data_bind(PlayerScreen.snapshot, PlayerScreen.total_seconds)
        yield FeedbackPrompt(id="feedback").data_bind(PlayerScreen.question)
        # No room for the palette's key at 80 columns: ^p still opens it.
        yield KeyBar(show_command_palette=False).data_bind(labels=PlayerScreen.key_labels)

    def on_mount(self) -> None:
        """Show the first step, then ask about pain before starting the clock."""
        self.title = self.engine.timeline.routine_name
        self.set_class(compact(self.app.size), "-compact")
        self.query_one(SessionView).cautions_key = with_keys(self, "{key:player.cautions}")
        self.refresh_display()
        if self.pain_before is not None:
            self._begin(self.pain_before, given=True)
        else:
            self.open(PainCheck("before you start"), self._pain_before_given)

    def on_resize(self, event: Resize) -> None:
        """Lay the player out in full, or compact on a small terminal."""
        self.set_class(compact(event.size), "-compact")

    def on_unmount(self) -> None:
        """However the screen goes (even with the app), a session still running is saved."""
        self.abandon()
        self.cues.restore_title()

    # The clock ---------------------------------------------------------------------------

    def refresh_display(self) -> None:
        """Let the engine catch up with the clock, show what changed, and sleep till the next."""
        now = self.clock()
        self._react(self.engine.tick(now))
        snapshot = self.engine.snapshot(now)
        self.total_seconds = self.engine.timeline.total_seconds
        self.snapshot = snapshot
        if self.question is not None and now >= self.question.lapses_at:
            self._close_question()
        self._warn(snapshot)
        self._schedule(snapshot, now)
        self.show_keys(snapshot)

    def _warn(self, snapshot: Snapshot) -> None:
        """Ring and say 3, 2, 1 (once each) as a long hold, rest or lead-in nears its end."""
        number = warning_at(snapshot)
        if number is None or (snapshot.step_index, number) == self._warned:
            return
        self._warned = (snapshot.step_index, number)
        if self.bell:
            self.app.bell()
        self.say(str(number))

    def _schedule(self, snapshot: Snapshot, now: float) -> None:
        """Set the timer for the next moment the display can change."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        lapses_at = None if self.question is None else self.question.lapses_at
        delay = next_wake(snapshot, running=self.engine.running, lapses_at=lapses_at, now=now)
        delay = self.undo_wake(delay)
        if delay is not None:
            self._timer = self.set_timer(delay + MARGIN, self.refresh_display)

    def watch_snapshot(self, snapshot: Snapshot | None) -> None:
        """A new moment (the view follows by its binding): the header and the window title."""
        if snapshot is None:
            return
        self.sub_title = header_text(snapshot)
        self.cues.set_title(window_title(self.engine.timeline.routine_name, snapshot))
        self.query_one(PhaseHeader).phase = phase_of(snapshot)[1]  # one row, if it changed
        self.key_labels = PAUSED_LABELS if snapshot.paused and not snapshot.finished else {}

    # What the engine reports -------------------------------------------------------------

    def _begin(self, pain: int | None, *, given: bool = False) -> None:
        """Start the session once the pain check is answered or skipped.

        A score ``given`` before the player opened is not the user's key of a moment ago, so
        there is nothing to undo.
        """
        if pain is not None:
            self.engine.set_pain_before(pain, undoable=not given)
        events = self.engine.start(self.clock())
        self.recorder.save()
        self.refresh_bindings()
        self._act(events)

    def _act(self, events: Sequence[Event]) -> None:
        """Handle what an action did, then bring the display up to date."""
        self._react(events)
        self.refresh_display()

    def _react(self, events: Sequence[Event]) -> None:
        """Save, ring, ask for feedback and finish, as the engine's events say."""
        if not events:
            return
        self.recorder.handle(events)
        for event in events:
            if isinstance(event, ExerciseDone) and event.result.outcome in ("done", "cut"):
                self._ask(event.index)
            if isinstance(event, StepStarted) and event.step.kind is StepKind.GATE:
                self.call_after_refresh(self.ask_gate)
        if self.bell and any(isinstance(e, StepStarted | SessionDone) for e in events):
            self.app.bell()
        notification = notification_for(events, self.engine.timeline)
        if notification is not None:
            self.cues.notify(notification)
        self.say(speech_for(events, self.engine.timeline))
        if any(isinstance(event, SessionDone | SessionEnded) for event in events):
            self._finish()

    def say(self, text: str | None) -> None:
        """Speak ``text`` if speech is on; a failure is told once, and the session goes on."""
        if self.speaker is None or not text:
            return
        self.speaker.say(text)
        problem = self.speaker.new_problem()
        if problem is not None:
            self.notify(problem, title="Speech", severity="warning", markup=False)

    def _ask(self, exercise_index: int) -> None:
        """Ask how the exercise felt, in the panel, while the session goes on."""
        name = self.engine.timeline.exercises[exercise_index].name
        self.question = Question(exercise_index, name, self.clock() + WAIT_SECONDS)

    def _close_question(self, exercise_index: int | None = None) -> None:
        """Hide the question (only if it is about ``exercise_index``, when given).

        The end of the session may have been waiting for it.
        """
        if exercise_index is not None and (
            self.question is None or self.question.exercise_index != exercise_index
        ):
            return
        self.question = None
        if self.engine.snapshot().finished:
            self._finish()

    def abandon(self) -> None:
        """The process is going away (hang-up, terminate, quit): end and save the session."""
        if self.engine.running:
            self.engine.quit(self.clock())
            self.recorder.save()

    # Actions -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Session keys work while it runs; feedback keys while the question is up.

        Some session keys work only when they do something now (see ``offers``).
        """
        if action in OFFERED:
            return self.offers(action)
        if action in SESSION_ACTIONS:
            return self.engine.running
        asking = self.question is not None
        if action == "feedback":
            return asking
        if action == "escape":
            return asking or self.engine.running
        return True

    def pause(self) -> None:
        """Pause the session if it is running and not paused already (help is covering it)."""
        if self.engine.running and not self.engine.snapshot(self.clock()).paused:
            self._act(self.engine.pause())

    def on_screen_suspend(self) -> None:
        """Something covers the player (the palette, help, a dialog, the too-small note): pause.

        Nothing counts down unseen; the user resumes with the pause key once back.
        """
        self.pause()

    def action_pause(self) -> None:
        """Pause, or resume if paused."""
        paused = self.engine.snapshot(self.clock()).paused
        self._act(self.engine.resume() if paused else self.engine.pause())

    def action_next_step(self) -> None:
        """End this step now and go on."""
        self._act(self.engine.next_step())

    def action_previous_step(self) -> None:
        """Go back one step; at the start of an exercise, to the exercise before."""
        self._act(self.engine.previous_step())
        self.went_back()

    def action_extend(self) -> None:
        """Give the step in play 5 more seconds; a hold never past the articles' largest.

        A rest or a lead-in may always be longer; a moving or counted rep is not a hold.
        """
        snapshot = self.engine.snapshot(self.clock())
        if not snapshot.step.kind.is_rep:
            self._act(self.engine.extend(ADJUST_SECONDS))
            return
        seconds, note = self.extension(snapshot)
        if note:
            self.notify(note, timeout=4)
        if seconds:
            self._act(self.engine.extend(seconds))

    def action_extend_refused(self) -> None:
        """+ where it adds nothing (it is not offered): say why."""
        note = self.extension(self.engine.snapshot(self.clock()))[1]
        if note:
            self.notify(note, timeout=4)

    def action_shorten(self) -> None:
        """Take 5 seconds off the step in play."""
        self._act(self.engine.shorten(ADJUST_SECONDS))

    def action_count_rep(self) -> None:
        """Count a rep done (on a counted step)."""
        self._act(self.engine.count_rep())

    def action_start_exercise(self) -> None:
        """Start the exercise a lead-in waits for (carrying on if the session was paused).

        At a gate question left unanswered, ask it again.
        """
        if self.engine.at_gate:
            self.ask_gate()
            return
        events = self.engine.resume() if self.engine.snapshot(self.clock()).paused else []
        self._act(events + self.engine.next_step())

    def action_skip_exercise(self) -> None:
        """Skip the rest of this exercise (recorded as skipped)."""
        self._act(self.engine.skip_exercise())

    def action_cautions(self) -> None:
        """Show the cautions and notes of the exercise in hand; the session waits meanwhile."""
        exercise = self.engine.snapshot(self.clock()).exercise
        always = with_keys(self, ALWAYS)
        notes = exercise_notes(exercise)
        dialog = CautionsDialog(exercise.name, exercise.cautions, always, notes)
        self.while_paused(dialog, _ignore)

    def action_feedback(self, feedback: Feedback) -> None:
        """Answer the question about the last exercise."""
        if self.question is not None:
            self.engine.set_feedback(self.question.exercise_index, feedback)
            self.recorder.save()
        self._close_question()
        self.refresh_display()  # u is offered now, and the timer wakes when it runs out

    def action_escape(self) -> None:
        """Leave the question unanswered if one is up; else offer to end the session."""
        if self.question is not None:
            self._close_question()
        else:
            self.action_end_session()

    def action_end_session(self) -> None:
        """Ask, then end the session early; what was done is saved."""
        self.while_paused(EndSession(), self._end_chosen)

    def _end_chosen(self, end: bool | None) -> None:
        """End the session if the user said so."""
        if end:
            self.question = None
            self._act(self.engine.quit())


def _ignore(_: object) -> None:
    """Nothing to do with a dialog's answer."""
