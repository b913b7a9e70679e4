"""The routine being built, as a list: each exercise with its dose, wrapped to the list's width."""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.catalogue import Draft, draft_seconds
from tui.model import Catalogue, about_minutes, dose_text, plural
from tui.widgets.keys import with_keys

EMPTY = "Nothing yet: add exercises from the list on the right."
"""What the list says before it has any exercise."""


class DraftItems(OptionList):
    """The exercises of a draft routine, numbered, each with its dose; its size underneath."""

    def show(self, catalogue: Catalogue, draft: Draft, highlight: int | None) -> None:
        """Show ``draft``'s items with the cursor on ``highlight``; the count and minutes below.

        An exercise no longer in the catalogue is listed by its id, with how to remove it.
        """
        options = []
        width = max(20, (self.size.width or 44) - 3)
        for number, item in enumerate(draft.items, 1):
            if item.exercise in catalogue.exercises:
                name = catalogue.exercise(item.exercise).name
                dose = dose_text(catalogue.dose_for(item))
            else:
                remove = with_keys(self, "{key:builder.remove}")
                name, dose = item.exercise, f"no longer in the catalogue: remove it with {remove}"
            lines = textwrap.wrap(dose, width, initial_indent="   ", subsequent_indent="   ")
            prompt = Content.assemble((f"{number}. {name}", "bold"), "\n", "\n".join(lines))
            options.append(Option(prompt))
        if not options:
            options.append(Option(EMPTY, disabled=True))
        self.set_options(options)
        self.highlighted = highlight if draft.items else None
        count = len(draft.items)
        about = about_minutes(draft_seconds(catalogue, draft))
        self.border_subtitle = f"{plural(count, 'exercise')}, {about}" if count else ""
