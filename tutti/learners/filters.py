"""The one filter set for learners: the list page and its CSV and XLSX exports filter through it.

A filter on a field the person may not see would reveal it (filter by ethnicity, count the rows), so
the filter set drops every filter whose field ``FieldAccess`` hides, and sorting likewise.
"""

from typing import Any

import django_filters
from django.db.models import Q, QuerySet

from tutti.core.filtering import ListFilterSet, Order, SortFilter
from tutti.learners.field_access import FieldAccess
from tutti.learners.models import Answer, Ethnicity, Gender, Learner, LookedAfter, Send, YearGroup
from tutti.network.models import HubArea
from tutti.schools.models import School

_SORTS: tuple[Order, ...] = (
    ("last_name", "last_name", "Last name"),
    ("first_name", "first_name", "First name"),
    ("reference", "reference", "Reference"),
    ("year_group", "year_group", "Year group"),
    ("date_of_birth", "date_of_birth", "Date of birth"),
    ("school__name", "school", "School"),
    ("created_at", "added", "Date added"),
)
# Filters named for the learner field they reveal.
_FIELD_OF_FILTER = {
    "year_group": "year_group",
    "school": "school",
    "gender": "gender",
    "ethnicity": "ethnicity",
    "send": "send",
    "disadvantaged": "disadvantaged",
    "looked_after": "looked_after",
    "young_carer": "young_carer",
}


class LearnerFilterSet(ListFilterSet):
    """Narrow a hub's learners by name or reference, school, year group and (where seen) sensitive fields."""

    q = django_filters.CharFilter(label="Name or reference", method="filter_text")
    school = django_filters.ModelChoiceFilter(
        label="School", queryset=School.objects.none(), to_field_name="urn", empty_label="All schools"
    )
    year_group = django_filters.ChoiceFilter(label="Year group", choices=YearGroup.choices, empty_label="All years")
    send = django_filters.ChoiceFilter(label="SEND", choices=Send.choices, empty_label="Any")
    gender = django_filters.ChoiceFilter(label="Gender", choices=Gender.choices, empty_label="Any")
    ethnicity = django_filters.ChoiceFilter(label="Ethnicity", choices=Ethnicity.choices, empty_label="Any")
    disadvantaged = django_filters.ChoiceFilter(
        label="Free school meals or pupil premium", choices=Answer.choices, empty_label="Any"
    )
    looked_after = django_filters.ChoiceFilter(label="Looked after", choices=LookedAfter.choices, empty_label="Any")
    young_carer = django_filters.ChoiceFilter(label="Young carer", choices=Answer.choices, empty_label="Any")
    # Replaced in __init__ by the sorts on fields the person sees.
    sort = SortFilter(orders=_SORTS[:1], default="last_name")

    class Meta:
        model = Learner
        fields = ["q", "school", "year_group", "send", "gender", "ethnicity", "disadvantaged"]

    def __init__(self, *args: Any, hub: HubArea, access: FieldAccess, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in _FIELD_OF_FILTER.items():
            if not access.sees(field):
                del self.filters[name]
        if "school" in self.filters:
            self.filters["school"].queryset = School.objects.in_hub_area(hub).only("pk", "urn", "name")
        sorts = [order for order in _SORTS if access.sees(order[0].split("__")[0])]
        sort = SortFilter(orders=sorts, default="last_name")
        sort.model, sort.parent = Learner, self
        self.filters["sort"] = sort

    @property
    def qs(self) -> "QuerySet[Learner]":
        queryset = super().qs
        if not queryset.query.order_by:
            # Without a chosen order: by name, the order people look a child up in.
            queryset = queryset.order_by("last_name", "first_name", "pk")
        return queryset

    def filter_text(self, queryset: "QuerySet[Learner]", name: str, value: str) -> "QuerySet[Learner]":
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(reference__iexact=word)
            )
        return queryset
