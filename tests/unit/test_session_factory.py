"""Building a session: the settings choose the frame and the cues, the plans choose the doses."""

from __future__ import annotations

from tests.helpers import FakeClock, at_rungs
from tui.model import Catalogue, ItemPlan, Routine, Session, Settings
from tui.session import SessionParts, build_session, routine_of_kind


class Saved:
    """A store that keeps every session handed to it."""

    def __init__(self) -> None:
        self.sessions: list[Session] = []

    def save_session(self, session: Session) -> None:
        self.sessions.append(session)


def build(
    catalogue: Catalogue,
    routine: Routine,
    settings: Settings,
    plans: dict[str, tuple[ItemPlan, ...]] | None = None,
    saver: Saved | None = None,
    **options: object,
) -> SessionParts:
    clock = FakeClock()
    return build_session(
        catalogue,
        routine,
        plans or {},
        settings,
        saver or Saved(),
        clock=clock,
        wall=clock.wall,
        **options,  # type: ignore[arg-type]
    )


def parts_played(built: SessionParts) -> list[str]:
    return [exercise.part for exercise in built.engine.timeline.exercises]


def test_no_warm_up_or_cool_down_unless_the_settings_ask(catalogue: Catalogue) -> None:
    built = build(catalogue, catalogue.routine("spinenation"), Settings(warm_up=False))
    assert set(parts_played(built)) == {"main"}


def test_the_settings_frame_the_routine_with_warm_up_and_cool_down(catalogue: Catalogue) -> None:
    built = build(
        catalogue, catalogue.routine("spinenation"), Settings(warm_up=True, cool_down=True)
    )
    assert parts_played(built) == ["warm-up"] * 3 + ["main"] * 8 + ["cool-down"] * 4


def test_only_the_warm_up_when_only_it_is_asked_for(catalogue: Catalogue) -> None:
    built = build(catalogue, catalogue.routine("spinenation"), Settings(warm_up=True))
    assert parts_played(built)[:3] == ["warm-up"] * 3
    assert "cool-down" not in parts_played(built)


def test_the_warm_up_frames_the_routine_by_default(catalogue: Catalogue) -> None:
    """Settings as a new user has them: the warm-up first."""
    built = build(catalogue, catalogue.routine("spinenation"), Settings())
    assert parts_played(built)[:3] == ["warm-up"] * 3


def test_the_warm_up_routine_played_alone_is_not_framed_by_itself(catalogue: Catalogue) -> None:
    warm_up = catalogue.routine("warm-up")
    built = build(catalogue, warm_up, Settings(warm_up=True))
    assert set(parts_played(built)) == {"main"}
    assert routine_of_kind(catalogue, "warm-up", warm_up) is None
    assert routine_of_kind(catalogue, "cool-down", warm_up) == catalogue.routine("cool-down")


def test_the_plans_choose_the_doses(catalogue: Catalogue) -> None:
    """With no plan an item plays its low end; with one, the dose the plan gives."""
    routine = catalogue.routine("spinenation")
    low = build(catalogue, routine, Settings(warm_up=False))
    plans = at_rungs(catalogue, "spinenation", hamstring_stretch_lying=99)
    high = build(catalogue, routine, Settings(warm_up=False), plans=plans)
    first_low, first_high = low.engine.timeline.exercises[0], high.engine.timeline.exercises[0]
    assert (first_low.rung, first_high.rung) == (0, 7)
    assert first_high.planned[0].hold == 30
    assert first_low.planned[0].hold != first_high.planned[0].hold


def test_the_settings_choose_the_get_ready_time_the_bell_and_the_notices(
    catalogue: Catalogue,
) -> None:
    settings = Settings(get_ready_seconds=12, bell=False, notify="osc9")
    written: list[str] = []
    built = build(
        catalogue, catalogue.routine("spinenation"), settings, terminal=written.append, tmux=True
    )
    assert built.engine.timeline.steps[0].duration == 12
    assert built.bell is False
    assert (built.cues.method, built.cues.tmux, built.cues.write) == ("osc9", True, written.append)


def test_the_recorder_saves_into_the_saver_given(catalogue: Catalogue) -> None:
    saver = Saved()
    built = build(catalogue, catalogue.routine("spinenation"), Settings(), saver=saver)
    assert built.recorder.store is saver
    assert built.recorder.engine is built.engine


def test_the_phase_is_the_sessions_phase(catalogue: Catalogue) -> None:
    built = build(catalogue, catalogue.routine("spinenation"), Settings(), phase="align")
    built.engine.start()
    assert built.engine.session().phase == "align"
