"""Reads of the asset register and loans: the lists, one asset's history, a borrower's loans, overdue loans.

Every read starts from ``for_hub``, so another hub's asset or loan is never found.
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Max, Prefetch

from tutti.instruments.models import Asset, AssetQuerySet, Loan, LoanQuerySet, Repair
from tutti.learners.models import Learner
from tutti.network.models import HubArea
from tutti.schools.models import School


def assets_for_list(hub: HubArea) -> AssetQuerySet:
    """The hub's assets with what a row of the list shows, in one query."""
    return Asset.objects.for_hub(hub).select_related("instrument", "school", "tutor")


def asset_for_page(hub: HubArea) -> AssetQuerySet:
    """Assets with their whole history (loans with borrowers, repairs) fetched in a fixed number of queries."""
    loans = Prefetch("loans", queryset=Loan.objects.select_related("learner", "school", "lent_by"))
    repairs = Prefetch("repairs", queryset=Repair.objects.select_related("recorded_by"))
    return assets_for_list(hub).prefetch_related(loans).prefetch_related(repairs)


def _loans(hub: HubArea) -> LoanQuerySet:
    return Loan.objects.for_hub(hub).select_related("asset__instrument", "learner", "school")


def open_loans(hub: HubArea) -> LoanQuerySet:
    """Loans holding an asset now, soonest due first."""
    return _loans(hub).open().order_by("due_on", "pk")


def overdue_loans(*, hub: HubArea, today: date) -> LoanQuerySet:
    """Lent assets past their due date, most overdue first, with the day the last reminder went."""
    return _loans(hub).overdue(today=today).annotate(last_reminded=Max("reminders__sent_on")).order_by("due_on", "pk")


def loans_of_learner(*, hub: HubArea, learner: Learner) -> LoanQuerySet:
    """Every loan to the learner, newest first: their loan history."""
    return _loans(hub).filter(learner=learner)


def open_loans_of_learners(*, hub: HubArea, learners: Iterable[Learner]) -> LoanQuerySet:
    """What the family portal shows a guardian: their children's assets on loan or awaiting the agreement,
    with due dates, soonest due first (the portal passes only the guardian's own children)."""
    return _loans(hub).open().filter(learner__in=list(learners)).order_by("due_on", "pk")


def loans_of_school(*, hub: HubArea, school: School) -> LoanQuerySet:
    return _loans(hub).filter(school=school)


def learner_by_reference(*, hub: HubArea, reference: str) -> Learner | None:
    """The hub's current learner with this reference (as people type it), or None."""
    return Learner.objects.for_hub(hub).current().filter(reference__iexact=reference.strip()).first()


def schools_of_area(hub: HubArea) -> "list[School]":
    """The open schools of the hub's area, by name: who the hub can lend to (and keep assets at)."""
    return list(School.objects.in_hub_area(hub).open().order_by("name"))
