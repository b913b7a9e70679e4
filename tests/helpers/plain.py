"""The plain player on a fake clock: keys pressed at set moments, lines kept in a list."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from tests.helpers.fakes import START, FakeClock
from tui.model.catalogue import Catalogue
from tui.plain import PlainRun
from tui.store.store import Store

Key = str | BaseException
"""A key pressed, or what reading the next one raises (EOFError, KeyboardInterrupt...)."""


class ScriptedKeys:
    """Keys pressed at clock readings (seconds after START); waiting moves the fake clock.

    A wait with no key left to come moves the clock on by the whole wait (the session plays
    on); a wait without end with no key left is the end of the input (EOFError).
    """

    def __init__(self, clock: FakeClock, script: Iterable[tuple[float, Key]]) -> None:
        self.clock = clock
        self.script = deque(script)

    def read(self, timeout: float | None) -> str | None:
        if self.script:
            at, key = self.script[0]
            if timeout is None or START + at <= self.clock.now + timeout:
                self.script.popleft()
                self.clock.now = max(self.clock.now, START + at)
                if isinstance(key, BaseException):
                    raise key
                return key
        if timeout is None:
            raise EOFError
        self.clock.now += timeout
        return None


def pressed(*keys: Key, at: float = 0.0) -> list[tuple[float, Key]]:
    """These keys, one after another, all at one moment (seconds after START)."""
    return [(at, key) for key in keys]


def plain_run(
    catalogue: Catalogue, store: Store, clock: FakeClock, script: Iterable[tuple[float, Key]]
) -> tuple[PlainRun, list[str]]:
    """The plain player's run on the fake clock with these keys, and the lines it prints."""
    out: list[str] = []
    keys = ScriptedKeys(clock, script)
    run = PlainRun(catalogue, store, keys, out.append, clock=clock, wall=clock.wall)
    return run, out


def lines_of(out: list[str]) -> list[str]:
    """What was printed, line by line (bells left out)."""
    return [line for line in "".join(out).replace("\a", "").split("\n") if line]
