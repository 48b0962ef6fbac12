"""The partnership map: where the partnership is thin, as an accessible table."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tutti.accounts.access import hub_role_required
from tutti.core import academic_year
from tutti.partners import selectors
from tutti.partners.roles import READERS
from tutti.partners.selectors.agreements import MapAxis
from tutti.partners.views.requests import hub_of


@hub_role_required(*READERS)
def partnership_map(request: HttpRequest) -> HttpResponse:
    """Active agreements by strategic function and partner kind (or local authority) for a year."""
    try:
        year = academic_year.parse(request.GET.get("year", ""))
    except ValueError:
        year = academic_year.containing(timezone.localdate())
    axis: MapAxis = "local_authority" if request.GET.get("by") == "local_authority" else "kind"
    matrix = selectors.partnership_map(hub=hub_of(request), academic_year=year, axis=axis)
    years = [year + offset for offset in (-2, -1, 0, 1)]
    return render(request, "partners/map.html", {"map": matrix, "years": years})
