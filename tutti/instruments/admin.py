"""The instruments tables in Django's admin: look-ups for site administrators, read-only.

Hubs change their register, loans and repairs through their own pages, where tenancy, the services'
rules (one open loan per asset, under lock) and the audit log apply; the admin must not go round them.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tutti.instruments.models import Asset, Loan, Repair


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Asset)
class AssetAdmin(ReadOnlyAdmin):
    list_display = ["asset_tag", "hub", "kind", "instrument", "status", "funding", "capital_year"]
    list_filter = ["hub", "kind", "status", "funding"]
    search_fields = ["asset_tag", "serial_number"]


@admin.register(Loan)
class LoanAdmin(ReadOnlyAdmin):
    list_display = ["asset", "hub", "borrower", "status", "lent_on", "due_on", "returned_on"]
    list_filter = ["hub", "status", "borrower"]


@admin.register(Repair)
class RepairAdmin(ReadOnlyAdmin):
    list_display = ["asset", "supplier", "sent_on", "returned_on", "outcome"]
    list_filter = ["outcome"]
