"""The plain player: one session on an injected clock, a line per event, the full player's keys.

The loop asks the engine what the clock says, prints a line for each step that starts (and
``3, 2, 1.`` once as a long hold or rest ends), then waits for a key no longer than the next
moment something changes: the end of the step, the countdown, the question after an exercise
lapsing. Every key is the same engine action as in the full player, in the same order of
questions (pain before, a rating after each exercise, pain after), and the recorder saves the
same record after each exercise. Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.history import DEFAULT_THRESHOLD, high_pain_before
from tui.model import Feedback, Session
from tui.plain.asking import Asker, PainAnswer
from tui.plain.corrections import (
    ADJUST_SECONDS,
    PlainCorrections,
    Question,
    feedback_words,
)
from tui.plain.keys import Keys
from tui.plain.lines import (
    COUNTDOWN,
    exercise_line,
    feedback_question,
    pain_question,
    step_lines,
    summary_line,
)
from tui.plain.reps import in_a_rep, rep_line, step_label
from tui.session import (
    ENDING_UNDO_WORDS,
    ENDING_UNDOES,
    Engine,
    Event,
    ExerciseDone,
    SessionDone,
    SessionEnded,
    SessionRecorder,
    Snapshot,
    StepKind,
    StepStarted,
    warning_at,
)

FEEDBACK_WAIT = 10.0
"""How long the question after an exercise stays open unanswered (the full player's)."""
FEEDBACK_ACTIONS: dict[str, Feedback] = {
    f"feedback('{feedback}')": feedback for feedback in ("easy", "right", "hard", "hurt")
}
"""The answers to the question after an exercise, by the full player's action names."""
PLAYER_KEYS: dict[str, tuple[str, ...]] = {
    "pause": ("space",),
    "next_step": ("n", "right"),
    "previous_step": ("b", "left"),
    "extend": ("plus",),
    "shorten": ("minus",),
    "count_rep": ("enter",),
    "start_exercise": ("enter",),
    "skip_exercise": ("s",),
    "this_hurts": ("exclamation_mark",),
    "undo": ("u",),
    **{action: (str(number),) for number, action in enumerate(FEEDBACK_ACTIONS, 1)},
    "cautions": ("c",),
    "end_session": ("q",),
    "app.quit": ("ctrl+q",),
    "escape": ("escape",),
}
"""The keys of each of the full player's actions (by its action names; a test holds them to
its bindings). Where two share a key (Enter), the first that does something now does it."""
GATE_KEYS = ("y", "n", "enter", "escape")
"""At a stage's gate: yes, not yet, ask again, leave it unanswered (the full player's)."""
LEAVE_WAIT = 1.0
"""Leaving waits at most this long for the last save to be written."""
KEYS_LINE = (
    "Keys: Space pause, n next step, b back, + or - 5 seconds, Enter count a rep, s skip, "
    "! this hurts, u undo, c cautions, q end the session, ? these keys."
)


@dataclass(frozen=True)
class PlainEnd:
    """How the plain player ended: the session it saved (None: none started)."""

    session: Session | None
    gentle_pain: int | None = None
    """At a flare-up, the gentle routine was chosen in place of this one, with this pain."""
    quit_now: bool = False
    """Left at once (Ctrl+Q): no pain check after."""


class PlainPlayer(PlainCorrections):
    """Plays the engine's session in lines, saving through the recorder."""

    def __init__(
        self,
        engine: Engine,
        recorder: SessionRecorder,
        *,
        clock: Callable[[], float],
        keys: Keys,
        write: Callable[[str], None],
        threshold: int = DEFAULT_THRESHOLD,
        bell: bool = False,
        pain_before: int | None = None,
    ) -> None:
        """Play ``engine``'s session reading ``keys``, printing lines with ``write``.

        A pain before at or above ``threshold`` is a flare-up; ``bell`` rings at each step;
        ``pain_before`` is a score already given (the gentle routine after a flare-up, a
        session continued): then it is not asked.
        """
        self.engine = engine
        self.recorder = recorder
        self.clock = clock
        self.keys = keys
        self.write = write
        self.threshold = threshold
        self.bell = bell
        self.pain_before = pain_before
        self.ask = Asker(keys, self.say, clock)
        self.question: Question | None = None
        self.hurting = False
        self._warned: int | None = None  # the step whose 3, 2, 1 was said

    def say(self, line: str) -> None:
        """Print one line."""
        self.write(f"{line}\n")

    # The session's flow ------------------------------------------------------------------

    def play(self) -> PlainEnd:
        """Ask the pain before, play the session to its end, ask the pain after, sum it up."""
        if self.pain_before is not None:
            self.begin(self.pain_before, given=True)
        else:
            pain = self.ask.pain(pain_question("before you start"))
            pain = pain if isinstance(pain, int) else None
            if pain is not None and high_pain_before(pain, self.threshold):
                chosen = self.flare_up(pain)
                if chosen != "this":
                    return PlainEnd(None, gentle_pain=pain if chosen == "gentle" else None)
            self.begin(pain)
        while True:
            if self.run() == "quit":
                self.say("Left at once: the session is saved as ended early.")
                return PlainEnd(self.engine.session(), quit_now=True)
            if self.gentle is not None:  # stopped for today after the pain before again
                pain, routine = self.gentle
                return PlainEnd(self.engine.session(), gentle_pain=pain if routine else None)
            if not self.pain_after():
                break
        session = self.engine.session()
        self.say(summary_line(session))
        self.recorder.wait(LEAVE_WAIT)
        return PlainEnd(session)

    def begin(self, pain: int | None, *, given: bool = False) -> None:
        """Start the session (a score ``given`` before the player opened is no key to undo)."""
        if pain is not None:
            self.engine.set_pain_before(pain, undoable=not given)
        events = self.engine.start(self.clock())
        self.recorder.save()
        self.say(f"{self.engine.timeline.routine_name}. Press ? for the keys.")
        self.react(events)

    def run(self) -> str:
        """Play until the session is over and nothing is left open; "quit" after Ctrl+Q."""
        while True:
            now = self.clock()
            self.react(self.engine.tick(now))
            if self.question is not None and now >= self.question.lapses_at:
                self.close_question()
            snapshot = self.engine.snapshot(now)
            if snapshot.finished and self.question is None and not self.hurting:
                return "over"
            self.countdown(snapshot)
            key = self.keys.read(self.wake(snapshot, now))
            if key in PLAYER_KEYS["app.quit"]:
                self.abandon()
                return "quit"
            if key is not None:
                self.press(key)

    def pain_after(self) -> bool:
        """Ask the pain now; True when undo took back the key that ended it (it goes on)."""
        undo_left = self.undo_left(ENDING_UNDOES)
        undoable = self.engine.undoable(self.clock())
        what = ENDING_UNDO_WORDS.get(undoable.kind, "") if undoable is not None else ""
        answer: PainAnswer = self.ask.pain(
            pain_question("now you have finished")
            + (f" u undoes {what}." if undo_left() > 0 and what else ""),
            confirm_skip=True,
            undo_left=undo_left,
        )
        if answer == "undo":
            undone = self.engine.undo(self.clock())
            if undone is not None:
                self.after_undo(undone)
                return True
            return False
        if answer is not None:
            self.engine.set_pain_after(answer)
            self.recorder.save()
        return False

    def abandon(self) -> None:
        """The player is going away (a hang-up, Ctrl+C, the end of input): end and save."""
        if self.engine.running:
            self.engine.quit(self.clock())
            self.recorder.save()

    # What the engine reports -------------------------------------------------------------

    def react(self, events: Sequence[Event]) -> None:
        """Save, ring and print as the engine's events say; ask how a finished exercise felt."""
        if not events:
            return
        self.recorder.handle(events)
        if self.bell and any(isinstance(e, StepStarted | SessionDone) for e in events):
            self.write("\a")
        timeline = self.engine.timeline
        for event in events:
            if isinstance(event, StepStarted):
                self._warned = None
                for line in step_lines(timeline, event.index):
                    self.say(line)
            elif isinstance(event, ExerciseDone):
                said = exercise_line(timeline.exercises[event.index], event.result)
                if said is not None:
                    self.say(said)
                if event.result.outcome in ("done", "cut"):
                    self.ask_feedback(event.index)
            elif isinstance(event, SessionDone):
                self.say("Session complete. Well done.")
            elif isinstance(event, SessionEnded):
                self.say("Session ended early: what you did is saved.")

    def ask_feedback(self, exercise_index: int) -> None:
        """Ask how the exercise felt; the session goes on meanwhile."""
        self.question = Question(exercise_index, self.clock() + FEEDBACK_WAIT)
        self.say(feedback_question(self.engine.timeline.exercises[exercise_index].name))

    def countdown(self, snapshot: Snapshot) -> None:
        """Say 3, 2, 1 once as a long hold, rest or lead-in nears its end."""
        if warning_at(snapshot) is not None and self._warned != snapshot.step_index:
            self._warned = snapshot.step_index
            self.say(COUNTDOWN)

    def wake(self, snapshot: Snapshot, now: float) -> float | None:
        """Seconds until something may change: the step's end, its 3, 2, 1, a question lapsing."""
        times: list[float] = []
        remaining = snapshot.remaining
        if self.engine.running and not snapshot.paused and remaining is not None:
            counted = dataclasses.replace(snapshot, remaining=3.0)
            early = self._warned != snapshot.step_index and warning_at(counted) is not None
            times.append(remaining - 3 if early and remaining > 3 else remaining)
        if self.question is not None:
            times.append(self.question.lapses_at - now)
        return max(0.0, min(times)) if times else None

    # Keys --------------------------------------------------------------------------------

    def press(self, key: str) -> None:
        """Do what ``key`` does now (the full player's keys: see :data:`PLAYER_KEYS`)."""
        actions = [action for action, keys in PLAYER_KEYS.items() if key in keys]
        feedback = next((FEEDBACK_ACTIONS[a] for a in actions if a in FEEDBACK_ACTIONS), None)
        if key == "question_mark":
            self.say(KEYS_LINE)
        elif self.question is not None and feedback is not None:
            self.feedback(feedback)
        elif self.question is not None and "escape" in actions:
            self.close_question()
            self.say("Question skipped.")
        elif self.engine.running and self.engine.at_gate and key in GATE_KEYS:
            self.gate(key)
        elif self.engine.running:
            snapshot = self.engine.snapshot(self.clock())
            any(self.session_action(action, snapshot) for action in actions)

    def session_action(self, action: str, snapshot: Snapshot) -> bool:
        """Do ``action`` if it does something at ``snapshot``; True if it did."""
        step = snapshot.step
        if action == "pause":
            self.pause_or_resume(snapshot.paused)
        elif action == "next_step":
            self.react(self.engine.next_step())
        elif action == "previous_step" and snapshot.step_index > 0:
            self.back()
        elif action == "extend":
            self.extend(snapshot)
        elif action == "shorten" and step.is_timed:
            self.react(self.engine.shorten(ADJUST_SECONDS))
            self.say_left()
        elif action == "count_rep" and step.kind is StepKind.COUNTED:
            self.react(self.engine.count_rep())
        elif action == "start_exercise" and step.kind.is_lead_in and not step.is_timed:
            events = self.engine.resume() if snapshot.paused else []
            self.react(events + self.engine.next_step())
        elif action == "skip_exercise":
            self.react(self.engine.skip_exercise())
        elif action == "this_hurts":
            self.this_hurts()
        elif action == "undo":
            self.undo()
        elif action == "cautions":
            self.cautions(snapshot)
        elif action in ("end_session", "escape"):
            self.end_session()
        else:
            return False
        return True

    def back(self) -> None:
        """b: back one step; a step inside a rep has no line of its own, so say where."""
        self.react(self.engine.previous_step())
        self.went_back()
        snapshot = self.engine.snapshot(self.clock())
        if in_a_rep(snapshot.step) and not rep_line(self.engine.timeline, snapshot.step_index):
            self.say(f"Back: {step_label(snapshot.step)}")

    def pause_or_resume(self, paused: bool) -> None:
        """Space: pause, or carry on."""
        self.react(self.engine.resume() if paused else self.engine.pause())
        self.say("Carrying on." if paused else "Paused. Space carries on.")

    def feedback(self, feedback: Feedback) -> None:
        """Answer the question about the last exercise."""
        if self.question is not None:
            self.engine.set_feedback(self.question.exercise_index, feedback)
            self.recorder.save()
            self.say(f"Saved: {feedback_words(feedback)}. u undoes it.")
        self.close_question()

    def close_question(self, exercise_index: int | None = None) -> None:
        """Close the question (only if it is about ``exercise_index``, when given)."""
        if exercise_index is None or (
            self.question is not None and self.question.exercise_index == exercise_index
        ):
            self.question = None

    def gate(self, key: str) -> None:
        """At a stage's gate: y plays the stage, n ends the exercise, Enter asks again.

        Escape leaves it unanswered: the session waits (never taken for a yes).
        """
        if key == "escape":
            self.say("Left unanswered: the session waits. Enter asks again; q ends the session.")
            return
        if key == "enter":
            index = self.engine.snapshot(self.clock()).step_index
            for line in step_lines(self.engine.timeline, index):
                self.say(line)
            return
        self.react(self.engine.answer_gate(key == "y", self.clock()))

    def cautions(self, snapshot: Snapshot) -> None:
        """c: every caution and note of the exercise in hand."""
        exercise = snapshot.exercise
        lines = [*exercise.cautions, *exercise.notes] or ["No cautions for this exercise."]
        self.say(f"Cautions, {exercise.name}: " + " ".join(lines))

    def end_session(self) -> None:
        """q: ask, then end the session early; what was done is saved."""
        was_paused = self.engine.snapshot(self.clock()).paused
        self.react(self.engine.pause())
        if self.ask.yes_no("End the session? y ends it (what you did is saved), n goes on."):
            self.close_question()
            self.react(self.engine.quit())
        elif not was_paused:
            self.react(self.engine.resume())
            self.say("Carrying on.")
