"""Several processes on one file: kill -9 at random moments, and two writers at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.store.storage import stale_temp_files
from tui.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
KILLS = 100

pytestmark = [
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"),
    pytest.mark.serial,  # a real terminal or killed processes: run on its own (make test)
]


class Child:
    """A ``tests.store_child`` process, started and ready to be told to go."""

    def __init__(self, db: Path, prefix: str, count: int = 0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.store_child", str(db), prefix, str(count)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.acks: list[tuple[str, str]] = []

    def go(self) -> None:
        assert self.process.stdout is not None and self.process.stdin is not None
        ready = self.process.stdout.readline()
        assert ready == b"ready\n", self.finish()[1]
        self.process.stdin.write(b"go\n")
        self.process.stdin.flush()

    def first_ack(self) -> None:
        """Wait until the child has saved once (however slow the machine is today)."""
        assert self.process.stdout is not None
        session_id, status = self.process.stdout.readline().decode().split()
        self.acks.append((session_id, status))

    def finish(self, timeout: float = 60) -> tuple[list[tuple[str, str]], str]:
        """Wait for the end; the acknowledged (id, status) lines and stderr."""
        out, err = self.process.communicate(timeout=timeout)
        lines = out.decode().split("\n")[:-1]  # a line cut short by the kill is not an ack
        acks = [tuple(line.split()) for line in lines if line != "ready"]
        return self.acks + [(ack[0], ack[1]) for ack in acks], err.decode()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        child.kill()
        child.process.communicate()


def test_kill_9_at_random_moments_never_loses_an_acknowledged_session(
    tmp_path: Path, children: list[Child]
) -> None:
    db = tmp_path / "data" / "lumbar.json"
    seed = int(os.environ.get("LUMBAR_KILL_SEED", str(time.time_ns())))
    rng = random.Random(seed)
    acked: dict[str, str] = {}
    killed_mid_write = 0
    children.append(Child(db, "k0"))
    for number in range(KILLS):
        child = children[-1]
        children.append(Child(db, f"k{number + 1}"))  # starts while this one runs
        child.go()
        child.first_ack()  # then a random moment: often mid-write, as the count below shows
        time.sleep(rng.uniform(0, 0.03))
        child.kill()
        acks, err = child.finish()
        assert child.process.returncode == -signal.SIGKILL, err
        killed_mid_write += any(stale_temp_files(db))
        for session_id, status in acks:
            if acked.get(session_id) != "complete":
                acked[session_id] = status
        stored = {s.id: s.status for s in Store.open(db).sessions()}
        lost = sorted(set(acked) - set(stored))
        undone = sorted(i for i, s in acked.items() if s == "complete" and stored[i] != "complete")
        assert (lost, undone) == ([], []), f"kill {number}, seed {seed}"
    assert len(acked) >= KILLS, f"too few saves happened to test anything (seed {seed})"
    print(f"{len(acked)} sessions over {KILLS} kills, {killed_mid_write} mid-write, seed {seed}")


def test_two_processes_saving_at_once_lose_nothing(tmp_path: Path, children: list[Child]) -> None:
    db = tmp_path / "data" / "lumbar.json"
    children.extend([Child(db, "a", 50), Child(db, "b", 50)])
    for child in children:
        child.go()
    for child in children:
        acks, err = child.finish()
        assert child.process.returncode == 0, err
        assert len(acks) == 100
    sessions = Store.open(db).sessions()
    assert len(sessions) == 100
    assert {s.id for s in sessions} == {f"{p}-{n}" for p in "ab" for n in range(50)}
    assert {s.status for s in sessions} == {"complete"}
