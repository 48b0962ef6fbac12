"""Filter sets for the API's lists that have no page of their own.

Hub areas filter through `tutti.network.filters.HubAreaFilterSet`, the one the directory page uses;
the sets here cover the models only the API lists. Bad values answer 400 naming the parameter.
"""

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field

from tutti.core import academic_year
from tutti.network.models import FundingAllocation, HubArea, LeadOrganisation, LocalAuthority, Region


class AcademicYearFormField(forms.CharField):
    """Reads `2024/25` (or `2024-25`, `2024/2025`) into the stored starting year, 2024."""

    def clean(self, value: str | None) -> int | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return academic_year.parse(text)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^\d{4}[/-]\d{2}(\d{2})?$",
        "example": "2024/25",
        "description": "An academic year, such as 2024/25.",
    }
)
class AcademicYearFilter(django_filters.Filter):
    field_class = AcademicYearFormField


class LocalAuthorityFilterSet(django_filters.FilterSet):
    region = django_filters.ModelChoiceFilter(
        field_name="region",
        queryset=Region.objects.all(),
        to_field_name="code",
        help_text="An ONS region code, such as E12000006 for the East of England.",
    )
    hub_area = django_filters.ModelChoiceFilter(
        field_name="hub_area",
        queryset=HubArea.objects.all(),
        to_field_name="slug",
        help_text="A hub area's slug, such as hertfordshire.",
    )
    kind = django_filters.ChoiceFilter(choices=LocalAuthority.Kind.choices, help_text="The kind of authority.")

    class Meta:
        model = LocalAuthority
        fields = ["region", "hub_area", "kind"]


class LeadOrganisationFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=LeadOrganisation.Kind.choices, help_text="The kind of organisation, such as council or charity."
    )
    hub_area = django_filters.ModelChoiceFilter(
        field_name="appointments__hub_area",
        queryset=HubArea.objects.all(),
        to_field_name="slug",
        distinct=True,
        help_text="A hub area's slug: organisations ever appointed to lead it.",
    )

    class Meta:
        model = LeadOrganisation
        fields = ["kind", "hub_area"]


class FundingAllocationFilterSet(django_filters.FilterSet):
    hub_area = django_filters.ModelChoiceFilter(
        field_name="hub_area",
        queryset=HubArea.objects.all(),
        to_field_name="slug",
        help_text="A hub area's slug, such as hertfordshire.",
    )
    academic_year = AcademicYearFilter(field_name="academic_year", help_text="An academic year, such as 2024/25.")
    stream = django_filters.ChoiceFilter(
        choices=FundingAllocation.Stream.choices, help_text="revenue, capital or combined."
    )

    class Meta:
        model = FundingAllocation
        fields = ["hub_area", "academic_year", "stream"]
