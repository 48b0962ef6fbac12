"""The one filter set per listable model: the list page and its CSV/XLSX export filter through it."""

from typing import Any

import django_filters
from django.db.models import Q, QuerySet

from tutti.core import academic_year
from tutti.core.filtering import ListFilterSet, SortFilter
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Enrolment, TermCalendar


class ActivityFilterSet(ListFilterSet):
    """Narrow the hub's activities by text, kind, level and academic year; sort by a column."""

    q = django_filters.CharFilter(label="Search", method="filter_text", help_text="Activity, school or venue name.")
    kind = django_filters.ChoiceFilter(label="Kind", choices=Activity.Kind.choices, empty_label="All kinds")
    level = django_filters.ChoiceFilter(label="Level", choices=Activity.Level.choices, empty_label="Any level")
    # Choices are the years the hub has a term calendar for (set in __init__).
    year = django_filters.ChoiceFilter(
        field_name="calendar__academic_year", label="Academic year", empty_label="Any year"
    )
    sort = SortFilter(
        orders=(
            ("name", "name", "Name"),
            ("kind", "kind", "Kind"),
            ("capacity", "capacity", "Capacity"),
            ("places_taken", "places_taken", "Places taken"),
        ),
        default="name",
    )

    class Meta:
        model = Activity
        fields = ["q", "kind", "level", "year"]

    def __init__(self, *args: Any, hub: HubArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        years = TermCalendar.objects.for_hub(hub).order_by("-academic_year").values_list("academic_year", flat=True)
        self.filters["year"].extra["choices"] = [(year, academic_year.label(year)) for year in years]

    def filter_text(self, queryset: "QuerySet[Activity]", name: str, value: str) -> "QuerySet[Activity]":
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(
            Q(name__icontains=text) | Q(school__name__icontains=text) | Q(place_name__icontains=text)
        )


class EnrolmentFilterSet(ListFilterSet):
    """Narrow the hub's enrolments by status, activity kind and text (learner reference or activity)."""

    q = django_filters.CharFilter(label="Search", method="filter_text", help_text="Learner reference or activity name.")
    status = django_filters.ChoiceFilter(label="Status", choices=Enrolment.Status.choices, empty_label="Any status")
    kind = django_filters.ChoiceFilter(
        label="Kind of activity", field_name="activity__kind", choices=Activity.Kind.choices, empty_label="All kinds"
    )
    sort = SortFilter(
        orders=(
            ("activity__name", "activity", "Activity"),
            ("status", "status", "Status"),
            ("applied_on", "applied_on", "Date applied"),
        ),
        default="activity",
    )

    class Meta:
        model = Enrolment
        fields = ["q", "status", "kind"]

    def filter_text(self, queryset: "QuerySet[Enrolment]", name: str, value: str) -> "QuerySet[Enrolment]":
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(Q(learner__reference__iexact=text) | Q(activity__name__icontains=text))
