"""The player's dialogs about pain: "this hurts" (what now?), and a flare-up before the start.

Both keep the advice in view, from the catalogue with its source, and each choice is one key
(the lines that list them are built from the bindings). Their styles are in dialogs.tcss.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from tui.model import plan_text
from tui.screens.dialogs import help_key
from tui.session import MOST_OFFERED, FlareUp, Hurt, HurtAnswer
from tui.widgets.keys import with_keys
from tui.widgets.readout import Readout

FlareUpAnswer = Literal["gentle", "stop"]
"""What to do at a flare-up: the gentle routine instead, or stop for today."""


class ThisHurts(ModalScreen[HurtAnswer]):
    """The session is paused because something hurts: an easier variant, skip, end, or wait.

    Escape keeps the session paused: it is the safe answer, since nothing starts counting down
    again until the user presses a key that says so.
    """

    CSS_PATH = "dialogs.tcss"

    HELP = """\
## This hurts

The session is paused. What hurt is saved as hurting, so its dose will not go up. Press the
number of an easier variant to do it now, at a dose no heavier than what hurt;
**{key:hurts.skip}** skips on; **{key:hurts.end}** ends the session (what you did is saved);
**{keys:hurts.stay}** keeps the session paused until you choose; **{key:hurts.undo}**, for a
few seconds, takes it back if you pressed the key by mistake (the exercise goes on). Sharp,
shooting or burning pain: stop, and get advice from a doctor or physiotherapist.
"""
    BINDINGS = [
        *(
            Binding(
                str(number),
                f"choose({number})",
                f"Easier {number}",
                id=f"hurts.variant-{number}",
                tooltip=f"Do easier variant {number} now, no heavier than what hurt",
                show=False,
            )
            for number in range(1, MOST_OFFERED + 1)
        ),
        Binding("s", "skip", "Skip", id="hurts.skip", tooltip="Skip it and go on", show=False),
        Binding(
            "q",
            "end",
            "End",
            id="hurts.end",
            tooltip="End the session now; what you did is saved",
            show=False,
        ),
        Binding(
            "escape",
            "stay",
            "Stay paused",
            id="hurts.stay",
            tooltip="Keep the session paused and choose later",
            show=False,
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            id="hurts.undo",
            tooltip="I pressed it by mistake: take it back and go on",
            show=False,
        ),
        help_key("hurts.help"),
    ]

    def __init__(self, hurt: Hurt, *, undo_left: Callable[[], float] | None = None) -> None:
        """Tell what hurt and offer what can be done now.

        ``undo_left`` gives the seconds left to take the key back (0: no longer); None: never.
        """
        super().__init__(classes="dialog-screen")
        self.hurt = hurt
        self.offered = hurt.easier[:MOST_OFFERED]
        self.undo_left = undo_left or (lambda: 0.0)

    def compose(self) -> ComposeResult:
        """What happened, the advice, then one line per choice with its key."""
        hurt = self.hurt
        with Vertical(classes="dialog", id="this-hurts") as box:
            box.border_title = "This hurts: session over" if hurt.session_over else "This hurts"
            if hurt.name:
                yield Readout(f"{hurt.name} is saved as hurting: its dose will not go up.")
            else:
                yield Readout("Nothing has been done yet, so nothing is saved as hurting.")
            if hurt.advice:
                yield Readout(hurt.advice, classes="advice")
                yield Readout(hurt.source, classes="hint source")
            yield from self.choices()
            undo = with_keys(self, "{key:hurts.undo}  I pressed it by mistake: undo")
            line = Readout(undo, id="hurts-undo", classes="choice")
            line.display = self.undo_left() > 0
            yield line
            yield Readout(self.keys_line(), classes="hint")

    def on_mount(self) -> None:
        """While undo is in time, a timer takes its line away when the time is up."""
        left = self.undo_left()
        if left > 0:
            self.set_timer(left, self.undo_lapsed)

    def undo_lapsed(self) -> None:
        """The time to undo is up: the line goes, and the key with it."""
        self.query_one("#hurts-undo", Readout).display = False
        self.refresh_bindings()

    def choices(self) -> ComposeResult:
        """The easier variants on offer (or why there are none), skipping and ending."""
        hurt = self.hurt
        if hurt.session_over:
            yield Readout("That was the last exercise: the session is over.", classes="choice")
            return
        for number, easier in enumerate(self.offered, 1):
            key = with_keys(self, f"{{key:hurts.variant-{number}}}")
            dose = plan_text(easier.planned)
            yield Readout(f"{key}  {easier.name}, {dose}: no heavier", classes="choice")
        if hurt.too_heavy:
            names = ", ".join(hurt.too_heavy)
            yield Readout(
                f"Not offered: {names} (even its lightest dose is heavier).", classes="hint"
            )
        elif not self.offered and hurt.name:
            yield Readout(f"{hurt.name} has no easier variant.", classes="hint")
        yield Readout(with_keys(self, f"{{key:hurts.skip}}  {hurt.skip}"), classes="choice")
        if not hurt.last:
            yield Readout(
                with_keys(self, "{key:hurts.end}  End the session (saved as ended early)"),
                classes="choice",
            )

    def keys_line(self) -> str:
        """The last line: Escape, and the key that opens the help and the advice."""
        stay = "go on" if self.hurt.session_over else "stay paused"
        return with_keys(
            self, f"{{key:hurts.stay}}: {stay}    {{key:hurts.help}}: help and advice", short=True
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the choices on offer do anything: none but Escape once the session is over."""
        if action == "choose" and parameters and isinstance(parameters[0], int):
            return parameters[0] <= len(self.offered)
        if action == "end":
            return not self.hurt.session_over and not self.hurt.last
        if action == "skip":
            return not self.hurt.session_over
        if action == "undo":
            return self.undo_left() > 0
        return True

    def action_choose(self, number: int) -> None:
        """Do easier variant ``number`` (1-based) now."""
        self.dismiss(self.offered[number - 1])

    def action_skip(self) -> None:
        """Skip it and go on."""
        self.dismiss("skip")

    def action_end(self) -> None:
        """End the session."""
        self.dismiss("end")

    def action_undo(self) -> None:
        """Take the key back: it was pressed by mistake (only while in time)."""
        if self.undo_left() > 0:
            self.dismiss("undo")

    def action_stay(self) -> None:
        """Stay paused (or, once the session is over, go on to its end)."""
        self.dismiss("stay")


class FlareUpDialog(ModalScreen[FlareUpAnswer]):
    """The pain before is high: say so, before anything starts; a gentle routine, or stop.

    Escape stops for today: the articles advise against exercising at the worst of a flare-up.
    """

    CSS_PATH = "dialogs.tcss"

    HELP = """\
## High pain before you start

Exercising at the worst of a flare-up often makes it worse: wait for it to settle.
**{key:flare.gentle}** plays slow, still stretches instead; **{keys:flare.stop}** stops for
today, and nothing is saved.
"""
    BINDINGS = [
        Binding(
            "g",
            "choose('gentle')",
            "Gentle",
            id="flare.gentle",
            tooltip="Play gentle, still stretches instead",
            show=False,
        ),
        Binding(
            "s,escape",
            "choose('stop')",
            "Stop",
            id="flare.stop",
            tooltip="Stop for today; nothing is saved",
            show=False,
        ),
        help_key("flare.help"),
    ]

    def __init__(self, flare_up: FlareUp) -> None:
        """Tell about this pain score and offer what ``flare_up`` has."""
        super().__init__(classes="dialog-screen")
        self.flare_up = flare_up

    def compose(self) -> ComposeResult:
        """The pain and the threshold, the advice with its source, then the two choices."""
        flare_up = self.flare_up
        with Vertical(classes="dialog", id="flare-up") as box:
            box.border_title = f"Pain {flare_up.pain} out of 10 before you start"
            yield Readout(
                f"That is at or above {flare_up.threshold} out of 10, your threshold for a"
                " flare-up (a setting; the articles give no number)."
            )
            for line in flare_up.advice:
                yield Readout(line, classes="advice")
            yield Readout(flare_up.source, classes="hint source")
            if flare_up.gentle:
                yield Readout(
                    with_keys(self, f"{{key:flare.gentle}}  Gentle instead: {flare_up.gentle}"),
                    classes="choice",
                )
            yield Readout(
                with_keys(
                    self, "{keys:flare.stop|/}  Stop for today: nothing is saved", short=True
                ),
                classes="choice",
            )
            yield Readout(with_keys(self, "{key:flare.help}: help and advice"), classes="hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The gentle routine only when there is one."""
        if action == "choose" and parameters == ("gentle",):
            return bool(self.flare_up.gentle)
        return True

    def action_choose(self, answer: FlareUpAnswer) -> None:
        """Answer: the gentle routine, or stop."""
        self.dismiss(answer)
