"""The user's file: where it is, atomic writes under a lock, its schema, export and import.

Export, import, the FHIR export and the figures kept between starts are imported only when one
of their names is first used: the app and the player never need them (start-up time and
memory).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model import on_first_use
from tui.store.changes import (
    SettingsChanges,
)
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

if TYPE_CHECKING:
    from tui.store.fhir import export_fhir
    from tui.store.kept import KeptFile
    from tui.store.transfer import (
        describe,
        export,
        history_json,
        history_table,
        import_file,
        move_aside,
        sessions_csv,
    )

_HOME = {
    "export_fhir": "tui.store.fhir",
    "KeptFile": "tui.store.kept",
    **{
        name: "tui.store.transfer"
        for name in (
            "describe",
            "export",
            "history_json",
            "history_table",
            "import_file",
            "move_aside",
            "sessions_csv",
        )
    },
}
"""Where each name imported on first use is defined."""


__getattr__ = on_first_use(__name__, _HOME, globals())


__all__ = [
    "ENV_VAR",
    "KeptFile",
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
