"""Bytes on the wire: a whole Quick 10 session in lumbar, against termdown for the same time.

lumbar plays ``quick-10`` in an 80x24 pseudo-terminal on an empty history with the default
settings (the warm-up frames it: about 17 minutes of real time, the timer is real), answered as
a person would, each prompt found by its text: a pain score before, one key of feedback after
each exercise, a pain score after; every byte written from launch to the end of the summary's
first frame is counted. Then termdown (``termdown SECONDS``, its default font) counts down the
seconds the session took in a terminal of the same size, and every byte it writes from launch
to its exit is counted. Both totals, bytes a second and the ratio are printed, and where
lumbar's bytes went, phase by phase (the steps found by the session's own timeline, measured
from the pain answer that starts its clock).

It takes about 35 minutes, so ``make bench`` leaves it out: run it with
``python -m tests.benchmarks wire``, or one program at a time with
``python -m tests.benchmarks.bench_wire lumbar`` (or ``termdown SECONDS``).
"""

from __future__ import annotations

import sys
import tempfile
import time
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.benchmarks.history import write_history
from tests.benchmarks.report import Figure, print_figures
from tests.benchmarks.runs import PAIN_CHECK, lumbar
from tests.benchmarks.terminal import BIN, Terminal
from tui.catalogue.load import load_catalogue
from tui.model import Settings
from tui.session import routine_of_kind
from tui.session.timeline import StepKind, Timeline, build_timeline

ROUTINE = "quick-10"
TARGET = 1.5
"""Issue 14: a whole Quick 10 session at most 1.5x termdown's bytes for the same time."""
TERMDOWN = BIN / "termdown"
FEEDBACK = "How did"
"""A text of the one-key question after each exercise."""
SUMMARY = "Session complete"
"""The summary's title."""
PAIN_BEFORE, PAIN_AFTER, FEEDBACK_KEY = "3", "2", "2"  # about right
THINK = 1.5
"""Seconds a person takes to answer a prompt once it shows."""
SLACK = 180.0
"""Seconds the session may run past its plan before the benchmark gives up."""

START = "start: launch to the pain check (the select screen, then the player under it)"
"""Bytes before the pain check shows (``lumbar play`` draws its first screen first)."""
KIND_GROUPS = {
    StepKind.GET_READY: "get ready",
    StepKind.TRANSITION: "get ready",
    StepKind.GATE: "get ready",
    StepKind.HOLD: "holds and moves",
    StepKind.MOVE: "holds and moves",
    StepKind.COUNTED: "holds and moves",
    StepKind.SHIFT: "holds and moves",
    StepKind.REST: "rests",
    StepKind.SET_REST: "rests",
    StepKind.SWITCH_SIDE: "rests",
}
"""How the breakdown groups the steps of each exercise."""


def quick_ten() -> Timeline:
    """The session's timeline as lumbar plays it on an empty history with default settings."""
    catalogue = load_catalogue().catalogue
    routine = catalogue.routine(ROUTINE)
    settings = Settings()
    return build_timeline(
        catalogue,
        routine,
        get_ready_seconds=settings.get_ready_seconds,
        warm_up=routine_of_kind(catalogue, "warm-up", routine) if settings.warm_up else None,
        cool_down=routine_of_kind(catalogue, "cool-down", routine) if settings.cool_down else None,
    )


@dataclass
class Played:
    """One session played: the terminal's timed output and the moments that split it."""

    terminal: Terminal
    started: float = 0.0
    """When the pain answer before was written: the session's clock starts then."""
    ended: float = 0.0
    """The end of the summary's first frame."""
    overlays: list[tuple[float, float, str]] = field(default_factory=list)
    """Stretches given to a dialog or a prompt rather than to the step beneath (from, to, what)."""

    @property
    def seconds(self) -> float:
        """From launch to the end of the summary's first frame."""
        return self.ended - self.terminal.started

    @property
    def total(self) -> int:
        """Every byte written from launch to the end of the summary's first frame."""
        return self.terminal.bytes_between(self.terminal.started, self.ended + 1e-9)


def answer(terminal: Terminal, key: str, played: Played, what: str) -> float:
    """Press ``key`` after a person's pause; the stretch till output goes quiet is ``what``'s."""
    terminal.drain(THINK)
    pressed = terminal.press(key)
    quiet = terminal.settle()
    played.overlays.append((pressed, quiet + 1e-9, what))
    return pressed


def play(db: Path, timeline: Timeline) -> Played:
    """Play the whole session in lumbar as a person would; the output kept, timed."""
    terminal = lumbar(db, "play", ROUTINE)
    played = Played(terminal)
    terminal.wait_for(PAIN_CHECK)
    shown = terminal.chunks[-1][0]
    terminal.settle()
    played.overlays.append((shown, terminal.chunks[-1][0] + 1e-9, "pain check before: drawn"))
    played.started = answer(terminal, PAIN_BEFORE, played, "pain check before: closes")
    deadline = time.perf_counter() + timeline.total_seconds + SLACK
    mark = len(terminal.output)
    asked = 0
    while True:
        left = deadline - time.perf_counter()
        terminal.wait_for(FEEDBACK, PAIN_CHECK, SUMMARY, since=mark, timeout=left)
        terminal.settle()
        seen, mark = terminal.output[mark:], len(terminal.output)
        if SUMMARY.encode() in seen:
            break
        if PAIN_CHECK.encode() in seen:  # the last question lapsed: the pain check is up
            answer(terminal, PAIN_AFTER, played, "pain check after: closes, the summary opens")
            continue
        asked += 1
        answer(terminal, FEEDBACK_KEY, played, "feedback: answered (the panel closes)")
        seen, mark = terminal.output[mark:], len(terminal.output)
        if PAIN_CHECK.encode() in seen:  # the last answer let the pain check after open
            start, end, _ = played.overlays[-1]
            played.overlays[-1] = (start, end, "the last feedback, and pain check after opens")
            answer(terminal, PAIN_AFTER, played, "pain check after: closes, the summary opens")
    played.ended = terminal.settle()
    terminal.close()
    print(f"  lumbar answered {asked} feedback question(s)", flush=True)
    return played


def label_at(when: float, played: Played, timeline: Timeline) -> str:
    """What lumbar was doing when a chunk of output arrived: a dialog or prompt, or a step."""
    label = next((what for start, end, what in played.overlays if start <= when < end), "")
    if label:
        return label
    if when < played.started:
        return START
    offset = when - played.started
    if offset >= timeline.total_seconds:
        return "the end: DONE, and the last question opens"
    index = bisect_right(timeline.offsets, offset) - 1
    step = timeline.steps[max(0, index)]
    return f"{timeline.exercises[step.exercise_index].name}: {KIND_GROUPS[step.kind]}"


def breakdown(
    chunks: Sequence[tuple[float, bytes]], played: Played, timeline: Timeline
) -> dict[str, int]:
    """Where lumbar's bytes went: each chunk to its dialog or prompt, or to the step playing."""
    parts: dict[str, int] = defaultdict(int)
    for when, data in chunks:
        if when <= played.ended:
            parts[label_at(when, played, timeline)] += len(data)
    return dict(parts)


def by_kind(parts: dict[str, int]) -> dict[str, int]:
    """The breakdown summed by kind of step over all exercises (dialogs and prompts as they are)."""
    kinds = set(KIND_GROUPS.values())
    groups: dict[str, int] = defaultdict(int)
    for label, size in parts.items():
        kind = label.rsplit(": ", 1)[-1]
        groups[kind if kind in kinds else label] += size
    return dict(groups)


def print_breakdown(parts: dict[str, int], total: int) -> None:
    """The breakdown, largest first, with each share of the total; then the same by kind."""
    print(f"  where lumbar's {total / 1000:.1f} kB went:", flush=True)
    for label, size in sorted(parts.items(), key=lambda item: -item[1]):
        print(f"    {size / 1000:8.1f} kB  {100 * size / total:5.1f}%  {label}", flush=True)
    print("  by kind:", flush=True)
    for label, size in sorted(by_kind(parts).items(), key=lambda item: -item[1]):
        print(f"    {size / 1000:8.1f} kB  {100 * size / total:5.1f}%  {label}", flush=True)


def run_lumbar() -> Played:
    """Play the whole session on an empty history, printing the breakdown."""
    timeline = quick_ten()
    with tempfile.TemporaryDirectory(prefix="lumbar-bench-") as name:
        played = play(write_history(Path(name) / "lumbar.json", 0), timeline)
    print(
        f"  lumbar: {played.total} bytes in {played.seconds:.1f} s"
        f" (the timeline plans {timeline.total_seconds} s after the pain check)",
        flush=True,
    )
    print_breakdown(breakdown(played.terminal.chunks, played, timeline), played.total)
    return played


def termdown_installed() -> bool:
    """True if termdown is there to run; if not, say so."""
    if not TERMDOWN.exists():
        print("  termdown not installed (make setup installs it)", flush=True)
    return TERMDOWN.exists()


def run_termdown(seconds: int) -> int | None:
    """Every byte ``termdown SECONDS`` writes from launch to exit (None: not installed)."""
    if not termdown_installed():
        return None
    with Terminal([str(TERMDOWN), str(seconds)]) as terminal:
        deadline = time.perf_counter() + seconds + 30
        while not terminal.exited() and time.perf_counter() < deadline:
            terminal.read(0.5)
        terminal.settle()
        total = len(terminal.output)
    print(f"  termdown {seconds}: {total} bytes", flush=True)
    return total


def figures() -> list[Figure]:
    """A whole Quick 10 session in lumbar, then termdown for as long as it took.

    Nothing is played without termdown to compare with.
    """
    if not termdown_installed():
        return []
    played = run_lumbar()
    seconds = round(played.seconds)
    baseline = run_termdown(seconds)
    if baseline is None:
        return []
    name = f"termdown {seconds} (default font)"
    return [
        Figure("wire, a whole Quick 10 session", played.total, name, baseline, TARGET, unit="kB"),
        Figure(
            "wire, the same a second",
            played.total / played.seconds,
            name,
            baseline / seconds,
            note="the same bytes over the same seconds",
            unit="B/s",
        ),
    ]


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["lumbar"]:
            run_lumbar()
        case ["termdown", seconds]:
            run_termdown(int(seconds))
        case _:
            print_figures(figures())
