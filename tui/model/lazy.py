"""A package facade whose names are imported on first use (start-up time and memory).

Used as ``__getattr__ = on_first_use(__name__, HOMES, globals())`` in a package's ``__init__``:
a name in ``HOMES`` is imported from its module when first asked for, then kept in the
package, so the modules that define it are loaded only by the code that needs them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def on_first_use(
    package: str, homes: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports each name of ``homes`` from its module when asked."""

    def __getattr__(name: str) -> object:
        """Import the module that defines ``name`` on first use, and keep the name here."""
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        namespace[name] = value
        return value

    return __getattr__


def homes_of(names: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Each name's module, from the names each module exports (``on_first_use``'s ``homes``)."""
    return {name: module for module, exported in names.items() for name in exported}
