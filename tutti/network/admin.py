"""The national network in the admin: read-mostly, because its data comes from ONS and ACE through the importers.

Areas, local authorities, appointments and allocations are changed by `import_hub_allocations` and
`load_network_seed`, which check every row; hand edits here would bypass those checks. What no file
publishes (a lead organisation's kind and website, an area's verification note) can be corrected here.
"""

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from tutti.core.money import format_pence
from tutti.network.models import (
    Aim,
    FundingAllocation,
    HubArea,
    LeadAppointment,
    LeadOrganisation,
    LocalAuthority,
    Region,
    StrategicFunction,
)
from tutti.network.services import network_revision_bump


class ImportedDataAdmin(admin.ModelAdmin):
    """Rows that only an importer or a migration creates: no adding or deleting by hand."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @transaction.atomic
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """An edit here (a verification status, a website) must reach the cached public pages too."""
        super().save_model(request, obj, form, change)
        network_revision_bump()


class ReadOnlyAdmin(ImportedDataAdmin):
    """Rows shown for reference only: every field is read-only."""

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class LocalAuthorityInline(admin.TabularInline):
    model = LocalAuthority
    fields = ["name", "ons_code", "dfe_code", "kind", "region"]
    readonly_fields = ["name", "ons_code", "dfe_code", "kind", "region"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class LeadAppointmentInline(admin.TabularInline):
    model = LeadAppointment
    fields = ["organisation", "starts_on", "ends_on"]
    readonly_fields = ["organisation", "starts_on", "ends_on"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FundingAllocationInline(admin.TabularInline):
    model = FundingAllocation
    fields = ["academic_year", "stream", "amount", "source"]
    readonly_fields = ["academic_year", "stream", "amount", "source"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="Amount")
    def amount(self, allocation: FundingAllocation) -> str:
        return format_pence(allocation.amount_pence)


@admin.register(HubArea)
class HubAreaAdmin(ImportedDataAdmin):
    list_display = ["name", "slug", "verification", "local_authority_count", "updated_at"]
    list_filter = ["verification", "local_authorities__region"]
    search_fields = ["name", "slug", "local_authorities__name", "local_authorities__ons_code"]
    readonly_fields = ["name", "slug", "created_at", "updated_at"]
    fields = ["name", "slug", "verification", "sources", "created_at", "updated_at"]
    inlines = [LeadAppointmentInline, LocalAuthorityInline, FundingAllocationInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[HubArea]:
        return super().get_queryset(request).prefetch_related("local_authorities").distinct()

    @admin.display(description="Local authorities")
    def local_authority_count(self, area: HubArea) -> int:
        return len(area.local_authorities.all())


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(ReadOnlyAdmin):
    list_display = ["name", "ons_code", "dfe_code", "kind", "region", "hub_area"]
    list_filter = ["kind", "region", "hub_area"]
    search_fields = ["name", "ons_code", "dfe_code"]
    list_select_related = ["region", "hub_area"]
    fields = ["name", "ons_code", "dfe_code", "kind", "region", "hub_area"]  # the boundary is a long SVG path


@admin.register(LeadOrganisation)
class LeadOrganisationAdmin(ImportedDataAdmin):
    list_display = ["name", "kind", "website", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "appointments__hub_area__name"]
    readonly_fields = ["name", "created_at", "updated_at"]
    fields = ["name", "kind", "website", "created_at", "updated_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[LeadOrganisation]:
        return super().get_queryset(request).distinct()  # the appointments search joins a to-many relation


class CurrentAppointmentFilter(admin.SimpleListFilter):
    title = "current"
    parameter_name = "current"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Current"), ("no", "Ended")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[LeadAppointment]) -> QuerySet[LeadAppointment]:
        if self.value() == "yes":
            return queryset.filter(ends_on__isnull=True)
        if self.value() == "no":
            return queryset.filter(ends_on__isnull=False)
        return queryset


@admin.register(LeadAppointment)
class LeadAppointmentAdmin(ReadOnlyAdmin):
    list_display = ["hub_area", "organisation", "starts_on", "ends_on"]
    list_filter = [CurrentAppointmentFilter, "organisation__kind", "starts_on"]
    search_fields = ["hub_area__name", "organisation__name"]
    list_select_related = ["hub_area", "organisation"]
    date_hierarchy = "starts_on"


@admin.register(FundingAllocation)
class FundingAllocationAdmin(ReadOnlyAdmin):
    list_display = ["hub_area", "academic_year", "stream", "amount", "updated_at"]
    list_filter = ["academic_year", "stream"]
    search_fields = ["hub_area__name"]
    list_select_related = ["hub_area"]

    @admin.display(description="Amount", ordering="amount_pence")
    def amount(self, allocation: FundingAllocation) -> str:
        return format_pence(allocation.amount_pence)


@admin.register(Aim)
class AimAdmin(ReadOnlyAdmin):
    list_display = ["number", "summary"]


@admin.register(StrategicFunction)
class StrategicFunctionAdmin(ReadOnlyAdmin):
    list_display = ["position", "name", "slug"]
    search_fields = ["name", "summary"]
