"""How the hub's fleet is used: the share on loan by type and by location, what sits idle, who borrows.

The fleet is every asset not retired. An asset is idle when it is available and nothing has happened to
it for more than a term: not lent, returned or bought in the last IDLE_AFTER_DAYS (an asset without a
purchase date counts from the day it was added to the register).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Max, Q

from tutti.instruments.models import Asset, Loan
from tutti.learners.models import Answer, Send
from tutti.network.models import HubArea

# A term and the holiday after it (about 16 weeks): an asset untouched for longer missed a whole term.
IDLE_AFTER_DAYS = 16 * 7
SEND_NEEDS = (Send.SEN_SUPPORT, Send.EHC_PLAN)


@dataclass(frozen=True)
class Share:
    label: str
    fleet: int
    on_loan: int

    @property
    def percent(self) -> int:
        return round(100 * self.on_loan / self.fleet) if self.fleet else 0


@dataclass(frozen=True)
class LearnerLoans:
    """Assets out on loan to learners now, and how many of those learners are eligible for FSM or have SEND."""

    total: int
    free_school_meals: int
    send: int


@dataclass(frozen=True)
class Utilisation:
    overall: Share
    by_type: list[Share]
    by_location: list[Share]
    idle: list[Asset]
    idle_since: date
    learner_loans: LearnerLoans


_COUNTS = {"fleet": Count("pk"), "on_loan": Count("pk", filter=Q(status=Asset.Status.ON_LOAN))}


def _shares(hub: HubArea, fields: tuple[str, ...], label: Callable[[dict[str, Any]], str]) -> list[Share]:
    rows = Asset.objects.for_hub(hub).in_fleet().values(*fields).annotate(**_COUNTS).order_by(*fields)
    return [Share(label(row), row["fleet"], row["on_loan"]) for row in rows]


def _type_label(row: dict[str, Any]) -> str:
    return row["instrument__name"] or row["item"]


def _location_label(row: dict[str, Any]) -> str:
    if row["location_kind"] == Asset.LocationKind.SCHOOL:
        return f"School: {row['school__name']}"
    if row["location_kind"] == Asset.LocationKind.TUTOR:
        return f"Tutor: {row['tutor__first_name']} {row['tutor__last_name']}"
    return f"Store: {row['store_name']}"


def _merged(shares: list[Share]) -> list[Share]:
    """Rows with the same label added together (an instrument type and equipment of the same name)."""
    merged: dict[str, Share] = {}
    for share in shares:
        before = merged.get(share.label, Share(share.label, 0, 0))
        merged[share.label] = Share(share.label, before.fleet + share.fleet, before.on_loan + share.on_loan)
    return sorted(merged.values(), key=lambda share: share.label.casefold())


def idle_assets(*, hub: HubArea, today: date) -> tuple[list[Asset], date]:
    """Available assets nobody lent, returned or bought since the cut-off, longest idle first."""
    since = today - timedelta(days=IDLE_AFTER_DAYS)
    recent_loans = Q(loans__lent_on__gte=since) | Q(loans__returned_on__gte=since)
    idle = (
        Asset.objects.for_hub(hub)
        .filter(status=Asset.Status.AVAILABLE)
        .filter(Q(purchased_on__lt=since) | Q(purchased_on__isnull=True, created_at__date__lt=since))
        .exclude(pk__in=Asset.objects.for_hub(hub).filter(recent_loans).values("pk"))
        .annotate(last_returned=Max("loans__returned_on"))
        .select_related("instrument", "school", "tutor")
        .order_by("last_returned", "asset_tag")
    )
    return list(idle), since


def learner_loans(hub: HubArea) -> LearnerLoans:
    out = Loan.objects.for_hub(hub).filter(status=Loan.Status.OUT, borrower=Loan.Borrower.LEARNER)
    counts = out.aggregate(
        total=Count("pk"),
        free_school_meals=Count("pk", filter=Q(learner__disadvantaged=Answer.YES)),
        send=Count("pk", filter=Q(learner__send__in=SEND_NEEDS)),
    )
    return LearnerLoans(**counts)


def utilisation(*, hub: HubArea, today: date) -> Utilisation:
    fleet = Asset.objects.for_hub(hub).in_fleet().aggregate(**_COUNTS)
    idle, since = idle_assets(hub=hub, today=today)
    location_fields = ("location_kind", "store_name", "school__name", "tutor__first_name", "tutor__last_name")
    return Utilisation(
        overall=Share("All assets", fleet["fleet"], fleet["on_loan"]),
        by_type=_merged(_shares(hub, ("instrument__name", "item"), _type_label)),
        by_location=_merged(_shares(hub, location_fields, _location_label)),
        idle=idle,
        idle_since=since,
        learner_loans=learner_loans(hub),
    )
