"""A real SSH round trip: lumbar through OpenSSH on loopback, and a dropped link mid-session.

A throwaway ``sshd`` (its own host key, config and port on 127.0.0.1) lets the real ``ssh``
client in, with a throwaway user key, from a pseudo-terminal of 80x24 as a login gives. lumbar
plays past the first exercise; then the client is killed, as when a link drops, so sshd hangs
up the session; the partial session must be on disk. Where sshd is missing or cannot start
the test skips saying why, except in CI (``CI`` set), where it fails instead.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.benchmarks.terminal import Terminal
from tui.model.records import SafetyCheck, Session, Settings
from tui.store.store import Store

LUMBAR = Path(sys.executable).parent / "lumbar"
TIMEOUT = 20.0

pytestmark = pytest.mark.serial  # a real sshd and terminal: run on its own (make test)
PRIVILEGE_SEPARATION = Path("/run/sshd")
"""The empty directory sshd needs when started by root (the Debian package's path)."""


def unavailable(reason: str) -> None:
    """Skip, saying why; in CI, fail instead (the test must run there)."""
    if os.environ.get("CI"):
        pytest.fail(f"the SSH round trip must run in CI, but {reason}")
    pytest.skip(reason)


def run(*argv: str) -> None:
    """Run a setup command; a failure stops the test with its output."""
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        unavailable(f"`{' '.join(argv)}` failed: {done.stderr.strip()}")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def listening(port: int) -> bool:
    """True when something accepts connections on 127.0.0.1:``port``."""
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Server:
    """A throwaway sshd on loopback, with the keys and the settings of one test."""

    def __init__(self, folder: Path, sshd: str) -> None:
        self.folder = folder
        self.port = free_port()
        self.user = pwd.getpwuid(os.getuid()).pw_name
        self.client_key = folder / "client_key"
        self.known_hosts = folder / "known_hosts"
        self.log = folder / "sshd.log"
        host_key = folder / "host_key"
        for key in (host_key, self.client_key):
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "lumbar-test", "-f", str(key))
        authorized = folder / "authorized_keys"
        authorized.write_text(self.client_key.with_suffix(".pub").read_text())
        authorized.chmod(0o600)
        config = folder / "sshd_config"
        config.write_text(
            "\n".join(
                [
                    f"Port {self.port}",
                    "ListenAddress 127.0.0.1",
                    f"HostKey {host_key}",
                    f"PidFile {folder / 'sshd.pid'}",
                    f"AuthorizedKeysFile {authorized}",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password",  # CI runs as root
                    "StrictModes no",  # the key files sit in a temporary folder
                    "UsePAM no",
                    "PrintMotd no",
                    "PrintLastLog no",
                    "ClientAliveInterval 0",
                    "",
                ]
            )
        )
        if os.getuid() == 0 and not PRIVILEGE_SEPARATION.exists():
            PRIVILEGE_SEPARATION.mkdir(mode=0o755, parents=True)
        self.process = subprocess.Popen(
            [sshd, "-D", "-f", str(config), "-E", str(self.log)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + TIMEOUT
        while not listening(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                said = self.process.stderr.read().decode() if self.process.stderr else ""
                log = self.log.read_text() if self.log.exists() else ""
                unavailable(f"sshd could not start: {(said + log).strip() or 'no reason given'}")
            time.sleep(0.05)

    def ssh(self, remote: list[str]) -> Terminal:
        """The real ssh client in an 80x24 pseudo-terminal, running ``remote`` on the server."""
        return Terminal(
            [
                shutil.which("ssh") or "ssh",
                "-t",
                "-i",
                str(self.client_key),
                "-p",
                str(self.port),
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                f"UserKnownHostsFile={self.known_hosts}",
                "-o",
                "LogLevel=ERROR",
                f"{self.user}@127.0.0.1",
                shlex.join(remote),
            ]
        )

    def stop(self) -> None:
        """Stop sshd (the sessions it started end with it)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    sshd = shutil.which("sshd") or next(
        (path for path in ("/usr/sbin/sshd", "/usr/local/sbin/sshd") if Path(path).exists()), None
    )
    if sshd is None:
        unavailable("sshd is not installed (Debian: apt-get install openssh-server)")
    if shutil.which("ssh") is None or shutil.which("ssh-keygen") is None:
        unavailable("the ssh client is not installed (Debian: apt-get install openssh-client)")
    folder = tmp_path / "ssh"
    folder.mkdir(mode=0o700)
    started = Server(folder, str(sshd))
    yield started
    started.stop()


def until(what: str, terminal: Terminal, condition: Callable[[], bool]) -> None:
    """Drain the terminal until ``condition`` holds; fail saying ``what`` if it never does."""
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            tail = terminal.output[-600:].decode(errors="replace")
            pytest.fail(f"timed out waiting for {what}; the terminal last showed:\n{tail}")
        terminal.drain(0.05)


def stored(db: Path) -> list[Session]:
    """What the data file holds now."""
    return list(Store.open(db).sessions()) if db.exists() else []


@pytest.mark.skipif(not LUMBAR.exists(), reason="the lumbar script is not installed")
def test_a_dropped_ssh_link_keeps_the_session_played_so_far(
    server: Server, tmp_path: Path, isolated_home: Path
) -> None:
    db = tmp_path / "lumbar.json"
    store = Store.open(db)  # the safety questions answered now (on the real clock lumbar reads)
    store.save_safety(SafetyCheck(answered_at=datetime.now(UTC), any_yes=False))
    store.save_settings(Settings(warm_up=False))  # Quick 10 at once, as a user may have it
    # The remote side gets the test's own folders, never the real user's.
    env = [f"{name}={os.environ[name]}" for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")]
    terminal = server.ssh(["env", *env, str(LUMBAR), "--db", str(db), "play", "quick-10"])
    try:
        until("the pain check", terminal, lambda: b"hurt right now" in terminal.output)
        terminal.press("4")
        until("the session to start", terminal, lambda: len(stored(db)) == 1)

        def first_done() -> bool:
            (session,) = stored(db)
            return bool(session.exercises)

        deadline = time.monotonic() + 120
        while not first_done():  # end each step with n till the first exercise is done
            assert time.monotonic() < deadline, "the first exercise never ended"
            terminal.press("n")
            terminal.drain(0.1)
        terminal.press("n")  # and into the second one
        terminal.drain(0.3)
        os.kill(terminal.pid, signal.SIGKILL)  # the link drops: the client dies without a word
        until("the hang-up to be saved", terminal, lambda: stored(db)[0].ended_at is not None)
    finally:
        terminal.close()
    (session,) = stored(db)
    assert session.status == "partial"
    assert session.pain_before == 4
    assert session.exercises[0].exercise == "pelvic-tilt"
    first = session.exercises[0]
    assert first.outcome == "cut"  # its holds were ended early with n: kept, and as such
    assert first.holds_cut > 0 and first.reps_done + first.holds_cut == first.planned_reps
