"""The one filter set for a hub's schools: the list page, its CSV and XLSX exports and the API use it."""

from typing import Any

import django_filters
from django.db.models import Q

from tutti.core.filtering import ListFilterSet, SortFilter
from tutti.network.models import HubArea
from tutti.schools.models import School, SchoolQuerySet
from tutti.schools.selectors import hub_local_authorities

ENGAGED_CHOICES = [("yes", "Engaged this year"), ("no", "Not engaged this year")]
# Open schools are the list's own choice (the empty one), so "Open" is offered once.
STATUS_CHOICES = [("closed", "Closed"), ("all", "Open and closed")]


class SchoolFilterSet(ListFilterSet):
    """Narrow the hub's schools by text, phase, local authority, engagement and status; sort them.

    Only open schools are listed unless ``status`` says otherwise: closed schools stay in the register
    with their history but are rarely what a person is looking for.
    """

    q = django_filters.CharFilter(label="Name, URN or postcode", method="filter_text")
    phase = django_filters.ChoiceFilter(label="Phase", choices=School.Phase.choices, empty_label="All phases")
    local_authority = django_filters.ModelChoiceFilter(
        label="Local authority",
        queryset=hub_local_authorities(None),
        to_field_name="ons_code",
        empty_label="All local authorities",
    )
    engaged = django_filters.ChoiceFilter(
        label="Engagement", choices=ENGAGED_CHOICES, method="filter_engaged", empty_label="All schools"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_CHOICES, method="filter_status", empty_label="Open"
    )
    sort = SortFilter(
        orders=(
            ("name", "name", "Name"),
            ("urn", "urn", "URN"),
            ("number_of_pupils", "pupils", "Number of pupils"),
            ("percent_fsm", "fsm", "% free school meals"),
            ("local_authority__name", "local_authority", "Local authority"),
        ),
        default="name",
    )

    class Meta:
        model = School
        fields = ["q", "phase", "local_authority", "engaged", "status"]

    def __init__(self, *args: Any, hub: HubArea | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["local_authority"].queryset = hub_local_authorities(hub)

    @property
    def qs(self) -> SchoolQuerySet:
        queryset = super().qs
        if not self.is_bound or not self.form.cleaned_data.get("status"):
            queryset = queryset.open()
        return queryset

    def filter_text(self, queryset: SchoolQuerySet, name: str, value: str) -> SchoolQuerySet:
        text = value.strip()
        if not text:
            return queryset
        match = Q(name__icontains=text) | Q(postcode__iexact=text)
        if text.isdigit():
            match |= Q(urn=int(text))
        return queryset.filter(match)

    def filter_engaged(self, queryset: SchoolQuerySet, name: str, value: str) -> SchoolQuerySet:
        # ``engaged`` is the annotation selectors.hub_schools adds, not a model field, hence the mapping.
        if value in {"yes", "no"}:
            return queryset.filter(**{"engaged": value == "yes"})
        return queryset

    def filter_status(self, queryset: SchoolQuerySet, name: str, value: str) -> SchoolQuerySet:
        if value == "closed":
            return queryset.filter(status=School.Status.CLOSED)
        return queryset
