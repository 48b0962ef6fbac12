"""The one filter set of the asset register: the list page filters through it."""

import django_filters
from django.db.models import Q, QuerySet

from tutti.instruments.models import Asset


class AssetFilterSet(django_filters.FilterSet):
    """Narrow the hub's assets by text, kind, status and funding; sort by a column."""

    q = django_filters.CharFilter(
        label="Search", method="filter_text", help_text="Asset tag, serial number, type, make or model."
    )
    kind = django_filters.ChoiceFilter(choices=Asset.Kind.choices, empty_label="All kinds")
    status = django_filters.ChoiceFilter(choices=Asset.Status.choices, empty_label="Any status")
    funding = django_filters.ChoiceFilter(choices=Asset.Funding.choices, empty_label="Any funding")
    sort = django_filters.OrderingFilter(
        fields=(
            ("asset_tag", "asset_tag"),
            ("instrument__name", "type"),
            ("status", "status"),
            ("purchased_on", "purchased"),
        ),
        label="Sort by",
    )

    class Meta:
        model = Asset
        fields = ["q", "kind", "status", "funding"]

    def filter_text(self, queryset: "QuerySet[Asset]", name: str, value: str) -> "QuerySet[Asset]":
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(
            Q(asset_tag__icontains=text)
            | Q(serial_number__icontains=text)
            | Q(instrument__name__icontains=text)
            | Q(item__icontains=text)
            | Q(make__icontains=text)
            | Q(model__icontains=text)
        )
