"""The hub's school pages: its schools, one school with this hub's engagement by year, the engagement form.

Schools are national; a hub reaches only those in its own local authorities (another area's school is a
404), and its engagement records only through ``SchoolEngagement.objects.for_hub``.
"""

from typing import cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from tutti.accounts.access import hub_role_required
from tutti.accounts.models import STAFF_ROLES, Membership, Role, User
from tutti.core import academic_year
from tutti.core.csv_files import CSV_CONTENT_TYPE
from tutti.core.listing import list_page
from tutti.network.models import HubArea
from tutti.partners.selectors import interactions_for
from tutti.schools import downloads, selectors
from tutti.schools.coverage import area_coverage
from tutti.schools.filters import SchoolFilterSet
from tutti.schools.forms import EngagementForm
from tutti.schools.models import EngagementChange, School
from tutti.schools.services import engagement_record

EDITOR_ROLES = frozenset({Role.HUB_ADMINISTRATOR, Role.PROGRAMME_MANAGER})
NEW_SURVEY_LINK_SESSION_KEY = "schools_new_survey_link"


def hub_of(request: HttpRequest) -> HubArea:
    return cast(HubArea, request.hub)  # type: ignore[attr-defined]


def can_edit(request: HttpRequest) -> bool:
    membership = cast(Membership, request.membership)  # type: ignore[attr-defined]
    return bool(membership.role_set & EDITOR_ROLES)


def school_in_area_or_404(request: HttpRequest, urn: int) -> School:
    """The school with this URN if it is in the hub's area; any other school is a 404."""
    return get_object_or_404(School.objects.in_hub_area(hub_of(request)).select_related("local_authority"), urn=urn)


def filtered_schools(request: HttpRequest) -> tuple[SchoolFilterSet, int]:
    year = selectors.current_year()
    hub = hub_of(request)
    filterset = SchoolFilterSet(request.GET, queryset=selectors.hub_schools(hub=hub, year=year), hub=hub)
    return filterset, year


@hub_role_required(*STAFF_ROLES)
def school_list(request: HttpRequest) -> HttpResponse:
    """The schools in the hub's area with their engagement this year; filter, sort, page and export."""
    filterset, year = filtered_schools(request)
    context = {
        "filterset": filterset,
        "listing": list_page(request, filterset.qs if filterset.is_valid() else School.objects.none()),
        "year": year,
        "can_import": Role.HUB_ADMINISTRATOR in cast(Membership, request.membership).role_set,  # type: ignore[attr-defined]
    }
    return render(request, "schools/school_list.html", context)


def _export(request: HttpRequest, kind: str) -> HttpResponse:
    filterset, year = filtered_schools(request)
    if not filterset.is_valid():
        return render(request, "schools/school_list.html", {"filterset": filterset, "year": year}, status=400)
    schools = filterset.qs
    filename = f"schools-{academic_year.label(year).replace('/', '-')}"
    if kind == "csv":
        response = HttpResponse(downloads.schools_csv(schools, year=year), content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(downloads.schools_xlsx(schools, year=year), content_type=downloads.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{kind}"'
    return response


@hub_role_required(*STAFF_ROLES)
def school_list_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "csv")


@hub_role_required(*STAFF_ROLES)
def school_list_xlsx(request: HttpRequest) -> HttpResponse:
    return _export(request, "xlsx")


@hub_role_required(*STAFF_ROLES)
def school_detail(request: HttpRequest, urn: int) -> HttpResponse:
    """One school: its GIAS facts, this hub's engagement by year and, for editors, the survey link."""
    school = school_in_area_or_404(request, urn)
    hub = hub_of(request)
    year = selectors.current_year()
    current = selectors.engagement_for(hub=hub, school=school, year=year)
    context = {
        "school": school,
        "year": year,
        "engagements": selectors.engagements_of_school(hub=hub, school=school),
        "current": current,
        "taught": selectors.taught_at(hub=hub, school=school, year=year),
        # The interactions log (partners) is about this year's engagement record, once there is one.
        "interactions": interactions_for(hub=hub, subject=current) if current else None,
        "can_edit": can_edit(request),
        "survey_links": selectors.survey_links_for_year(hub=hub, year=year).filter(school=school),
        "new_survey_link": request.session.pop(NEW_SURVEY_LINK_SESSION_KEY, None),
    }
    return render(request, "schools/school_detail.html", context)


@hub_role_required(*EDITOR_ROLES)
def engagement_edit(request: HttpRequest, urn: int, year: int) -> HttpResponse:
    """Record or change the hub's engagement with the school for an academic year."""
    school = school_in_area_or_404(request, urn)
    if not 2000 <= year <= 2100:
        raise Http404("No such academic year.")
    hub = hub_of(request)
    engagement = selectors.engagement_for(hub=hub, school=school, year=year)
    form = EngagementForm(request.POST or None, instance=engagement)
    if request.method == "POST" and form.is_valid():
        engagement_record(
            hub=hub,
            school=school,
            academic_year=year,
            values=form.values(),
            source=EngagementChange.Source.STAFF,
            actor=cast(User, request.user),
        )
        messages.success(request, f"Saved {school.name}'s engagement for {academic_year.label(year)}.")
        return redirect("schools:detail", urn=school.urn)
    context = {"school": school, "year": year, "form": form, "engagement": engagement}
    return render(request, "schools/engagement_form.html", context, status=400 if form.errors else 200)


@hub_role_required(*STAFF_ROLES)
def coverage(request: HttpRequest) -> HttpResponse:
    """The share of the area's open state-funded schools engaged this year, with a map and the same figures."""
    return render(
        request,
        "schools/coverage.html",
        {"coverage": area_coverage(hub=hub_of(request), year=selectors.current_year())},
    )
