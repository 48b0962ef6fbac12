"""Parts of the family portal's home page that other modules add (remission applications, loans, invoices).

Each module registers a template and a function building its context from the family's account and its
children when its app is ready, so families never reaches into the modules that hold those records.
A part's function sees only the children given to it: those the account's guardian links reach.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tutti.families.models import FamilyAccount
from tutti.learners.models import Learner

PartContext = Callable[[FamilyAccount, Sequence[Learner]], dict[str, Any]]


@dataclass(frozen=True)
class PortalPart:
    template_name: str
    context: PartContext


@dataclass(frozen=True)
class RenderedPart:
    template_name: str
    context: dict[str, Any]


_parts: dict[str, PortalPart] = {}


def register_part(*, template_name: str, context: PartContext) -> None:
    """Add a part; registering the same template again replaces it (ready() may run more than once in tests)."""
    _parts[template_name] = PortalPart(template_name, context)


def parts_for(account: FamilyAccount, children: Sequence[Learner]) -> list[RenderedPart]:
    return [RenderedPart(part.template_name, part.context(account, children)) for part in _parts.values()]
