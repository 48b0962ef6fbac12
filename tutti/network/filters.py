"""The one filter set for hub areas: the directory page and the JSON API both filter through it."""

import django_filters
from django.db.models import Q, QuerySet

from tutti.network.models import HubArea, Region


class HubAreaFilterSet(django_filters.FilterSet):
    """Narrow hub areas by region (ONS E12 code) and by free text.

    The text matches an area's name, its current lead organisation's name or a local authority's
    name (all case-insensitive, anywhere in the name), or a local authority's ONS code exactly.
    An area spanning two regions is found under either.
    """

    q = django_filters.CharFilter(
        label="Search",
        method="filter_text",
        help_text="An area, lead organisation or local authority name, or an ONS code such as E10000015.",
    )
    region = django_filters.ModelChoiceFilter(
        label="Region",
        queryset=Region.objects.all(),
        to_field_name="code",
        method="filter_region",
        empty_label="All regions",
    )

    class Meta:
        model = HubArea
        fields = ["q", "region"]

    def filter_text(self, queryset: "QuerySet[HubArea]", name: str, value: str) -> "QuerySet[HubArea]":
        text = value.strip()
        if not text:
            return queryset
        # One subquery rather than joins on the outer query, so an area matching twice is listed once.
        matching = HubArea.objects.filter(
            Q(name__icontains=text)
            | Q(local_authorities__name__icontains=text)
            | Q(local_authorities__ons_code__iexact=text)
            | Q(appointments__ends_on__isnull=True, appointments__organisation__name__icontains=text)
        ).values("pk")
        return queryset.filter(pk__in=matching)

    def filter_region(self, queryset: "QuerySet[HubArea]", name: str, value: Region | None) -> "QuerySet[HubArea]":
        if value is None:
            return queryset
        return queryset.filter(pk__in=HubArea.objects.filter(local_authorities__region=value).values("pk"))
