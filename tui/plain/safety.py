"""The red-flag check and the stop it can put on sessions, as plain questions.

The same rules as the app's (:mod:`tui.history.safety`): the questions are asked the first time
and once the last answers are 30 days old, one key each, the emergencies first; a yes to an
emergency ends the questions at once with "get urgent medical help now"; any yes stops sessions
until the check is taken again with no yes, or the user states that a clinician has cleared
them (asked to confirm, kept with its date). Nothing here imports Textual or Rich.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Literal

from tui.history import (
    answer,
    clear,
    is_emergency,
    red_flags,
    safety_due,
    said_yes,
    sessions_stopped,
    stop_of,
)
from tui.model import Catalogue, SafetyCheck
from tui.plain.asking import Asker
from tui.store import Store

NOT_ADVICE = "lumbar is not medical advice and does not replace a doctor or physiotherapist."
STOPPED = (
    "lumbar starts no session until you take this check again with no yes, or tell it that a "
    "clinician has cleared you to exercise."
)
EMERGENCY = (
    "Get urgent medical help now: go to an emergency department, or call your local emergency "
    "number, now. Do not wait for an ordinary appointment, and do not exercise."
)
StopChoice = Literal["retake", "cleared", "not-now"]


def red_flag_check(
    catalogue: Catalogue, ask: Asker, now: Callable[[], datetime], previous: SafetyCheck | None
) -> SafetyCheck:
    """Ask the red-flag questions; the answers, dated ``now()`` (clearances of ``previous`` kept).

    ``b`` takes back the last answer, on a question and on the page after a yes.
    """
    flags = red_flags(catalogue)
    ask.say(f"Before you exercise: {len(flags)} questions, y yes or n no each. {NOT_ADVICE}")
    answers: dict[str, bool] = {}
    while True:
        while len(answers) < len(flags):
            flag = flags[len(answers)]
            back = {"b": None, "left": None} if answers else {}
            choices: dict[str, bool | None] = {"y": True, "n": False, **back}
            words = ", b back" if answers else ""
            question = (
                f"Question {len(answers) + 1} of {len(flags)}. Do you have this now? "
                f"{flag.title}. y yes, n no{words}."
            )
            yes = ask.choose(question, choices)
            if yes is None:
                answers.popitem()
                continue
            answers[flag.id] = yes
            if yes and flag.emergency:
                break
        check = answer(answers, now(), previous)
        if not check.any_yes:
            return check
        if not ask.choose(outcome_text(catalogue, check), {"enter": True, "b": False}):
            answers.popitem()
            continue
        return check


def outcome_text(catalogue: Catalogue, check: SafetyCheck) -> str:
    """After a yes: what to do now, what was answered yes, that sessions stop, the keys."""
    first = (
        EMERGENCY
        if is_emergency(catalogue, check.yes_to)
        else "See a doctor or physiotherapist before you exercise."
    )
    yes = " ".join(f"{flag.title}: {flag.text}" for flag in said_yes(catalogue, check.yes_to))
    return (
        f"{first} You answered yes to: {yes} {STOPPED} "
        "Enter: I understand. b: change your last answer."
    )


def open_the_gate(
    catalogue: Catalogue, store: Store, ask: Asker, now: Callable[[], datetime]
) -> bool:
    """Ask the red-flag check if it is due, then say whether a session may start (True).

    While a yes stops sessions, say why and offer the two ways on, as the app does: take the
    check again, or state a clinician's clearance. The answers are kept in ``store``.
    """
    check = store.safety()
    if safety_due(check, now()):
        check = red_flag_check(catalogue, ask, now, check)
        store.save_safety(check)
        if not check.any_yes:
            ask.say("Thank you. lumbar will ask again in 30 days.")
    while sessions_stopped(check) and check is not None:
        choice = stop_choice(catalogue, check, ask)
        if choice == "not-now":
            return False
        if choice == "retake":
            check = red_flag_check(catalogue, ask, now, check)
            store.save_safety(check)
            if not check.any_yes:
                ask.say("Thank you. Sessions can start again. lumbar will ask again in 30 days.")
        else:
            check = clear(check, now())
            store.save_safety(check)
    return True


def stop_choice(catalogue: Catalogue, check: SafetyCheck, ask: Asker) -> StopChoice:
    """Sessions are stopped: why, and the two ways on (a clearance is asked to confirm)."""
    stop = stop_of(catalogue, check)
    if stop is None:
        return "not-now"
    ask.say(f"Sessions are stopped: on {stop.since} you answered yes to a red flag: {stop.yes}.")
    if stop.emergency:
        ask.say("That is an emergency: if you have not had urgent medical help yet, get it now.")
    choices: dict[str, StopChoice] = {"k": "retake", "c": "cleared", "escape": "not-now"}
    choices["enter"] = "not-now"
    while True:
        choice = ask.choose(
            f"{STOPPED} k: take the red-flag check again. c: a clinician has cleared me to "
            "exercise. Enter: not now.",
            choices,
        )
        if choice != "cleared":
            return choice
        if ask.yes_no(
            f"Has a doctor or physiotherapist seen you since {stop.since} and told you that "
            "you may exercise? lumbar keeps your word for it, dated today, and starts sessions "
            "again. y yes, n no."
        ):
            return "cleared"
