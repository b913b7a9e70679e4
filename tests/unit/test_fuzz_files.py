"""Any file at all, as the data file or as an import: a message or a result, never a traceback.

The contract, for every file hypothesis can make (random bytes, random JSON, lumbar's own
records with any field changed to anything): opening, reading the history and importing
either work or raise the store's own error with a message; no file on disk changes unless an
import succeeds; ``lumbar history`` exits with a status and prints no traceback.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import make_session, run_cli
from tui.model.records import SCHEMA_VERSION
from tui.store.storage import StoreError
from tui.store.store import Store, to_document
from tui.store.transfer import EXPORT_FORMAT, import_file

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.datetimes().map(datetime.isoformat)  # times with no offset among them
    | st.datetimes(timezones=st.timezones()).map(datetime.isoformat),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
"""Any JSON value, kept small."""

DOCUMENT = to_document(make_session())
FIELDS = sorted(DOCUMENT)


@st.composite
def changed_document(draw: st.DrawFn) -> dict[str, Any]:
    """A stored session with one to three fields dropped or set to anything."""
    document = dict(DOCUMENT)
    for field in draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=3)):
        if draw(st.booleans()):
            document.pop(field, None)
        else:
            document[field] = draw(JSON)
    return document


@st.composite
def data_file(draw: st.DrawFn) -> bytes:
    """The bytes of a would-be data file: random bytes, random JSON, or lumbar's, changed."""
    kind = draw(st.sampled_from(["bytes", "json", "lumbar"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "json":
        return json.dumps(draw(JSON)).encode()
    version = draw(st.sampled_from([SCHEMA_VERSION, SCHEMA_VERSION + 1, 0]))
    tables = {
        "meta": {"schema": {"version": version}},
        "sessions": {"s-1": draw(changed_document())},
    }
    return json.dumps(tables).encode()


@st.composite
def export_file(draw: st.DrawFn) -> bytes:
    """The bytes of a would-be export: lumbar's form with its sessions changed, or anything."""
    if draw(st.booleans()):
        return draw(data_file())
    data = {
        "format": EXPORT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "sessions": [draw(changed_document())],
        "routines": draw(st.lists(JSON, max_size=2)),
    }
    return json.dumps(data).encode()


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(content=data_file())
def test_any_data_file_opens_or_says_why_and_stays_as_it_was(content: bytes) -> None:
    """Store.open and the history: a result or a StoreError; the bytes never change."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lumbar.json"
        path.write_bytes(content)
        try:
            Store.open(path).sessions()
        except StoreError as error:
            assert str(error)
        assert path.read_bytes() == content


@FUZZ
@given(content=export_file())
def test_any_import_adds_or_says_why_and_changes_nothing_then(content: bytes) -> None:
    """import_file: a report or a StoreError; on an error, the store's file is as it was."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.json", Path(folder) / "lumbar.json"
        source.write_bytes(content)
        Store.open(target).save_session(make_session("mine"))
        before = target.read_bytes()
        try:
            import_file(Store.open(target), source)
        except StoreError as error:
            assert str(error)
            assert target.read_bytes() == before
        assert source.read_bytes() == content


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=data_file())
def test_lumbar_history_on_any_file_exits_without_a_traceback(
    content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI, in-process: an exit status and a message, never an exception."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "lumbar.json"
        path.write_bytes(content)
        status, _, err = run_cli(capsys, "--db", str(path), "history")
        assert status == 0 or (status == 1 and "lumbar" in err)
        assert path.read_bytes() == content
