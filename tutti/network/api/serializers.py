"""JSON shapes of the national network's read-only API.

Hub areas are serialised from `selectors.HubAreaSummary`, the same objects the pages and downloads
render, so a figure can never differ between the three. Money is integer pence; a figure that is not
published in our data is null, never 0.
"""

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tutti.core import academic_year
from tutti.network.models import (
    FundingAllocation,
    HubArea,
    LeadAppointment,
    LeadOrganisation,
    LocalAuthority,
    Region,
    Verification,
)
from tutti.network.selectors import HubAreaSummary


@extend_schema_field({"type": "string", "pattern": r"^\d{4}/\d{2}$", "example": "2024/25"})
class AcademicYearField(serializers.Field):
    """An academic year stored as its starting calendar year (2024), written as `2024/25`."""

    def to_representation(self, value: int) -> str:
        return academic_year.label(value)


@extend_schema_field({"type": "array", "items": {"type": "string", "format": "uri"}})
class SourceLinesField(serializers.Field):
    """A text field holding one source address per line, given as a list of addresses."""

    def to_representation(self, value: str) -> list[str]:
        return [line.strip() for line in value.splitlines() if line.strip()]


def absolute(request: Any, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


class RegionSerializer(serializers.ModelSerializer[Region]):
    class Meta:
        model = Region
        fields = ["code", "name"]


class LocalAuthorityInAreaSerializer(serializers.ModelSerializer[LocalAuthority]):
    class Meta:
        model = LocalAuthority
        fields = ["ons_code", "name"]


class CurrentLeadSerializer(serializers.Serializer[LeadAppointment]):
    """The lead organisation appointed to an area now, and since when."""

    name = serializers.CharField(source="organisation.name")
    kind = serializers.ChoiceField(source="organisation.kind", choices=LeadOrganisation.Kind.choices)
    website = serializers.URLField(source="organisation.website", allow_blank=True)
    appointed_from = serializers.DateField(source="starts_on")


class FundingSerializer(serializers.Serializer[Any]):
    """One academic year's published funding of an area, in pence; null where not published."""

    academic_year = AcademicYearField(allow_null=True, help_text="The year the figures are for, like 2024/25.")
    revenue_pence = serializers.IntegerField(allow_null=True, help_text="Core revenue grant.")
    capital_pence = serializers.IntegerField(allow_null=True, help_text="Capital grant for instruments and equipment.")
    combined_pence = serializers.IntegerField(
        allow_null=True, help_text="A published total where the revenue/capital split was not published."
    )
    total_pence = serializers.IntegerField(
        allow_null=True, help_text="Revenue plus capital when both are published, otherwise the combined figure."
    )
    sources = serializers.ListField(child=serializers.URLField(), help_text="Where the figures were published.")


class HubAreaLinksSerializer(serializers.Serializer[HubAreaSummary]):
    api = serializers.SerializerMethodField(help_text="This hub area in the API.")
    html = serializers.SerializerMethodField(help_text="This hub area's page on the website.")

    def get_api(self, summary: HubAreaSummary) -> str:
        return absolute(self.context.get("request"), reverse("api:hub-area-detail", args=[summary.area.slug]))

    def get_html(self, summary: HubAreaSummary) -> str:
        return absolute(self.context.get("request"), reverse("network:hub_detail", args=[summary.area.slug]))


class HubAreaSerializer(serializers.Serializer[HubAreaSummary]):
    """A hub area as the directory shows it: its local authorities, current lead and latest funding."""

    name = serializers.CharField(source="area.name")
    slug = serializers.SlugField(source="area.slug")
    verification = serializers.ChoiceField(
        source="area.verification",
        choices=Verification.choices,
        help_text="How far the published sources confirm this area's row.",
    )
    sources = serializers.ListField(source="area.source_list", child=serializers.URLField())
    regions = serializers.ListField(source="region_names", child=serializers.CharField())
    local_authorities = LocalAuthorityInAreaSerializer(many=True)
    lead_organisation = CurrentLeadSerializer(source="lead", allow_null=True)
    funding = FundingSerializer()
    links = HubAreaLinksSerializer(source="*")


class LocalAuthoritySerializer(serializers.ModelSerializer[LocalAuthority]):
    """An upper-tier local authority with its codes, region and the hub area it sits in."""

    region = RegionSerializer()
    hub_area: serializers.SlugRelatedField[HubArea] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True, help_text="The slug of the hub area it sits in."
    )
    url = serializers.HyperlinkedIdentityField(
        view_name="api:local-authority-detail", lookup_field="ons_code", help_text="This local authority in the API."
    )

    class Meta:
        model = LocalAuthority
        fields = ["ons_code", "dfe_code", "name", "kind", "region", "hub_area", "url"]


class AppointmentSerializer(serializers.ModelSerializer[LeadAppointment]):
    hub_area: serializers.SlugRelatedField[HubArea] = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    appointed_from = serializers.DateField(source="starts_on")
    appointed_until = serializers.DateField(
        source="ends_on", allow_null=True, help_text="Null while the appointment is current."
    )

    class Meta:
        model = LeadAppointment
        fields = ["hub_area", "appointed_from", "appointed_until"]


class LeadOrganisationSerializer(serializers.ModelSerializer[LeadOrganisation]):
    """A Hub Lead Organisation and the hub areas it has been appointed to lead."""

    appointments = AppointmentSerializer(many=True)

    class Meta:
        model = LeadOrganisation
        fields = ["name", "kind", "website", "appointments"]


class FundingAllocationSerializer(serializers.ModelSerializer[FundingAllocation]):
    """One grant to one hub area for one academic year and stream, in pence."""

    hub_area: serializers.SlugRelatedField[HubArea] = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    academic_year = AcademicYearField(help_text="The academic year, like 2024/25.")
    sources = SourceLinesField(source="source", help_text="Where the figure was published.")

    class Meta:
        model = FundingAllocation
        fields = ["hub_area", "academic_year", "stream", "amount_pence", "sources"]
