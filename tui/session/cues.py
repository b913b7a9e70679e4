"""Cues for someone who is not looking at the screen: desktop notifications and the window title.

Both travel as terminal escape sequences in the program's own output, so over SSH they reach the
user's own machine, where their terminal turns them into a notification or a title. Which
notification sequence a terminal understands varies (OSC 9: iTerm2, WezTerm, Windows Terminal,
Ghostty; OSC 777: foot, urxvt, Ghostty, WezTerm; OSC 99: kitty), so the user chooses one in the
settings. Inside tmux a notification is wrapped in tmux's passthrough sequence (tmux 3.3 or later
needs ``set -g allow-passthrough on``); the title is tmux's own business and is sent plainly.

The window title changes at most once a minute ("12 min left"): a title that counted seconds
would add its bytes to every second of a hold on a slow link. Nothing here imports Textual.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from tui.model import NotifyMethod, controls_as_spaces, minutes_left
from tui.session.events import Event, SessionDone, Snapshot, StepDone, StepStarted
from tui.session.labels import describe
from tui.session.timeline import StepKind, Timeline

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"
SAVE_TITLE = f"{ESC}[22;0t"
"""Push the terminal's title on its title stack (xterm), to put it back at the end."""
RESTORE_TITLE = f"{ESC}[23;0t"
"""Pop the title pushed by SAVE_TITLE; terminals without a title stack ignore both."""
APP = "lumbar"


def title_sequence(text: str) -> str:
    """Set the window title (OSC 2)."""
    return f"{ESC}]2;{controls_as_spaces(text)}{BEL}"


def notification_sequence(method: NotifyMethod, title: str, body: str) -> str:
    """A desktop notification in the sequence the user chose ("" when notifications are off)."""
    title, body = controls_as_spaces(title), controls_as_spaces(body)
    if method == "osc9":
        return f"{ESC}]9;{title}: {body}{BEL}"
    if method == "osc777":
        return f"{ESC}]777;notify;{title.replace(';', ',')};{body}{BEL}"
    if method == "osc99":
        # kitty's protocol: the title (d=0: more to come), then the body, under one id.
        return f"{ESC}]99;i={APP}:d=0;{title}{ST}{ESC}]99;i={APP}:p=body;{body}{ST}"
    return ""


def tmux_wrap(sequence: str) -> str:
    """Wrap a sequence so tmux passes it through to the terminal outside it."""
    return f"{ESC}Ptmux;{sequence.replace(ESC, ESC + ESC)}{ST}"


def window_title(routine_name: str, snapshot: Snapshot) -> str:
    """The title while a session plays: the exercise and the minutes left, or paused, or over."""
    if snapshot.finished:
        return f"{APP}: session over"
    if not snapshot.started:
        return f"{APP}: {routine_name}"
    left = minutes_left(snapshot.session_remaining)
    if snapshot.paused:
        return f"{APP}: paused, {left}"
    return f"{APP}: {snapshot.exercise.name}, {left}"


NOTIFIED = frozenset(
    {StepKind.GET_READY, StepKind.TRANSITION, StepKind.SET_REST, StepKind.SWITCH_SIDE}
)
"""The steps whose start is worth a notification: a new exercise, a rest between sets, a side
to switch. Never a rep, nor the short rests between reps: the bell keeps that rhythm."""


def notification_for(events: Sequence[Event], timeline: Timeline) -> str | None:
    """What to tell someone away from the screen after these events, if anything.

    Time moving the session on to a new exercise, a rest between sets or a side to switch is
    worth a notification, and so is the end of the session: at most one per exercise, rest and
    side switch, never one per rep. A key the user pressed is not (they are at the keyboard).
    """
    if any(isinstance(e, StepDone) and e.reason != "time" for e in events):
        return None
    if any(isinstance(e, SessionDone) for e in events):
        return "Session complete. How is your back now?"
    started = [e for e in events if isinstance(e, StepStarted)]
    if not started or started[-1].step.kind not in NOTIFIED:
        return None
    step = started[-1].step
    exercise = timeline.exercises[step.exercise_index]
    label = describe(step, exercise)
    return label if step.kind.is_lead_in else f"{exercise.name}: {label}"


WARN_FROM = 10
"""Only a step at least this many seconds long counts down 3, 2, 1 before it ends (lumbar's
choice: on a shorter hold the calls would crowd the bells at its start and end)."""
WARNED = frozenset(
    {StepKind.GET_READY, StepKind.TRANSITION, StepKind.HOLD, StepKind.REST, StepKind.SET_REST}
)
"""The steps whose end is called 3, 2, 1: a hold, a rest, and the lead-in to an exercise."""


def warning_at(snapshot: Snapshot) -> int | None:
    """The number to call (3, 2 or 1) as a hold or rest nears its end at this moment, if any."""
    step, remaining = snapshot.step, snapshot.remaining
    if not snapshot.started or snapshot.paused or snapshot.finished or remaining is None:
        return None
    if step.kind not in WARNED or (step.duration or 0) < WARN_FROM:
        return None
    second = math.ceil(remaining)
    return second if 1 <= second <= 3 else None


class Cues:
    """Writes notifications and the window title through ``write`` (None: nowhere to write)."""

    def __init__(
        self,
        write: Callable[[str], None] | None,
        method: NotifyMethod = "off",
        *,
        tmux: bool = False,
    ) -> None:
        """Cue through ``write`` with this notification method; ``tmux`` wraps notifications."""
        self.write = write
        self.method = method
        self.tmux = tmux
        self.title: str | None = None

    def set_title(self, text: str) -> None:
        """Show ``text`` as the window title, saving the user's own title the first time."""
        if self.write is None or text == self.title:
            return
        if self.title is None:
            self.write(SAVE_TITLE)
        self.title = text
        self.write(title_sequence(text))

    def restore_title(self) -> None:
        """Give the user their own window title back."""
        if self.write is not None and self.title is not None:
            self.write(RESTORE_TITLE)
            self.title = None

    def notify(self, body: str, title: str = APP) -> None:
        """Send a desktop notification, if the user turned them on."""
        sequence = notification_sequence(self.method, title, body)
        if self.write is None or not sequence:
            return
        self.write(tmux_wrap(sequence) if self.tmux else sequence)
