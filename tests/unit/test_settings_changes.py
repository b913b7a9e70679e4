"""Settings changes: written in the order made, none lost, a failed one tried again."""

from __future__ import annotations

import pytest

from tui.model import Settings
from tui.store import SettingsChanges, StoreError
from tui.store.store import Store


def test_changes_wait_until_written_and_are_seen_meanwhile(store: Store) -> None:
    changes = SettingsChanges(store)
    changes.add(bell=False)
    changes.add(weekly_target=5)
    assert changes.waiting and store.settings() == Settings(warm_up=False)  # as the fixture saved
    assert (changes.current().bell, changes.current().weekly_target) == (False, 5)
    changes.write()
    assert not changes.waiting
    assert (store.settings().bell, store.settings().weekly_target) == (False, 5)


def test_the_last_change_of_a_field_wins_and_a_later_write_has_nothing_to_do(
    store: Store,
) -> None:
    changes = SettingsChanges(store)
    changes.add(theme="nord")
    changes.add(theme="gruvbox")
    changes.write()
    changes.write()  # the second worker finds its change written already
    assert store.settings().theme == "gruvbox"


def test_a_failed_write_keeps_its_changes_for_the_next(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    changes = SettingsChanges(store)
    changes.add(bell=False)
    with monkeypatch.context() as patch:

        def refuse(_: Settings) -> None:
            raise StoreError("locked", store.path)

        patch.setattr(store, "save_settings", refuse)
        with pytest.raises(StoreError):
            changes.write()
    changes.add(warm_up=True)
    assert changes.current().bell is False
    changes.write()
    assert (store.settings().bell, store.settings().warm_up) == (False, True)


def test_an_unknown_field_is_refused_at_once(store: Store) -> None:
    with pytest.raises(TypeError):
        SettingsChanges(store).add(colour="blue")
