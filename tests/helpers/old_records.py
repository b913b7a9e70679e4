"""A history written before issue 13 split the dead bug: every exercise id the catalogue had."""

from __future__ import annotations

from datetime import timedelta

import msgspec

from tests.store_child import make_result, make_session
from tui.model.records import Session

EARLIER_IDS = tuple(
    """
    marching-in-place arm-circles walking pelvic-tilt lumbo-pelvic-march double-knee-tuck
    hip-flexor-unlock hip-flexor-stretch hamstring-unlock hamstring-stretch-standing
    piriformis-unlock piriformis-stretch partial-crunch wall-sit back-extension bridge
    single-leg-raise side-plank side-plank-bent-knees plank back-stabiliser
    deep-stomach-tone squat hip-hinge-dowel pelvic-clock-seated sit-to-stand
    pick-up-light-object lift-heavy-object getting-up-from-bed tabletop-hold
    segmental-bridge dead-bug dead-bug-single-limb modified-plank donkey-kick bird-dog
    tall-kneeling-hip-extension multi-directional-lunge hip-hinge-back-extension
    hamstring-stretch-lying knee-to-chest cat-cow childs-pose seated-rotation side-bend
    knee-rolls
    """.split()
)
"""Every exercise id of the catalogue before issue 13, when ``dead-bug-single-limb`` existed."""

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
