"""Run every benchmark and print its figures beside their baselines: ``make bench``.

``python -m tests.benchmarks [NAME ...]`` runs the named ones only (startup, bandwidth, keys,
store, progress, session, memory, timer, status, wire). The whole set takes about five minutes, the
timer one. ``wire`` (the bytes of a whole Quick 10 session against termdown) takes about 35
minutes of real time, so it runs only when named: ``python -m tests.benchmarks wire``.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import tui
from tests.benchmarks import (
    bench_bandwidth,
    bench_keys,
    bench_memory,
    bench_progress,
    bench_session,
    bench_startup,
    bench_status,
    bench_store,
    bench_timer,
    bench_wire,
)
from tests.benchmarks.report import Figure, line
from tests.benchmarks.runs import own_catalogue_cache

BENCHMARKS: dict[str, Callable[[], list[Figure]]] = {
    "startup": bench_startup.figures,
    "bandwidth": bench_bandwidth.figures,
    "keys": bench_keys.figures,
    "store": bench_store.figures,
    "progress": bench_progress.figures,
    "session": bench_session.figures,
    "memory": bench_memory.figures,
    "timer": bench_timer.figures,
    "status": bench_status.figures,
    "wire": bench_wire.figures,
}
SLOW = {"wire"}
"""Benchmarks that run only when named (each says how long it takes)."""


def bytecode() -> str:
    """Whether lumbar's modules had their bytecode written (start-up compiles them if not)."""
    sources = list(Path(tui.__file__).parent.rglob("*.py"))
    missing = sum(
        not Path(importlib.util.cache_from_source(str(path))).exists() for path in sources
    )
    state = "present" if not missing else f"missing for {missing} of {len(sources)} modules"
    flag = "set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "not set"
    return f"bytecode {state} (PYTHONDONTWRITEBYTECODE {flag})"


def main(names: list[str]) -> int:
    """Run the named benchmarks (all by default), printing each figure as it comes."""
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"no benchmark {', '.join(unknown)}; there are: {', '.join(BENCHMARKS)}")
        return 2
    print(
        f"lumbar benchmarks, {time.strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}"
        f" ({sys.executable}), {bytecode()}"
        f", {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; 80x24, "
        "TERM=xterm-256color; each figure beside its baseline measured in the same run",
        flush=True,
    )
    own_catalogue_cache()
    missed = 0
    for name in names or [name for name in BENCHMARKS if name not in SLOW]:
        for figure in BENCHMARKS[name]():
            print(line(figure), flush=True)
            missed += not figure.met
    print(f"{missed} target(s) missed" if missed else "every target met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
