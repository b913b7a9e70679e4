"""The plain player's answers to pain: a flare-up before the start, and "this hurts".

The choices and their rules are the full player's (:mod:`tui.session.pain`): after "this
hurts", an easier variant no heavier than what hurt, skipping on, ending the session, staying
paused, or undo for a few seconds; at a pain before at or above the threshold, the gentle
routine or stopping for today, with nothing saved. :class:`HurtChoices` is the plain player's
base. Nothing here imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from tui.model import Routine, plan_text
from tui.plain.asking import Asker
from tui.session import (
    MOST_OFFERED,
    REST_THE_FLARE_UP,
    Engine,
    Event,
    HurtAnswer,
    PlannedExercise,
    SessionRecorder,
    Undoable,
    UndoKind,
    flare_up_of,
    gentle_routine,
    hurt_of,
    settle_hurt,
)

FlareUpChoice = Literal["this", "gentle", "stop"]
"""At a flare-up: play this routine (it is the gentle one), the gentle one instead, or stop."""


class HurtChoices:
    """Flare-ups and "this hurts" (a base of the plain player, which provides the rest)."""

    engine: Engine
    recorder: SessionRecorder
    clock: Callable[[], float]
    ask: Asker
    threshold: int
    hurting: bool
    gentle: tuple[int, Routine | None] | None = None
    """Set when a flare-up, answered again after an undo, ended the session: the pain given,
    and the gentle routine to play instead (None: stopped for today)."""

    def flare_up(self, pain: int) -> FlareUpChoice:
        """A pain before at or above the threshold: say so, offer the gentle routine or stop."""
        timeline = self.engine.timeline
        catalogue = timeline.catalogue
        found = flare_up_of(catalogue, pain, self.threshold, timeline.routine_id)
        self.say(
            f"Pain {pain} out of 10 before you start is at or above {found.threshold}, your "
            "threshold for a flare-up (a setting; the articles give no number)."
        )
        for line in found.advice:
            self.say(line)
        if found.source:
            self.say(found.source)
        answers: dict[str, FlareUpChoice] = {"s": "stop", "escape": "stop"}
        offer = ""
        gentle = gentle_routine(catalogue)
        if found.gentle and gentle is not None:
            answers["g"] = "this" if gentle.id == timeline.routine_id else "gentle"
            offer = f"g: gentle instead, {found.gentle}. "
        chosen = self.ask.choose(f"{offer}s: stop for today, nothing is saved.", answers)
        if chosen == "stop":
            self.say(f"Stopped for today. Nothing is saved. {REST_THE_FLARE_UP}")
        return chosen

    def flare_up_again(self, pain: int) -> None:
        """A flare-up told after the session began (the pain before given again after undo).

        The gentle routine goes on if it is the one playing; anything else ends the session,
        saved as ended early, with no pain check after (it is stopped for today).
        """
        chosen = self.flare_up(pain)
        if chosen == "this":
            self.react(self.engine.resume())
            return
        self.react(self.engine.quit(self.clock()))
        gentle = gentle_routine(self.engine.timeline.catalogue) if chosen == "gentle" else None
        self.gentle = (pain, gentle)
        if chosen == "stop":
            self.say("What you began is saved as ended early.")

    def this_hurts(self) -> None:
        """!: pause; stop the exercise (or mark the one just done) as hurting; ask what now.

        The hurt is saved at once, whatever is chosen next.
        """
        snapshot = self.engine.snapshot(self.clock())
        self.hurting = True
        self.react(self.engine.pause())
        hurt: PlannedExercise | None = snapshot.exercise
        undoes: tuple[UndoKind, ...] = ("hurt",)
        if not snapshot.step.kind.is_lead_in:
            self.react(self.engine.this_hurts(wait_if_last=True))
        else:
            hurt, undoes = self.mark_hurt(snapshot.exercise.index - 1), ("feedback",)
        answer = self.hurt_answer(hurt, undoes)
        self.hurting = False
        self.hurt_answered(hurt, answer)

    def hurt_answer(self, hurt: PlannedExercise | None, undoes: Sequence[UndoKind]) -> HurtAnswer:
        """Say what was saved and the advice; offer the choices; the one chosen."""
        found = hurt_of(self.engine, hurt)
        if found.name:
            self.say(f"This hurts: {found.name} is saved as hurting: its dose will not go up.")
        else:
            self.say("This hurts: nothing has been done yet, so nothing is saved as hurting.")
        if found.advice:
            self.say(f"{found.advice} {found.source}".strip())
        answers: dict[str, HurtAnswer] = {"escape": "stay"}
        choices: list[str] = []
        if found.session_over:
            choices.append("That was the last exercise: the session is over. Escape goes on.")
        else:
            for number, easier in enumerate(found.easier[:MOST_OFFERED], 1):
                answers[str(number)] = easier
                choices.append(f"{number}: {easier.name}, {plan_text(easier.planned)}.")
            if found.too_heavy:
                names = ", ".join(found.too_heavy)
                choices.append(f"Not offered: {names} (even its lightest dose is heavier).")
            answers["s"] = "skip"
            choices.append(f"s: {found.skip}.")
            if not found.last:
                answers["q"] = "end"
                choices.append("q: end the session (saved as ended early).")
            choices.append("Escape: stay paused (Space carries on).")
        undo_left = self.undo_left(undoes)
        if undo_left() > 0:
            answers["u"] = "undo"
            choices.append("u: I pressed it by mistake, undo.")
        while True:
            answer = self.ask.choose(" ".join(choices), answers)
            if answer != "undo" or undo_left() > 0:
                return answer
            choices = [c for c in choices if not c.startswith("u:")]
            answers.pop("u", None)

    def hurt_answered(self, hurt: PlannedExercise | None, answer: HurtAnswer) -> None:
        """Do what was chosen (see ``settle_hurt``); anything but stay paused goes on (or ends)."""
        events, undone = settle_hurt(self.engine, hurt, answer, self.clock())
        if undone is not None:
            self.after_undo(undone)
        self.react(events)
        if answer == "end":
            self.close_question()
            self.react(self.engine.quit())
        elif answer == "stay" and self.engine.running:
            self.say("Paused. Space carries on.")

    def mark_hurt(self, index: int) -> PlannedExercise | None:
        """Save the exercise just done as hurting; None if none has been done yet."""
        try:
            self.engine.set_feedback(index, "hurt")
        except ValueError:
            return None
        self.recorder.save()
        self.close_question(index)
        return self.engine.timeline.exercises[index]

    # The plain player's ------------------------------------------------------------------

    def say(self, line: str) -> None:
        """Print one line."""
        raise NotImplementedError

    def react(self, events: Sequence[Event]) -> None:
        """Save, ring and print as the engine's events say."""
        raise NotImplementedError

    def undo_left(self, kinds: Sequence[UndoKind]) -> Callable[[], float]:
        """Seconds left to undo the last action, if one of ``kinds``."""
        raise NotImplementedError

    def after_undo(self, undone: Undoable) -> None:
        """Save and say what was undone; ask again what was answered."""
        raise NotImplementedError

    def close_question(self, exercise_index: int | None = None) -> None:
        """Close the question after an exercise."""
        raise NotImplementedError
