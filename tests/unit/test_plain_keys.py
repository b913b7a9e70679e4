"""The plain player's keys: one at a time from a terminal, line by line from a pipe."""

from __future__ import annotations

import contextlib
import os
import pty
import termios
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.plain.keys import StreamKeys, decode, decode_line


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    read, write = os.pipe()
    yield read, write
    for fd in (read, write):
        with contextlib.suppress(OSError):  # a test closed it already
            os.close(fd)


def keys_on(fd: int) -> StreamKeys:
    return StreamKeys(os.fdopen(fd, closefd=False))


def test_the_terminal_keys_are_named_as_the_full_player_names_them() -> None:
    assert decode(" \n+-!\x1b[C\x1bOD\x1b") == [
        "space",
        "enter",
        "plus",
        "minus",
        "exclamation_mark",
        "right",
        "left",
        "escape",
    ]


def test_an_unknown_escape_sequence_is_dropped() -> None:
    assert decode("\x1b[15~n") == ["n"]  # F5, then n


def test_an_empty_line_is_enter() -> None:
    assert decode_line("\n") == ["enter"]


def test_each_character_of_a_line_is_a_key() -> None:
    """So the line 10 is 1 then 0: ten at the pain check."""
    assert decode_line("10\n") == ["1", "0"]


def test_a_pipe_gives_its_keys_once_a_line_ends(pipe: tuple[int, int]) -> None:
    read, write = pipe
    keys = keys_on(read)
    os.write(write, b"n")
    assert keys.read(0.01) is None
    os.write(write, b"s\n\n")
    assert [keys.read(1), keys.read(1), keys.read(1)] == ["n", "s", "enter"]


def test_a_closed_pipe_is_the_end_of_input(pipe: tuple[int, int]) -> None:
    read, write = pipe
    keys = keys_on(read)
    os.write(write, b"q")
    os.close(write)
    assert keys.read(1) == "q"  # the last line needs no newline
    with pytest.raises(EOFError):
        keys.read(1)


def test_a_terminal_gives_each_key_without_enter() -> None:
    parent, child = pty.openpty()
    try:
        with keys_on(child) as keys:
            os.write(parent, b"n")
            assert keys.read(1) == "n"
    finally:
        os.close(parent)
        os.close(child)


def test_ctrl_d_on_a_terminal_is_the_end_of_input() -> None:
    parent, child = pty.openpty()
    try:
        with keys_on(child) as keys:
            os.write(parent, b"\x04")
            with pytest.raises(EOFError):
                keys.read(1)
    finally:
        os.close(parent)
        os.close(child)


def test_the_terminal_is_put_back_as_it_was_however_the_player_ends() -> None:
    parent, child = pty.openpty()
    before = termios.tcgetattr(child)
    try:
        with pytest.raises(KeyboardInterrupt), keys_on(child):
            assert termios.tcgetattr(child)[3] != before[3]  # cbreak: no echo, no lines
            raise KeyboardInterrupt
        assert termios.tcgetattr(child) == before
    finally:
        os.close(parent)
        os.close(child)


def test_a_closed_input_is_at_its_end_from_the_start(tmp_path: Path) -> None:
    stream = (tmp_path / "keys.txt").open("w+")
    stream.close()
    with pytest.raises(EOFError):
        StreamKeys(stream).read(0)
