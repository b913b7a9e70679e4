"""The catalogue's typed records: ranges and doses."""

from __future__ import annotations

import msgspec
import pytest

from tui.model.catalogue import Count, Dose, Seconds, decode_hook


def decode_dose(raw: dict[str, object]) -> Dose:
    return msgspec.convert(raw, Dose, dec_hook=decode_hook, strict=True)


def test_a_single_number_is_a_range_that_does_not_progress() -> None:
    hold = Seconds.parse(20)
    assert (hold.low, hold.high, hold.is_range) == (20, 20, False)


def test_a_pair_is_a_range_from_low_to_high() -> None:
    reps = Count.parse([8, 12])
    assert (reps.low, reps.high, reps.is_range) == (8, 12, True)
    assert [reps.at(level) for level in (0, 0.5, 1, 2)] == [8, 10, 12, 12]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ([30, 15], "reversed"),
        ([15, 15], "reversed or empty"),
        (0, "out of bounds"),
        (-5, "out of bounds"),
        (5000, "out of bounds"),
        ("ten", "expected a whole number"),
        (True, "expected a whole number"),
        ([1, 2, 3], "expected a whole number"),
    ],
)
def test_bad_ranges_are_refused_with_a_reason(value: object, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        Seconds.parse(value)


def test_a_simple_dose_plays_as_one_stage() -> None:
    dose = decode_dose({"hold": [15, 30], "reps": [2, 4], "sides": "each"})
    assert dose.plan() == (dose,)
    assert dose.hold == Seconds(15, 30)


def test_a_staged_dose_plays_its_stages_in_order() -> None:
    dose = decode_dose(
        {
            "stages": [
                {"name": "Lie face down", "cue": "Lie on your front.", "hold": 300},
                {"name": "Press-ups", "cue": "Push up.", "hold": [1, 10], "reps": 10, "sets": 4},
            ]
        }
    )
    assert [stage.name for stage in dose.plan()] == ["Lie face down", "Press-ups"]  # type: ignore[attr-defined]


def test_a_dose_cannot_mix_stages_with_its_own_counts() -> None:
    with pytest.raises(msgspec.ValidationError, match="both stages and its own counts"):
        decode_dose({"hold": 5, "stages": [{"name": "A", "cue": "Do it.", "hold": 3}]})


def test_ranges_compare_by_value() -> None:
    assert Count(3) == Count(3, 3)
    assert Count(3) != Seconds(3)
    assert len({Count(1, 2), Count(1, 2)}) == 1
