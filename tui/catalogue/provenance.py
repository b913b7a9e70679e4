"""A dose as the detail pane shows it: numbers marked where lumbar chose them, notes under it.

Built on :mod:`tui.model.provenance`; the blocks are the detail pane's (see ``describe``).
"""

from __future__ import annotations

from tui.catalogue.blocks import Block, Run, text
from tui.model import CHOSEN_LEGEND, Dose, counts_text, dose_notes, dose_text, has_chosen


def note(words: str, *, indent: str = "") -> Block:
    """A note in italics: a list item hanging under ``indent`` when given, else a line."""
    if indent:
        return Block("item", ((words, "italic"),), indent, tight=True)
    return text((words, "italic"), tight=True)


def dose_blocks(dose: Dose) -> list[Block]:
    """The dose with lumbar's choices marked, each stage on its own line with its note under it.

    The legend for the mark follows when some number carries it, then the dose's own note.
    """
    if not dose.stages:
        blocks = [text(("Dose: ", "bold"), dose_text(dose, marks=True), tight=True)]
    else:
        blocks = [text((f"Dose, in {len(dose.stages)} stages:", "bold"), tight=True)]
        for number, stage in enumerate(dose.stages, 1):
            marker = f"{number}."
            said: tuple[Run, ...] = (
                (stage.name, "bold"),
                (f": {counts_text(stage, marks=True)}", ""),
            )
            blocks.append(Block("item", said, marker, tight=True))
            if stage.note:
                blocks.append(note(stage.note, indent=" " * len(marker)))
    if has_chosen(dose):
        blocks.append(note(CHOSEN_LEGEND))
    if dose.note:
        blocks.append(note(dose.note))
    return blocks


def item_notes(dose: Dose, item_note: str, indent: str) -> list[Block]:
    """A routine item's notes under it: its own, its dose's, then each stage's."""
    return [note(words, indent=indent) for words in dose_notes(dose, item_note)]
