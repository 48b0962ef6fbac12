"""The audit log's filters: search, who, what, the kind of record and a date range."""

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from tutti.accounts.audit_log import RECORD_KINDS, actions_about
from tutti.accounts.models import AuditEvent, Membership
from tutti.core.filtering import ListFilterSet
from tutti.network.models import HubArea

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"]


def _date_filter(label: str, lookup: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        label=label,
        field_name="occurred_at",
        lookup_expr=lookup,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": f"Enter the {label.lower()} date as a real date, for example 01/09/2025"},
    )


class AuditLogFilterForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("occurred_from"), cleaned.get("occurred_to")
        if start and end and start > end:
            self.add_error("occurred_to", "The to date must be the same as or after the from date")
        return cleaned


class AuditEventFilterSet(ListFilterSet):
    """Narrow a hub's audit log by words in an entry, the person who acted, the action, the kind of record
    and the days it happened (from and to, both included). The people offered are the hub's members."""

    q = django_filters.CharFilter(
        label="Search",
        method="filter_text",
        help_text="A learner's reference, an activity, a person's name or email address.",
    )
    person = django_filters.ChoiceFilter(label="Who", method="filter_person", empty_label="Anyone")
    action = django_filters.ChoiceFilter(label="What", choices=AuditEvent.Action.choices, empty_label="Any action")
    record = django_filters.ChoiceFilter(
        label="Record", choices=list(RECORD_KINDS.items()), method="filter_record", empty_label="Any record"
    )
    occurred_from = _date_filter("From", "date__gte")
    occurred_to = _date_filter("To", "date__lte")

    class Meta:
        model = AuditEvent
        fields = ["q", "person", "action", "record", "occurred_from", "occurred_to"]
        form = AuditLogFilterForm

    def __init__(self, *args: Any, hub: HubArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Membership.objects.for_hub(hub).select_related("user").order_by("user__first_name", "user__email")
        self.filters["person"].extra["choices"] = [(str(member.public_id), str(member.user)) for member in members]

    def filter_text(self, queryset: "QuerySet[AuditEvent]", name: str, value: str) -> "QuerySet[AuditEvent]":
        for word in value.split():
            queryset = queryset.filter(
                Q(detail__icontains=word)
                | Q(path__icontains=word)
                | Q(actor__email__icontains=word)
                | Q(actor__first_name__icontains=word)
                | Q(actor__last_name__icontains=word)
                | Q(subject_user__email__icontains=word)
            )
        return queryset

    def filter_person(self, queryset: "QuerySet[AuditEvent]", name: str, value: str) -> "QuerySet[AuditEvent]":
        return queryset.filter(actor__memberships__public_id=value)

    def filter_record(self, queryset: "QuerySet[AuditEvent]", name: str, value: str) -> "QuerySet[AuditEvent]":
        return queryset.filter(action__in=actions_about(value))
