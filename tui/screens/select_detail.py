"""What the select screen's detail pane shows: each description made once, and ahead of time.

A cursor move must draw at once (issue 14): the description under the cursor is kept until the
catalogue or the plans change, and the options either side of the cursor are rendered by the
pane while the user reads, so the next move draws lines already made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date

from textual.widgets import OptionList

from tui.catalogue import Description, exercise_description, routine_description
from tui.model import Catalogue, Exercise, ItemPlan, Routine
from tui.widgets.description import DescriptionView


class Described:
    """The descriptions of one catalogue's routines and exercises, with the plans given."""

    def __init__(
        self,
        catalogue: Catalogue,
        plans: Mapping[str, Sequence[ItemPlan]],
        today: Callable[[], date],
    ) -> None:
        """Describe ``catalogue``'s records, a routine with how its items play next (``plans``).

        ``today`` tells whether a prescription's review date has passed.
        """
        self.catalogue = catalogue
        self.plans = plans
        self.today = today
        self._made: dict[tuple[bool, str], Description] = {}

    def __call__(self, record: Routine | Exercise) -> Description:
        """The description of a routine or an exercise, made at the first asking."""
        key = (isinstance(record, Routine), record.id)
        if (found := self._made.get(key)) is None:
            if isinstance(record, Routine):
                plans = self.plans.get(record.id)
                found = routine_description(self.catalogue, record, plans, self.today())
            else:
                found = exercise_description(self.catalogue, record)
            self._made[key] = found
        return found


def neighbours(choices: OptionList, index: int) -> Iterator[str]:
    """The ids of the options just above and below ``index`` (headings have none)."""
    for near in (index - 1, index + 1):
        if 0 <= near < choices.option_count and (option_id := choices.get_option_at_index(near).id):
            yield option_id


def prepare(
    detail: DescriptionView,
    describe: Described,
    records: Mapping[str, Routine | Exercise],
    ids: Iterator[str],
) -> None:
    """Have ``detail`` render the records of these option ids now, for later."""
    for option_id in ids:
        if (record := records.get(option_id)) is not None:
            detail.prepare(describe(record))
