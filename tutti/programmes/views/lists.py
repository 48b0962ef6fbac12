"""Lists of activities, enrolments and the workforce, a page at a time; the activities and enrolments export
as CSV or XLSX with the same filters."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tutti.accounts.access import hub_role_required
from tutti.accounts.models import AuditEvent
from tutti.accounts.services import audit_record
from tutti.core.listing import list_page
from tutti.programmes import selectors
from tutti.programmes.exports import ACTIVITY_HEADERS, ENROLMENT_HEADERS, activity_row, enrolment_row, export_response
from tutti.programmes.filters import ActivityFilterSet, EnrolmentFilterSet
from tutti.programmes.models import Activity, Enrolment
from tutti.programmes.views.access import MANAGERS, hub_of, user_of

EXPORT_KINDS = {"csv", "xlsx"}


@hub_role_required(*MANAGERS)
def activity_list(request: HttpRequest) -> HttpResponse:
    """A page of the hub's activities, filtered and sorted; ?export=csv or xlsx downloads the same rows."""
    hub = hub_of(request)
    filterset = ActivityFilterSet(request.GET or None, queryset=selectors.activities_for_list(hub), hub=hub)
    export = request.GET.get("export")
    if export in EXPORT_KINDS and filterset.is_valid():
        return export_response(
            kind=export, filename="activities", headers=ACTIVITY_HEADERS, items=filterset.qs, row=activity_row
        )
    activities = filterset.qs if filterset.is_valid() else Activity.objects.none()
    context = {"filter": filterset, "listing": list_page(request, activities)}
    return render(request, "programmes/activity_list.html", context)


@hub_role_required(*MANAGERS)
def enrolment_list(request: HttpRequest) -> HttpResponse:
    """A page of the hub's enrolments, filtered and sorted, exported with the same filters (the export is audited)."""
    filterset = EnrolmentFilterSet(request.GET or None, queryset=selectors.enrolments_for_list(hub_of(request)))
    export = request.GET.get("export")
    if export in EXPORT_KINDS and filterset.is_valid():
        audit_record(
            action=AuditEvent.Action.LEARNERS_EXPORTED,
            hub=hub_of(request),
            actor=user_of(request),
            request=request,
            detail=f"Enrolments as {export.upper()}",
        )
        return export_response(
            kind=export, filename="enrolments", headers=ENROLMENT_HEADERS, items=filterset.qs, row=enrolment_row
        )
    enrolments = filterset.qs if filterset.is_valid() else Enrolment.objects.none()
    context = {"filter": filterset, "listing": list_page(request, enrolments)}
    return render(request, "programmes/enrolment_list.html", context)


@hub_role_required(*MANAGERS)
def staff_list(request: HttpRequest) -> HttpResponse:
    """A page of the workforce with each person's current DBS check, and what runs out in the next 60 days."""
    today = timezone.localdate()
    staff = selectors.staff_with_checks(hub=hub_of(request), today=today)
    expiring = selectors.expiring_within(hub=hub_of(request), today=today)
    context = {
        "listing": list_page(request, staff),
        "expiring": expiring,
        "today": today,
        "horizon": today + datetime.timedelta(days=selectors.EXPIRY_WARNING_DAYS),
    }
    return render(request, "programmes/staff_list.html", context)
