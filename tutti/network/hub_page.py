"""Parts of a hub's public page that later modules add (its opportunities, its published documents).

`network` comes first in DESIGN.md's order and may not import the modules after it, so each registers a
template and a function building its context when its app is ready; the hub page renders them in order.
Such a module bumps the network revision when what it shows changes, since the page is cached by it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tutti.network.models import HubArea


@dataclass(frozen=True)
class HubPagePart:
    template_name: str
    context: Callable[[HubArea], dict[str, Any]]


@dataclass(frozen=True)
class RenderedPart:
    template_name: str
    context: dict[str, Any]


_parts: dict[str, HubPagePart] = {}


def register_part(*, template_name: str, context: Callable[[HubArea], dict[str, Any]]) -> None:
    """Add a part; registering the same template again replaces it (ready() may run more than once in tests)."""
    _parts[template_name] = HubPagePart(template_name, context)


def parts_for(hub: HubArea) -> list[RenderedPart]:
    return [RenderedPart(part.template_name, part.context(hub)) for part in _parts.values()]
