"""Pieces every list's filter set shares: the base class and the "Sort by" choice."""

from collections.abc import Sequence
from typing import Any

import django_filters
from django import forms

# One order a list can be sorted in: the model path, the value in the query string, the words shown.
Order = tuple[str, str, str]


class SortFilter(django_filters.OrderingFilter):
    """ "Sort by" as one select whose first choice is the list's own order, named in plain words.

    There is no empty "---------" choice: the list's default order (``default``, a query-string value) comes
    first, so a form sent without choosing asks for the order the list has anyway, and no order is offered
    twice. Every order is offered ascending and descending.
    """

    def __init__(self, *args: Any, orders: Sequence[Order], default: str, **kwargs: Any) -> None:
        kwargs.setdefault("label", "Sort by")
        kwargs["fields"] = [(path, param) for path, param, _label in orders]
        kwargs["field_labels"] = {path: label for path, _param, label in orders}
        kwargs["empty_label"] = None
        self.default = default
        super().__init__(*args, **kwargs)

    def build_choices(self, fields: dict[str, str], labels: dict[str, str]) -> list[tuple[str, str]]:
        choices = super().build_choices(fields, labels)
        return sorted(choices, key=lambda choice: choice[0] != self.default)  # stable: the rest keep their order


class ListFilterSet(django_filters.FilterSet):
    """A list page's filter set. A choice the list does not offer (an address edited by hand, a record since
    removed) is refused with a message naming the filter, rather than Django's "Select a valid choice"."""

    @property
    def form(self) -> forms.Form:
        if not hasattr(self, "_form"):
            for field in super().form.fields.values():
                if isinstance(field, forms.ChoiceField):
                    field.error_messages["invalid_choice"] = f"{field.label} must be one of the choices in the list"
        return self._form
