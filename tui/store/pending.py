"""Sessions that could not be saved as lumbar closed, kept beside the data file until they can.

Another lumbar may hold the data file's lock when this one ends (an import or an export
running): the saver waits for it and tries again, but if the lock is still held, the last
snapshots of the session would be lost. They are written instead, each on its own, into a
folder beside the data file (``lumbar.json.unsaved/``), and added to the file the next time
lumbar starts (a snapshot never replaces a stored copy of its session that holds more).
Nothing here imports Textual.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

import msgspec

from tui.model import Session, visible_json
from tui.store.storage import StoreError, write_atomic
from tui.store.store import Store, from_document, to_document


def unsaved_dir(path: Path) -> Path:
    """The folder beside the data file at ``path`` where unsaved sessions wait."""
    return path.with_name(path.name + ".unsaved")


def keep_unsaved(path: Path, sessions: Iterable[Session]) -> Path:
    """Write each session to the folder beside the data file; the folder (StoreError if not)."""
    folder = unsaved_dir(path)
    for session in sessions:
        write_atomic(folder / f"{session.id}.json", msgspec.json.encode(to_document(session)))
    return folder


def recover_unsaved(store: Store) -> int:
    """Add the sessions kept beside ``store``'s file to it; how many were added.

    Each file is removed once its session is in the store. One that cannot be read stays (and
    is left for the user); if the store cannot be written (its lock is busy again), they all
    wait for the next start.
    """
    folder = unsaved_dir(store.path)
    if not folder.is_dir():
        return 0
    added = 0
    for file in sorted(folder.glob("*.json")):
        try:
            document = msgspec.json.decode(visible_json(file.read_bytes()))
            session = from_document(document, Session)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError, RecursionError):
            continue
        stored = store.session(session.id)
        try:
            if stored is None or len(session.exercises) >= len(stored.exercises):
                store.save_session(session)
                added += 1
        except StoreError:
            return added
        file.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()  # only once empty
    return added
