"""The player's keys: a binding per session action, each with an id (to remap) and a tooltip.

The keymap reads in one place, apart from the screen that plays the session: which key does
what, how much + and - change a hold, and which actions need a session running (the screen's
``check_action`` offers those only then). The screen's help text is here too, beside the keys
it names (by their ids, so a key remapped shows as remapped).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.model import position_change_note
from tui.session import UNDO_SECONDS
from tui.widgets.feedback import CHOICES

ADJUST_SECONDS = 5
"""How much + and - change the step in play."""
SESSION_ACTIONS = frozenset(
    {
        "pause",
        "next_step",
        "previous_step",
        "extend",
        "extend_refused",
        "shorten",
        "count_rep",
        "start_exercise",
        "skip_exercise",
        "this_hurts",
        "cautions",
        "end_session",
        "undo",
    }
)
"""The actions that only mean something while the session runs."""
ADJUST = Binding.Group(f"{ADJUST_SECONDS} s")
"""+ and - side by side in the footer, under one label."""

PLAYER_BINDINGS: list[BindingType] = [
    Binding("space", "pause", "Pause", id="player.pause", tooltip="Pause or resume"),
    Binding("n,right", "next_step", "Next", id="player.next", tooltip="End this step now"),
    Binding(
        "b,left",
        "previous_step",
        "Back",
        id="player.back",
        tooltip="Go back one step; at an exercise's start, to the exercise before",
    ),
    Binding(
        "plus",
        "extend_refused",
        "",
        id="player.extend-refused",
        tooltip="Say why + adds nothing here (a hold at its longest, or not a hold)",
        show=False,
        system=True,  # before +: it works only where + is not offered (see the player)
    ),
    Binding(
        "plus",
        "extend",
        f"+{ADJUST_SECONDS} s",
        id="player.extend",
        tooltip=f"Hold {ADJUST_SECONDS} s longer",
        group=ADJUST,
    ),
    Binding(
        "minus",
        "shorten",
        f"-{ADJUST_SECONDS} s",
        id="player.shorten",
        tooltip=f"Hold {ADJUST_SECONDS} s less",
        group=ADJUST,
    ),
    Binding("enter", "count_rep", "Rep", id="player.count", tooltip="Count a rep done"),
    Binding(
        "enter",
        "start_exercise",
        "Start",
        id="player.start",
        tooltip="Start the next exercise (wait for me is on)",
    ),
    Binding("s", "skip_exercise", "Skip", id="player.skip", tooltip="Skip this exercise"),
    Binding(
        "exclamation_mark",
        "this_hurts",
        "Hurts",
        id="player.hurts",
        tooltip="This hurts: stop the exercise",
    ),
    Binding(
        "u",
        "undo",
        "Undo",
        id="player.undo",
        tooltip=f"Undo the last skip, hurt, rating or pain score (for {UNDO_SECONDS:g} s)",
    ),
    *(
        Binding(
            choice.key,
            f"feedback('{choice.feedback}')",
            choice.label,
            id=f"player.feedback-{choice.feedback}",
            tooltip=f"The last exercise felt {choice.label}",
            show=False,
        )
        for choice in CHOICES
    ),
    Binding(
        "c",
        "cautions",
        "Cautions",
        id="player.cautions",
        tooltip="All the cautions and notes of this exercise (pauses)",
        show=False,
    ),
    Binding("q", "end_session", "End", id="player.end", tooltip="End the session (asks first)"),
    Binding(
        "ctrl+q",
        "app.quit",
        "Quit",
        id="player.quit",
        tooltip="Leave lumbar; the session is saved as ended early",
        show=False,  # no room in the footer at 80 columns (q ends the session): not listed
        system=True,  # the app's Quit is listed in the help and the palette
        priority=True,  # as the app's: so the footer shows this one (hidden), not the app's
    ),
    Binding(
        "escape",
        "escape",
        "Skip question / End",
        id="player.escape",
        tooltip="Skip the question if one is up, else end the session (asks first)",
        show=False,
    ),
]
"""The player's keys, in the order the footer shows them."""
PAUSED_LABELS = {"player.pause": "Resume"}
"""What the key bar says in place of a key's description while the session is paused."""
PLAYER_HELP = """\
## Player

Follow the countdown and the word over it (GET READY, MOVE, HOLD, REST, SWITCH SIDE); a bell
rings at each change, and at 3, 2, 1 before a hold or rest of 10 seconds or more ends.
**{key:player.cautions}** shows all the exercise's cautions and notes; a number marked * is
lumbar's choice, where the article gives none. **{keys:player.pause}** pauses,
**{keys:player.next|/}** ends the step, **{keys:player.back|/}** goes back a step (at the
start of an exercise, to the exercise before; it is recorded once, when done again),
**{key:player.extend}** / **{key:player.shorten}** change the hold by 5 seconds (never past the
longest hold the articles give for the exercise),
**{keys:player.count}** counts a rep, **{keys:player.skip}** skips the exercise,
**{keys:player.start}** starts the next exercise when the setting "wait for me" is on,
**{keys:player.hurts}** stops it because it hurts and pauses, offering an easier variant (no
heavier), skipping or ending, **{key:player.end}** / **{key:player.escape}** ends the session
(it asks first). After each exercise press **{key:player.feedback-easy}** to
**{key:player.feedback-hurt}** to say how it felt, or just carry on. A wrong key? For a few
seconds **{key:player.undo}** takes back the last skip, "this hurts", rating or pain score. The
keys at the bottom are those that do something now. Under the exercise's name, why it plays at
this dose. Everything you do is saved as you go.

""" + position_change_note()
"""The player's help: what each key does (by its binding's id, so a remapped key shows)."""
