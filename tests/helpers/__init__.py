"""The one place tests take their helpers from: fakes, histories, samples, the app and its keys.

Test modules import from here (``from tests.helpers import FakeClock, begin``), never from each
other. The store's record factories live in ``tests.store_child``, the child program that needs
them too and must start without Textual; ``tests.demo`` is shared with the screenshots and the
benchmarks.
"""

from tests.demo import GAP_WEEK, demo_history, years_of_sessions
from tests.helpers.fakes import (
    BASE,
    SEEDS,
    START,
    FakeClock,
    answered_safety_check,
    counted_decodes,
    run_cli,
    said_yes_to_a_red_flag,
)
from tests.helpers.fhir_checks import allowed, entries, fhir_history, of_type, references, validate
from tests.helpers.histories import (
    MARCH,
    STRETCHES,
    TILT,
    TUCK,
    UNLOCKS,
    align_day,
    at_rungs,
    everything_done,
    midway,
    plans_after,
    result_at,
    session_before,
)
from tests.helpers.old_records import EARLIER_IDS, GONE, earlier_history
from tests.helpers.pilots import (
    SIZE,
    MakeApp,
    Notice,
    add,
    app_on,
    asking,
    begin,
    choose,
    cursor_to,
    end_now,
    hold_of,
    notifications,
    open_progress,
    option_ids,
    player,
    run_from_palette,
    snapshot,
    under_cursor,
    wait,
)
from tests.helpers.plain import ScriptedKeys, lines_of, plain_run, pressed
from tests.helpers.prescriptions import EXAMPLE, PRESCRIBED, with_example, write_example
from tests.helpers.routines import dosed, timeline_of
from tests.helpers.samples import EVENING, GOOD, without_movement
from tests.helpers.speech import FakeSpeech, fake_speech
from tests.helpers.stopped import play_out, stopped_session
from tests.store_child import RECORD_BASE, make_result, make_session

__all__ = [
    "BASE",
    "EARLIER_IDS",
    "EVENING",
    "EXAMPLE",
    "GAP_WEEK",
    "GONE",
    "GOOD",
    "MARCH",
    "PRESCRIBED",
    "RECORD_BASE",
    "SEEDS",
    "SIZE",
    "START",
    "STRETCHES",
    "TILT",
    "TUCK",
    "UNLOCKS",
    "FakeClock",
    "FakeSpeech",
    "MakeApp",
    "Notice",
    "ScriptedKeys",
    "add",
    "align_day",
    "allowed",
    "answered_safety_check",
    "app_on",
    "asking",
    "at_rungs",
    "begin",
    "choose",
    "counted_decodes",
    "cursor_to",
    "demo_history",
    "dosed",
    "earlier_history",
    "end_now",
    "entries",
    "everything_done",
    "fake_speech",
    "fhir_history",
    "hold_of",
    "lines_of",
    "make_result",
    "make_session",
    "midway",
    "notifications",
    "of_type",
    "open_progress",
    "option_ids",
    "plain_run",
    "plans_after",
    "play_out",
    "player",
    "pressed",
    "references",
    "result_at",
    "run_cli",
    "run_from_palette",
    "said_yes_to_a_red_flag",
    "session_before",
    "snapshot",
    "stopped_session",
    "timeline_of",
    "under_cursor",
    "validate",
    "wait",
    "with_example",
    "without_movement",
    "write_example",
    "years_of_sessions",
]
