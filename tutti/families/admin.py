"""The families tables in Django's admin: look-ups only (links and matches change through their services)."""

from django.contrib import admin

from tutti.families.models import ChildMatch, ConsentQuestion, FamilyAccount, GuardianLink, YoungPersonLink
from tutti.programmes.admin import ReadOnlyAdmin


@admin.register(FamilyAccount)
class FamilyAccountAdmin(ReadOnlyAdmin):
    list_display = ["user", "created_at"]
    search_fields = ["user__email"]


@admin.register(GuardianLink)
class GuardianLinkAdmin(ReadOnlyAdmin):
    list_display = ["account", "guardian", "origin", "linked_at"]
    list_select_related = ["account__user", "guardian"]


@admin.register(YoungPersonLink)
class YoungPersonLinkAdmin(ReadOnlyAdmin):
    list_display = ["account", "learner", "linked_at"]


@admin.register(ChildMatch)
class ChildMatchAdmin(ReadOnlyAdmin):
    list_display = ["added", "known", "hub", "same_child", "decided_at"]
    list_filter = ["hub"]


@admin.register(ConsentQuestion)
class ConsentQuestionAdmin(ReadOnlyAdmin):
    list_display = ["hub", "kind"]
    list_filter = ["hub", "kind"]
