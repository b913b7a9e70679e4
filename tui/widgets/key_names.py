"""Keys drawn as Textual draws them, without its look-up of Unicode names where the answer is known.

Textual's ``format_key`` looks every key up in Python's Unicode name database
(``unicodedata.lookup``), even ``s``, which names no character: the first look-up alone brings
about 0.3 MB of that module's tables into memory, and the keys of the player and its pain check
0.7 MB, for answers known in advance. A key of one character is that character; a key that names
a printable ASCII character (``question_mark``, ``plus``) is that character; a function key
(``f1``) names none. Any other key is Textual's to draw. The tests hold every key lumbar binds,
and every key of a printable ASCII character, to Textual's own drawing.
"""

from __future__ import annotations

import re

from textual.binding import Binding
from textual.keys import format_key

ASCII_KEYS = {
    "exclamation_mark": "!",
    "quotation_mark": '"',
    "number_sign": "#",
    "dollar_sign": "$",
    "percent_sign": "%",
    "ampersand": "&",
    "apostrophe": "'",
    "left_parenthesis": "(",
    "right_parenthesis": ")",
    "asterisk": "*",
    "plus": "+",
    "comma": ",",
    "minus": "-",
    "full_stop": ".",
    "slash": "/",
    "colon": ":",
    "semicolon": ";",
    "less_than_sign": "<",
    "equals_sign": "=",
    "greater_than_sign": ">",
    "question_mark": "?",
    "at": "@",
    "left_square_bracket": "[",
    "backslash": "\\",
    "right_square_bracket": "]",
    "circumflex_accent": "^",
    "underscore": "_",
    "grave_accent": "`",
    "left_curly_bracket": "{",
    "vertical_line": "|",
    "right_curly_bracket": "}",
    "tilde": "~",
}
"""Textual's key for each printable ASCII character that is not a letter or a digit."""
FUNCTION_KEY = re.compile(r"[fF]\d{1,2}")
"""``f1`` to ``f24``: no character has such a name."""


def key_character(key: str) -> str:
    """A key (without modifiers) as Textual's ``format_key`` draws it: ``?`` for question_mark."""
    if len(key) == 1 or FUNCTION_KEY.fullmatch(key):
        return key
    return ASCII_KEYS.get(key) or format_key(key)


def key_display(binding: Binding) -> str:
    """A binding's key as ``App.get_key_display`` draws it (``^s``, ``?``, ``⏎``)."""
    if binding.key_display:
        return binding.key_display
    modifiers, key = binding.parse_key()
    key = key_character(key)
    if "ctrl" in modifiers:
        modifiers.remove("ctrl")
        key = f"^{key}"
    return "+".join([*modifiers, key])
