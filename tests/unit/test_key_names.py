"""Keys drawn without Textual's Unicode name look-up: always as Textual itself draws them."""

from __future__ import annotations

import inspect
import pkgutil
import string
from importlib import import_module

import pytest
from textual.app import App
from textual.binding import Binding
from textual.keys import format_key

import tui.screens
import tui.widgets
from tui.app import LumbarApp
from tui.widgets.key_names import ASCII_KEYS, key_character, key_display


def every_binding() -> list[Binding]:
    """Every binding the app, its screens and its widgets declare."""
    classes: set[type[object]] = {LumbarApp}
    for package in (tui.screens, tui.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            for value in vars(import_module(f"{package.__name__}.{module.name}")).values():
                if inspect.isclass(value) and value.__module__.startswith("tui."):
                    classes.add(value)
    return [
        binding
        for cls in classes
        for klass in cls.__mro__
        for binding in Binding.make_bindings(vars(klass).get("BINDINGS", []))
    ]


def test_every_printable_ascii_character_but_letters_and_digits_has_its_key() -> None:
    assert sorted(ASCII_KEYS.values()) == sorted(string.punctuation)


@pytest.mark.parametrize("key", sorted(ASCII_KEYS))
def test_a_key_of_an_ascii_character_is_drawn_as_textual_draws_it(key: str) -> None:
    assert key_character(key) == format_key(key)


@pytest.mark.parametrize(
    "key", [*string.ascii_letters, *string.digits, *(f"f{n}" for n in range(1, 25)), "F1"]
)
def test_a_letter_a_digit_or_a_function_key_is_drawn_as_textual_draws_it(key: str) -> None:
    assert key_character(key) == format_key(key)


def test_lumbar_binds_keys() -> None:
    """The next test has something to compare (the app, its screens and widgets)."""
    assert len(every_binding()) > 50


def test_every_key_lumbar_binds_is_drawn_as_textual_draws_it(app: LumbarApp) -> None:
    """Modifiers, key_display and all: the same text as ``App.get_key_display``."""
    bindings = every_binding()
    assert [app.get_key_display(b) for b in bindings] == [
        App.get_key_display(app, b) for b in bindings
    ]


def test_a_binding_with_a_key_display_keeps_it() -> None:
    assert key_display(Binding("ctrl+q", "quit", key_display="Quit!")) == "Quit!"
