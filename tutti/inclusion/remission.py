"""What remission the criteria give, and what it is worth over a year of the learner's fees.

Fees and invoices come with the finance module; until then the worth of a remission is estimated from
the learner's places in the year's paid activities: a termly fee is charged once a term of the hub's
calendar, a per-lesson fee once a session (not counting sessions recorded as not delivered).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q

from tutti.inclusion.models import RemissionScheme
from tutti.programmes.models import Activity, Enrolment, Session

# Places that are charged for: a place offered or taken, and one completed within the year.
CHARGED_STATUSES = (Enrolment.Status.OFFERED, Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)


@dataclass(frozen=True)
class Terms:
    """One remission an approval gives: a percentage or a fixed amount off each fee of an activity kind."""

    activity_kind: str  # "" for every kind
    percent: int | None = None
    amount_pence: int | None = None

    def applies_to(self, kind: str) -> bool:
        return self.activity_kind in ("", kind)

    def discount_on(self, fee_pence: int) -> int:
        """How much of one fee this takes off, never more than the fee (a percentage rounds down)."""
        if self.percent is not None:
            return fee_pence * self.percent // 100
        return min(self.amount_pence or 0, fee_pence)


def best_discount(terms: Iterable[Terms], *, kind: str, fee_pence: int) -> int:
    """The most generous of the terms that apply to this kind of activity: families get the best one."""
    return max((t.discount_on(fee_pence) for t in terms if t.applies_to(kind)), default=0)


def terms_for_criteria(scheme: RemissionScheme, criteria: Iterable[str]) -> list[Terms]:
    """The scheme's rules for these criteria, as terms to award."""
    rules = scheme.rules.filter(criterion__in=list(criteria))
    return [Terms(rule.activity_kind, rule.percent, rule.amount_pence) for rule in rules]


def year_value(*, learner_id: int, scheme: RemissionScheme, terms: list[Terms]) -> int:
    """What the terms take off the learner's fees for the scheme's year, in pence (one query per page of fees)."""
    enrolments = (
        Enrolment.objects.for_hub(scheme.hub)
        .filter(
            learner_id=learner_id,
            status__in=CHARGED_STATUSES,
            activity__calendar__academic_year=scheme.academic_year,
        )
        .exclude(activity__fee_basis=Activity.FeeBasis.FREE)
        .select_related("activity")
        .annotate(
            terms_in_year=Count("activity__calendar__terms", distinct=True),
            lessons=Count(
                "activity__sessions",
                filter=~Q(activity__sessions__status=Session.Status.NOT_DELIVERED),
                distinct=True,
            ),
        )
    )
    total = 0
    for enrolment in enrolments:
        activity = enrolment.activity
        per_term = activity.fee_basis == Activity.FeeBasis.PER_TERM
        charges: int = enrolment.terms_in_year if per_term else enrolment.lessons  # type: ignore[attr-defined]
        total += charges * best_discount(terms, kind=activity.kind, fee_pence=activity.fee_pence)
    return total
