"""The Pilot tests play the bundled catalogue without the moves around holds.

They press keys against holds, rests and lead-ins timed as the articles give them; the moves
into and out of each hold (issue 12) have their own tests (tests/unit/test_movement.py, and
tests/ui/test_player_movement.py on the bundled catalogue as it is).
"""

from __future__ import annotations

import pytest

from tests.helpers import without_movement
from tui.catalogue.load import load_catalogue
from tui.model.catalogue import Catalogue


@pytest.fixture(scope="session")
def catalogue(catalogue: Catalogue) -> Catalogue:
    """The bundled catalogue, every exercise's movement 0 s (so those steps are left out)."""
    return without_movement(catalogue)


@pytest.fixture(scope="session")
def moving() -> Catalogue:
    """The bundled catalogue as it is, moves and all (for the tests of the moves)."""
    return load_catalogue().catalogue
