"""How every benchmark prints a figure: the measure, its baseline, the ratio and the target."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure beside the baseline measured in the same run.

    ``unit`` is ``s`` (shown in ms), ``B/s``, ``B`` (shown in MB) or ``kB`` (bytes, shown in
    kB). ``target`` is the largest ratio allowed, or None where the target is absolute
    (``limit``, in the figure's unit).
    """

    name: str
    value: float
    baseline_name: str
    baseline: float
    target: float | None = None
    note: str = ""
    unit: str = "s"
    limit: float | None = None

    @property
    def ratio(self) -> float:
        """The figure over its baseline."""
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def met(self) -> bool:
        """True when the target (a ratio, or an absolute limit) is met."""
        if self.limit is not None:
            return self.value <= self.limit
        return self.target is None or self.ratio <= self.target


def shown(value: float, unit: str) -> str:
    """A value in the unit people read it in."""
    if unit == "s":
        return f"{value * 1000:.1f} ms"
    if unit == "B":
        return f"{value / 1e6:.1f} MB"
    if unit == "kB":
        return f"{value / 1e3:.1f} kB"
    return f"{value:.0f} {unit}"


def line(figure: Figure) -> str:
    """The figure as one line (and its note on the next)."""
    if figure.limit is not None:
        goal = f"target <= {shown(figure.limit, figure.unit)}"
    elif figure.target is not None:
        goal = f"target <= {figure.target:g}x"
    else:
        goal = "no target"
    verdict = "met" if figure.met else "MISSED"
    text = (
        f"{figure.name}: {shown(figure.value, figure.unit)} | {figure.baseline_name}: "
        f"{shown(figure.baseline, figure.unit)} | ratio {figure.ratio:.2f} | {goal}: {verdict}"
    )
    return text + (f"\n    {figure.note}" if figure.note else "")


def print_figures(figures: Iterable[Figure]) -> None:
    """Print each figure as it is measured."""
    for figure in figures:
        print(line(figure), flush=True)
