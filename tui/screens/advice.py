"""Advice from the catalogue as Markdown (the not-medical-advice note, advice items); avoid list."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from tui.model import Advice, Catalogue, sources_text
from tui.widgets.key_bar import KeyBar


def advice_markdown(catalogue: Catalogue, items: list[Advice], heading: str) -> str:
    """Advice items under a heading, each with its points and sources."""
    lines = [f"## {heading}"]
    for advice in items:
        urgent = "Emergency: " if advice.emergency else ""
        lines += ["", f"### {urgent}{advice.title}", "", advice.text]
        lines += [f"- {point}" for point in advice.points]
        sources = "; ".join(sources_text(catalogue, advice.sources))
        lines += ["", f"*Source: {sources}*"]
    return "\n".join(lines)


def disclaimer_markdown(catalogue: Catalogue) -> str:
    """The not-medical-advice note, from the catalogue, set apart as a quote."""
    notes = [advice for advice in catalogue.advice if advice.kind == "disclaimer"]
    lines = []
    for note in notes:
        lines += [f"> **{note.title}**", ">", f"> {note.text}", ">"]
    lines.append("> Stop any exercise that causes sharp, shooting or burning pain.")
    return "\n".join(lines)


class AvoidList(ModalScreen[None]):
    """The exercises to avoid and why, and the red flags that mean stop and get help."""

    CSS_PATH = "advice.tcss"

    HELP = "## Avoid list\n\nUp and down scroll; **{keys:avoid.close}** closes it.\n"
    BINDINGS = [
        Binding("escape,a", "close", "Close", id="avoid.close", tooltip="Back to the list"),
    ]

    def __init__(self, catalogue: Catalogue) -> None:
        """Show this catalogue's avoid advice and red flags."""
        super().__init__()
        self.catalogue = catalogue

    def compose(self) -> ComposeResult:
        """The advice, scrollable, and the keys."""
        avoid = [a for a in self.catalogue.advice if a.kind == "avoid"]
        flags = [a for a in self.catalogue.advice if a.kind == "red-flag"]
        text = advice_markdown(self.catalogue, avoid, "What to avoid, and why")
        text += "\n\n" + advice_markdown(self.catalogue, flags, "Stop and get medical help")
        with VerticalScroll(id="advice-pane"):
            yield Markdown(text)
        yield KeyBar()

    def on_mount(self) -> None:
        """Focus the text so the arrow keys scroll it."""
        self.query_one("#advice-pane", VerticalScroll).focus()

    def action_close(self) -> None:
        """Back to where the user was."""
        self.dismiss(None)
