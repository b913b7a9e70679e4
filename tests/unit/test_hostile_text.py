"""Text from someone else's file is shown, never obeyed: no escape sequence reaches a terminal.

An OSC 52 sequence in a routine name would write the user's clipboard, OSC 0 set the title,
CSI clear the screen; a spreadsheet would run a cell starting with ``=`` as a formula.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import msgspec
import pytest

from tests.helpers import make_session, run_cli
from tui.catalogue.load import load_catalogue
from tui.model.visible import visible, visible_json
from tui.store.store import Store
from tui.store.transfer import export, import_file, sessions_csv

CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
TITLE = "\x1b]0;pwned\x9c"
CLEAR = "\x9b2J"
HOSTILE = f"Evil{CLIPBOARD}{TITLE}{CLEAR}\r routine"
CONTROLS = {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n", "\t"}


def obeyable(text: str) -> set[str]:
    """The control characters in ``text`` a terminal could act on."""
    return set(text) & CONTROLS


def test_visible_shows_every_control_character_but_newline_and_tab() -> None:
    """ESC, BEL, CR, DEL and the C1 controls become symbols; newline and tab stay."""
    shown = visible(HOSTILE + "\n\tend")
    assert not obeyable(shown)
    assert shown.startswith("Evil␛]52;c;") and shown.endswith("\n\tend")


@pytest.mark.parametrize("text", [HOSTILE, "a\\b", "\\\x1b", "\u0085x\u009f", "plain"])
def test_visible_json_decodes_to_what_visible_gives(text: str) -> None:
    """Escaped or raw, every control in JSON comes out as :func:`visible` shows it."""
    document = msgspec.json.encode({"name": text})
    assert msgspec.json.decode(visible_json(document)) == {"name": visible(text)}


def test_an_escaped_backslash_is_not_read_as_an_escape() -> None:
    r"""``\\u001b`` in JSON is a backslash and the letters u001b: left as it is."""
    document = b'{"name": "x\\\\u001b\\\\r"}'
    assert visible_json(document) == document


def hostile_store(path: Path) -> Store:
    """A store whose file holds a session named with escape sequences (as a shared file may)."""
    session = make_session("s-1", day=0)
    store = Store.open(path)
    store.save_session(msgspec.structs.replace(session, routine_name=HOSTILE))
    return store


def test_a_stored_name_is_read_back_visible(tmp_path: Path) -> None:
    """The file keeps what it holds; what lumbar reads from it has nothing to obey."""
    hostile_store(tmp_path / "lumbar.json")
    (session,) = Store.open(tmp_path / "lumbar.json").sessions()
    assert session.routine_name == visible(HOSTILE)


def test_lumbar_history_prints_nothing_a_terminal_obeys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``lumbar history``, as a table and as JSON."""
    hostile_store(tmp_path / "lumbar.json")
    for form in ((), ("--json",)):
        status, out, _ = run_cli(capsys, "--db", str(tmp_path / "lumbar.json"), "history", *form)
        assert status == 0 and "Evil" in out
        assert not obeyable(json.loads(out)[0]["routine_name"] if form else out)


def test_an_imported_export_is_stored_visible(tmp_path: Path) -> None:
    """An export made elsewhere, holding escape sequences, is imported shown, not obeyed."""
    path = tmp_path / "shared.json"
    export(hostile_store(tmp_path / "theirs.json"), path)
    data = json.loads(path.read_text())
    data["sessions"][0]["routine_name"] = HOSTILE  # as a hostile sender would write it
    path.write_text(json.dumps(data))
    mine = Store.open(tmp_path / "mine.json")
    import_file(mine, path)
    stored = (tmp_path / "mine.json").read_text()
    assert not obeyable(json.loads(stored)["sessions"]["s-1"]["routine_name"])


def test_the_csv_neutralises_formulas_and_controls(tmp_path: Path) -> None:
    """A name starting with = is quoted as text; the escape sequences in it are visible."""
    store = hostile_store(tmp_path / "lumbar.json")
    session = msgspec.structs.replace(store.sessions()[0], routine_name="=HYPERLINK(\x1b)")
    rows = list(csv.reader(io.StringIO(sessions_csv([session, *store.sessions()]))))
    names = [row[2] for row in rows[1:]]
    assert names[0] == "'=HYPERLINK(␛)"
    assert all(not obeyable(name) for name in names)


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_every_formula_start_is_quoted(start: str) -> None:
    """Each character a spreadsheet starts a formula with."""
    session = msgspec.structs.replace(make_session("s-1", day=0), routine_name=f"{start}1+1")
    rows = list(csv.reader(io.StringIO(sessions_csv([session]))))
    assert rows[1][2] == f"'{start}1+1"


def test_a_user_catalogue_file_is_read_visible(tmp_path: Path) -> None:
    """An exercise named with an escape (TOML's \\u001b) is loaded with it shown."""
    user = tmp_path / "mine"
    user.mkdir()
    (user / "mine.toml").write_text(
        '[[routine]]\nid = "mine"\nname = "Mine \\u001b]0;x\\u0007"\nkind = "custom"\n'
        'description = "Mine."\n[[routine.items]]\nexercise = "bird-dog"\n',
        encoding="utf-8",
    )
    loaded = load_catalogue(user=user)
    assert loaded.catalogue.routine("mine").name == "Mine ␛]0;x␇"
