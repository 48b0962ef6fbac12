"""Recording grants, their reporting deadlines and the payments received against them.

Decision: a payment is an income entry pointing at its grant (source from the grant's kind), so the
sustainability figures count it once, as income. Payments may not add up to more than the grant: for
a DfE grant, more than the published allocation; when the allocation is not published there is
nothing to check against, and the payment is accepted.
"""

from datetime import date

from django.db import transaction
from django.db.models import Sum

from tutti.accounts.models import User
from tutti.core import academic_year as academic_years
from tutti.core.money import format_pence
from tutti.finance.models import Grant, GrantDeadline, IncomeEntry
from tutti.finance.models.ledger import GRANT_SOURCES
from tutti.finance.selectors.grants import grant_amount_pence
from tutti.finance.services.ledger import reference_check
from tutti.finance.services.refused import FinanceRefused
from tutti.network.models import HubArea


@transaction.atomic
def grant_create(
    *,
    hub: HubArea,
    kind: str,
    academic_year: int,
    by: User,
    name: str = "",
    funder: str = "",
    amount_pence: int | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    restricted: bool = False,
    conditions: str = "",
) -> Grant:
    """Record a grant. A DfE grant takes its funder and amount from the published allocation and runs for
    the academic year; it is restricted (spent on the hub's plan) and recorded once per kind and year."""
    year_label = academic_years.label(academic_year)
    if kind in Grant.DFE_KINDS:
        if Grant.objects.for_hub(hub).filter(kind=kind, academic_year=academic_year).exists():
            raise FinanceRefused(f"The {Grant.Kind(kind).label} for {year_label} is already recorded", field="kind")
        starts_on, ends_on = academic_years.bounds(academic_year)
        name, funder, amount_pence, restricted = "", "", None, True
    else:
        if not amount_pence or amount_pence <= 0:
            raise FinanceRefused("Enter the grant's amount, more than £0", field="amount_pence")
        if starts_on is None or ends_on is None:
            raise FinanceRefused("Enter the dates the grant runs from and to", field="starts_on")
        if ends_on < starts_on:
            raise FinanceRefused("The grant must end on or after the day it starts", field="ends_on")
    return Grant.objects.create(
        hub=hub,
        kind=kind,
        academic_year=academic_year,
        name=name.strip(),
        funder=funder.strip(),
        amount_pence=amount_pence,
        starts_on=starts_on,
        ends_on=ends_on,
        restricted=restricted,
        conditions=conditions.strip(),
        recorded_by=by,
    )


@transaction.atomic
def grant_deadline_add(*, grant: Grant, due_on: date, report: str, by: User) -> GrantDeadline:
    """Add a report the funder expects by a date."""
    return GrantDeadline.objects.create(hub=grant.hub, grant=grant, due_on=due_on, report=report.strip())


@transaction.atomic
def grant_payment_record(
    *, grant: Grant, received_on: date, amount_pence: int, by: User, reference: str = ""
) -> IncomeEntry:
    """Record an instalment received against a grant, as income of the grant's source.

    Refused when the payments would add up to more than the grant (or its published allocation). The
    grant's row is locked first, so two people recording payments at once cannot both slip under it.
    """
    Grant.objects.select_for_update().filter(pk=grant.pk).first()
    if amount_pence <= 0:
        raise FinanceRefused("A payment must be more than £0", field="amount_pence")
    reference_check(hub=grant.hub, model=IncomeEntry, reference=reference)
    awarded = grant_amount_pence(grant)
    received = IncomeEntry.objects.for_hub(grant.hub).filter(grant=grant).aggregate(total=Sum("amount_pence"))
    already = received["total"] or 0
    if awarded is not None and already + amount_pence > awarded:
        raise FinanceRefused(
            f"Payments would total {format_pence(already + amount_pence)} ({format_pence(already)} already "
            f"received plus {format_pence(amount_pence)}), more than the grant of {format_pence(awarded)}",
            field="amount_pence",
        )
    return IncomeEntry.objects.create(
        hub=grant.hub,
        grant=grant,
        source=GRANT_SOURCES[Grant.Kind(grant.kind)],
        booked_on=received_on,
        amount_pence=amount_pence,
        description=f"Payment of {grant}",
        reference=reference.strip(),
        recorded_by=by,
    )
