"""A dose's numbers as the articles give them: a whole number, or a range to progress along.

``Range`` (and its ``Count`` and ``Seconds``) read from TOML as ``8`` or ``[8, 12]``; the hooks
teach msgspec to read and write them. Nothing here imports Textual.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class Range:
    """A whole number or a ``[low, high]`` range: start at ``low``, progress toward ``high``.

    Subclasses set the smallest and largest value that makes sense for what they count.
    """

    __slots__ = ("high", "low")
    minimum: ClassVar[int] = 0
    maximum: ClassVar[int] = 10_000
    unit: ClassVar[str] = ""

    low: int
    high: int

    def __init__(self, low: int, high: int | None = None) -> None:
        self.low = low
        self.high = low if high is None else high

    @classmethod
    def parse(cls, value: object) -> Self:
        """Build a range from TOML: an integer or a two-integer array, checked against limits."""
        if isinstance(value, int) and not isinstance(value, bool):
            low, high = value, value
        elif (
            isinstance(value, list | tuple)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            low, high = value
            if low >= high:
                raise ValueError(
                    f"range [{low}, {high}] is reversed or empty: write [low, high] with "
                    f"low < high, or a single number"
                )
        else:
            raise ValueError(
                f"expected a whole number or a [low, high] pair of whole numbers, got {value!r}"
            )
        for bound in (low, high):
            if not cls.minimum <= bound <= cls.maximum:
                raise ValueError(
                    f"{bound} is out of bounds: use {cls.minimum} to {cls.maximum}{cls.unit}"
                )
        return cls(low, high)

    @property
    def is_range(self) -> bool:
        """True when the value may progress (low and high differ)."""
        return self.low != self.high

    def at(self, level: float) -> int:
        """The value a fraction ``level`` (0 to 1) of the way from low to high, rounded."""
        level = min(max(level, 0.0), 1.0)
        return round(self.low + (self.high - self.low) * level)

    def to_builtins(self) -> dict[str, int]:
        """The JSON shape of a range."""
        return {"low": self.low, "high": self.high}

    def __eq__(self, other: object) -> bool:
        """Ranges are equal when both ends are."""
        return type(other) is type(self) and (self.low, self.high) == (other.low, other.high)

    def __hash__(self) -> int:
        """Hash on both ends, like a tuple."""
        return hash((type(self).__name__, self.low, self.high))

    def __repr__(self) -> str:
        """Show the range as it is written in TOML."""
        text = str(self.low) if self.low == self.high else f"[{self.low}, {self.high}]"
        return f"{type(self).__name__}({text})"


class Count(Range):
    """How many sets or reps: at least one."""

    minimum = 1
    maximum = 100


class Seconds(Range):
    """A hold in seconds: at least one second, at most an hour."""

    minimum = 1
    maximum = 3600
    unit = " seconds"


def decode_hook(kind: type, value: Any) -> Any:
    """Teach msgspec to read the custom range types from TOML."""
    if isinstance(kind, type) and issubclass(kind, Range):
        return kind.parse(value)
    raise NotImplementedError(f"no decoder for {kind!r}")


def encode_toml_range(value: Any) -> Any:
    """Write a range as TOML does (a number or ``[low, high]``), the form ``decode_hook`` reads."""
    if isinstance(value, Range):
        return [value.low, value.high] if value.is_range else value.low
    raise NotImplementedError(f"no encoder for {type(value)!r}")


def encode_hook(value: Any) -> Any:
    """Teach msgspec to write the custom range types as JSON."""
    if isinstance(value, Range):
        return value.to_builtins()
    raise NotImplementedError(f"no encoder for {type(value)!r}")
