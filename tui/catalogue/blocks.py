"""The blocks a description is made of: a title, headings, text and list items, in runs.

Runs are plain, bold or italic text; the select screen's detail pane lays the blocks out for
its width (see ``tui.widgets.description``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Emphasis = Literal["", "bold", "italic"]
"""How a run of text is emphasised: the Textual style it is shown in."""
Run = tuple[str, Emphasis]
"""Some text and how it is emphasised."""

BlockKind = Literal["title", "heading", "text", "item"]


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a description: a title, a heading, a line of text, or a list item."""

    kind: BlockKind
    runs: tuple[Run, ...]
    marker: str = ""
    """A list item's marker: its number ("3.") or a bullet."""
    tight: bool = False
    """True if the block follows the one before it without a blank line (list items do)."""


Description = tuple[Block, ...]
BULLET = "•"


def title(text: str) -> Block:
    """The name at the top."""
    return Block("title", ((text, ""),))


def heading(text: str) -> Block:
    """A section heading: Steps, Cautions, Sources."""
    return Block("heading", ((text, ""),))


def text(*runs: Run | str, tight: bool = False) -> Block:
    """A paragraph; plain strings are runs without emphasis; ``tight`` joins it to the last."""
    return Block("text", tuple((r, "") if isinstance(r, str) else r for r in runs), tight=tight)


def numbered(items: Iterable[tuple[Run | str, ...]]) -> list[Block]:
    """A numbered list, one block per item."""
    return [
        Block("item", text(*runs).runs, f"{number}.", tight=True)
        for number, runs in enumerate(items, 1)
    ]


def bullets(items: Iterable[str]) -> list[Block]:
    """A bulleted list of plain texts."""
    return [Block("item", ((item, ""),), BULLET, tight=True) for item in items]
