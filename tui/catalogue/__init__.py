"""The content: read, check, cache, search and describe it; custom routines; dose limits.

Parsing and checking the TOML files, and clinicians' prescriptions, are imported when one of
their names is first used: a start reads the catalogue from its cache (start-up time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.catalogue.adjusting import (
    adjust,
    item_parts,
    part_text,
    parts,
)
from tui.catalogue.blocks import (
    Block,
    Description,
)
from tui.catalogue.cache import (
    load_cached_catalogue,
)
from tui.catalogue.custom import (
    NAME_MAX,
    Draft,
    DraftError,
    alone,
    draft_seconds,
    with_custom_routines,
)
from tui.catalogue.describe import (
    dose_reason,
    exercise_description,
    nothing_matches,
    routine_description,
)
from tui.catalogue.files import (
    CatalogueError,
    Loaded,
    bundled_dir,
    user_dir,
)
from tui.catalogue.limits import (
    Largest,
    Part,
    bounds_text,
    hold_extension,
    largest_dose,
    limit_text,
    limits,
)
from tui.catalogue.problems import (
    Problem,
)
from tui.catalogue.search import (
    exercise_matches,
    query_text,
    routine_matches,
)
from tui.model import homes_of, on_first_use

if TYPE_CHECKING:
    from tui.catalogue.load import check_paths
    from tui.catalogue.prescriptions import (
        Installed,
        OnFile,
        PrescriptionRefused,
        active_path,
        check_prescription,
        install,
        read_prescription,
        remove,
        replaced_prescriptions,
    )

__all__ = [
    "NAME_MAX",
    "Block",
    "CatalogueError",
    "Description",
    "Draft",
    "DraftError",
    "Installed",
    "Largest",
    "Loaded",
    "OnFile",
    "Part",
    "PrescriptionRefused",
    "Problem",
    "active_path",
    "adjust",
    "alone",
    "bounds_text",
    "bundled_dir",
    "check_paths",
    "check_prescription",
    "dose_reason",
    "draft_seconds",
    "exercise_description",
    "exercise_matches",
    "hold_extension",
    "install",
    "item_parts",
    "largest_dose",
    "limit_text",
    "limits",
    "load_cached_catalogue",
    "nothing_matches",
    "part_text",
    "parts",
    "query_text",
    "read_prescription",
    "remove",
    "replaced_prescriptions",
    "routine_description",
    "routine_matches",
    "user_dir",
    "with_custom_routines",
]

_NAMES = {
    "tui.catalogue.load": ("check_paths",),
    "tui.catalogue.prescriptions": (
        "Installed",
        "OnFile",
        "PrescriptionRefused",
        "active_path",
        "check_prescription",
        "install",
        "read_prescription",
        "remove",
        "replaced_prescriptions",
    ),
}
"""The names imported when first used, by the module of the package that defines them."""

__getattr__ = on_first_use(__name__, homes_of(_NAMES), globals())
