"""The progression route page: a bar chart (drawn by the stylesheet) and a table of the same figures."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tutti.accounts.access import hub_role_required
from tutti.core import academic_year
from tutti.learners.field_access import HUB_WIDE_ROLES
from tutti.learners.progression import progression_route, wcet_years
from tutti.learners.views.requests import access_of, hub_of


@hub_role_required(*HUB_WIDE_ROLES)
def progression(request: HttpRequest) -> HttpResponse:
    """Of the children in WCET in a year, how many went on: numbers for the hub's own staff only."""
    hub = hub_of(request)
    years = wcet_years(hub)
    chosen = request.GET.get("year", "")
    year = int(chosen) if chosen.isdigit() and int(chosen) in years else (years[0] if years else None)
    route = progression_route(hub=hub, academic_year=year) if year is not None else None
    context = {
        "route": route,
        "year": year,
        "years": [(value, academic_year.label(value)) for value in years],
        "access": access_of(request),
    }
    return render(request, "learners/progression.html", context)
