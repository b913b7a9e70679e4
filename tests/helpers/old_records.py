"""A history written before issue 13 split the dead bug: every exercise id the catalogue had."""

from __future__ import annotations

from datetime import timedelta

import msgspec

from tests.store_child import make_result, make_session
from tui.model.records import Session

EARLIER_IDS = (
    "arm-circles",
    "back-extension",
    "back-stabiliser",
    "bird-dog",
    "bridge",
    "cat-cow",
    "childs-pose",
    "dead-bug",
    "dead-bug-single-limb",
    "deep-stomach-tone",
    "donkey-kick",
    "double-knee-tuck",
    "getting-up-from-bed",
    "hamstring-stretch-lying",
    "hamstring-stretch-standing",
    "hamstring-unlock",
    "hip-flexor-stretch",
    "hip-flexor-unlock",
    "hip-hinge-back-extension",
    "hip-hinge-dowel",
    "knee-rolls",
    "knee-to-chest",
    "lift-heavy-object",
    "lumbo-pelvic-march",
    "marching-in-place",
    "modified-plank",
    "multi-directional-lunge",
    "partial-crunch",
    "pelvic-clock-seated",
    "pelvic-tilt",
    "pick-up-light-object",
    "piriformis-stretch",
    "piriformis-unlock",
    "plank",
    "seated-rotation",
    "segmental-bridge",
    "side-bend",
    "side-plank",
    "side-plank-bent-knees",
    "single-leg-raise",
    "sit-to-stand",
    "squat",
    "tabletop-hold",
    "tall-kneeling-hip-extension",
    "walking",
    "wall-sit",
)
"""Every exercise id of the catalogue before issue 13, sorted: ``dead-bug-single-limb`` too."""

GONE = "dead-bug-single-limb"
"""The id issue 13 retired: the Essential Guide's dead bug is ``dead-bug-staged`` now."""

EARLIER_ROUTINES = ("essential-guide", "sciatica-friendly", "asm-stabilize", "ten-best")
"""Routines that played a dead bug before the split."""


def earlier_history() -> list[Session]:
    """One session per earlier routine, each with a result for every earlier id.

    The retired id hurt once (in the sciatica routine) and went well elsewhere.
    """
    sessions = []
    for day, routine in enumerate(EARLIER_ROUTINES):
        session = make_session(f"old-{day}", day=day * 2, routine=routine, routine_name=routine)
        results = []
        for minute, exercise in enumerate(EARLIER_IDS):
            hurt = exercise == GONE and routine == "sciatica-friendly"
            start = session.started_at + timedelta(minutes=minute)
            results.append(
                make_result(
                    exercise,
                    started_at=start,
                    ended_at=start + timedelta(minutes=1),
                    outcome="hurt" if hurt else "done",
                    feedback="hurt" if hurt else "right",
                )
            )
        ended = session.started_at + timedelta(minutes=len(results))
        sessions.append(msgspec.structs.replace(session, exercises=tuple(results), ended_at=ended))
    return sessions
