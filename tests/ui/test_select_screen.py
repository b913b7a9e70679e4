"""The select screen, driven with keys as a person would."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, Markdown, OptionList

from tests.helpers import FakeClock
from tui.app import LumbarApp
from tui.catalogue.search import QUERY_MAX
from tui.model.catalogue import Catalogue
from tui.screens.advice import AvoidList
from tui.screens.select_search import PASTE_SETTLE
from tui.widgets.description import DescriptionView


def listed(app: object) -> list[str]:
    choices = app.screen.query_one("#choices", OptionList)  # type: ignore[attr-defined]
    return [str(choices.get_option_at_index(i).id) for i in range(choices.option_count)]


async def test_the_list_starts_on_the_first_routine_and_shows_it(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        choices = app.screen.query_one("#choices", OptionList)
        assert choices.has_focus
        assert choices.highlighted == 1
        detail = app.screen.query_one("#detail", DescriptionView)
        assert "SpineNation" in detail.text


async def test_typing_filters_routines_and_exercises(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"towel")
        assert app.screen.query_one("#search", Input).value == "towel"
        assert [i for i in listed(app) if i != "None"] == ["exercise:hamstring-stretch-lying"]
        await pilot.press("enter")
        detail = app.screen.query_one("#detail", DescriptionView)
        assert "Lying hamstring stretch" in detail.text
        assert "\nCautions\n" in detail.text and "SpineNation" in detail.text


async def test_moving_down_shows_each_routine(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down")
        detail = app.screen.query_one("#detail", DescriptionView)
        assert "Essential Guide" in detail.text
        assert "Back extension" in detail.text


async def test_escape_clears_the_search(app: LumbarApp, catalogue: Catalogue) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"zzz")
        assert [i for i in listed(app) if i != "None"] == []
        assert "Nothing matches" in app.screen.query_one("#detail", DescriptionView).text
        await pilot.press("escape")
        assert len(listed(app)) == len(catalogue.routines) + len(catalogue.exercises) + 2


async def test_the_avoid_list_is_one_key_away(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AvoidList)
        text = app.screen.query_one(Markdown).source
        for words in ("Toe touches", "Sit-ups", "both legs", "High-impact", "Stop and get medical"):
            assert words.lower() in text.lower(), words
        assert "bladder" in text and "Source:" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, AvoidList)


async def test_typing_a_in_the_search_box_searches_rather_than_opening_the_list(
    app: LumbarApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", "a")
        assert not isinstance(app.screen, AvoidList)
        assert app.screen.query_one("#search", Input).value == "a"


async def test_a_long_step_hangs_under_its_number(app: LumbarApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"bird dog", "enter")
        lines = app.screen.query_one("#detail", DescriptionView).text.splitlines()
        width = app.screen.query_one("#detail", DescriptionView).size.width
        assert lines[:2] == ["Bird dog", "Also called Quadruped arm-leg raise."]
        first = lines.index(next(line for line in lines if line.startswith("1. ")))
        assert lines[first + 1].startswith("   ") and lines[first + 1].strip()  # wrapped: hangs
        assert all(len(line) <= width for line in lines)
        assert "Stop if you feel sharp, shooting or burning pain." in " ".join(
            line.strip() for line in lines
        )


async def test_either_spelling_typed_lists_the_same(app: LumbarApp) -> None:
    """Typing "stabilize" lists what "stabilise" lists, and "no equipment" lists no towel."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"stabilise")
        british = listed(app)
        await pilot.press(*["backspace"] * 9, *"stabilize")
        assert listed(app) == british and "exercise:bird-dog" in british
        await pilot.press(*["backspace"] * 9, *"no equipment")
        assert app.screen.query_one("#search", Input).value == "no equipment"
        assert "exercise:bird-dog" in listed(app)
        assert "exercise:hamstring-stretch-lying" not in listed(app)


async def test_a_huge_paste_stays_text_in_the_search_box(app: LumbarApp) -> None:
    """10,000 characters with escape codes and newlines: cut to a query, shown, still here."""
    pasted = "bird \x1b[201~\x1b]52;c;eA==\x07 dog" + "x" * 10_000 + "\nq\na"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        search.post_message(events.Paste(pasted))
        await pilot.pause()
        assert search.has_focus and app.screen is not None
        assert len(search.value) == QUERY_MAX
        assert search.value.isprintable() and search.value.startswith("bird ")
        assert type(app.screen).__name__ == "SelectScreen"


async def test_the_search_box_says_which_key_reaches_it(app: LumbarApp) -> None:
    """Letters on the list are keys: the box and the help say / first, as the footer does."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        search = app.screen.query_one("#search", Input)
        assert search.placeholder.startswith("/ to search")
        await pilot.press("slash", *"seated")
        assert search.value == "seated"


async def test_a_newline_just_after_a_paste_stays_in_the_search_box(
    app: LumbarApp, clock: FakeClock
) -> None:
    """A paste the terminal cut short: its Enter and letters stay text, no avoid list opens."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        search = app.screen.query_one("#search", Input)
        search.post_message(events.Paste("bird"))
        await pilot.pause()
        await pilot.press("enter", "space", "a")  # the rest of the paste, as keys
        assert search.has_focus and search.value == "bird a"
        clock.now += PASTE_SETTLE
        await pilot.press("enter")  # a person's Enter, later: to the list
        assert app.screen.query_one("#choices", OptionList).has_focus
