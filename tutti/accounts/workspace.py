"""The sections of a hub's workspace, each opened to the roles its pages admit.

`accounts` comes before the hub modules in DESIGN.md's order and may not import them, so each module
registers its own sections when its app is ready (like the admin's registry: the same in every process,
written once at start-up). The hub's home page then lists only the sections the person may open.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from tutti.accounts.models import Role


@dataclass(frozen=True)
class WorkspaceSection:
    label: str
    url_name: str
    roles: frozenset[Role]
    description: str = ""


_sections: dict[str, WorkspaceSection] = {}


def register_section(*, label: str, url_name: str, roles: Iterable[Role], description: str = "") -> None:
    """Add a section; registering the same URL again replaces it (ready() may run more than once in tests)."""
    _sections[url_name] = WorkspaceSection(label, url_name, frozenset(roles), description)


def sections_for(roles: Iterable[Role]) -> list[WorkspaceSection]:
    held = set(roles)
    return [section for section in _sections.values() if section.roles & held]
