"""A program in a pseudo-terminal of 80x24 (TERM=xterm-256color, as an SSH login gives), timed.

Every chunk of output is kept with the moment it arrived, so a benchmark can ask when a text
first appeared, when the output went quiet after it, and how many bytes were written between
two moments. The same class runs lumbar and the baselines, so both are measured alike.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
LUMBAR = BIN / "lumbar"
QUIET = 0.15
"""Seconds without output after which a frame counts as complete."""
TIMEOUT = 30.0


class TimedOut(Exception):
    """What a benchmark waited for never came; the message shows the terminal's last output."""


class Terminal:
    """A program running in a pseudo-terminal; its output drained and timed as it comes."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: dict[str, str] | None = None,
        size: tuple[int, int] = (80, 24),
    ) -> None:
        """Start ``argv`` now (``self.started`` is the moment just before the fork)."""
        columns, rows = size
        environ = {
            **os.environ,
            **(env or {}),
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(rows),
        }
        environ.pop("TEXTUAL", None)
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the program
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.chdir(ROOT)
            os.execve(argv[0], list(argv), environ)
        self.pid, self.fd = pid, fd
        self.chunks: list[tuple[float, bytes]] = []
        self.output = b""
        self.status: int | None = None

    def read(self, timeout: float) -> bool:
        """Read what arrives within ``timeout`` seconds; False if nothing did."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 20)
        except OSError:  # the program exited and its terminal closed
            time.sleep(timeout)
            return False
        if not data:
            return False
        self.chunks.append((time.perf_counter(), data))
        self.output += data
        return True

    def wait_for(self, *texts: str, since: int = 0, timeout: float = TIMEOUT) -> float:
        """Read until one of ``texts`` appears in the output after byte ``since``; when it came."""
        needles = [text.encode() for text in texts]
        deadline = time.perf_counter() + timeout
        while not any(needle in self.output[since:] for needle in needles):
            if time.perf_counter() > deadline:
                tail = self.output[-400:].decode(errors="replace")
                raise TimedOut(f"{texts} never appeared; the terminal last showed:\n{tail}")
            self.read(0.05)
        return self.chunks[-1][0]

    def settle(self, quiet: float = QUIET, timeout: float = TIMEOUT) -> float:
        """Read until nothing comes for ``quiet`` seconds; when the last byte before that came."""
        deadline = time.perf_counter() + timeout
        while self.read(quiet):
            if time.perf_counter() > deadline:
                raise TimedOut("the output never went quiet")
        return self.chunks[-1][0] if self.chunks else self.started

    def first_frame(self, marker: str, quiet: float = QUIET) -> float:
        """Seconds from launch to the end of the first frame that shows ``marker``."""
        self.wait_for(marker)
        return self.settle(quiet) - self.started

    def drain(self, seconds: float) -> None:
        """Keep reading for ``seconds`` (so the program never blocks on a full terminal)."""
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            self.read(left)

    def press(self, keys: str) -> float:
        """Type ``keys``; the moment they were written."""
        os.write(self.fd, keys.encode())
        return time.perf_counter()

    def bytes_between(self, start: float, end: float) -> int:
        """How many bytes arrived from ``start`` to ``end``."""
        return sum(len(data) for when, data in self.chunks if start <= when < end)

    def peak_rss(self) -> int:
        """The program's peak resident memory so far, in bytes (Linux ``VmHWM``)."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
        return int(line.split()[1]) * 1024

    def exited(self) -> bool:
        """True once the program has exited (its status kept)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def close(self) -> None:
        """End the program (a hang-up, then a kill if it lingers) and close the terminal."""
        if not self.exited():
            os.kill(self.pid, signal.SIGHUP)
            deadline = time.perf_counter() + 5
            while not self.exited() and time.perf_counter() < deadline:
                self.read(0.05)
            if not self.exited():
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        os.close(self.fd)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
