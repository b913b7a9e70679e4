"""Keys named in words, taken from the bindings: what help prose and hints say to press.

Text that names a key writes a placeholder instead of the key, and :func:`fill_keys` puts in the
key the binding has now (a keymap set with ``App.set_keymap`` included), so the words cannot
drift from what the keys do:

- ``{key:player.end}``: the binding's first key (``q``);
- ``{keys:confirm.no}``: all its keys (``n or Escape``; three or more: ``a, b or c``);
- ``{keys:player.next|/}``: joined with a slash instead (``n / Right``);
- ``{keys:summary.close|2}``: its first two keys only (``Enter or Escape``);
- ``**{keys:confirm.no}**``: each key in bold (``**n** or **Escape**``), for Markdown.

Keys are spelled as the text around them reads (``Enter``, ``Escape``, ``Ctrl+S``, ``Space``,
``?``), not as the footer draws them (``⏎``, ``^s``): the footer's glyphs are
``App.get_key_display``'s, and read badly in a sentence. Hints short of room say ``Esc``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from tui.widgets.key_names import key_character

PLACEHOLDER = re.compile(
    r"(?P<bold>\*\*)?\{(?P<kind>keys?):(?P<id>[\w.-]+)(?:\|(?P<options>[^}]*))?\}(?P<end>\*\*)?"
)
"""``{key:ID}`` or ``{keys:ID|options}``, perhaps in bold: see the module's docstring."""

WORDS = {
    "escape": "Escape",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "delete": "Delete",
    "backspace": "Backspace",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "home": "Home",
    "end": "End",
    "pageup": "Page Up",
    "pagedown": "Page Down",
}
"""Keys whose names are words, as a sentence spells them."""
SHORT_WORDS = {**WORDS, "escape": "Esc"}
"""The same, where a hint is short of room."""


def key_text(key: str, *, short: bool = False) -> str:
    """One key as text says it: ``Enter``, ``Escape`` (``Esc`` if short), ``Ctrl+S``, ``?``."""
    *modifiers, name = key.split("+") if len(key) > 1 else [key]
    words = SHORT_WORDS if short else WORDS
    shown = words.get(name) or key_character(name)
    if len(shown) > 1 or modifiers:
        shown = shown[0].upper() + shown[1:]
    return "+".join([*(modifier.capitalize() for modifier in modifiers), shown])


def joined(words: list[str], joiner: str = " or ") -> str:
    """``a``, ``a or b``, ``a, b or c``; with any other joiner, ``a / b / c``."""
    if joiner != " or " or len(words) < 3:
        return joiner.join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


def declared_bindings(node: DOMNode) -> list[Binding]:
    """Every binding a node's class declares, its base classes' too, as Textual merges them.

    The class's own come first, then its bases' (Textual's own, such as Tab, last); a key a
    subclass binds again replaces the base's bindings for that key; one class may bind a key
    twice (Enter counts a rep or starts an exercise: ``check_action`` lets one work at a time).
    Textual's system bindings (such as ctrl+c to explain how to quit) are left out.
    """
    by_key: dict[str, tuple[int, list[Binding]]] = {}
    for depth, cls in reversed(list(enumerate(type(node).__mro__))):
        declared: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            declared.setdefault(binding.key, []).append(binding)
        for key, bindings in declared.items():
            by_key[key] = (depth, bindings)
    ordered = sorted(by_key.values(), key=lambda pair: pair[0])  # stable: declared order kept
    return [binding for _, bindings in ordered for binding in bindings if not binding.system]


def keymap_of(app: App[Any]) -> Mapping[str, str]:
    """The keymap the app was given (binding id to keys), or none.

    Textual keeps its keymap to itself, so lumbar's app records the one it is given in a
    ``keymap`` attribute; an app without one has no keys remapped.
    """
    keymap = getattr(app, "keymap", None)
    return keymap if isinstance(keymap, Mapping) else {}


def bound_keys(app: App[Any], node: DOMNode, binding_id: str) -> list[str]:
    """The keys of the binding ``binding_id`` of ``node`` (or else of the app), keymap first.

    Raises LookupError if neither declares a binding of that id.
    """
    declared = [b.key for source in (node, app) for b in declared_bindings(source)
                if b.id == binding_id]  # fmt: skip
    if not declared:
        raise LookupError(f"no binding has the id {binding_id!r}")
    return keymap_keys(app, binding_id) or declared


def keymap_keys(app: App[Any], binding_id: str) -> list[str]:
    """The keys the app's keymap gives ``binding_id``; none if it does not remap it."""
    keys = keymap_of(app).get(binding_id, "")
    return [key.strip() for key in keys.split(",") if key.strip()]


def fill_keys(text: str, keys_of: Callable[[str], list[str]], *, short: bool = False) -> str:
    """``text`` with each placeholder replaced by the keys ``keys_of`` gives for its id."""

    def keys(match: re.Match[str]) -> str:
        options = match["options"] or ""
        count = 1 if match["kind"] == "key" else int("".join(filter(str.isdigit, options)) or 0)
        found = keys_of(match["id"])
        names = [key_text(key, short=short) for key in (found[:count] if count else found)]
        bold = bool(match["bold"] and match["end"])
        if bold:
            names = [f"**{name}**" for name in names]
        around = ("", "") if bold else (match["bold"] or "", match["end"] or "")
        return around[0] + joined(names, " / " if "/" in options else " or ") + around[1]

    return PLACEHOLDER.sub(keys, text)


def placeholder_ids(text: str) -> list[str]:
    """The binding ids the placeholders in ``text`` name, in order."""
    return [match["id"] for match in PLACEHOLDER.finditer(text)]


def with_keys(node: DOMNode, text: str, *, short: bool = False) -> str:
    """``text`` with its placeholders filled from the bindings of ``node``'s screen and app."""
    screen = node if isinstance(node, Screen) else node.screen
    return fill_keys(text, lambda binding_id: bound_keys(node.app, screen, binding_id), short=short)


def key_hints(node: DOMNode, bindings: Iterable[BindingType]) -> str:
    """``y / Enter: End it    n / Esc: Go on``: ``bindings``, one entry per binding id.

    The keys are those the bindings of ``node``'s screen have now (a keymap included).
    """
    screen = node if isinstance(node, Screen) else node.screen
    labels: dict[str, str] = {}
    keys: dict[str, list[str]] = {}
    for binding in Binding.make_bindings(bindings):
        group = binding.id or binding.action
        labels.setdefault(group, binding.description)
        if binding.id is None:
            keys.setdefault(group, []).append(binding.key)
        else:
            keys[group] = bound_keys(node.app, screen, binding.id)
    return "    ".join(
        f"{' / '.join(key_text(key, short=True) for key in keys[group])}: {labels[group]}"
        for group in labels
    )


def remapped(app: App[Any], bindings: Iterable[Binding]) -> list[Binding]:
    """``bindings`` with the keys the app's keymap gives their ids, in the same order."""
    done: set[str] = set()
    result: list[Binding] = []
    for binding in bindings:
        binding_id = binding.id or ""
        keys = keymap_keys(app, binding_id) if binding_id else []
        if not keys:
            result.append(binding)
        elif binding_id not in done:
            done.add(binding_id)
            result += [binding.with_key(key=key, key_display=None) for key in keys]
    return result
