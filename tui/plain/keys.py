"""Keys for the plain player: one at a time from a terminal, or line by line from a pipe.

On a terminal the input is put in cbreak mode (each key arrives as it is pressed, without
Enter, and is not echoed; Ctrl+C still interrupts) and always put back as it was, however the
player ends. Anything else (a pipe, a file, a screen reader's own line editor) is read a line at
a time: each character of a line is a key, and an empty line is Enter. Keys are named as the
full player's bindings name them (``space``, ``enter``, ``plus``, ``right``...). ``read`` waits
at most the time it is given (``select``), so the player never sleeps past a deadline.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import sys
import termios
import time
import tty
from collections import deque
from types import TracebackType
from typing import IO, Any, Protocol

NAMES = {
    " ": "space",
    "+": "plus",
    "-": "minus",
    "!": "exclamation_mark",
    "?": "question_mark",
    "\r": "enter",
    "\n": "enter",
    "\x1b": "escape",
    "\x11": "ctrl+q",
    "\x04": "ctrl+d",
}
"""Keys that are not named by their own character."""
SEQUENCES = {"C": "right", "D": "left", "A": "up", "B": "down"}
"""The final letter of the arrow keys' escape sequences (ESC [ C or ESC O C)."""
ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-9;]*[@-~]|O[@-~])")
END_OF_INPUT = "ctrl+d"
"""Ctrl+D on a terminal in cbreak mode: the end of input, as it is on a line."""


def decode(text: str) -> list[str]:
    """The keys in ``text`` as the terminal sent them (an unknown escape sequence is dropped)."""
    keys: list[str] = []
    index = 0
    text = text.replace("\r\n", "\n")
    while index < len(text):
        sequence = ESCAPE_SEQUENCE.match(text, index)
        if sequence is not None:
            name = SEQUENCES.get(sequence.group()[-1])
            if name is not None:
                keys.append(name)
            index = sequence.end()
            continue
        char = text[index]
        keys.append(NAMES.get(char, char))
        index += 1
    return keys


def decode_line(line: str) -> list[str]:
    """The keys of one line read from a pipe: each character a key; an empty line is Enter."""
    line = line.rstrip("\r\n")
    return decode(line) if line else ["enter"]


class Keys(Protocol):
    """Where the plain player's keys come from."""

    def read(self, timeout: float | None) -> str | None:
        """The next key; None if ``timeout`` seconds pass first; EOFError at the end of input."""


class StreamKeys:
    """Keys from a file descriptor: a terminal in cbreak mode, else lines.

    Use it as a context manager: a terminal is put in cbreak mode on entry and put back as it
    was on exit, whatever ends the player (a key, the end of input, Ctrl+C, a hang-up).
    """

    def __init__(self, stream: IO[str] | None = None) -> None:
        """Read from ``stream`` (standard input by default)."""
        self._saved: list[Any] | None = None
        self._keys: deque[str] = deque()
        self._line = b""
        try:
            self.fd = (stream or sys.stdin).fileno()
        except (AttributeError, ValueError, OSError):  # no input at all (closed): at its end
            self.fd = -1
        self._ended = self.fd < 0
        self.terminal = not self._ended and os.isatty(self.fd)

    def __enter__(self) -> StreamKeys:
        """Put a terminal in cbreak mode (keys without Enter, not echoed)."""
        if self.terminal:
            self._saved = termios.tcgetattr(self.fd)
            tty.setcbreak(self.fd)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Put the terminal back as it was (a terminal that has gone cannot be: no matter)."""
        if self._saved is not None:
            with contextlib.suppress(termios.error, OSError):
                termios.tcsetattr(self.fd, termios.TCSAFLUSH, self._saved)
            self._saved = None

    def read(self, timeout: float | None) -> str | None:
        """The next key; None if ``timeout`` seconds pass first; EOFError at the end of input."""
        deadline = None if timeout is None else time.monotonic() + max(0.0, timeout)
        while not self._keys:
            if self._ended:
                raise EOFError
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                return None
            try:
                data = os.read(self.fd, 1024)
            except OSError:  # the terminal went away (a hang-up): the end of input
                data = b""
            self._take(data)
        key = self._keys.popleft()
        if key == END_OF_INPUT:
            self._keys.clear()
            self._ended = True
            raise EOFError
        return key

    def _take(self, data: bytes) -> None:
        """Turn what was read into keys (a pipe's only at the end of each line)."""
        if not data:
            self._ended = True
            if self._line:
                self._keys.extend(decode_line(self._line.decode(errors="replace")))
                self._line = b""
            return
        if self.terminal:
            self._keys.extend(decode(data.decode(errors="replace")))
            return
        self._line += data
        *lines, self._line = self._line.split(b"\n")
        for line in lines:
            self._keys.extend(decode_line(line.decode(errors="replace")))
