"""The settings rows that take back a yes to a gate question, so the next session asks again.

Someone who said yes to an article's gate (the Essential Guide's back extension: lying face down
for 5 minutes without a pillow) plays the later stages straight away from then on. If their back
gets worse, "Ask again" takes that yes back: the next session stops before the gated stage and
asks (:mod:`tui.history.gates` keeps the taken-back answer, dated, in the settings).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from tui.history import GatedStage, gated_stages, taken_back
from tui.model import Catalogue, GateAnswer, Settings

GATE_CLASS = "gate-again"
"""The class of every "Ask again" button (its id is ``gate-<n>``, n its place in the list)."""


def gate_rows(catalogue: Catalogue) -> Iterator[Widget]:
    """One row per gate of the catalogue: the exercise, an "Ask again" button, its question."""
    for number, gated in enumerate(gated_stages(catalogue)):
        yield Horizontal(
            Label(gated.exercise, classes="name", markup=False),
            Button(
                "Ask again",
                id=f"gate-{number}",
                classes=GATE_CLASS,
                compact=True,
                tooltip=f"Ask again before {gated.stage}, even after a yes",
            ),
            classes="setting",
        )
        yield Static(gate_hint(gated), classes="hint", markup=False)


def gate_hint(gated: GatedStage) -> str:
    """What the row's button is for, in plain words."""
    return (
        f'Before "{gated.stage}" lumbar asks: {gated.gate.question} A yes is remembered; '
        f"if your back gets worse, Ask again takes it back."
    )


def gate_taken_back(
    catalogue: Catalogue, settings: Settings | None, button_id: str, now: datetime
) -> tuple[str, tuple[GateAnswer, ...]] | None:
    """What pressing ``button_id`` saves: what to call it, and the settings' ``gates_again``.

    None when there is nothing to save (no such gate, or the settings could not be read).
    """
    gates = gated_stages(catalogue)
    number = int(button_id.removeprefix("gate-")) if button_id.startswith("gate-") else -1
    if settings is None or not 0 <= number < len(gates):
        return None
    gated = gates[number]
    answer = GateAnswer(gate=gated.key, passed=False, answered_at=now)
    what = f"{gated.exercise} asks again before {gated.stage}"
    return what, taken_back(settings, answer)
