"""Where a hub's teaching at a school is recorded, so that coverage counts a school where teaching ran.

`schools` comes before `programmes` in DESIGN.md's order and may not import it, so `programmes` registers
its source here when its app is ready (like accounts.workspace's sections: the same in every process,
written once at start-up). A school is then *engaged* in a year when the hub recorded its engagement or
taught there; both are read from the records each time, never copied into the other.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import BooleanField, Expression, ExpressionWrapper, Q, QuerySet, Value

from tutti.network.models import HubArea

# (hub, academic year) -> a queryset of the ids of the schools where the hub taught that year.
TaughtSchools = Callable[[HubArea | None, int], QuerySet[Any]]

_sources: dict[str, TaughtSchools] = {}


def register_teaching_source(*, name: str, schools_taught: TaughtSchools) -> None:
    """Add a source; registering the same name again replaces it (ready() may run more than once in tests)."""
    _sources[name] = schools_taught


def taught_annotation(*, hub: HubArea | None, year: int) -> Expression:
    """True for a school where any registered source shows the hub's teaching in the year."""
    if not _sources:
        return Value(False)
    condition = Q()
    for schools_taught in _sources.values():
        condition |= Q(pk__in=schools_taught(hub, year))
    return ExpressionWrapper(condition, output_field=BooleanField())
