"""The built wheel, installed into a fresh virtual environment, starts and finds its catalogue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(dist),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = dist.glob("lumbar-*.whl")
    return built


@pytest.mark.packaging
def test_the_wheel_carries_the_catalogue_and_no_tests(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/content/roadmap.toml" in names
    assert "tui/content/exercises/align.toml" in names
    assert "tui/content/examples/prescription.toml" in names
    assert not [n for n in names if n.startswith(("tests/", "catalogue/"))]
    styles = {path.relative_to(ROOT).as_posix() for path in (ROOT / "tui").rglob("*.tcss")}
    assert "tui/screens/dialogs.tcss" in styles and styles <= set(names)


@pytest.mark.packaging
def test_the_installed_wheel_checks_and_prints_its_catalogue(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    outside = tmp_path / "elsewhere"
    outside.mkdir()

    def lumbar(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "lumbar"), *args], cwd=outside, env=env, capture_output=True, text=True
        )

    check = lumbar("catalogue", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("OK: ")
    data = json.loads(lumbar("catalogue", "--json").stdout)
    assert len(data["exercises"]) == 51
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import tui.catalogue.load as c; print(c.bundled_dir())"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(env_dir)
    example = Path(where.stdout.strip()) / "examples" / "prescription.toml"
    prescribed = lumbar("prescribe", str(example))
    assert prescribed.returncode == 0, prescribed.stdout + prescribed.stderr
    assert "Installed 'Back plan'" in prescribed.stdout
    assert lumbar("catalogue", "check").returncode == 0  # the installed one loads with the rest
