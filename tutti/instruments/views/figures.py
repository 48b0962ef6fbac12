"""The capital grant tracker and the fleet's utilisation."""

from typing import cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tutti.accounts.access import hub_role_required
from tutti.accounts.models import Membership
from tutti.instruments.capital import capital_tracker
from tutti.instruments.roles import CAPITAL_ROLES, UTILISATION_ROLES
from tutti.instruments.utilisation import IDLE_AFTER_DAYS, utilisation
from tutti.learners.field_access import FieldAccess
from tutti.learners.views.requests import hub_of


@hub_role_required(*CAPITAL_ROLES)
def capital(request: HttpRequest) -> HttpResponse:
    """Each capital allocation: spend by category against the allocation and its deadline, and what is unspent."""
    today = timezone.localdate()
    years = [(spend, spend.days_left(today)) for spend in capital_tracker(hub_of(request))]
    return render(request, "instruments/capital.html", {"years": years, "today": today})


@hub_role_required(*UTILISATION_ROLES)
def utilisation_page(request: HttpRequest) -> HttpResponse:
    """The share of the fleet on loan by type and location, idle assets, and who borrows.

    The free-school-meals and SEND counts are shown only to roles that may see those fields of a learner.
    """
    roles = cast(Membership, request.membership).role_set  # type: ignore[attr-defined]
    access = FieldAccess.for_roles(roles)
    context = {
        "figures": utilisation(hub=hub_of(request), today=timezone.localdate()),
        "idle_weeks": IDLE_AFTER_DAYS // 7,
        "sees_disadvantage": access.sees("disadvantaged") and access.sees("send"),
    }
    return render(request, "instruments/utilisation.html", context)
