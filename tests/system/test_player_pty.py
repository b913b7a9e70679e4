"""The real program in a real (pseudo) terminal: a hang-up mid-session keeps what was done."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from tui.catalogue.load import load_catalogue
from tui.history.safety import red_flags
from tui.model.records import Session, Settings
from tui.store.store import Store

LUMBAR = Path(sys.executable).parent / "lumbar"
TIMEOUT = 15.0

pytestmark = [
    pytest.mark.skipif(not LUMBAR.exists(), reason="the lumbar script is not installed"),
    pytest.mark.serial,  # a real terminal or killed processes: run on its own (make test)
]


class Terminal:
    """A program running in a pseudo-terminal of 80x24, its output drained as it comes."""

    def __init__(self, argv: list[str]) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become lumbar
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            # As a shell at a terminal starts it: a run begun in the background of a script
            # inherits Ctrl+C ignored, and lumbar, rightly, keeps that (the test would fail).
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.output = b""
        self.status: int | None = None

    def drain(self, seconds: float = 0.05) -> None:
        """Read whatever the program wrote (so it never blocks on a full terminal)."""
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if ready:
            try:
                self.output += os.read(self.fd, 65536)
            except OSError:  # the child is gone and the terminal closed
                time.sleep(seconds)

    def until(self, what: str, condition: Callable[[], bool]) -> None:
        """Drain the output until ``condition`` holds; fail saying ``what`` if it never does."""
        deadline = time.monotonic() + TIMEOUT
        while not condition():
            if time.monotonic() > deadline:
                tail = self.output[-600:].decode(errors="replace")
                pytest.fail(f"timed out waiting for {what}; the terminal last showed:\n{tail}")
            self.drain()

    def exited(self) -> bool:
        """True once the program has exited (its status kept)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def type(self, keys: str) -> None:
        """Press keys."""
        os.write(self.fd, keys.encode())

    def close(self) -> None:
        """Kill the program if it is still there, and close the terminal."""
        if not self.exited():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def without_warm_up(db: Path) -> Path:
    """The data file with the warm-up turned off (as a user may): Quick 10 starts at once."""
    Store.open(db).save_settings(Settings(warm_up=False))
    return db


def sessions(db: Path) -> list[Session]:
    """What the store file holds now (nothing if it is not there yet)."""
    return list(Store.open(db).sessions()) if db.exists() else []


def skip_the_first_exercise(terminal: Terminal, db: Path) -> None:
    """A first run: the red-flag questions (all no), the pain check (4), then skip an exercise."""
    terminal.until("the safety check", lambda: b"Do you have this now?" in terminal.output)
    terminal.type("n" * len(red_flags(load_catalogue().catalogue)))
    terminal.until("the pain check", lambda: b"hurt right now" in terminal.output)
    terminal.type("4")
    terminal.until("the session to start", lambda: len(sessions(db)) == 1)
    terminal.type("s")
    terminal.until("the skip to be saved", lambda: len(sessions(db)[0].exercises) == 1)


def test_a_hang_up_mid_session_keeps_what_was_done(tmp_path: Path) -> None:
    db = tmp_path / "lumbar.json"
    terminal = Terminal([str(LUMBAR), "--db", str(without_warm_up(db)), "play", "quick-10"])
    try:
        skip_the_first_exercise(terminal, db)
        os.kill(terminal.pid, signal.SIGHUP)
        terminal.until("lumbar to exit", terminal.exited)
    finally:
        terminal.close()
    (session,) = sessions(db)
    assert session.status == "partial"
    assert session.pain_before == 4
    assert session.ended_at is not None  # the session was closed, not just cut off
    assert [(r.exercise, r.outcome) for r in session.exercises] == [("pelvic-tilt", "skipped")]
    assert terminal.status is not None and os.WIFEXITED(terminal.status)
    assert os.WEXITSTATUS(terminal.status) == 128 + signal.SIGHUP  # as a shell reports a hang-up
    # The window title went to the real terminal, after saving the user's own title.
    assert b"\x1b[22;0t" in terminal.output
    assert re.search(rb"\x1b\]2;lumbar: Pelvic tilt, \d+ min left\x07", terminal.output)
    safety = Store.open(db).safety()
    assert safety is not None and not safety.any_yes


def hang_up(terminal: Terminal) -> None:
    """Drop the link (SIGHUP) and wait for lumbar to save and exit."""
    os.kill(terminal.pid, signal.SIGHUP)
    terminal.until("lumbar to exit", terminal.exited)


def test_lumbar_resume_after_a_hang_up_continues_the_same_session(tmp_path: Path) -> None:
    """Hang up after the first exercise; ``lumbar resume`` carries on in the same record."""
    db = tmp_path / "lumbar.json"
    first = Terminal([str(LUMBAR), "--db", str(without_warm_up(db)), "play", "quick-10"])
    try:
        skip_the_first_exercise(first, db)
        hang_up(first)
    finally:
        first.close()
    (stopped,) = sessions(db)
    second = Terminal([str(LUMBAR), "--db", str(db), "resume"])
    try:
        # No pain check (given before the hang-up): cat-cow's lead-in plays at once.
        second.until("the player on cat-cow", lambda: b"Cat-cow" in second.output)
        second.type("s")
        second.until("the second skip to be saved", lambda: len(sessions(db)[0].exercises) == 2)
        hang_up(second)
    finally:
        second.close()
    (session,) = sessions(db)
    assert (session.id, session.started_at, session.pain_before) == (
        stopped.id,
        stopped.started_at,
        4,
    )
    assert [(r.exercise, r.outcome) for r in session.exercises] == [
        ("pelvic-tilt", "skipped"),
        ("cat-cow", "skipped"),
    ]
    assert len(session.resumed) == 1 and session.status == "partial"


def wait_for_exit(terminal: Terminal, seconds: float) -> bool:
    """Wait up to ``seconds`` for the program to exit, without reading its terminal."""
    deadline = time.monotonic() + seconds
    while not terminal.exited() and time.monotonic() < deadline:
        time.sleep(0.05)
    return terminal.exited()


@pytest.mark.parametrize("trial", range(3))
def test_a_closed_terminal_window_saves_the_session_and_ends_lumbar(
    tmp_path: Path, trial: int
) -> None:
    """The window closed (the terminal's master side goes): saved, closed, and lumbar gone.

    lumbar forces its own exit 2 s after saving; the generous wait only allows for a busy
    machine.
    """
    db = tmp_path / "lumbar.json"
    terminal = Terminal([str(LUMBAR), "--db", str(without_warm_up(db)), "play", "quick-10"])
    try:
        skip_the_first_exercise(terminal, db)
        os.close(terminal.fd)  # what closing a terminal window does: the kernel hangs up
        terminal.fd = os.open(os.devnull, os.O_RDONLY)  # for close() to close
        assert wait_for_exit(terminal, TIMEOUT), "lumbar outlived its closed terminal"
    finally:
        terminal.close()
    (session,) = sessions(db)
    assert session.ended_at is not None and session.status == "partial"
    assert [(r.exercise, r.outcome) for r in session.exercises] == [("pelvic-tilt", "skipped")]


@pytest.mark.parametrize("name", ["SIGQUIT", "SIGUSR1"])
def test_other_ending_signals_close_the_session_record(tmp_path: Path, name: str) -> None:
    """SIGQUIT or SIGUSR1 mid-session: the session is closed and saved, as at a hang-up."""
    db = tmp_path / "lumbar.json"
    terminal = Terminal([str(LUMBAR), "--db", str(without_warm_up(db)), "play", "quick-10"])
    try:
        skip_the_first_exercise(terminal, db)
        os.kill(terminal.pid, getattr(signal, name))
        terminal.until("lumbar to exit", terminal.exited)
    finally:
        terminal.close()
    (session,) = sessions(db)
    assert session.ended_at is not None and session.status == "partial"


# The plain player (issue 16): the same session in lines, in a real terminal.


def plain_lines(terminal: Terminal) -> list[str]:
    """What the plain player has printed so far, line by line (bells left out)."""
    text = terminal.output.decode(errors="replace").replace("\a", "")
    return [line for line in text.replace("\r", "").split("\n") if line]


def shown(terminal: Terminal, text: str) -> bool:
    """True once the terminal has shown ``text``."""
    return text.encode() in terminal.output


def plain_start(terminal: Terminal, db: Path) -> None:
    """The red-flag questions (all no), one key each without Enter, then pain 4."""
    terminal.until("the first question", lambda: b"Question 1 of" in terminal.output)
    terminal.type("n" * len(red_flags(load_catalogue().catalogue)))
    terminal.until("the pain check", lambda: b"Pain check, before you start" in terminal.output)
    terminal.type("4")
    terminal.until("the session to start", lambda: len(sessions(db)) == 1)


def test_the_plain_player_plays_a_session_in_lines_in_a_real_terminal(tmp_path: Path) -> None:
    """Keys without Enter; a line per exercise; skip each one; pain 3 after; exits 0."""
    db = tmp_path / "lumbar.json"
    argv = [str(LUMBAR), "--db", str(without_warm_up(db)), "play", "quick-10", "--plain"]
    terminal = Terminal(argv)
    try:
        plain_start(terminal, db)
        terminal.until("the first exercise", lambda: b"Exercise 1 of " in terminal.output)
        found = re.search(rb"Exercise 1 of (\d+)", terminal.output)
        assert found is not None
        for number in range(1, int(found.group(1)) + 1):
            terminal.until(f"exercise {number}", partial(shown, terminal, f"Exercise {number} of "))
            terminal.type("s")
        terminal.until("the pain check after", lambda: b"now you have finished" in terminal.output)
        terminal.type("3")
        terminal.until("lumbar to exit", terminal.exited)
    finally:
        terminal.close()
    assert terminal.status is not None and os.WEXITSTATUS(terminal.status) == 0
    lines = plain_lines(terminal)
    assert any(line.startswith("Exercise 1 of ") and "Pelvic tilt" in line for line in lines)
    assert lines[-1].startswith("Session complete: Quick 10")
    assert b"\x1b[" not in terminal.output  # no escape sequence: plain text only
    (session,) = sessions(db)
    assert (session.status, session.pain_before, session.pain_after) == ("complete", 4, 3)
    assert {r.outcome for r in session.exercises} == {"skipped"}


@pytest.mark.parametrize("how", ["hang-up", "ctrl+c"])
def test_a_hang_up_or_ctrl_c_in_the_plain_player_saves_the_session_so_far(
    tmp_path: Path, how: str
) -> None:
    """Exits as a shell reports it (129, 130), the session closed and saved, one line saying so."""
    db = tmp_path / "lumbar.json"
    argv = [str(LUMBAR), "--db", str(without_warm_up(db)), "play", "quick-10", "--plain"]
    terminal = Terminal(argv)
    try:
        plain_start(terminal, db)
        terminal.type("s")
        terminal.until("the skip to be saved", lambda: len(sessions(db)[0].exercises) == 1)
        if how == "ctrl+c":
            terminal.type("\x03")
            terminal.until("lumbar to exit", terminal.exited)
        else:
            hang_up(terminal)
    finally:
        terminal.close()
    signum = signal.SIGINT if how == "ctrl+c" else signal.SIGHUP
    assert terminal.status is not None and os.WEXITSTATUS(terminal.status) == 128 + signum
    (session,) = sessions(db)
    assert session.status == "partial" and session.ended_at is not None
    assert plain_lines(terminal)[-1].endswith("the session so far is saved, as ended early.")
