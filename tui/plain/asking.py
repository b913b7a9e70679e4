"""The plain player's questions: one key from a list, yes or no, and the pain check.

Each question prints one line and waits for a key it knows (any other key gets one short line
saying which keys answer). The pain check is the full player's: ``0`` and ``2`` to ``9`` at
once, ``t`` is 10, and ``1`` waits a moment for the ``0`` of a 10 (Enter, or the moment
passing, keeps 1), so ``1`` ``0`` typed as a number, or the line ``10``, records 10. Enter (or
Escape) skips it: the pain is then unknown, never "no pain".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal, TypeVar

from tui.plain.keys import Keys

T = TypeVar("T")

TEN_WAIT = 3.0
"""Seconds a 1 waits for the 0 of a 10 before it is kept as 1 (the full player's)."""
PAIN_KEYS = {**{str(score): score for score in range(10)}, "t": 10}
"""The key for each pain score from 0 to 10 (the full player's)."""
SKIP_KEYS = ("enter", "escape")
"""The keys that skip the pain check (Enter is the one a line can give)."""

PainAnswer = int | Literal["undo"] | None
"""A pain score, undo (take back the key that ended the session), or None: skipped."""


class Asker:
    """Asks questions on a line each, reading keys from ``keys`` and writing with ``say``."""

    def __init__(self, keys: Keys, say: Callable[[str], None], clock: Callable[[], float]) -> None:
        """Read from ``keys``, print with ``say``; ``clock`` times the wait after a 1."""
        self.keys = keys
        self.say = say
        self.clock = clock

    def choose(self, question: str, answers: Mapping[str, T], hint: str = "") -> T:
        """Print ``question`` and wait for one of the keys of ``answers``; its answer.

        Any other key prints ``hint`` (by default, the keys that answer) and waits on.
        """
        self.say(question)
        while True:
            key = self.keys.read(None)
            if key is not None and key in answers:
                return answers[key]
            if key is not None:
                self.say(hint or f"Press {', '.join(name_of(k) for k in answers)}.")

    def yes_no(self, question: str, *, yes: tuple[str, ...] = ("y",)) -> bool:
        """A yes-or-no question: y (or ``yes``) is yes; n, Escape or Enter is no."""
        answers = {key: True for key in yes} | {"n": False, "escape": False}
        if "enter" not in yes:
            answers["enter"] = False
        return self.choose(question, answers)

    def pain(
        self,
        question: str,
        *,
        confirm_skip: bool = False,
        undo_left: Callable[[], float] | None = None,
        ten_wait: float = TEN_WAIT,
    ) -> PainAnswer:
        """The pain check: a score from 0 to 10, None if skipped, or "undo" while in time.

        With ``confirm_skip``, the skip must be given twice (a key meant for the question
        before must not leave the pain unknown). ``u`` answers "undo" while ``undo_left()``
        is more than 0.
        """
        self.say(question)
        skipping = False
        while True:
            key = self.keys.read(None)
            if key == "1":
                return self.one_or_ten(ten_wait)
            if key in PAIN_KEYS:
                return PAIN_KEYS[key]
            if key == "u" and undo_left is not None and undo_left() > 0:
                return "undo"
            if key in SKIP_KEYS and (skipping or not confirm_skip):
                return None
            if key in SKIP_KEYS:
                skipping = True
                self.say("Enter again leaves your pain unknown; or press the key for it.")
            elif key is not None:
                self.say("Press a key from 0 to 9, or t for 10; Enter skips.")

    def one_or_ten(self, ten_wait: float) -> int:
        """After a 1: 0 makes it 10; Enter or ``ten_wait`` seconds keep 1; a digit replaces it."""
        self.say(f"1? Press 0 for 10, or Enter to keep 1 (kept in {ten_wait:g} seconds).")
        until = self.clock() + ten_wait
        while (left := until - self.clock()) > 0:
            key = self.keys.read(left)
            if key == "0":
                return 10
            if key == "enter" or key is None:
                return 1
            if key in PAIN_KEYS:
                return PAIN_KEYS[key]
        return 1


SPOKEN_NAMES = {
    "enter": "Enter",
    "escape": "Escape",
    "space": "Space",
    "plus": "+",
    "minus": "-",
    "exclamation_mark": "!",
    "question_mark": "?",
    "right": "right arrow",
    "left": "left arrow",
    "ctrl+q": "Ctrl+Q",
}
"""How a key is written in the plain player's lines."""


def name_of(key: str) -> str:
    """A key as the lines name it: ``Enter``, ``+``, ``s``."""
    return SPOKEN_NAMES.get(key, key)
