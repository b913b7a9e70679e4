"""Saving the routine being built, and leaving the builder without losing changes unasked.

The routine is checked first (:meth:`~tui.catalogue.Draft.routine`): what is missing is said,
and nothing is saved. It is saved off the event loop; the builder closes once it is saved, with
the routine's id for the app to reload the routines. A save that fails is reported by the app,
and the routine stays in the builder, nothing lost. Leaving with changes asks first.
:class:`BuilderSaving` is the base of :class:`~tui.screens.builder.BuilderScreen`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.message import Message
from textual.screen import Screen

from tui.catalogue import Draft, DraftError
from tui.failures import FAILURES, run_in_thread
from tui.messages import Failed
from tui.model import Catalogue, Routine
from tui.screens.dialogs import Confirm
from tui.store import Store, StoreError


class BuilderSaving(Screen[str | None]):
    """Save the draft as a routine, or leave (asking first if it changed)."""

    def __init__(self, catalogue: Catalogue, store: Store, start: Draft) -> None:
        """Save into ``store``; ``start`` is the draft as it was when the builder opened."""
        super().__init__()
        self.catalogue = catalogue
        self.store = store
        self.original = start
        self.draft = start

    def action_save(self) -> None:
        """Check the routine and save it (off the event loop); say what is missing.

        The builder closes once the routine is saved; if the save fails, the app says why and
        the routine stays here, nothing lost.
        """
        try:
            taken = {routine.id for routine in self.store.routines()}
            routine = self.draft.routine(self.catalogue, taken)
        except DraftError as error:
            self.notify(
                "\n".join(error.problems), title="Not saved yet", severity="warning", markup=False
            )
            self.query_one("#name" if not self.draft.name.strip() else "#add-filter").focus()
            return
        except StoreError as error:
            failure = FAILURES["save_routine"]
            self.post_message(Failed(failure.title, error, failure.advice, failure.timeout))
            return
        run_in_thread(self, partial(self.save, routine, self.draft), "save_routine", exclusive=True)

    @dataclass
    class Saved(Message):
        """The routine was saved (posted from a worker's thread), as built from ``draft``."""

        routine: Routine
        draft: Draft

    def save(self, routine: Routine, draft: Draft) -> None:
        """On a worker's thread: save the routine (the store may wait for its lock)."""
        self.store.save_routine(routine)
        self.post_message(self.Saved(routine, draft))

    def on_builder_saving_saved(self, message: Saved) -> None:
        """Say the routine is saved, and close (unless a question is open over the builder)."""
        self.notify(f'Saved "{message.routine.name}".', title="Routine saved", markup=False)
        self.original = message.draft
        if self.is_current:
            self.dismiss(message.routine.id)

    def action_cancel(self) -> None:
        """Leave; ask first if there are changes that would be lost."""
        if self.draft == self.original:
            self.dismiss(None)
            return
        question = "You changed this routine. Leave without saving, and lose the changes?"
        self.app.push_screen(Confirm("Leave without saving?", question), self.leave_if)

    def leave_if(self, leave: bool | None) -> None:
        """Leave if the user said so."""
        if leave:
            self.dismiss(None)
