"""Reads for fee remission: the pages' queries, the budget, and what the fees module and family portal call."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum

from tutti.inclusion.models import EvidenceFile, RemissionApplication, RemissionAward, RemissionScheme
from tutti.inclusion.remission import Terms, best_discount
from tutti.learners.models import Learner
from tutti.network.models import HubArea

Status = RemissionApplication.Status


@dataclass(frozen=True)
class Remission:
    """The remission in force for a learner's fee of one activity kind on one day."""

    terms: tuple[Terms, ...]
    activity_kind: str

    def discount_on(self, fee_pence: int) -> int:
        return best_discount(self.terms, kind=self.activity_kind, fee_pence=fee_pence)

    def fee_after(self, fee_pence: int) -> int:
        return fee_pence - self.discount_on(fee_pence)


def remission_for(*, learner: Learner, activity_kind: str, on: date) -> Remission | None:
    """What the fees module calls when it charges a fee: the approved remission in force for this learner,
    this kind of activity and this day, or None when there is none. The most generous one applies."""
    awards = (
        RemissionAward.objects.for_hub(learner.hub)
        .in_force(on)
        .filter(learner=learner, application__status=Status.APPROVED)
        .filter(Q(activity_kind="") | Q(activity_kind=activity_kind))
    )
    terms = tuple(Terms(a.activity_kind, a.percent, a.amount_pence) for a in awards)
    return Remission(terms, activity_kind) if terms else None


@dataclass(frozen=True)
class Budget:
    budget_pence: int
    committed_pence: int
    waiting_count: int
    waiting_pence: int

    @property
    def left_pence(self) -> int:
        return self.budget_pence - self.committed_pence


def scheme_budget(scheme: RemissionScheme) -> Budget:
    """The year's budget, what approvals commit, and what the waiting list would need, in one query."""
    figures = scheme.applications.aggregate(
        committed=Sum("committed_pence", filter=Q(status=Status.APPROVED)),
        waiting_count=Count("pk", filter=Q(status=Status.WAITING)),
        waiting=Sum("committed_pence", filter=Q(status=Status.WAITING)),
    )
    return Budget(
        budget_pence=scheme.budget_pence,
        committed_pence=int(figures["committed"] or 0),
        waiting_count=figures["waiting_count"],
        waiting_pence=int(figures["waiting"] or 0),
    )


def schemes_of(hub: HubArea) -> QuerySet[RemissionScheme]:
    return RemissionScheme.objects.for_hub(hub).annotate(
        application_count=Count("applications"),
        open_count=Count("applications", filter=Q(applications__status__in=RemissionApplication.OPEN)),
    )


def applications_for_list(hub: HubArea, *, status: str = "") -> QuerySet[RemissionApplication]:
    """The hub's applications, newest first, with what the list shows (never a query per row)."""
    applications = RemissionApplication.objects.for_hub(hub).select_related("learner", "scheme")
    if status in Status.values:
        applications = applications.filter(status=status)
    return applications


def application_evidence(application: RemissionApplication) -> QuerySet[EvidenceFile]:
    return EvidenceFile.objects.for_hub(application.hub).filter(application=application).select_related("uploaded_by")


def applications_of_learner(learner: Learner) -> QuerySet[RemissionApplication]:
    """A child's applications, newest first: what the family portal lists, with each one's status."""
    return RemissionApplication.objects.for_hub(learner.hub).filter(learner=learner).select_related("scheme")


def open_scheme(hub: HubArea, *, year: int) -> RemissionScheme | None:
    """The scheme a family applies under in an academic year, if the hub has opened one."""
    return RemissionScheme.objects.for_hub(hub).in_year(year).first()
