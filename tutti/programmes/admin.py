"""The programmes tables in Django's admin: look-ups for site administrators, read-only.

Hubs change their calendars, activities, workforce, enrolments and registers through their own pages,
where tenancy, the services' rules (a tutor's valid check, capacity under lock) and the audit log apply;
the admin must not be a way around them. Only the national instrument list is edited here.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from tutti.programmes.models import (
    Activity,
    Attendance,
    Enrolment,
    Instrument,
    SafeguardingCheck,
    Session,
    StaffMember,
    TermCalendar,
    TrainingRecord,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewing only: no add, change or delete."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["name", "family"]
    list_filter = ["family"]
    search_fields = ["name"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # activities and staff refer to instruments; a name can be corrected, not removed


@admin.register(TermCalendar)
class TermCalendarAdmin(ReadOnlyAdmin):
    list_display = ["hub", "academic_year", "updated_at"]
    list_filter = ["hub"]


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ["name", "hub", "kind", "level", "capacity", "places_taken", "fee_basis"]
    list_filter = ["hub", "kind", "level"]
    search_fields = ["name", "school__name", "place_name"]
    list_select_related = ["hub"]


@admin.register(Session)
class SessionAdmin(ReadOnlyAdmin):
    list_display = ["activity", "date", "starts_at", "status", "reason"]
    list_filter = ["status", "activity__hub"]
    search_fields = ["activity__name"]
    date_hierarchy = "date"
    list_select_related = ["activity"]


@admin.register(StaffMember)
class StaffMemberAdmin(ReadOnlyAdmin):
    list_display = ["last_name", "first_name", "hub", "job_title", "employment", "left_on"]
    list_filter = ["hub", "employment"]
    search_fields = ["last_name", "first_name"]


@admin.register(SafeguardingCheck)
class SafeguardingCheckAdmin(ReadOnlyAdmin):
    list_display = ["staff_member", "issued_on", "decision", "valid_until", "recorded_at"]
    list_filter = ["decision", "staff_member__hub"]
    search_fields = ["staff_member__last_name"]
    list_select_related = ["staff_member"]


@admin.register(TrainingRecord)
class TrainingRecordAdmin(ReadOnlyAdmin):
    list_display = ["staff_member", "kind", "title", "attended_on", "expires_on"]
    list_filter = ["kind", "staff_member__hub"]
    list_select_related = ["staff_member"]


@admin.register(Enrolment)
class EnrolmentAdmin(ReadOnlyAdmin):
    """Learners are shown by reference only, as in the learners admin."""

    list_display = ["learner_reference", "activity", "status", "applied_on", "ended_on"]
    list_filter = ["status", "hub"]
    search_fields = ["=learner__reference", "activity__name"]
    list_select_related = ["learner", "activity"]
    fields = ["hub", "activity", "status", "waiting_position", "applied_on", "started_on", "ended_on", "end_reason"]

    @admin.display(description="Learner", ordering="learner__reference")
    def learner_reference(self, obj: Enrolment) -> str:
        return str(obj.learner.reference)


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ["learner_reference", "session", "mark", "marked_at"]
    list_filter = ["mark", "session__activity__hub"]
    search_fields = ["=learner__reference"]
    list_select_related = ["learner", "session__activity"]
    fields = ["session", "mark", "marked_at"]

    @admin.display(description="Learner", ordering="learner__reference")
    def learner_reference(self, obj: Attendance) -> str:
        return str(obj.learner.reference)
