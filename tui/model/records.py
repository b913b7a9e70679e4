"""Typed records of what the user did: planned doses, exercise results, sessions and settings.

The engine produces them, the store keeps them, the screens show them. Nothing here imports
Textual. Times are timezone-aware datetimes (the user's local time with its offset).
"""

from __future__ import annotations

from abc import abstractmethod
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Annotated, Literal, NamedTuple, overload

from msgspec import Meta, Struct

from tui.model.catalogue import Counts, Dose, Sides

Feedback = Literal["easy", "right", "hard", "hurt"]
Outcome = Literal["done", "cut", "skipped", "hurt", "stopped", "gated"]
"""How an exercise ended: "done" in full; "cut" short (played to its end, but a rep left undone
or a hold ended before its planned time); "skipped"; "hurt" (stopped because it hurt);
"stopped" when the session ended during it; or "gated": it ended at a stage's gate, because the
user answered no (not ready yet). Records from before "cut" say "done" for both."""
SessionStatus = Literal["partial", "complete"]
NOTE_LENGTH = 500
"""The longest note a session keeps, in characters (a few sentences for the clinician)."""


def tidy_note(text: str) -> str:
    """A note as a session keeps it: spaces trimmed, at most ``NOTE_LENGTH`` characters."""
    return text.strip()[:NOTE_LENGTH].rstrip()


NotifyMethod = Literal["off", "osc9", "osc777", "osc99"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
"""A day of the week, as the settings name it."""
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Every day of the week, Monday first (``date.weekday()`` order)."""
PainScore = Annotated[int, Meta(ge=0, le=10)]
Moment = Annotated[datetime, Meta(tz=True)]
"""A time with its offset from UTC: one without (a hand-edited file, a foreign export) is refused
when read, as it could not be placed among the others."""

SCHEMA_VERSION = 2
"""2: the history's records (sessions and what is inside them) are stored without the fields
that hold their default value (a third smaller); 1 stored every field."""


class Entry(Struct, kw_only=True, frozen=True, forbid_unknown_fields=True, gc=False):
    """Base of the stored records: keyword-only, immutable, unknown fields refused.

    The data file leaves out a session's fields that hold their default value, so a default of
    a session's records is part of the file format: changing one would change what every
    stored record says (``tests/unit/test_record_defaults.py`` pins them all).
    """


class StagePlan(Entry, kw_only=True, frozen=True):
    """A dose (or one stage of it) resolved to plain numbers at the user's level."""

    name: str = ""
    sets: int = 1
    reps: int = 1
    hold: int = 0
    sides: Sides = "none"
    rest_reps: int = 0
    rest_sets: int = 0
    tempo: int = 0
    positions: tuple[str, ...] = ()

    @property
    def side_count(self) -> int:
        """How many sides each rep is done on: 1, or 2 for each/alternate."""
        return 1 if self.sides == "none" else 2

    @property
    def total_reps(self) -> int:
        """Every rep of every set on every side."""
        return self.sets * self.reps * self.side_count


def plan_counts(counts: Counts, level: float, name: str = "") -> StagePlan:
    """Resolve one set of counts to plain numbers a fraction ``level`` of the way up its ranges."""
    return StagePlan(
        name=name,
        sets=counts.sets.at(level),
        reps=counts.reps.at(level),
        hold=counts.hold.at(level) if counts.hold else 0,
        sides=counts.sides,
        rest_reps=counts.rest_reps,
        rest_sets=counts.rest_sets,
        tempo=counts.tempo,
        positions=counts.positions,
    )


def plan_dose(dose: Dose, level: float) -> tuple[StagePlan, ...]:
    """Resolve a dose to the stages to play at a progression level (0 low end, 1 high end)."""
    if dose.stages:
        return tuple(plan_counts(stage, level, stage.name) for stage in dose.stages)
    return (plan_counts(dose, level),)


class GateAnswer(Entry, kw_only=True, frozen=True):
    """The user's answer to a stage's gate question (see :class:`tui.model.catalogue.Gate`)."""

    gate: str
    """The gate's key: its question (see :func:`tui.model.catalogue.gate_key`)."""
    passed: bool
    """True for a yes: the later stages play from now on. False: ask again next time."""
    answered_at: Moment


class ExerciseResult(Entry, kw_only=True, frozen=True):
    """How one exercise of a session went: what was planned and what was done."""

    exercise: str
    routine: str | None = None
    """The routine the exercise was played from (a warm-up's own id); None in older records."""
    level: float = 0.0
    """The old fraction of the way up the ranges; kept for records from before rungs."""
    rung: int | None = None
    """Its level on its dose's ladder (see tui.model.dosing); None in older records."""
    planned: tuple[StagePlan, ...]
    reps_done: int = 0
    """Planned reps done: each step of the rep ran its time (after any + or -) or was counted."""
    seconds_held: int = 0
    seconds_added: int = 0
    holds_cut: int = 0
    """Holds that ended before their planned seconds: by next, skip, "this hurts" or quitting
    part-way, or shortened below the plan with -. 0 in records from before it was kept."""
    outcome: Outcome
    feedback: Feedback | None = None
    started_at: Moment
    ended_at: Moment
    gates: tuple[GateAnswer, ...] = ()
    """The gate questions answered during it (empty in older records)."""

    @property
    def planned_reps(self) -> int:
        """Every rep the plan asked for, each side counting once."""
        return sum(stage.total_reps for stage in self.planned)

    @property
    def full(self) -> bool:
        """True when it was done in full: to its end, every planned rep done, no hold cut short."""
        return (
            self.outcome == "done" and self.reps_done >= self.planned_reps and self.holds_cut == 0
        )

    @property
    def hurt(self) -> bool:
        """True when the user said it hurt, during the exercise or in feedback after it."""
        return self.outcome == "hurt" or self.feedback == "hurt"


class Resumption(Entry, kw_only=True, frozen=True):
    """A break in a session: it stopped (a dropped link, a crash, quit) and was continued later."""

    stopped_at: Moment
    """When it stopped: the partial session's end (else its last exercise's)."""
    resumed_at: Moment
    """When it was continued."""

    @property
    def seconds(self) -> float:
        """How long the break lasted (never negative)."""
        return max(0.0, (self.resumed_at - self.stopped_at).total_seconds())


class Session(Entry, kw_only=True, frozen=True):
    """One session of a routine, saved as it goes (partial) and at the end (complete)."""

    id: str
    routine: str
    routine_name: str
    phase: str | None = None
    started_at: Moment
    ended_at: Moment | None = None
    status: SessionStatus = "partial"
    pain_before: PainScore | None = None
    pain_after: PainScore | None = None
    exercises: tuple[ExerciseResult, ...] = ()
    resumed: tuple[Resumption, ...] = ()
    """Every time it stopped and was continued into this same record (empty in older ones)."""
    note: Annotated[str, Meta(max_length=NOTE_LENGTH)] = ""
    """What the user wrote about the session at its end, in their words (empty: nothing)."""

    @property
    def hurt(self) -> bool:
        """True when any exercise of the session hurt."""
        return any(result.hurt for result in self.exercises)

    @property
    def stopped_at(self) -> datetime:
        """Its last saved moment: its end, else its last exercise's end, else its start."""
        end = self.ended_at or (self.exercises[-1].ended_at if self.exercises else None)
        return end or self.started_at

    @property
    def seconds(self) -> float:
        """How long the session lasted, from start to its last saved moment, breaks left out."""
        breaks = sum(gap.seconds for gap in self.resumed)
        return max(0.0, (self.stopped_at - self.started_at).total_seconds() - breaks)


class SessionHistory(Sequence[Session]):
    """Sessions oldest first (by start, then id), as the store hands them over.

    A store decodes each session only as it is read and keeps none of them, so years of
    history are never all in memory at once: walk it (``for session in history``) rather than
    copy it. The same object comes back while the file is unchanged, so what is worked out
    from it can be remembered against it.
    """

    @abstractmethod
    def __len__(self) -> int:
        """How many sessions there are."""

    @overload
    def __getitem__(self, index: int) -> Session: ...

    @overload
    def __getitem__(self, index: slice) -> SessionHistory: ...

    @abstractmethod
    def __getitem__(self, index: int | slice) -> Session | SessionHistory:
        """One session, decoded now; or a slice of them, still oldest first and undecoded."""

    @abstractmethod
    def __iter__(self) -> Iterator[Session]:
        """Each session in turn, decoded as it is reached."""

    def fingerprints(self, *counts: int) -> tuple[str, ...] | None:
        """A digest of the first ``count`` sessions as stored, for each count (one read of them).

        Two histories whose first ``count`` sessions are stored byte for byte alike give the
        same digest, so figures added up from them once can be carried on from (see
        :mod:`tui.history.tally`). ``None``: this history cannot tell (it is not stored).
        """
        return None


class Settings(Entry, kw_only=True, frozen=True):
    """The user's settings; every field has a default, so an old file gains new ones."""

    theme: str = "textual-dark"
    get_ready_seconds: Annotated[int, Meta(ge=0, le=60)] = 5
    bell: bool = True
    notify: NotifyMethod = "off"
    weekly_target: Annotated[int, Meta(ge=1, le=14)] = 3
    """Training days a week (the settings offer 1 to 7; files from when it said sessions may
    hold up to 14, which count as 7)."""
    warm_up: bool = True
    """Play the warm-up routine first (on by default: Klarity calls a warm-up imperative)."""
    cool_down: bool = False
    pain_threshold: Annotated[int, Meta(ge=1, le=10)] = 7
    """Pain at or above this, before or after a session, is a pain flag (lumbar's choice: 7)."""
    speech: bool = False
    """Speak the cues through the machine's speech command (never over SSH: see tui.session)."""
    wait_for_me: bool = False
    """Each exercise after the first starts on the user's key, not when a countdown ends."""
    gates_again: tuple[GateAnswer, ...] = ()
    """Gate answers taken back on the settings screen (a no, dated): asked again next time."""
    remind_days: tuple[Weekday, ...] = WEEKDAYS
    """The days ``lumbar remind`` may speak on (a session must be due as well: rest days never)."""
    remind_quiet: bool = False
    """``lumbar remind`` says nothing at all (the status line still says when one is due)."""
    plain_player: bool = False
    """``lumbar play`` plays in lines, without the full screen (for screen readers)."""


class Clearance(Entry, kw_only=True, frozen=True, omit_defaults=True):
    """The user's word that a clinician cleared them to exercise after a red-flag yes."""

    stated_at: Moment
    """When the user said so."""
    after_check: Moment
    """When they gave the answers with the yes that this clearance lifts."""
    yes_to: tuple[str, ...] = ()
    """The red flags (advice ids) they had said yes to."""


class SafetyCheck(Entry, kw_only=True, frozen=True, omit_defaults=True):
    """The user's answers to the red-flag questions, when they gave them, and any clearance.

    The fields after ``yes_to`` have defaults, so records and exports from before they were
    kept still load (as answers with no clearance); and a field at its default is not written,
    so answers with no clearance stay readable by a lumbar from before clearances.
    """

    answered_at: Moment
    any_yes: bool
    yes_to: tuple[str, ...] = ()
    """The red flags (advice ids) the user said yes to; empty in records from before it was kept."""
    cleared_at: Moment | None = None
    """When the user stated that a clinician cleared them to exercise after these answers."""
    earlier: tuple[Clearance, ...] = ()
    """The clearances stated after earlier answers, oldest first: kept for the history."""


class RoadmapState(Entry, kw_only=True, frozen=True):
    """Choices the user made on the roadmap that the history alone cannot tell."""

    moved_to: str | None = None
    moved_at: Moment | None = None


def outcome_tally(session: Session) -> Counter[Outcome]:
    """How many exercises of the session ended with each outcome (0 for any it had none of)."""
    return Counter(result.outcome for result in session.exercises)


class OutcomeCounts(NamedTuple):
    """How a session's exercises ended, counted: see :func:`outcome_counts`."""

    done: int
    """Done in full."""
    cut: int
    """Played to the end, but a rep left undone or a hold cut short."""
    skipped: int
    """Skipped by the user, or ended at a gate the user answered no."""
    stopped: int
    """Stopped when the session ended during it (ended early, or the link dropped)."""
    hurt: int
    """That hurt: stopped because of it, or rated so after."""


def outcome_counts(session: Session) -> OutcomeCounts:
    """Exercises done in full, cut short, skipped, stopped and that hurt, in a session."""
    done = cut = skipped = stopped = hurt = 0
    for result in session.exercises:  # one pass, no Counter: the progress screen counts years
        outcome = result.outcome
        if outcome == "done":
            done += 1
        elif outcome == "cut":
            cut += 1
        elif outcome in ("skipped", "gated"):
            skipped += 1
        elif outcome == "stopped":
            stopped += 1
        hurt += result.hurt
    return OutcomeCounts(done, cut, skipped, stopped, hurt)
