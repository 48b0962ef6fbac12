"""The one filter set for partners: the list page, its CSV and XLSX exports and the API all filter through it."""

from typing import Any

import django_filters
from django.db.models import Q, QuerySet

from tutti.core.filtering import ListFilterSet, SortFilter
from tutti.network.models import HubArea, LocalAuthority
from tutti.partners.models import Partner

SHOW_CURRENT, SHOW_ARCHIVED, SHOW_ALL = "current", "archived", "all"


class PartnerFilterSet(ListFilterSet):
    """Narrow a hub's partners by kind, status, local authority (ONS code) and text; sort them.

    Archived partners are left out unless ``show`` is ``archived`` or ``all``. The text matches the
    partner's name or a contact's name anywhere, case-insensitively. Local authorities offered are the
    hub's own (pass ``hub=``).
    """

    q = django_filters.CharFilter(label="Search", method="filter_text", help_text="A partner or contact name.")
    kind = django_filters.ChoiceFilter(label="Kind", choices=Partner.Kind.choices, empty_label="All kinds")
    status = django_filters.ChoiceFilter(label="Status", choices=Partner.Status.choices, empty_label="All statuses")
    local_authority = django_filters.ModelChoiceFilter(
        label="Local authority",
        field_name="local_authorities",
        queryset=LocalAuthority.objects.none(),
        to_field_name="ons_code",
        empty_label="All local authorities",
        help_text="An ONS code such as E10000015.",
    )
    show = django_filters.ChoiceFilter(
        label="Archived partners",
        method="filter_show",
        choices=[(SHOW_ARCHIVED, "Archived only"), (SHOW_ALL, "Current and archived")],
        empty_label="Current only",
    )
    sort = SortFilter(
        orders=(
            ("name", "name", "Name"),
            ("kind", "kind", "Kind"),
            ("status", "status", "Status"),
            ("updated_at", "updated", "Last changed"),
        ),
        default="name",
    )

    class Meta:
        model = Partner
        fields = ["q", "kind", "status", "local_authority", "show"]

    def __init__(self, *args: Any, hub: HubArea | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["local_authority"].queryset = LocalAuthority.objects.filter(hub_area=hub).defer("boundary_svg")

    @property
    def qs(self) -> "QuerySet[Partner]":
        queryset = super().qs
        if not (self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("show")):
            queryset = queryset.filter(archived_at__isnull=True)
        return queryset

    def filter_text(self, queryset: "QuerySet[Partner]", name: str, value: str) -> "QuerySet[Partner]":
        text = value.strip()
        if not text:
            return queryset
        matching = Partner.objects.filter(Q(name__icontains=text) | Q(contacts__name__icontains=text)).values("pk")
        return queryset.filter(pk__in=matching)

    def filter_show(self, queryset: "QuerySet[Partner]", name: str, value: str) -> "QuerySet[Partner]":
        if value == SHOW_ARCHIVED:
            return queryset.filter(archived_at__isnull=False)
        return queryset
