"""Every field that is wrong in a catalogue file, found in one pass.

msgspec stops at the first error of a document, so a file with eight mistakes would need eight
runs of ``lumbar catalogue check``. This walks the raw TOML against the model's types instead:
each table's unknown and missing fields, then each field on its own, and only where every part
of a table is right does it convert the whole table (which also runs the checks a record makes
of itself, such as a dose that mixes stages with counts of its own).
"""

from __future__ import annotations

import typing
from typing import Any

import msgspec

from tui.catalogue.problems import FieldPath, bare_type, split_validation
from tui.model import CatalogueFile, decode_hook

Found = list[tuple[str, FieldPath]]
"""msgspec's messages, each with the whole path of the field it is about."""


def every_error(raw: dict[str, Any]) -> Found:
    """Every validation error in a parsed catalogue file (empty when it decodes)."""
    return _errors(raw, CatalogueFile, ())


def _is_record(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, msgspec.Struct)


def _item_type(kind: Any) -> Any | None:
    """The item type of ``tuple[X, ...]``; None for anything else."""
    args = typing.get_args(kind)
    if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def _errors(value: Any, kind: Any, parts: FieldPath) -> Found:
    """The errors in ``value`` read as ``kind`` at ``parts``: its parts' first, else its own."""
    bare = bare_type(kind)
    found: Found = []
    if isinstance(value, dict) and _is_record(bare):
        fields = {field.encode_name: field for field in msgspec.structs.fields(bare)}
        found += [
            (f"Object contains unknown field `{key}`", parts) for key in value if key not in fields
        ]
        for name, field in fields.items():
            if name in value:
                found += _errors(value[name], field.type, (*parts, name))
            elif field.required:
                found.append((f"Object missing required field `{name}`", parts))
    elif isinstance(value, list) and (item := _item_type(bare)) is not None:
        for index, each in enumerate(value):
            found += _errors(each, item, (*parts, index))
    if found:
        return found
    try:
        msgspec.convert(value, kind, dec_hook=decode_hook, strict=True)
    except msgspec.ValidationError as error:
        message, inner = split_validation(error)
        return [(message, (*parts, *inner))]
    return []


def good_records(
    raw: dict[str, Any], found: Found
) -> tuple[dict[str, Any], dict[str, tuple[int, ...]]] | None:
    """The file without the records that have errors, and where each record kept was.

    None when an error is outside every record (a table lumbar does not know, say).
    """
    bad: set[tuple[str, int]] = set()
    for _, parts in found:
        if len(parts) < 2 or not isinstance(parts[0], str) or not isinstance(parts[1], int):
            return None
        bad.add((parts[0], parts[1]))
    kept = {
        kind: tuple(i for i in range(len(records)) if (kind, i) not in bad)
        for kind, records in raw.items()
        if isinstance(records, list)
    }
    good = {kind: [raw[kind][i] for i in places] for kind, places in kept.items()}
    return good, kept
