"""A clinician's prescription as a person sees it: first on select, named on the roadmap.

In 256 colours and in the 16 of ``ansi-dark``; its review date before and after it passed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import FakeClock, app_on, with_example
from tui.model import Catalogue
from tui.store.store import Store

SnapCompare = Any
THEMES = ["textual-dark", "ansi-dark"]
DUE = (
    ("issued = 2026-12-01", "issued = 2025-01-06"),
    ("review = 2027-01-12", "review = 2025-04-14"),
)
"""Issued before the fake clock's day (1 March 2025), its review six weeks on."""
PASSED = (
    ("issued = 2026-12-01", "issued = 2025-01-06"),
    ("review = 2027-01-12", "review = 2025-02-17"),
)
"""Issued and due for review before the fake clock's day."""


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("keys", [[], ["r"]], ids=["select", "roadmap"])
def test_prescription_snapshot(
    snap_compare: SnapCompare,
    catalogue: Catalogue,
    store: Store,
    clock: FakeClock,
    tmp_path: Path,
    theme: str,
    keys: list[str],
) -> None:
    """The prescription first on the select screen with its detail; its line on the roadmap."""
    prescribed = with_example(catalogue, *DUE, at=tmp_path / "prescription.toml")
    app = app_on(prescribed, store, clock)

    async def run_before(pilot: Any) -> None:
        app.theme = theme
        await pilot.press(*keys)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_prescription_review_passed_snapshot(
    snap_compare: SnapCompare,
    catalogue: Catalogue,
    store: Store,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    """Once its review date has passed, the list and the detail say to ask for a review."""
    prescribed = with_example(catalogue, *PASSED, at=tmp_path / "prescription.toml")
    assert snap_compare(app_on(prescribed, store, clock), terminal_size=(80, 24))
