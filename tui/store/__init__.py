"""The user's file: where it is, atomic writes under a lock, its schema, export and import."""

from __future__ import annotations

from tui.store.changes import (
    SettingsChanges,
)
from tui.store.fhir import export_fhir
from tui.store.paths import (
    ENV_VAR,
    resolve_db_path,
)
from tui.store.pending import keep_unsaved, recover_unsaved, unsaved_dir
from tui.store.saver import (
    SessionSaver,
    SessionStore,
)
from tui.store.storage import (
    StoreError,
    UnusableFileError,
    write_atomic,
)
from tui.store.store import (
    Store,
    check_file,
)
from tui.store.transfer import (
    describe,
    export,
    history_json,
    history_table,
    import_file,
    move_aside,
    sessions_csv,
)

__all__ = [
    "ENV_VAR",
    "SessionSaver",
    "SessionStore",
    "SettingsChanges",
    "Store",
    "StoreError",
    "UnusableFileError",
    "check_file",
    "describe",
    "export",
    "export_fhir",
    "history_json",
    "history_table",
    "import_file",
    "keep_unsaved",
    "move_aside",
    "recover_unsaved",
    "resolve_db_path",
    "sessions_csv",
    "unsaved_dir",
    "write_atomic",
]
