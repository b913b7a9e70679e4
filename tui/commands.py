"""The command palette's lumbar entries: every action the screen in front offers, by name.

Built from the active bindings of the screen the palette was opened from, so an entry exists
exactly when its key would work there (each screen's ``check_action`` decides), and a new
binding appears in the palette without anyone listing it. Each entry is namespaced by where
it acts ("session: Skip", "choose: Avoid"), and shows its key and tooltip.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

GROUPS = {"app": "lumbar", "player": "session", "select": "choose", "pain": "pain check"}
"""Binding id prefixes whose namespace reads better in other words; the rest show as they are."""


@dataclass(frozen=True)
class Command:
    """One palette entry: its name, what it does, and the binding and node it runs on."""

    name: str
    help: str
    binding: Binding
    node: DOMNode


def group_of(binding_id: str) -> str:
    """The namespace for a binding id such as ``player.skip`` (``session``)."""
    prefix = binding_id.split(".", 1)[0]
    return GROUPS.get(prefix, prefix.replace("-", " "))


class ScreenCommands(Provider):
    """Offers the actions of the screen the palette was opened over, and the app's."""

    def commands(self) -> Iterator[Command]:
        """One command per enabled binding with an id (a binding on several keys, once).

        System bindings are left out, as from the help: they stand in for a listed one.
        """
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or binding.id is None or binding.system or binding.id in seen:
                continue
            seen.add(binding.id)
            key = self.app.get_key_display(binding)
            name = f"{group_of(binding.id)}: {binding.description or binding.action}"
            tip = binding.tooltip or binding.description
            yield Command(name, f"{tip} (key: {key})", binding, active.node)

    async def discover(self) -> Hits:
        """Everything on offer, before the user types."""
        for command in self.commands():
            yield DiscoveryHit(command.name, self.runner(command), help=command.help)

    async def search(self, query: str) -> Hits:
        """The commands whose name matches what the user typed, best first."""
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.name),
                    self.runner(command),
                    help=command.help,
                )

    def runner(self, command: Command) -> Callable[[], Awaitable[bool]]:
        """Run the command's action where its binding lives, as its key would."""
        return partial(self.app.run_action, command.binding.action, command.node)
