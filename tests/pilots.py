"""The app set up for Pilot and snapshot tests: on a fake clock, with a history, listened to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tests.fakes import FakeClock
from tui.app import LumbarApp, make_app
from tui.model.catalogue import Catalogue
from tui.model.records import Session
from tui.store.store import Store


def app_on(
    catalogue: Catalogue,
    store: Store,
    clock: FakeClock | None = None,
    *,
    history: Iterable[Session] = (),
    **options: Any,
) -> LumbarApp:
    """The app on a fake clock (a new one by default: Saturday 1 March 2025, 09:00 UTC).

    ``history`` is saved to the store first; ``options`` go to the app factory (``play=``...).
    """
    clock = clock or FakeClock()
    for session in history:
        store.save_session(session)
    return make_app(catalogue, store, clock=clock, wall=clock.wall, **options)


@dataclass(frozen=True)
class Notice:
    """One notification the app showed."""

    message: str
    title: str
    severity: str


def notifications(app: LumbarApp) -> list[Notice]:
    """Every notification the app shows from now on (they are still shown, as usual).

    Every notification, a screen's or a widget's too, passes through ``App.notify``.
    """
    shown: list[Notice] = []
    notify = app.notify

    def keep(message: str, **kwargs: Any) -> None:
        title, severity = kwargs.get("title", ""), kwargs.get("severity", "information")
        shown.append(Notice(message, title, severity))
        notify(message, **kwargs)

    app.notify = keep  # type: ignore[method-assign]
    return shown
