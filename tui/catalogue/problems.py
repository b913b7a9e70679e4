"""Problems found in catalogue files, told as file, line, field and what to do about it."""

from __future__ import annotations

import contextlib
import difflib
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from tui.model import CatalogueFile, plural

Part = str | int
FieldPath = tuple[Part, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
_AT = re.compile(r" - at `\$(?P<path>[^`]*)`$")
_TOKEN = re.compile(r"\.([A-Za-z0-9_\-]+)|\[(\d+)\]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one catalogue file."""

    file: Path
    message: str
    hint: str = ""
    where: str = ""
    line: int | None = None

    def __str__(self) -> str:
        """``file:line: where: message. hint`` — the form editors and people both read."""
        place = f"{self.file}:{self.line}" if self.line else str(self.file)
        where = f" {self.where}:" if self.where else ""
        hint = f" {self.hint}" if self.hint else ""
        return f"{place}:{where} {self.message}.{hint}"


@dataclass(frozen=True)
class Header:
    """A ``[table]`` or ``[[array.of.tables]]`` line in a TOML file."""

    line: int
    is_array: bool
    name: str


def _headers(lines: list[str]) -> list[Header]:
    found = []
    for number, text in enumerate(lines):
        match = _HEADER.match(text)
        if match:
            name = match.group(2).replace('"', "").replace(" ", "")
            found.append(Header(number, match.group(1) == "[[", name))
    return found


def _find_key(lines: list[str], key: str, start: int, stop: int) -> int | None:
    pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*=')
    for number in range(start, stop):
        if pattern.match(lines[number]):
            return number
    return None


def locate(text: str, parts: FieldPath) -> int | None:
    """The 1-based line that best matches a field path such as ``exercise[3].dose.hold``.

    TOML parsers do not keep line numbers, so this walks the table headers and keys of the
    source text; it finds the most specific line it can and never fails.
    """
    lines = text.splitlines()
    headers = _headers(lines)
    start, end, prefix, best = 0, len(lines), "", None
    position = 0
    while position < len(parts):
        name = parts[position]
        if not isinstance(name, str):
            break
        full = f"{prefix}.{name}" if prefix else name
        index = parts[position + 1] if position + 1 < len(parts) else None
        inside = [h for h in headers if start <= h.line < end]
        if isinstance(index, int):
            tables = [h for h in inside if h.is_array and h.name == full]
            step = 2
        else:
            tables = [h for h in inside if not h.is_array and h.name == full]
            index, step = 0, 1
        if index < len(tables):
            start = tables[index].line
            best = start + 1
            after = [h.line for h in inside if h.line > start and not h.name.startswith(full + ".")]
            end = min(after, default=end)
            prefix = full
            position += step
            continue
        first_sub = min((h.line for h in inside if h.line > start), default=end)
        key_line = _find_key(lines, name, start, first_sub if best is not None else end)
        if key_line is not None:
            best = key_line + 1
        break
    return best


def parse_path(text: str) -> FieldPath:
    """Turn msgspec's ``.exercise[0].dose`` into ``("exercise", 0, "dose")``."""
    return tuple(name if name else int(index) for name, index in _TOKEN.findall(text))


def describe_path(parts: FieldPath, raw: Any) -> str:
    """Say where a field is in words: ``exercise "bird-dog", field dose.hold``."""
    if len(parts) < 2 or not isinstance(parts[1], int):
        return f"field {format_parts(parts)}" if parts else ""
    kind, index, rest = parts[0], parts[1], parts[2:]
    record_id = None
    with contextlib.suppress(KeyError, IndexError, TypeError, AttributeError):
        record_id = raw[kind][index].get("id")
    label = f'{kind} "{record_id}"' if isinstance(record_id, str) else f"{kind} #{index + 1}"
    return f"{label}, field {format_parts(rest)}" if rest else label


def format_parts(parts: FieldPath) -> str:
    """``("items", 2, "dose")`` as ``items[2].dose``."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def bare_type(kind: Any) -> Any:
    """Strip ``Annotated``, ``| None`` and ``tuple[X, ...]`` down to the inner type."""
    while True:
        origin = typing.get_origin(kind)
        if origin is typing.Annotated:
            kind = typing.get_args(kind)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(kind) if a is not type(None)]
            kind = options[0] if len(options) == 1 else kind
            if len(options) != 1:
                return kind
        else:
            return kind


def type_at(parts: FieldPath) -> Any:
    """The model type found at a field path, starting from a whole catalogue file."""
    kind: Any = CatalogueFile
    for part in parts:
        kind = bare_type(kind)
        if isinstance(part, int):
            args = typing.get_args(kind)
            kind = args[0] if args else kind
            continue
        if not (isinstance(kind, type) and issubclass(kind, msgspec.Struct)):
            return None
        fields = {f.name: f.type for f in msgspec.structs.fields(kind)}
        if part not in fields:
            return None
        kind = fields[part]
    return bare_type(kind)


def _field_names(kind: Any) -> list[str]:
    if isinstance(kind, type) and issubclass(kind, msgspec.Struct):
        return [f.name for f in msgspec.structs.fields(kind)]
    return []


_WORDS = {
    "`int`": "a whole number",
    "`str`": "text in quotes",
    "`bool`": "true or false",
    "`array`": "an array [...]",
    "`object`": "a table",
    "`float`": "a decimal number",
    "`null`": "nothing",
}


def _plain(message: str) -> str:
    for word, plain in _WORDS.items():
        message = message.replace(word, plain)
    return message


def explain_validation(message: str, parts: FieldPath) -> tuple[str, str, FieldPath]:
    """Turn a msgspec validation message into (what is wrong, what to do, exact field path)."""
    unknown = re.match(r"Object contains unknown field `(.+)`", message)
    if unknown:
        name = unknown.group(1)
        allowed = _field_names(type_at(parts))
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = f"Did you mean `{close[0]}`? " if close else ""
        hint += f"Allowed fields here: {', '.join(allowed)}." if allowed else "Remove it."
        return f"unknown field `{name}`", hint, (*parts, name)
    missing = re.match(r"Object missing required field `(.+)`", message)
    if missing:
        name = missing.group(1)
        return f"required field `{name}` is missing", f"Add `{name} = ...`.", parts
    if message.startswith("Invalid enum value"):
        kind = type_at(parts)
        allowed = [repr(a).replace("'", '"') for a in typing.get_args(kind)]
        return (
            message.replace("Invalid enum value", "not an allowed value"),
            (f"Use one of: {', '.join(allowed)}." if allowed else ""),
            parts,
        )
    if "matching regex" in message:
        if "\\d{4}" in message:
            return "not a date", "Write it as YYYY-MM-DD.", parts
        return (
            "not a valid id",
            "Ids are kebab-case: lowercase letters and digits joined by single hyphens, "
            'like "bird-dog".',
            parts,
        )
    length = re.match(r"Expected `(str|array)` of length ([<>]=) (\d+)", message)
    if length:
        what, sign, size = length.groups()
        if what == "str" and sign == "<=":
            return (
                f"too long (more than {size} characters)",
                "Keep each cue short enough to read from the mat; split it into two steps.",
                parts,
            )
        if sign == ">=":
            noun, nouns = ("character", None) if what == "str" else ("entry", "entries")
            return f"must have at least {plural(int(size), noun, nouns)}", "", parts
    bounds = re.match(r"Expected `int` (>=|<=) (-?\d+)", message)
    if bounds:
        sign, limit = bounds.groups()
        wording = "at least" if sign == ">=" else "at most"
        return f"must be {wording} {limit}", "Use a value within the limits.", parts
    return _plain(message), "", parts


def split_validation(error: msgspec.ValidationError) -> tuple[str, FieldPath]:
    """Split msgspec's ``message - at `$.path``` into the message and the path parts."""
    text = str(error)
    match = _AT.search(text)
    if not match:
        return text, ()
    return text[: match.start()], parse_path(match.group("path"))
