"""The routine builder, driven with keys at 80x24: build, save, reload, play, edit, delete."""

from __future__ import annotations

import msgspec
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from tests.helpers import (
    EVENING,
    FakeClock,
    MakeApp,
    add,
    asking,
    begin,
    choose,
    notifications,
    option_ids,
    snapshot,
    under_cursor,
    wait,
)
from tui.app import LumbarApp
from tui.model.catalogue import Catalogue, Count, Dose, Routine, RoutineItem, Seconds
from tui.screens.builder import BuilderScreen
from tui.screens.dialogs import Confirm, PainCheck, SessionSummary
from tui.screens.select import SelectScreen
from tui.session.timeline import StepKind
from tui.store.store import Store
from tui.widgets.description import DescriptionView

SIZE = (80, 24)


def builder(app: LumbarApp) -> BuilderScreen:
    assert isinstance(app.screen, BuilderScreen), app.screen
    return app.screen


def dose_line(app: LumbarApp) -> str:
    return str(builder(app).query_one("#dose-line", Static).render())


async def play_to_the_end(pilot: Pilot[None], clock: FakeClock) -> None:
    """Answer every question and wait out every step until the summary, then close it."""
    app: LumbarApp = pilot.app  # type: ignore[assignment]
    await begin(pilot, "3")
    for _ in range(3000):
        top = app.screen
        if isinstance(top, PainCheck):
            await pilot.press("2")
        elif isinstance(top, SessionSummary):
            await pilot.press("enter")
            return
        elif asking(app):
            await pilot.press("2")
        elif snapshot(app).step.kind is StepKind.COUNTED:
            await pilot.press("enter")
        else:
            await wait(pilot, clock, snapshot(app).remaining or 0)
    raise AssertionError("the session did not end")


async def test_a_routine_built_saved_reloaded_and_played(
    make: MakeApp, clock: FakeClock, store: Store
) -> None:
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "plank", "exercise:plank")
        await pilot.press("n")
        assert [i.exercise for i in builder(app).draft.items] == ["plank"]
        assert builder(app).query_one("#name", Input).has_focus
        await pilot.press(*"Evening ease", "tab")
        assert builder(app).query_one("#items", OptionList).has_focus
        await pilot.press("right")  # from reps to the hold
        assert "hold 10-30 s" in dose_line(app) and "allowed: 5 to 30 s" in dose_line(app)
        await pilot.press("minus")
        assert "hold 9-29 s" in dose_line(app)
        await add(pilot, "child", "childs-pose")
        await add(pilot, "pelvic tilt", "pelvic-tilt")
        await pilot.press("shift+tab", "shift+tab")  # back to the routine, on pelvic tilt
        await pilot.press("shift+up", "shift+up")
        assert [i.exercise for i in builder(app).draft.items] == [
            "pelvic-tilt",
            "plank",
            "childs-pose",
        ]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
        assert under_cursor(app, "#choices") == "routine:evening-ease"
        assert "Evening ease" in app.screen.query_one("#detail", DescriptionView).text
        assert "evening-ease" in app.catalogue.routines  # so the player can find it

    (saved,) = store.routines()
    assert (saved.id, saved.name, saved.kind) == ("evening-ease", "Evening ease", "custom")
    assert [i.exercise for i in saved.items] == ["pelvic-tilt", "plank", "childs-pose"]
    assert saved.items[1].dose is not None and saved.items[1].dose.hold == Seconds(9, 29)
    assert saved.items[0].dose is None and saved.items[2].dose is None

    reopened = Store.open(store.path)
    app = make(store=reopened)
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "evening", "routine:evening-ease")
        await pilot.press("enter")
        await play_to_the_end(pilot, clock)
        assert isinstance(app.screen, SelectScreen)

    (session,) = reopened.sessions()
    assert (session.routine, session.routine_name) == ("evening-ease", "Evening ease")
    assert session.status == "complete"
    assert [r.exercise for r in session.exercises] == ["pelvic-tilt", "plank", "childs-pose"]
    plank = session.exercises[1]
    assert plank.outcome == "done" and plank.planned[0].hold == 9  # the new low end


async def test_the_builder_refuses_more_than_the_articles_give_and_says_so(
    app: LumbarApp,
) -> None:
    """Plank held 10-30 s: + cannot take it past 30 s, the most an article gives, and says so."""
    async with app.run_test(size=SIZE) as pilot:
        notes = notifications(app)
        await choose(pilot, "plank", "exercise:plank")
        await pilot.press("n", *"Strong", "tab", "right", "plus")
        assert builder(app).draft.items[0].dose is None  # still the plank's own 10-30 s
        assert notes[-1].message == ("The articles go up to 30 s for Plank: hold can be 5 to 30 s.")
        assert "hold 10-30 s" in dose_line(app)


async def test_the_routine_is_listed_as_yours_and_only_yours_can_be_edited(
    make: MakeApp, store: Store
) -> None:
    store.save_routine(EVENING)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        choices = app.screen.query_one("#choices", OptionList)
        prompts = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert "  Evening (yours)" in prompts
        assert under_cursor(app, "#choices") == "routine:spinenation"
        assert app.screen.check_action("edit", ()) is False
        await pilot.press("e", "d")
        assert isinstance(app.screen, SelectScreen)
        await choose(pilot, "evening", "routine:evening")
        assert app.screen.check_action("edit", ()) and app.screen.check_action("delete", ())


async def test_a_saved_routine_edited_renamed_and_reordered_keeps_its_id(
    make: MakeApp, store: Store
) -> None:
    store.save_routine(EVENING)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "evening", "routine:evening")
        await pilot.press("e")
        assert builder(app).query_one("#name", Input).has_focus  # typing goes to the name
        assert builder(app).query_one("#name", Input).value == "Evening"
        await pilot.press("end", *" late", "tab")
        assert builder(app).query_one("#items", OptionList).has_focus
        await pilot.press("shift+down", "ctrl+s")  # plank below child's pose
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
        assert under_cursor(app, "#choices") == "routine:evening"
        assert "Evening late" in app.screen.query_one("#detail", DescriptionView).text

    (saved,) = store.routines()
    assert (saved.id, saved.name, saved.description) == ("evening", "Evening late", "Mine.")
    assert [i.exercise for i in saved.items] == ["childs-pose", "plank"]
    assert saved.items[1].dose == Dose(hold=Seconds(5, 25))


async def test_deleting_asks_first_and_then_the_routine_is_gone(
    make: MakeApp, store: Store
) -> None:
    store.save_routine(EVENING)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "evening", "routine:evening")
        await pilot.press("d")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert isinstance(app.screen, SelectScreen) and len(store.routines()) == 1
        await pilot.press("d", "enter")  # a stray Enter is not a yes
        assert isinstance(app.screen, Confirm) and len(store.routines()) == 1
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
        assert store.routines() == []
        assert "routine:evening" not in option_ids(app, "#choices")
        assert "evening" not in app.catalogue.routines
        assert under_cursor(app, "#choices") is not None


async def test_leaving_with_unsaved_changes_asks_first(app: LumbarApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "plank", "exercise:plank")
        await pilot.press("n", "escape")  # nothing changed yet: no question
        assert isinstance(app.screen, SelectScreen)
        await pilot.press("n", *"Morning", "escape")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert builder(app).draft.name == "Morning"
        await pilot.press("escape", "y")
        assert isinstance(app.screen, SelectScreen)
    assert store.routines() == []


async def test_a_routine_without_a_name_or_exercises_is_not_saved(
    app: LumbarApp, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        notes = notifications(app)
        await choose(pilot, "plank", "exercise:plank")
        await pilot.press("n", "ctrl+s")
        assert notes[-1].message == "Give the routine a name."
        assert builder(app).query_one("#name", Input).has_focus
        await pilot.press(*"Plank only", "tab", "delete", "ctrl+s")
        assert notes[-1].message == "Add at least one exercise."
        assert builder(app).draft.items == ()
    assert store.routines() == []


async def test_a_store_error_on_save_loses_nothing(app: LumbarApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        notes = notifications(app)
        await choose(pilot, "plank", "exercise:plank")
        await pilot.press("n", *"Evening", "tab", "right", "minus")
        good = store.path.read_bytes()
        store.path.write_text("this is not lumbar's file")  # another program wrote over it
        await pilot.press("ctrl+s")
        assert "lumbar cannot use" in notes[-1].message and "still here" in notes[-1].message
        assert store.path.read_text() == "this is not lumbar's file"
        draft = builder(app).draft
        assert draft.name == "Evening" and draft.items[0].dose == Dose(hold=Seconds(9, 29))
        store.path.write_bytes(good)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SelectScreen)
    assert [r.id for r in store.routines()] == ["evening"]


async def test_a_new_routine_can_start_from_a_copy_of_a_built_in_one(
    app: LumbarApp, catalogue: Catalogue, store: Store
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "quick", "routine:quick-10")
        await pilot.press("n")
        draft = builder(app).draft
        assert draft.items == catalogue.routine("quick-10").items
        assert draft.name == "Quick 10 minutes (my copy)"
        assert builder(app).query_one("#name", Input).has_focus
        await pilot.press("tab", "down", "minus")  # cat-cow: one rep fewer, 7-9 reps
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = store.routines()
    assert saved.id == "quick-10-minutes-my-copy"
    assert saved.items[1].dose is not None and saved.items[1].dose.reps == Count(7, 9)
    assert catalogue.routine("quick-10").items[1].dose != saved.items[1].dose


async def test_a_routine_naming_a_missing_exercise_plays_without_it_and_says_so(
    make: MakeApp, store: Store
) -> None:
    gone = RoutineItem(exercise="my-own-stretch")  # from a user file since removed
    store.save_routine(msgspec.structs.replace(EVENING, items=(*EVENING.items, gone)))
    lost = Routine(id="lost", name="Lost", kind="custom", description="Gone.", items=(gone,))
    store.save_routine(lost)
    app = make()
    notices = notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = [notice.message for notice in notices]
        assert any("'Evening' names my-own-stretch" in n and "plays without" in n for n in notes)
        assert any("'Lost'" in n and "hidden" in n for n in notes)
        assert [i.exercise for i in app.catalogue.routine("evening").items] == [
            "plank",
            "childs-pose",
        ]
        assert "lost" not in app.catalogue.routines
        await choose(pilot, "evening", "routine:evening")
        assert "Child" in app.screen.query_one("#detail", DescriptionView).text
    assert len(store.routines()) == 2  # the store keeps both as they were
    assert store.routines()[0].items[-1] == gone or store.routines()[1].items[-1] == gone


async def test_typing_a_name_never_acts_on_the_routine(make: MakeApp, store: Store) -> None:
    """Editing starts in the name: "Flex" and "My sciatica days" type, removing nothing."""
    store.save_routine(EVENING)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "evening", "routine:evening")
        await pilot.press("e", "end", *" Flex My sciatica days x a", "ctrl+s")
        await pilot.pause()
    (saved,) = store.routines()
    assert saved.name == "Evening Flex My sciatica days x a"
    assert [i.exercise for i in saved.items] == [i.exercise for i in EVENING.items]


async def test_a_removed_exercise_can_be_put_back_with_its_dose(
    make: MakeApp, store: Store
) -> None:
    """Delete takes the plank out (and says how to undo it); ctrl+z puts it back as it was."""
    store.save_routine(EVENING)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        notes = notifications(app)
        await choose(pilot, "evening", "routine:evening")
        await pilot.press("e", "tab", "delete")
        assert [i.exercise for i in builder(app).draft.items] == ["childs-pose"]
        assert "puts it back" in notes[-1].message
        await pilot.press("ctrl+z")
        assert builder(app).draft.items == EVENING.items


async def test_notes_never_stack_up_over_the_lists(app: LumbarApp) -> None:
    """Adding three exercises in a row leaves one note on screen, the last."""
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await choose(pilot, "plank", "exercise:plank")
        await pilot.press("n")
        builder(app).exercise_list.focus()
        await pilot.press("enter", "down", "enter", "down", "enter")
        await pilot.pause()
        assert len(builder(app).draft.items) == 4
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert len(toasts) == 1 and toasts[0].startswith("Added "), toasts
