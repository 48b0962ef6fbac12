"""Django admin for learners: read-only, so every change goes through the services and the audit log."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tutti.learners.models import Learner


@admin.register(Learner)
class LearnerAdmin(admin.ModelAdmin):
    """Site administrators can look a record up by reference (no names in the list); hub staff use the pages."""

    list_display = ["reference", "hub", "year_group", "merged_into", "created_at"]
    list_filter = ["hub"]
    search_fields = ["reference"]
    fields = ("reference", "hub", "year_group", "merged_into", "merged_at", "created_at", "updated_at")
    readonly_fields = ("reference", "hub", "year_group", "merged_into", "merged_at", "created_at", "updated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
