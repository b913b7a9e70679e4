"""Text from a file made safe to show: control characters become visible, never obeyed.

A routine name or a note can come from someone else's file (an export, a shared routine, a
catalogue file). Written to a terminal as it is, an escape sequence inside it would act: set
the clipboard (OSC 52), the window title, clear the screen. lumbar shows every such character
as a visible symbol instead (ESC as ␛, a carriage return as ␍), in the app, the CLI and the
exports. Newlines and tabs stay: they move text, not the terminal.

:func:`visible` does it to a string, :func:`visible_data` to decoded data, and
:func:`visible_json` to JSON bytes before they are decoded (where the characters are escapes).
:func:`controls_as_spaces` blanks them instead, for text sent inside an escape sequence.
"""

from __future__ import annotations

import re
from typing import Any

_KEPT = (0x09, 0x0A)
"""Tab and newline: they lay text out and command nothing."""
REPLACEMENT = "\ufffd"
"""What a C1 control character (U+0080 to U+009F, which some terminals obey) becomes."""


def _shown(code: int) -> str:
    """The visible stand-in for a control character's code."""
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␀ to ␟
    return "\u2421" if code == 0x7F else REPLACEMENT


_TABLE = {
    code: _shown(code) for code in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if code not in _KEPT
}


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def controls_as_spaces(text: str) -> str:
    """``text`` with every control character (ESC, BEL, C1...) as a space.

    Safe inside an escape sequence (a notification, the window title) or as a command's words.
    """
    return _CONTROL.sub(" ", text)


def visible(text: str) -> str:
    """``text`` with every control character but newline and tab shown as a symbol."""
    return text.translate(_TABLE)


def visible_data(data: Any) -> Any:
    """Decoded data (dicts, lists, strings) with every string, keys too, made :func:`visible`."""
    if isinstance(data, str):
        return visible(data)
    if isinstance(data, dict):
        return {visible_data(key): visible_data(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [visible_data(item) for item in data]
    return data


_JSON_ESCAPE = re.compile(rb"\\(?:u([0-9a-fA-F]{4})|(.))", re.DOTALL)
_RAW_CONTROL = re.compile(rb"\x7f|\xc2[\x80-\x9f]")
_SHORT = {b"b": 0x08, b"f": 0x0C, b"r": 0x0D}


def _escape(shown: str) -> bytes:
    return f"\\u{ord(shown):04x}".encode()


def _json_escape(match: re.Match[bytes]) -> bytes:
    hex_code, short = match.groups()
    code = int(hex_code, 16) if hex_code is not None else _SHORT.get(short, -1)
    return _escape(_TABLE[code]) if code in _TABLE else match.group(0)


def _raw_control(match: re.Match[bytes]) -> bytes:
    return _escape(_TABLE[ord(match.group(0).decode())])


def visible_json(document: bytes) -> bytes:
    r"""JSON bytes whose strings, once decoded, hold no control character but newline and tab.

    Escaped ones (``\u001b``, ``\r``) and raw ones (DEL, the C1 range) are rewritten as the
    escapes of their visible symbols; an escaped backslash stays a backslash.
    """
    if b"\\" in document:
        document = _JSON_ESCAPE.sub(_json_escape, document)
    if b"\x7f" not in document and b"\xc2" not in document:
        return document  # nothing for the pattern to find: a byte search is ten times quicker
    return _RAW_CONTROL.sub(_raw_control, document)
