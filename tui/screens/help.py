"""The help screen: the keys of the screen the user came from, its help text, and the advice.

The key tables are built from the bindings themselves (the screen's, then the app's, with any
keymap), and the keys the screen's help text names are filled in from them, so neither can
drift from what the keys do. The safety advice comes from the catalogue, grouped by kind,
with the not-medical-advice note first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Markdown

from tui.model import AdviceKind, Catalogue
from tui.screens.advice import advice_markdown, disclaimer_markdown
from tui.widgets.key_bar import KeyBar
from tui.widgets.keys import declared_bindings, remapped, with_keys

ADVICE_GROUPS: tuple[tuple[str, tuple[AdviceKind, ...]], ...] = (
    ("Pain while you exercise", ("pain",)),
    ("Red flags: stop and get medical help", ("red-flag",)),
    ("When to see a clinician", ("see-clinician",)),
    ("What to avoid, and why", ("avoid",)),
    ("Common mistakes", ("mistake",)),
    ("How often to train", ("frequency",)),
    ("Warm-up and cool-down", ("warm-up", "cool-down")),
    ("Staying active", ("aerobic",)),
    ("Good to know", ("general",)),
)
"""The advice the help screen shows, in this order, under these headings (the disclaimer goes
first, on its own)."""


@dataclass(frozen=True)
class KeyRow:
    """One binding as the help shows it: its keys, what it does and a longer word on it."""

    keys: tuple[str, ...]
    description: str
    tooltip: str


def key_rows(app: App[Any], bindings: Iterable[Binding]) -> list[KeyRow]:
    """One row per binding id (or action), its keys shown as the footer shows them."""
    keys: dict[str, list[str]] = {}
    first: dict[str, Binding] = {}
    for binding in bindings:
        group = binding.id or binding.action
        first.setdefault(group, binding)
        shown = app.get_key_display(binding)
        if shown not in keys.setdefault(group, []):
            keys[group].append(shown)
    return [
        KeyRow(tuple(keys[group]), binding.description or binding.action, binding.tooltip)
        for group, binding in first.items()
    ]


def screen_bindings(screen: Screen[Any]) -> list[Binding]:
    """The bindings of a screen: those it declares, then any other it has now.

    The second part picks up bindings added at run time to the screen itself.
    """
    declared = remapped(screen.app, declared_bindings(screen))
    known = {binding.key for binding in declared}
    extra = [
        active.binding
        for active in screen.active_bindings.values()
        if active.node is screen and active.binding.key not in known and not active.binding.system
    ]
    return declared + extra


def app_bindings(app: App[Any]) -> list[Binding]:
    """The app's bindings: those it declares, then those Textual adds (the command palette)."""
    declared = remapped(app, declared_bindings(app))
    known = {binding.key for binding in declared}
    extra = [
        active.binding
        for active in app.screen.active_bindings.values()
        if active.node is app and active.binding.key not in known and not active.binding.system
    ]
    return declared + extra


def key_line(row: KeyRow) -> str:
    """One key as a Markdown list item: ``- `n` / `→` **Next**: End this step now``."""
    keys = " / ".join(f"`{key.replace('`', chr(39))}`" for key in row.keys)
    more = f": {row.tooltip}" if row.tooltip else ""
    return f"- {keys} **{row.description}**{more}"


def keys_markdown(rows: Iterable[KeyRow], heading: str) -> str:
    """A list of keys under a heading: each key, what it does, and more about it."""
    return "\n".join([f"## {heading}", "", *(key_line(row) for row in rows)])


def safety_markdown(catalogue: Catalogue) -> Iterator[str]:
    """The catalogue's advice, group by group, each item with its sources."""
    for heading, kinds in ADVICE_GROUPS:
        items = [advice for advice in catalogue.advice if advice.kind in kinds]
        if items:
            yield advice_markdown(catalogue, items, heading)


def keys_help_markdown(app: App[Any], screen: Screen[Any], catalogue: Catalogue) -> str:
    """The first part of the help for ``screen``: the note, its keys, the app's keys, its text."""
    parts = [
        disclaimer_markdown(catalogue),
        keys_markdown(key_rows(app, screen_bindings(screen)), "Keys on this screen"),
        keys_markdown(key_rows(app, app_bindings(app)), "Keys everywhere"),
    ]
    text = getattr(screen, "HELP", None)
    if isinstance(text, str) and text.strip():
        parts.append(help_text(screen, text))
    return "\n\n".join(parts)


def help_text(screen: Screen[Any], text: str) -> str:
    """A screen's ``HELP``, stripped, its keys filled in from its bindings and the app's."""
    return with_keys(screen, text.strip())


def advice_help_markdown(catalogue: Catalogue) -> str:
    """The second part of the help: looking after your back, from the catalogue."""
    return "\n\n".join(["# Looking after your back", *safety_markdown(catalogue)])


class HelpScreen(Screen[None]):
    """The keys of the screen below, what it is for, and the safety advice, in one scroll."""

    CSS_PATH = "help.tcss"

    HELP = """\
## Help

Up and down, Page Up and Page Down, Home and End scroll the help. **{keys:help.close}** closes
it and takes you back to where you were.
"""
    BINDINGS = [
        Binding(
            "escape,q,question_mark,f1",
            "close",
            "Close",
            id="help.close",
            tooltip="Back to where you were",
        ),
    ]

    def __init__(self, catalogue: Catalogue, origin: Screen[Any]) -> None:
        """Help for ``origin``, the screen the user asked for help on."""
        super().__init__()
        self.catalogue = catalogue
        self.origin = origin
        self.keys_text = ""
        self.advice_text = advice_help_markdown(catalogue)

    @property
    def markdown(self) -> str:
        """The whole help as Markdown: the keys part, then the advice."""
        return f"{self.keys_text}\n\n{self.advice_text}"

    def compose(self) -> ComposeResult:
        """The help, scrollable, between the header and the keys."""
        self.keys_text = keys_help_markdown(self.app, self.origin, self.catalogue)
        yield Header()
        with VerticalScroll(id="help-pane"):
            yield Markdown(self.keys_text, id="help-text")
            yield Markdown(id="advice-text")
        yield KeyBar()

    def on_mount(self) -> None:
        """Focus the text so the keys scroll it; add the long advice once the keys are shown."""
        self.sub_title = "help: keys and looking after your back"
        self.query_one("#help-pane", VerticalScroll).focus()
        self.call_after_refresh(self.show_advice)

    async def show_advice(self) -> None:
        """Fill in the advice (it takes a moment to lay out, so it comes second)."""
        await self.query_one("#advice-text", Markdown).update(self.advice_text)

    def action_close(self) -> None:
        """Back to where the user was."""
        self.dismiss(None)
