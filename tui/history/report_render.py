"""The report as plain text (for the terminal) or Markdown, and the choice of format by file name.

Both render the same document (:mod:`tui.history.report_doc`). Every string goes through
:func:`tui.model.visible` (a note from someone else's file cannot act on a terminal); Markdown
escapes the characters that would make a note or a routine name into markup or HTML.
Pure: no I/O, no Textual.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence

from tui.history.progress import PainPoint, pain_text
from tui.history.report import Report
from tui.history.report_doc import Block, Chart, Document, Items, Para, Table, document
from tui.history.report_kinds import Kind
from tui.model import visible

WIDTH = 80
"""How wide the text report wraps (a terminal of 80 columns)."""
WIDEST_TABLE = 100
"""A text table wider than this is written one record per row instead."""
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>|#&~!])")
"""The characters Markdown (or the HTML inside it) could read as markup, escaped with ``\\``."""


def render_report(report: Report, kind: Kind) -> str:
    """The report in ``kind``: plain text, Markdown or self-contained HTML."""
    if kind == "html":
        from tui.history.report_html import html_page

        return html_page(document(report))
    return to_markdown(document(report)) if kind == "markdown" else to_text(document(report))


def plain(text: str) -> str:
    """Text on one line with its control characters shown, never obeyed."""
    return " ".join(visible(text).split())


def point_words(points: Sequence[PainPoint]) -> list[str]:
    """Each session's pain in words: ``3 Mar 5 → 3``."""
    return [f"{p.day.day} {p.day:%b} {pain_text(p.before, p.after)}" for p in points]


def chart_words(points: Sequence[PainPoint]) -> str:
    """The pain series in words: ``3 Mar 5 → 3 · 5 Mar 4 → ?`` (no chart in text)."""
    said = point_words(points)
    return " · ".join(said) if said else "No pain scores in this period."


def chart_lines(points: Sequence[PainPoint], width: int = WIDTH) -> list[str]:
    """The pain series wrapped at ``width``, never inside one session's date and scores."""
    lines: list[str] = []
    for said in point_words(points):
        if lines and len(lines[-1]) + len(" · ") + len(said) <= width:
            lines[-1] += f" · {said}"
        else:
            lines.append(said)
    return lines or [chart_words(points)]


# --- plain text ------------------------------------------------------------------------------


def to_text(doc: Document) -> str:
    """The document as plain text, wrapped at 80 columns."""
    lines = [doc.title, "=" * len(doc.title), plain(doc.subtitle)]
    for section in doc.sections:
        lines += ["", section.title, "-" * len(section.title)]
        for block in section.blocks:
            lines += text_block(block)
    return "\n".join(lines) + "\n"


def text_block(block: Block) -> list[str]:
    """One block as lines of text."""
    if isinstance(block, Para):
        return textwrap.wrap(plain(block.text), WIDTH)
    if isinstance(block, Items):
        return [
            line
            for item in block.items
            for line in textwrap.wrap(
                plain(item), WIDTH, initial_indent="- ", subsequent_indent="  "
            )
        ]
    if isinstance(block, Chart):
        return chart_lines(block.points)
    return text_table(block)


def text_table(table: Table) -> list[str]:
    """A table in columns; one too wide for a terminal becomes one record per row."""
    rows = [[plain(cell) for cell in row] for row in table.rows]
    widths = [max(len(cell) for cell in column) for column in zip(table.head, *rows, strict=True)]
    if sum(widths) + 2 * len(widths) > WIDEST_TABLE:
        return [
            line
            for row in rows
            for line in textwrap.wrap(
                f"{row[0]}: "
                + "; ".join(
                    f"{h.lower()} {c}" for h, c in zip(table.head[1:], row[1:], strict=True)
                ),
                WIDTH,
                initial_indent="- ",
                subsequent_indent="  ",
            )
        ]

    def line(cells: list[str] | tuple[str, ...]) -> str:
        return "  ".join(
            cell.rjust(width) if number in table.numeric else cell.ljust(width)
            for number, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    lines = [line(table.head), line(["-" * width for width in widths])]
    for number, row in enumerate(rows):
        lines.append(line(row))
        if table.details:
            detail = plain(table.details[number])
            lines += textwrap.wrap(detail, WIDTH, initial_indent="    ", subsequent_indent="    ")
    return lines


# --- Markdown --------------------------------------------------------------------------------


def md(text: str) -> str:
    """Plain text made safe in Markdown: markup characters escaped, on one line."""
    return _MARKDOWN.sub(r"\\\1", plain(text))


def to_markdown(doc: Document) -> str:
    """The document as Markdown (GitHub's tables)."""
    lines = [f"# {md(doc.title)}", "", f"*{md(doc.subtitle)}*"]
    for section in doc.sections:
        lines += ["", f"## {md(section.title)}"]
        for block in section.blocks:
            lines += ["", *markdown_block(block, md)]
    return "\n".join(lines) + "\n"


def markdown_block(block: Block, escape: Callable[[str], str]) -> list[str]:
    """One block as lines of Markdown."""
    if isinstance(block, Para):
        return [escape(block.text)]
    if isinstance(block, Items):
        return [f"- {escape(item)}" for item in block.items]
    if isinstance(block, Chart):
        return [escape(chart_words(block.points))]
    rule = ["---:" if number in block.numeric else "---" for number in range(len(block.head))]
    rows = [block.head, tuple(rule), *block.rows]
    lines = [
        "| " + " | ".join(cell if row is rows[1] else escape(cell) for cell in row) + " |"
        for row in rows
    ]
    details = [
        f"- {escape(row[0])}: {escape(detail)}"
        for row, detail in zip(block.rows, block.details, strict=False)
    ]
    return [*lines, *(["", *details] if details else [])]
