"""Sessions that stopped part-way, played on an engine and a fake clock, and playing one out."""

from __future__ import annotations

from tests.helpers.fakes import FakeClock
from tui.model.catalogue import Catalogue
from tui.model.records import Session
from tui.session.engine import Engine
from tui.session.timeline import StepKind, build_timeline


def stopped_session(
    catalogue: Catalogue,
    routine_id: str,
    clock: FakeClock,
    seconds: float,
    *,
    pain_before: int | None = 4,
) -> Session:
    """``routine_id`` played from now for ``seconds`` on ``clock`` (counting reps, saying yes to
    any gate question), then quit."""
    engine = Engine(build_timeline(catalogue, catalogue.routine(routine_id)), clock, clock.wall)
    if pain_before is not None:
        engine.set_pain_before(pain_before)
    engine.start()
    end = clock.now + seconds
    while clock.now < end:
        clock.now = min(end, clock.now + 1.0)
        engine.tick()
        if engine.snapshot().step.kind is StepKind.COUNTED:
            engine.count_rep()
        elif engine.at_gate:
            engine.answer_gate(True)
    engine.quit()
    return engine.session()


def play_out(engine: Engine, clock: FakeClock) -> None:
    """Play the engine's session to its end: every timed step runs out, every rep is counted,
    every gate question is answered yes."""
    while engine.running:
        if engine.snapshot().paused:
            engine.resume()
        if engine.snapshot().step.kind is StepKind.COUNTED:
            engine.count_rep()
        elif engine.at_gate:
            engine.answer_gate(True)
        else:
            clock.now += 30.0
            engine.tick()
