"""``lumbar play ROUTINE --plain`` (or TERM=dumb, ACCESSIBLE=1, the setting): no screen needed."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tui import cli
from tui.cli import NEEDS_A_TERMINAL
from tui.model.records import SafetyCheck, Settings
from tui.plain import wants_plain
from tui.store.store import Store

KEYS = "4\nq\ny\n3\n"
"""Pain 4, end the session at once (yes), pain 3 after."""


@pytest.fixture(autouse=True)
def answered_today(store: Store) -> Store:
    """The red-flag questions answered no just now (the real clock runs here: none is asked)."""
    store.save_safety(SafetyCheck(answered_at=datetime.now(UTC), any_yes=False))
    return store


@pytest.fixture
def keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Standard input is a file of keys, a line each (no terminal)."""
    path = tmp_path / "keys.txt"
    path.write_text(KEYS)
    monkeypatch.setattr(sys, "stdin", path.open())
    monkeypatch.delenv("TERM", raising=False)
    monkeypatch.delenv("ACCESSIBLE", raising=False)
    return path


def play(capsys: pytest.CaptureFixture[str], store: Store, *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--db", str(store.path), "play", "quick-10", *argv)


def test_plain_plays_with_piped_input_and_no_terminal(
    capsys: pytest.CaptureFixture[str], store: Store, keys: Path
) -> None:
    status, out, _ = play(capsys, store, "--plain")
    assert status == 0
    assert "Exercise 1 of " in out
    (session,) = store.sessions()
    assert (session.pain_before, session.pain_after, session.status) == (4, 3, "partial")


@pytest.mark.parametrize(("variable", "value"), [("TERM", "dumb"), ("ACCESSIBLE", "1")])
def test_a_dumb_terminal_or_a_screen_reader_gets_the_plain_player(
    capsys: pytest.CaptureFixture[str],
    store: Store,
    keys: Path,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    value: str,
) -> None:
    monkeypatch.setenv(variable, value)
    status, out, _ = play(capsys, store)
    assert (status, "Exercise 1 of " in out) == (0, True)


def test_the_setting_gets_the_plain_player(
    capsys: pytest.CaptureFixture[str], store: Store, keys: Path
) -> None:
    store.save_settings(Settings(warm_up=False, plain_player=True))
    status, out, _ = play(capsys, store)
    assert (status, "Exercise 1 of " in out) == (0, True)


def test_without_plain_the_player_still_needs_a_terminal(
    capsys: pytest.CaptureFixture[str], store: Store, keys: Path
) -> None:
    status, _, err = play(capsys, store)
    assert (status, err.strip()) == (2, NEEDS_A_TERMINAL)


def test_accessible_zero_does_not_ask_for_it() -> None:
    assert not wants_plain(False, {"ACCESSIBLE": "0", "TERM": "xterm"})


def test_plain_never_loads_textual(store: Store, keys: Path) -> None:
    """The whole plain session, run as the console script runs it, with no Textual or Rich."""
    probe = (
        "import json, sys; from tui.cli import main; status = main(sys.argv[1:]); "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
        "print(json.dumps([status, loaded]), file=sys.stderr)"
    )
    argv = ["--db", str(store.path), "play", "quick-10", "--plain"]
    with keys.open() as stdin:
        result = subprocess.run(
            [sys.executable, "-c", probe, *argv], stdin=stdin, capture_output=True, text=True
        )
    status, loaded = json.loads(result.stderr.strip().splitlines()[-1])
    assert (status, loaded) == (0, [])
    assert len(store.sessions()) == 1


def test_cli_run_plain_is_reached_only_for_play(
    capsys: pytest.CaptureFixture[str], store: Store, keys: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``lumbar`` alone with TERM=dumb still opens the screens (there is no plain menu)."""
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setattr(cli, "run_plain", lambda *args: pytest.fail("played in lines"))
    status, _, err = run_cli(capsys, "--db", str(store.path))
    assert (status, err.strip()) == (2, NEEDS_A_TERMINAL)
