"""``lumbar --no-mouse`` and ``--colour``: what reaches the app and Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run_cli
from tui import cli
from tui.app import LumbarApp
from tui.cli import COLOURS, set_colours

COLOUR_VARIABLES = ("TEXTUAL_COLOR_SYSTEM", "NO_COLOR")


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Each time the app is run: its keyword arguments and the colour variables then."""
    for name in COLOUR_VARIABLES:  # setenv then delenv: both are put back after the test
        monkeypatch.setenv(name, "x")
        monkeypatch.delenv(name)
    seen: list[dict[str, Any]] = []

    def run(self: LumbarApp, **kwargs: Any) -> None:
        seen.append({**kwargs, **{name: os.environ.get(name) for name in COLOUR_VARIABLES}})

    monkeypatch.setattr(LumbarApp, "run", run)
    monkeypatch.setattr(cli, "on_a_terminal", lambda: True)  # pytest's own streams are not
    return seen


def lumbar(capsys: pytest.CaptureFixture[str], tmp_path: Path, *argv: str) -> int:
    status, _, err = run_cli(capsys, "--db", str(tmp_path / "lumbar.json"), *argv)
    assert err == ""
    return status


def test_the_mouse_is_on_unless_told_otherwise(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, runs: list[dict[str, Any]]
) -> None:
    assert lumbar(capsys, tmp_path) == 0
    assert lumbar(capsys, tmp_path, "--no-mouse") == 0
    assert lumbar(capsys, tmp_path, "--no-mouse", "play", "quick-10") == 0
    assert [run["mouse"] for run in runs] == [True, False, False]


def test_without_a_terminal_lumbar_says_so_and_exits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Input or output a pipe (cron, a script): a message naming the plain commands, exit 2."""
    monkeypatch.setattr(LumbarApp, "run", lambda *_, **__: pytest.fail("the app ran"))
    status, _, err = run_cli(capsys, "--db", str(tmp_path / "lumbar.json"))
    assert status == 2
    assert "need a terminal" in err and "lumbar history" in err


@pytest.mark.parametrize(
    ("argv", "system"),
    [
        (["--colour", "16"], "standard"),
        (["--color", "256"], "256"),
        (["--colour", "truecolor"], "truecolor"),
    ],
)
def test_a_colour_system_is_handed_to_textual(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    runs: list[dict[str, Any]],
    argv: list[str],
    system: str,
) -> None:
    assert lumbar(capsys, tmp_path, *argv) == 0
    assert runs[0]["TEXTUAL_COLOR_SYSTEM"] == system
    assert runs[0]["NO_COLOR"] is None


def test_colour_none_sets_no_color_and_auto_leaves_everything_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, runs: list[dict[str, Any]]
) -> None:
    assert lumbar(capsys, tmp_path, "--colour", "none") == 0
    assert runs[0]["NO_COLOR"] == "1"
    os.environ.pop("NO_COLOR")
    assert lumbar(capsys, tmp_path, "--colour", "auto") == 0
    assert lumbar(capsys, tmp_path) == 0
    assert runs[1] == runs[2] == {"mouse": True, "TEXTUAL_COLOR_SYSTEM": None, "NO_COLOR": None}


def test_an_unknown_colour_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run_cli(capsys, "--colour", "purple")
    assert status == 2
    assert "invalid choice: 'purple'" in err


def test_a_colour_asked_for_outright_overrides_no_color() -> None:
    environ = {"NO_COLOR": "1"}
    set_colours("256", environ)
    assert environ == {"TEXTUAL_COLOR_SYSTEM": "256"}


@pytest.mark.parametrize("choice", [c for c in COLOURS if c not in ("auto", "none")])
def test_textual_uses_the_colour_system_it_is_given(choice: str) -> None:
    """In a fresh process, as the CLI does: set the variables, then import Textual."""
    code = (
        "import os, sys\n"
        "from tui.cli import set_colours\n"
        "assert 'textual' not in sys.modules\n"
        f"set_colours({choice!r}, os.environ)\n"
        "from textual.app import App\n"
        "print(App().console.color_system)\n"
    )
    environ = {k: v for k, v in os.environ.items() if k not in COLOUR_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environ
    )
    expected = {"16": "standard", "256": "256", "truecolor": "truecolor"}[choice]
    assert result.stdout.strip() == expected


def test_textual_turns_colour_off_for_none() -> None:
    code = (
        "import os\n"
        "from tui.cli import set_colours\n"
        "set_colours('none', os.environ)\n"
        "from textual.app import App\n"
        "print(App().no_color)\n"
    )
    environ = {k: v for k, v in os.environ.items() if k not in COLOUR_VARIABLES}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environ
    )
    assert result.stdout.strip() == "True"


def test_the_command_line_reads_the_history_after_the_first_frame(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    runs: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app lumbar runs waits HISTORY_AFTER seconds after its first frame to read sessions."""
    made: list[LumbarApp] = []

    def keep(*args: Any, **kwargs: Any) -> LumbarApp:
        made.append(LumbarApp(*args, **kwargs))  # the factory (tui.app.make_app) is the class
        return made[-1]

    monkeypatch.setattr("tui.app.make_app", keep)
    assert lumbar(capsys, tmp_path) == 0
    assert [app.history_after for app in made] == [cli.HISTORY_AFTER] != [0.0]
