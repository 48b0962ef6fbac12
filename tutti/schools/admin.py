"""The national schools register in the admin: found by URN or name, changed only by `import_gias`.

Hub engagement records and survey links are not here: they are a hub's own records, reached through the
hub's pages and its tenancy checks.
"""

from django.contrib import admin
from django.http import HttpRequest

from tutti.schools.models import School


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["urn", "name", "local_authority", "phase", "status", "state_funded"]
    list_filter = ["status", "phase", "state_funded"]
    search_fields = ["=urn", "name", "postcode"]
    list_select_related = ["local_authority"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: School | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: School | None = None) -> bool:
        return False  # closed schools are kept with every hub's history
