"""Text a user wrote (or a file someone shared) is shown as written, never read as markup.

Names with square brackets look like Textual markup ("[bold]", "[/]", "[link=x]"): every screen
that shows them must show them literally, and none may crash.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from tests.helpers import SIZE, MakeApp, choose, make_session, open_progress
from tui.catalogue.load import load_catalogue
from tui.model.catalogue import Routine, RoutineItem
from tui.screens.builder import BuilderScreen
from tui.store.store import Store
from tui.widgets.description import DescriptionView

NAME = "My [bold]stretch[/ [link=x]"
MINE = f"""\
[[exercise]]
id = "my-stretch"
name = "{NAME}"
category = "stretch"
position = "lying-on-back"
summary = "Mine [/red] summary."
steps = ["Lie [b]down[/b].", "Do [/] it."]
cautions = ["Careful [not closed"]
sources = ["spinenation"]

[exercise.dose]
reps = 2
"""
ROUTINE = Routine(
    id="mine",
    name="Mine [/] routine [",
    kind="custom",
    description="Mine [red].",
    items=(RoutineItem(exercise="my-stretch"),),
)


async def test_bracketed_names_are_shown_literally_on_every_screen(
    tmp_path: Path, make: MakeApp, store: Store
) -> None:
    """Select's detail shows the brackets as typed; the builder and progress open on them."""
    user = tmp_path / "user"
    user.mkdir()
    (user / "mine.toml").write_text(MINE, encoding="utf-8")
    catalogue = load_catalogue(user=user).catalogue
    store.save_routine(ROUTINE)
    played = msgspec.structs.replace(
        make_session("s-1", day=0), routine="mine", routine_name=ROUTINE.name
    )
    app = make(history=[played])
    app.base_catalogue = catalogue
    app.take_routines(store.routines())
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "my stretch", "exercise:my-stretch")
        detail = app.screen.query_one("#detail", DescriptionView).text
        assert NAME in detail and "Lie [b]down[/b]." in detail and "Careful [not closed" in detail
        await choose(pilot, "mine", "routine:mine")
        assert ROUTINE.name in app.screen.query_one("#detail", DescriptionView).text
        await pilot.press("e")
        assert isinstance(app.screen, BuilderScreen)
        await pilot.press("escape")
        await pilot.pause()
        await open_progress(pilot)  # its overview and history read the session named so
