"""One way to report a failure: what each failed piece of work is called, and how it runs.

Anything that may block (every store write, the reads and exports the screens start) runs as a
thread worker of the app, named after one entry of :data:`FAILURES`. The app's one
``Worker.StateChanged`` handler turns a worker's failure into one error notification with that
entry's title and advice; a failure not foreseen here is reported too (as :data:`UNEXPECTED`)
and the app carries on. On success, the work posts a typed message back to whoever asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import App
from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from tui.messages import Failed
from tui.store import StoreError


@dataclass(frozen=True)
class Failure:
    """How one kind of failure is told: a title, what to do next, and how long it shows."""

    title: str
    advice: str = ""
    """A line after the error's own text, saying what to do or what happens next."""
    timeout: float | None = None
    """Seconds on screen (None: Textual's default)."""


FAILURES = {
    "save_safety": Failure("Your answers were not saved"),
    "save_theme": Failure("The theme was not saved"),
    "save_settings": Failure("Settings not saved"),
    "save_routine": Failure(
        "Could not save the routine",
        "Your routine is still here: try again, or Escape to leave it.",
        timeout=15,
    ),
    "delete_routine": Failure("The routine was not deleted"),
    "save_roadmap": Failure("Could not move on"),
    "load_progress": Failure("Could not read your progress"),
    "export_progress": Failure("Could not export", timeout=10),
    "report_progress": Failure("Could not write the report", timeout=10),
    "check_store": Failure("Your data file could not be checked"),
    "plan_next_time": Failure(
        "Could not work out what changes next time",
        "Your session is saved; the next one is planned from it all the same.",
    ),
    "try_speech": Failure("Speech could not be tried", "Sessions go on without it."),
    "plan_routines": Failure(
        "Could not work out your next sessions",
        "The routines show the articles' doses instead.",
    ),
}
"""Each thread worker's failure, by the worker's name."""

UNEXPECTED = Failure(
    "Something went wrong",
    "lumbar carries on; what you did before this is kept.",
    timeout=15,
)
"""A worker failed in a way no one foresaw (a bug): said so, and the app keeps running."""


def failure_of(worker: Worker[object]) -> Failure:
    """How the failure of this worker is told."""
    return FAILURES.get(worker.name, UNEXPECTED)


def run_in_thread(
    node: DOMNode, work: Callable[[], None], name: str, *, exclusive: bool = False
) -> Worker[None]:
    """Run ``work`` on a thread as a worker of the app, so the app reports its failure.

    ``name`` is its entry in :data:`FAILURES` (and its worker group); ``exclusive`` drops a
    result still to come from an earlier worker of the same name.
    """
    if name not in FAILURES:
        raise ValueError(f"no failure is described for worker {name!r}")
    return node.app.run_worker(
        work, name=name, group=name, thread=True, exclusive=exclusive, exit_on_error=False
    )


class ReportsFailures(App[None]):
    """An app with one way to tell a failure: LumbarApp's base.

    A worker that ends in an error, a :class:`~tui.messages.Failed` message from a screen or
    the saver's thread, and any direct call all come to :meth:`report_failure`.
    """

    def report_failure(
        self, title: str, error: BaseException, *, advice: str = "", timeout: float | None = None
    ) -> None:
        """The one way a failure is told: an error notification, its text taken as it is.

        A store error says what went wrong and what to do; anything else is a bug, named by
        its type. Thread-safe (``notify`` posts a message).
        """
        text = str(error) if isinstance(error, StoreError) else f"{type(error).__name__}: {error}"
        if advice:
            text = f"{text}\n{advice}"
        self.notify(text, title=title, severity="error", timeout=timeout, markup=False)

    def session_not_saved(self, error: Exception) -> None:
        """The saver's thread could not save a session: say so (posting is thread-safe)."""
        advice = "lumbar tries again after the next exercise."
        self.post_message(Failed("Your session was not saved", error, advice, timeout=30))

    def on_failed(self, message: Failed) -> None:
        """A screen (or the saver) could not do what was asked: report it."""
        self.report_failure(
            message.title, message.error, advice=message.advice, timeout=message.timeout
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker failed (a store error, or a bug): report it, instead of a traceback."""
        error = event.worker.error
        if event.state == WorkerState.ERROR and error is not None:
            failure = failure_of(event.worker)
            self.report_failure(
                failure.title, error, advice=failure.advice, timeout=failure.timeout
            )
