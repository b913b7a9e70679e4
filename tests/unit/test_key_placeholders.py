"""Keys named in help and hints: the formatter, the placeholders, each naming a binding."""

from __future__ import annotations

import inspect
import pkgutil
import re
from importlib import import_module
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.screen import Screen

import tui
import tui.screens
from tui.app import LumbarApp
from tui.widgets.keys import PLACEHOLDER, fill_keys, joined, key_text, placeholder_ids

KEYS = {"a.one": ["n", "escape"], "a.two": ["escape", "q", "question_mark", "f1"], "a.x": ["x"]}


def screens_with_help() -> list[type[Screen[object]]]:
    """Every screen class of lumbar that has its own help text."""
    found = []
    for module in pkgutil.iter_modules(tui.screens.__path__):
        for value in vars(import_module(f"tui.screens.{module.name}")).values():
            if inspect.isclass(value) and issubclass(value, Screen) and "HELP" in vars(value):
                found.append(value)
    return sorted(set(found), key=lambda cls: cls.__qualname__)


def binding_ids(cls: type[object]) -> set[str]:
    """The ids of the bindings a class declares, its bases' included."""
    return {
        binding.id
        for klass in cls.__mro__
        for binding in Binding.make_bindings(vars(klass).get("BINDINGS", []))
        if binding.id
    }


def every_binding_id() -> set[str]:
    """Every binding id of every screen and of the app."""
    ids = binding_ids(LumbarApp)
    for cls in screens_with_help():
        ids |= binding_ids(cls)
    return ids


@pytest.mark.parametrize(
    ("key", "long", "short"),
    [
        ("enter", "Enter", "Enter"),
        ("escape", "Escape", "Esc"),
        ("space", "Space", "Space"),
        ("ctrl+s", "Ctrl+S", "Ctrl+S"),
        ("shift+up", "Shift+Up", "Shift+Up"),
        ("question_mark", "?", "?"),
        ("exclamation_mark", "!", "!"),
        ("plus", "+", "+"),
        ("minus", "-", "-"),
        ("f1", "F1", "F1"),
        ("q", "q", "q"),
        ("right", "Right", "Right"),
    ],
)
def test_a_key_is_spelled_as_the_text_around_it_reads(key: str, long: str, short: str) -> None:
    assert key_text(key) == long
    assert key_text(key, short=True) == short


def test_keys_are_joined_with_or_and_commas() -> None:
    assert joined(["a"]) == "a"
    assert joined(["a", "b"]) == "a or b"
    assert joined(["a", "b", "c"]) == "a, b or c"
    assert joined(["a", "b", "c"], " / ") == "a / b / c"


def test_placeholders_are_filled_plain_bold_slashed_and_cut() -> None:
    assert fill_keys("{key:a.one} and {keys:a.one}", KEYS.__getitem__) == "n and n or Escape"
    assert fill_keys("**{keys:a.two}** closes", KEYS.__getitem__) == (
        "**Escape**, **q**, **?** or **F1** closes"
    )
    assert fill_keys("**{keys:a.one|/}**", KEYS.__getitem__) == "**n** / **Escape**"
    assert fill_keys("{keys:a.one|/}", KEYS.__getitem__, short=True) == "n / Esc"
    assert fill_keys("**{keys:a.two|2}**", KEYS.__getitem__) == "**Escape** or **q**"
    assert fill_keys("no keys {here}", KEYS.__getitem__) == "no keys {here}"


def test_an_unknown_id_is_an_error() -> None:
    with pytest.raises(KeyError):
        fill_keys("{key:a.gone}", KEYS.__getitem__)


def test_the_help_texts_name_keys_only_through_placeholders() -> None:
    assert len(screens_with_help()) >= 10
    assert sum(bool(placeholder_ids(cls.HELP or "")) for cls in screens_with_help()) >= 10


@pytest.mark.parametrize("screen", screens_with_help(), ids=lambda cls: cls.__qualname__)
def test_every_placeholder_in_a_help_names_a_binding_of_its_screen_or_the_app(
    screen: type[Screen[object]],
) -> None:
    known = binding_ids(screen) | binding_ids(LumbarApp)
    for binding_id in placeholder_ids(screen.HELP or ""):
        assert binding_id in known, f"{screen.__qualname__}.HELP names no binding {binding_id!r}"


def test_every_placeholder_in_the_code_names_a_binding() -> None:
    known = every_binding_id()
    source = Path(tui.__file__).parent
    named = {
        (path.name, match["id"])
        for path in source.rglob("*.py")
        if path.name != "keys.py"  # its docstring shows the placeholders
        for match in PLACEHOLDER.finditer(path.read_text(encoding="utf-8"))
    }
    assert len(named) > 40
    assert {(name, binding_id) for name, binding_id in named if binding_id not in known} == set()


def test_no_help_text_types_a_key_its_screen_binds() -> None:
    """A bold key in a help that one of its screen's bindings has must be a placeholder.

    (Tab, Enter in a text box and the like are Textual's own keys, which no keymap remaps.)
    """
    for screen in screens_with_help():
        ours = {
            key_text(binding.key)
            for klass in screen.__mro__
            if klass.__module__.startswith("tui.")
            for binding in Binding.make_bindings(vars(klass).get("BINDINGS", []))
        }
        typed = set(re.findall(r"\*\*([^*{}]+)\*\*", screen.HELP or ""))
        assert typed & ours == set(), screen.__qualname__
