"""Continue the unfinished session: the offer on the first screen, and the session made ready.

Which session may continue is the history's rule (:mod:`tui.history.resumable`); how it plays
on is the session's (:mod:`tui.session.resume`). Here the two meet the user's store and
settings, for the app and its offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding

from tui.catalogue import alone
from tui.history import passed_gates, plans_for, unfinished
from tui.messages import ResumeSession
from tui.model import Session
from tui.screens.dialogs import YesNo
from tui.store import StoreError

if TYPE_CHECKING:
    from tui.screens.starting import SessionHost
    from tui.session import SessionParts

NOTHING_TO_CONTINUE = (
    "There is no unfinished session to continue: only the latest session, stopped part-way "
    "today, can be."
)


@dataclass(frozen=True)
class Ready:
    """The unfinished session, ready to play on: its parts, where it goes on, the pain limit."""

    session: Session
    parts: SessionParts
    where: str
    """Where it goes on, in words: ``Bird dog (exercise 3 of 8), set 2 of 3``."""
    threshold: int
    hurt: tuple[str, ...] = ()
    """The names of the exercises that hurt before it stopped."""


def ready_to_resume(app: SessionHost) -> Ready | str:
    """The latest session made ready to continue, or why it cannot be, in one sentence.

    Reads the store (a StoreError goes to the caller); saves go to the app's saver. The session
    engine is imported only once there is a session to continue: the offer looks on every start.
    """
    catalogue, store = app.catalogue, app.store
    settings = store.settings()
    threshold = settings.pain_threshold
    found = unfinished(
        catalogue,
        store.sessions(),
        app.wall().date(),
        alone=alone,
        state=store.roadmap_state(),
        threshold=threshold,
    )
    if found is None:
        return NOTHING_TO_CONTINUE
    if found.routine is None:
        return found.why_not or NOTHING_TO_CONTINUE
    from tui.screens.starting import session_parts
    from tui.session import ResumedEngine, ResumeError, where_text

    plans = plans_for(catalogue, found.routine, found.earlier, threshold)
    try:
        passed = passed_gates(found.earlier, settings)
        parts = session_parts(
            app, found.routine, plans, settings, resuming=found.session, passed=passed
        )
    except ResumeError as error:
        return f"The unfinished session cannot be continued: {error}."
    engine = parts.engine
    assert isinstance(engine, ResumedEngine)  # build_session makes one when resuming
    names = {exercise.index: exercise.name for exercise in engine.timeline.exercises}
    hurt = tuple(names[i] for i, result in enumerate(found.session.exercises) if result.hurt)
    where = where_text(engine.timeline, engine.point)
    return Ready(found.session, parts, where, threshold, hurt)


def offer_text(ready: Ready) -> str:
    """What the offer says: which routine, where it stopped, that it goes on in one record.

    When an exercise hurt before it stopped, a caution says so first.
    """
    session = ready.session
    when = session.stopped_at.strftime("%H:%M")
    text = (
        f"{session.routine_name} stopped at {when}. It goes on from {ready.where}, "
        "and is kept as one session with what you did before."
    )
    if ready.hurt:
        text += (
            f"\n\n{', '.join(ready.hurt)} hurt earlier in this session. If anything hurts "
            "again, stop: press ! and leave it for today."
        )
    return text


class ResumeOffer(YesNo):
    """Offer to continue the unfinished session; True continues it, False leaves it as it is."""

    HELP = """\
## Continue your session?

Your latest session stopped part-way today (the link dropped, lumbar closed, or you ended it).
**{keys:resume.yes}** continues it where it stopped, into the same session;
**{keys:resume.no}** leaves it as it is (you can still continue it today with `lumbar resume`).
"""
    BINDINGS = [
        Binding("enter", "answer(True)", "Continue", id="resume.yes", tooltip="Go on from there"),
        Binding("escape", "answer(False)", "Not now", id="resume.no", tooltip="Leave it stopped"),
    ]

    def __init__(self, ready: Ready) -> None:
        """Offer to continue the session made ``ready``."""
        super().__init__("Continue your session?", offer_text(ready))


def find_and_offer(app: App[Any], host: SessionHost) -> None:
    """On a worker's thread: find the unfinished session, and if there is one, offer it.

    Yes posts :class:`~tui.messages.ResumeSession` for the app; no leaves the session as it is.
    """

    def chosen(yes: bool | None) -> None:
        if yes:
            app.post_message(ResumeSession())

    def show(ready: Ready) -> None:
        if len(app.screen_stack) == 1:  # nothing opened meanwhile: a routine, a dialog
            app.push_screen(ResumeOffer(ready), chosen)

    try:
        found = ready_to_resume(host)
    except StoreError:  # the app's own check of the file reports it; no offer meanwhile
        return
    if not isinstance(found, str):
        app.call_from_thread(show, found)
