"""The one filter set per listable model: the list page and its CSV/XLSX export filter through it."""

import django_filters
from django.db.models import Q, QuerySet

from tutti.programmes.models import Activity, Enrolment

ACTIVITY_ORDERING = (("name", "name"), ("kind", "kind"), ("capacity", "capacity"), ("places_taken", "places_taken"))


class ActivityFilterSet(django_filters.FilterSet):
    """Narrow the hub's activities by text, kind, level and academic year; sort by a column."""

    q = django_filters.CharFilter(label="Search", method="filter_text", help_text="Activity, school or venue name.")
    kind = django_filters.ChoiceFilter(choices=Activity.Kind.choices, empty_label="All kinds")
    level = django_filters.ChoiceFilter(choices=Activity.Level.choices, empty_label="Any level")
    year = django_filters.NumberFilter(field_name="calendar__academic_year", label="Academic year starting")
    sort = django_filters.OrderingFilter(fields=ACTIVITY_ORDERING, label="Sort by")

    class Meta:
        model = Activity
        fields = ["q", "kind", "level", "year"]

    def filter_text(self, queryset: "QuerySet[Activity]", name: str, value: str) -> "QuerySet[Activity]":
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(
            Q(name__icontains=text) | Q(school__name__icontains=text) | Q(place_name__icontains=text)
        )


class EnrolmentFilterSet(django_filters.FilterSet):
    """Narrow the hub's enrolments by status, activity kind and text (learner reference or activity)."""

    q = django_filters.CharFilter(label="Search", method="filter_text", help_text="Learner reference or activity name.")
    status = django_filters.ChoiceFilter(choices=Enrolment.Status.choices, empty_label="Any status")
    kind = django_filters.ChoiceFilter(
        field_name="activity__kind", choices=Activity.Kind.choices, empty_label="All kinds"
    )
    sort = django_filters.OrderingFilter(
        fields=(("activity__name", "activity"), ("status", "status"), ("applied_on", "applied_on")), label="Sort by"
    )

    class Meta:
        model = Enrolment
        fields = ["q", "status", "kind"]

    def filter_text(self, queryset: "QuerySet[Enrolment]", name: str, value: str) -> "QuerySet[Enrolment]":
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(Q(learner__reference__iexact=text) | Q(activity__name__icontains=text))
