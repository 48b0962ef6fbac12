"""The sections of a hub's workspace, each opened to the roles its pages admit, and its "today" panels.

`accounts` comes before the hub modules in DESIGN.md's order and may not import them, so each module
registers its own sections when its app is ready (like the admin's registry: the same in every process,
written once at start-up). The hub's home page then lists only the sections the person may open.

A module may also register a "today" panel: what a person holding its roles has to do today (a tutor's
registers). The home page opens on those panels, above the sections.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

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


@dataclass(frozen=True)
class TodayPanel:
    """A part of the hub's home page: ``context(request)`` gives the template what the person has to do."""

    key: str
    template: str
    roles: frozenset[Role]
    context: Callable[[HttpRequest], Mapping[str, Any]]


_today_panels: dict[str, TodayPanel] = {}


def register_today_panel(
    *, key: str, template: str, roles: Iterable[Role], context: Callable[[HttpRequest], Mapping[str, Any]]
) -> None:
    """Add a panel to the top of the hub's home; registering the same key again replaces it."""
    _today_panels[key] = TodayPanel(key, template, frozenset(roles), context)


def today_panels_for(request: HttpRequest, roles: Iterable[Role]) -> list[SafeString]:
    """The panels the person's roles open, each rendered with its module's own context."""
    held = set(roles)
    return [
        render_to_string(panel.template, dict(panel.context(request)), request=request)
        for panel in _today_panels.values()
        if panel.roles & held
    ]
