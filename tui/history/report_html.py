"""The report as one self-contained HTML page: inline CSS for A4 print, the pain chart as SVG.

No script, no external address, no font or image to fetch: a Content-Security-Policy in the page
says so to the browser as well. Every string is escaped (``html.escape`` after
:func:`tui.model.visible`), so a note or a routine name is only ever text. Pure: no I/O.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from tui.history.progress import PainPoint
from tui.history.report_doc import Block, Chart, Document, Items, Para, Section, Table
from tui.model import visible

STYLE = """\
@page { size: A4; margin: 10mm; }
* { box-sizing: border-box; }
body { font: 8.5pt/1.3 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111;
       background: #fff; max-width: 190mm; margin: 0 auto; padding: 4mm 0; }
h1 { font-size: 15pt; margin: 0; }
.subtitle { color: #444; margin: 1pt 0 4pt; }
h2 { font-size: 10.5pt; margin: 6pt 0 2pt; padding-bottom: 1pt; border-bottom: 1px solid #888;
     break-after: avoid; }
p { margin: 2pt 0; }
ul { margin: 2pt 0; padding-left: 13pt; }
li { margin: 0.5pt 0; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 7.5pt; margin: 3pt 0; }
table.across th { white-space: nowrap; }
th, td { border-bottom: 1px solid #ccc; padding: 1pt 3pt; text-align: left; vertical-align: top; }
th { border-bottom: 1px solid #555; font-weight: 600; }
td:first-child { min-width: 38mm; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
tr.above td { border-bottom: none; padding-bottom: 0; }
tr.detail td { color: #333; padding: 0 3pt 1.5pt 10pt; font-size: 7pt; }
section.advice { border: 1px solid #b45309; background: #fff7ed; padding: 2pt 6pt; }
section.advice h2 { border: none; margin-top: 2pt; }
svg { display: block; width: 100%; height: auto; max-height: 38mm; }
.chart text { font: 8px sans-serif; fill: #333; }
"""
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""What the page may load: nothing but its own inline style."""
BEFORE, AFTER = "#b45309", "#1d4ed8"
"""The colours of pain before (amber, solid) and after (blue, dashed); the dashes and the
markers tell them apart in grey print too."""
WIDE, HIGH = 680, 190
LEFT, RIGHT, TOP, BOTTOM = 28, 10, 18, 24


def text(value: str) -> str:
    """Plain text escaped for HTML, its control characters shown."""
    return html.escape(visible(value), quote=True)


def html_page(doc: Document) -> str:
    """The whole page."""
    body = "\n".join(
        section_html(section, first=number == 0) for number, section in enumerate(doc.sections)
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="color-scheme" content="light">\n'
        f"<title>{text(doc.title)}: {text(doc.subtitle)}</title>\n"
        f"<style>\n{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{text(doc.title)}</h1>\n"
        f'<p class="subtitle">{text(doc.subtitle)}</p>\n'
        f"{body}\n</body>\n</html>\n"
    )


def section_html(section: Section, *, first: bool = False) -> str:
    """One section: the first (the note that this is not medical advice) stands out."""
    kind = ' class="advice"' if first else ""
    blocks = "\n".join(block_html(block) for block in section.blocks)
    return f"<section{kind}>\n<h2>{text(section.title)}</h2>\n{blocks}\n</section>"


def block_html(block: Block) -> str:
    """One block as HTML."""
    if isinstance(block, Para):
        return f"<p>{text(block.text)}</p>"
    if isinstance(block, Items):
        items = "".join(f"<li>{text(item)}</li>" for item in block.items)
        return f"<ul>{items}</ul>"
    if isinstance(block, Chart):
        return pain_svg(block.points)
    return table_html(block)


def table_html(table: Table) -> str:
    """A table, numbers aligned right."""

    def cells(row: Sequence[str], tag: str) -> str:
        return "".join(
            f'<{tag} class="n">{text(cell)}</{tag}>'
            if number in table.numeric
            else f"<{tag}>{text(cell)}</{tag}>"
            for number, cell in enumerate(row)
        )

    if table.across:
        return across_html(table)
    span = len(table.head)
    above = ' class="above"' if table.details else ""
    lines = []
    for number, row in enumerate(table.rows):
        lines.append(f"<tr{above}>{cells(row, 'td')}</tr>")
        if table.details:
            detail = text(table.details[number])
            lines.append(f'<tr class="detail"><td colspan="{span}">{detail}</td></tr>')
    rows = "\n".join(lines)
    head = f"<thead><tr>{cells(table.head, 'th')}</tr></thead>"
    return f"<table>\n{head}\n<tbody>\n{rows}\n</tbody>\n</table>"


def across_html(table: Table) -> str:
    """A table laid across the page: each column of the table becomes a row."""
    lines = []
    for number, (head, *row) in enumerate(zip(table.head, *table.rows, strict=True)):
        kind = ' class="n"' if number in table.numeric else ""
        shown = "".join(f"<td{kind}>{text(cell)}</td>" for cell in row)
        lines.append(f"<tr><th>{text(head)}</th>{shown}</tr>")
    return '<table class="across">\n<tbody>\n' + "\n".join(lines) + "\n</tbody>\n</table>"


def pain_svg(points: Sequence[PainPoint]) -> str:
    """Pain before and after each session, 0 to 10, oldest on the left, as inline SVG."""
    width, height = WIDE - LEFT - RIGHT, HIGH - TOP - BOTTOM
    count = len(points)

    def x(number: int) -> float:
        return LEFT + (width / 2 if count == 1 else width * number / (count - 1))

    def y(score: int) -> float:
        return TOP + height * (10 - score) / 10

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDE} {HIGH}" role="img" '
        'aria-label="Pain before and after each session, 0 to 10">'
    ]
    for score in range(0, 11, 2):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDE - RIGHT}" y1="{y(score):.1f}" y2="{y(score):.1f}" '
            'stroke="#ddd" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(score) + 3:.1f}" text-anchor="end">{score}</text>'
        )
    for name, colour, dash, scores in (
        ("before", BEFORE, "", [point.before for point in points]),
        ("after", AFTER, ' stroke-dasharray="5 3"', [point.after for point in points]),
    ):
        parts += series_svg(scores, x, y, colour, dash, square=name == "after")
    if points:
        first, last = points[0].day, points[-1].day
        parts.append(f'<text x="{LEFT}" y="{HIGH - 8}">{first.day} {first:%b %Y}</text>')
        if count > 1:
            parts.append(
                f'<text x="{WIDE - RIGHT}" y="{HIGH - 8}" text-anchor="end">'
                f"{last.day} {last:%b %Y}</text>"
            )
    else:
        parts.append(f'<text x="{LEFT + 8}" y="{TOP + height / 2:.1f}">No pain scores</text>')
    parts.append(
        f'<line x1="{WIDE - 190}" x2="{WIDE - 170}" y1="9" y2="9" stroke="{BEFORE}" '
        f'stroke-width="2"/><text x="{WIDE - 166}" y="12">before</text>'
        f'<line x1="{WIDE - 110}" x2="{WIDE - 90}" y1="9" y2="9" stroke="{AFTER}" '
        f'stroke-width="2" stroke-dasharray="5 3"/><text x="{WIDE - 86}" y="12">after</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def series_svg(
    scores: Sequence[int | None],
    x: Callable[[int], float],
    y: Callable[[int], float],
    colour: str,
    dash: str,
    *,
    square: bool,
) -> list[str]:
    """One series: lines between neighbouring scores (a missing one breaks it), and markers."""
    parts = []
    for number in range(1, len(scores)):
        a, b = scores[number - 1], scores[number]
        if a is not None and b is not None:
            parts.append(
                f'<line x1="{x(number - 1):.1f}" y1="{y(a):.1f}" x2="{x(number):.1f}" '
                f'y2="{y(b):.1f}" stroke="{colour}" stroke-width="1.6"{dash}/>'
            )
    for number, score in enumerate(scores):
        if score is None:
            continue
        if square:
            parts.append(
                f'<rect x="{x(number) - 2.5:.1f}" y="{y(score) - 2.5:.1f}" width="5" height="5" '
                f'fill="#fff" stroke="{colour}" stroke-width="1.4"/>'
            )
        else:
            parts.append(
                f'<circle cx="{x(number):.1f}" cy="{y(score):.1f}" r="2.6" fill="{colour}"/>'
            )
    return parts
