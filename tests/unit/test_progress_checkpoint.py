"""The progress figures carried on from a checkpoint kept between starts, never when it is stale.

A checkpoint covers all but the latest sessions of the history, with a digest of them as they
were stored; the next walk carries on from it only when they are stored alike and the pain
threshold and the way figures are added up are the same (:mod:`tui.history.tally`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import inspect
from datetime import date
from pathlib import Path

import msgspec
import pytest

from tests.helpers import counted_decodes
from tests.store_child import make_result, make_session
from tui.history import flags, progress, streak, tally
from tui.history.progress import Progress
from tui.history.tally import LEAVE_OUT, Checkpoint, carry_on, work_out
from tui.model import Catalogue, Session, records, words
from tui.store import KeptFile, Store
from tui.store import kept as kept_module

DAYS = 20
TODAY = date(2025, 4, 1)


def varied(day: int) -> Session:
    """A session of ``day`` whose pain, exercises and ratings vary with the day."""
    results = (
        make_result("bird-dog", feedback=("easy", "right", "hard")[day % 3]),
        make_result("cat-cow", outcome="hurt" if day % 7 == 3 else "done", feedback=None),
    )
    session = make_session(f"s-{day:02}", day=day, pain_before=2 + day % 4, pain_after=1 + day % 5)
    return msgspec.structs.replace(session, exercises=results)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A data file of twenty daily sessions."""
    path = tmp_path / "lumbar.json"
    store = Store.open(path)
    for day in range(DAYS):
        store.save_session(varied(day))
    return path


@pytest.fixture
def kept(tmp_path: Path, db: Path) -> KeptFile[Checkpoint]:
    """Where the progress figures of ``db`` are kept (a cache folder of the test's own)."""
    return KeptFile(db, "progress", Checkpoint, tmp_path / "cache")


def carried(
    db: Path | Store, catalogue: Catalogue, kept: KeptFile[Checkpoint], threshold: int = 7
) -> Progress:
    """The figures of the file as it is now, carried on from what is kept, then kept."""
    history = (db if isinstance(db, Store) else Store.open(db)).sessions()
    figures = carry_on(history, catalogue, threshold, kept).progress(3, TODAY)
    kept.write()
    return figures


def walked(db: Path, catalogue: Catalogue, threshold: int = 7) -> Progress:
    """The figures of the file as it is now, from a walk of every session."""
    return work_out(tuple(Store.open(db).sessions()), catalogue, 3, TODAY, threshold)


def same(one: Progress, other: Progress) -> bool:
    """True when two sets of figures show alike (the sessions they came from aside)."""
    return dataclasses.replace(one, sessions=()) == dataclasses.replace(other, sessions=())


def test_a_walk_keeps_all_but_the_latest_sessions(
    db: Path, catalogue: Catalogue, kept: KeptFile[Checkpoint]
) -> None:
    """The first walk keeps a checkpoint of the sessions but the latest few (they may change)."""
    carried(db, catalogue, kept)
    checkpoint = kept.read()
    assert checkpoint is not None
    assert checkpoint.count == DAYS - LEAVE_OUT


def test_carrying_on_gives_a_whole_walk_s_figures_and_decodes_only_the_rest(
    db: Path, catalogue: Catalogue, kept: KeptFile[Checkpoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sessions saved since are added to the checkpoint: the older ones are not decoded again."""
    carried(db, catalogue, kept)
    store = Store.open(db)
    for day in range(DAYS, DAYS + 5):
        store.save_session(varied(day))
    store = Store.open(db)
    store.sessions()
    decoded = counted_decodes(monkeypatch)
    figures = carried(store, catalogue, kept)
    assert len(decoded) == LEAVE_OUT + 5
    assert same(figures, walked(db, catalogue))


def test_a_session_resumed_after_the_checkpoint_keeps_it(
    db: Path, catalogue: Catalogue, kept: KeptFile[Checkpoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The latest session saved again (resumed, noted) is after the checkpoint: it still holds."""
    carried(db, catalogue, kept)
    latest = varied(DAYS - 1)
    Store.open(db).save_session(msgspec.structs.replace(latest, note="felt fine"))
    store = Store.open(db)
    store.sessions()
    decoded = counted_decodes(monkeypatch)
    figures = carried(store, catalogue, kept)
    assert len(decoded) == LEAVE_OUT
    assert same(figures, walked(db, catalogue))


def test_an_older_session_changed_makes_the_whole_history_walked_again(
    db: Path, catalogue: Catalogue, kept: KeptFile[Checkpoint]
) -> None:
    """A session the checkpoint covers, changed in the file: its figures are not used."""
    before = carried(db, catalogue, kept)
    first = varied(0)
    hurt = msgspec.structs.replace(first.exercises[0], outcome="hurt")
    Store.open(db).save_session(
        msgspec.structs.replace(first, exercises=(hurt, *first.exercises[1:]))
    )
    figures = carried(db, catalogue, kept)
    assert not same(figures, before)
    assert same(figures, walked(db, catalogue))


def test_another_pain_threshold_walks_the_history_again(
    db: Path, catalogue: Catalogue, kept: KeptFile[Checkpoint]
) -> None:
    """Pain flags depend on the threshold: figures kept for another one are not used."""
    carried(db, catalogue, kept, threshold=7)
    figures = carried(db, catalogue, kept, threshold=4)
    assert not same(figures, walked(db, catalogue, threshold=7))
    assert same(figures, walked(db, catalogue, threshold=4))


def test_figures_added_up_another_way_are_not_used(
    db: Path, catalogue: Catalogue, kept: KeptFile[Checkpoint], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkpoint of another version of the figures' rules is walked past."""
    carried(db, catalogue, kept)
    monkeypatch.setattr(tally, "FIGURES_VERSION", tally.FIGURES_VERSION + 1)
    store = Store.open(db)
    store.sessions()
    decoded = counted_decodes(monkeypatch)
    carried(store, catalogue, kept)
    assert len(decoded) == DAYS


def test_a_kept_file_of_another_lumbar_is_not_read(
    db: Path, kept: KeptFile[Checkpoint], catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What another version of lumbar kept is not read (its checkpoint may differ)."""
    monkeypatch.setattr(kept_module, "__version__", "0.0.1-older")
    carried(db, catalogue, kept)
    monkeypatch.undo()
    assert kept.path.exists()
    assert kept.read() is None


def test_a_damaged_kept_file_is_walked_past_and_made_again(
    db: Path, catalogue: Catalogue, kept: KeptFile[Checkpoint]
) -> None:
    """Bytes that are not a checkpoint cost a walk of the history, then are replaced."""
    kept.path.parent.mkdir(parents=True)
    kept.path.write_bytes(b"\x93 not a checkpoint")
    assert same(carried(db, catalogue, kept), walked(db, catalogue))
    assert kept.read() is not None


def test_a_cache_folder_that_cannot_be_written_is_skipped(
    db: Path, catalogue: Catalogue, tmp_path: Path
) -> None:
    """With no cache folder to write in, the figures are still worked out; nothing is kept."""
    (tmp_path / "a-file").write_text("")
    kept = KeptFile(db, "progress", Checkpoint, tmp_path / "a-file" / "cache")
    assert same(carried(db, catalogue, kept), walked(db, catalogue))
    assert kept.read() is None


def test_each_data_file_has_its_own_kept_figures(db: Path, tmp_path: Path) -> None:
    """Two data files never share kept figures."""
    other = KeptFile(tmp_path / "other.json", "progress", Checkpoint, tmp_path / "cache")
    assert other.path != KeptFile(db, "progress", Checkpoint, tmp_path / "cache").path


def test_the_digest_is_of_the_sessions_not_of_the_file_they_are_in(tmp_path: Path) -> None:
    """The same sessions saved in another order (another file layout) digest alike."""
    sessions = [varied(day) for day in range(6)]
    forward, backward = Store.open(tmp_path / "a.json"), Store.open(tmp_path / "b.json")
    for session in sessions:
        forward.save_session(session)
    for session in reversed(sessions):
        backward.save_session(session)
    assert forward.sessions().fingerprints(4, 6) == backward.sessions().fingerprints(4, 6)
    backward.save_session(msgspec.structs.replace(sessions[1], pain_after=9))
    digests = backward.sessions().fingerprints(1, 4)
    assert digests is not None
    assert digests[0] == forward.sessions().fingerprints(1)[0]
    assert digests[1] != forward.sessions().fingerprints(4)[0]


RULES = (
    tally.ProgressTally.add,
    tally.ProgressTally.snapshot,
    tally.ProgressTally.carried_on,
    tally.Checkpoint,
    progress.ExerciseRow,
    progress.HistoryRow,
    progress.PainPoint,
    progress.history_row,
    streak.DayTally,
    streak.trained,
    streak.session_day,
    flags.pain_flags,
    flags.baseline,
    records.outcome_counts,
    words.session_minutes,
    records.ExerciseResult,
)
RULES_DIGESTS = {1: "86f846c73a750807", 2: "14dcd7d832b61dff"}
"""The digest of the code that adds the figures up, under each FIGURES_VERSION (never edit one:
add the next)."""


def test_the_figures_version_changes_with_how_figures_are_added_up() -> None:
    """A change to the code that adds the figures up must come with a new FIGURES_VERSION.

    Otherwise checkpoints kept by the code before would be carried on from with new rules. When
    this fails: add one to ``FIGURES_VERSION`` in tui/history/tally.py, and add the digest this
    test printed to ``RULES_DIGESTS`` under the new version.
    """
    source = "".join(inspect.getsource(rule) for rule in RULES)
    digest = hashlib.sha256(source.encode()).hexdigest()[:16]
    print(f"{tally.FIGURES_VERSION}: {digest!r}")
    assert RULES_DIGESTS.get(tally.FIGURES_VERSION) == digest
