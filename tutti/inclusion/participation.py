"""Who takes part, against the schools they come from: disadvantaged, SEND, looked-after children and
ethnicity among the hub's participating learners, by local authority, school and activity kind.

A learner participates in an academic year when they hold an active or completed place in one of the
hub's activities of that year (teacher training excluded). Every figure is an aggregate query: counts
of distinct learners with ``Count(..., distinct=True, filter=...)``, and the schools' population share
of free school meals as GIAS gives it, weighted by each school's pupils
(``Sum(pupils * percent_fsm) / Sum(pupils)``) over the schools the participants attend. GIAS has no
SEND, looked-after or ethnicity figures per school, so those shares stand without a comparison.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, QuerySet, Sum

from tutti.core.disclosure import percent
from tutti.learners.models import Answer, Ethnicity, LookedAfter, Send
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Enrolment
from tutti.schools.models import School

PARTICIPATING = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)
SEND_LEVELS = (Send.SEN_SUPPORT, Send.EHC_PLAN)
LOOKED_AFTER = (LookedAfter.LOOKED_AFTER, LookedAfter.PREVIOUSLY_LOOKED_AFTER)

# The census's main ethnic groups, by the first letter of its codes (Chinese is Asian, as in ONS 2021).
ETHNIC_GROUPS = {"W": "White", "M": "Mixed or multiple", "A": "Asian or Asian British", "C": "Asian or Asian British"}
ETHNIC_GROUPS |= {"B": "Black, Black British, Caribbean or African", "O": "Other ethnic group"}
NOT_RECORDED = "Not known or prefer not to say"
GROUP_ORDER = [
    "White",
    "Mixed or multiple",
    "Asian or Asian British",
    "Black, Black British, Caribbean or African",
    "Other ethnic group",
    NOT_RECORDED,
]


def ethnic_group(code: str) -> str:
    if code in (Ethnicity.PREFER_NOT_TO_SAY, Ethnicity.NOT_KNOWN):
        return NOT_RECORDED
    return ETHNIC_GROUPS.get(code[:1], NOT_RECORDED)


@dataclass
class Row:
    """One group's participants and the population share of the schools they attend."""

    key: str
    label: str
    participants: int = 0
    fsm: int = 0
    send: int = 0
    looked_after: int = 0
    ethnicity: dict[str, int] = field(default_factory=dict)
    school_pupils: int = 0
    school_fsm_percent: Decimal | None = None

    @property
    def fsm_percent(self) -> Decimal | None:
        return percent(self.fsm, self.participants)

    @property
    def send_percent(self) -> Decimal | None:
        return percent(self.send, self.participants)

    @property
    def looked_after_percent(self) -> Decimal | None:
        return percent(self.looked_after, self.participants)

    @property
    def fsm_gap(self) -> Decimal | None:
        """Participants' share of free school meals less the schools' share: negative falls short."""
        if self.fsm_percent is None or self.school_fsm_percent is None:
            return None
        return self.fsm_percent - self.school_fsm_percent

    @property
    def falls_short(self) -> bool:
        return self.fsm_gap is not None and self.fsm_gap < 0

    def ethnicity_rows(self) -> list[tuple[str, int, Decimal | None]]:
        """Each main ethnic group's count and share of the participants, in the census's order."""
        counts = [(group, self.ethnicity.get(group, 0)) for group in GROUP_ORDER]
        return [(group, count, percent(count, self.participants)) for group, count in counts]


@dataclass(frozen=True)
class Participation:
    year: int
    area: Row
    local_authorities: list[Row]
    schools: list[Row]
    activity_kinds: list[Row]


def participating_enrolments(hub: HubArea, year: int) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.for_hub(hub)
        .filter(status__in=PARTICIPATING, activity__calendar__academic_year=year)
        .exclude(activity__kind=Activity.Kind.TEACHER_TRAINING)
    )


def _learner_counts() -> dict[str, Count]:
    return {
        "participants": Count("learner", distinct=True),
        "fsm": Count("learner", distinct=True, filter=Q(learner__disadvantaged=Answer.YES)),
        "send": Count("learner", distinct=True, filter=Q(learner__send__in=SEND_LEVELS)),
        "looked_after": Count("learner", distinct=True, filter=Q(learner__looked_after__in=LOOKED_AFTER)),
    }


def _school_share() -> dict[str, Sum]:
    """Pupils of the schools with a published FSM percentage, and those pupils times the percentage."""
    known = Q(percent_fsm__isnull=False, number_of_pupils__isnull=False)
    weighted = ExpressionWrapper(
        F("number_of_pupils") * F("percent_fsm"), output_field=DecimalField(max_digits=14, decimal_places=1)
    )
    return {"pupils": Sum("number_of_pupils", filter=known), "weighted": Sum(weighted, filter=known)}


def _weighted_percent(pupils: int | None, weighted: Decimal | None) -> Decimal | None:
    if not pupils or weighted is None:
        return None
    return (Decimal(weighted) / pupils).quantize(Decimal("0.1"))


def _group(value: object) -> str:
    return "" if value is None else str(value)


def _ethnicity(enrolments: QuerySet[Enrolment], key: str | None) -> dict[str, dict[str, int]]:
    """Distinct learners by the census's main ethnic groups, per group of ``key`` (one grouped query)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    keys = (key, "learner__ethnicity") if key else ("learner__ethnicity",)
    for values in enrolments.values(*keys).annotate(n=Count("learner", distinct=True)):
        group = _group(values[key]) if key else ""
        counts[group][ethnic_group(values["learner__ethnicity"])] += values["n"]
    return counts


def _rows(enrolments: QuerySet[Enrolment], key: str, label: str) -> dict[str, Row]:
    """Rows keyed by the group's value, with learner counts and ethnic groups (two grouped queries)."""
    rows: dict[str, Row] = {}
    for values in enrolments.values(*dict.fromkeys((key, label))).annotate(**_learner_counts()).order_by(label):
        group = _group(values[key])
        rows[group] = Row(
            key=group,
            label=values[label] or "No school recorded",
            **{name: values[name] for name in ("participants", "fsm", "send", "looked_after")},
        )
    for group, counts in _ethnicity(enrolments, key).items():
        rows[group].ethnicity = dict(counts)
    return rows


def _schools_of(enrolments: QuerySet[Enrolment]) -> QuerySet[School]:
    return School.objects.filter(pk__in=enrolments.values("learner__school"))


def participation(*, hub: HubArea, year: int) -> Participation:
    """The year's participation figures for the hub's area, each local authority, school and activity kind."""
    enrolments = participating_enrolments(hub, year)

    area_counts = enrolments.aggregate(**_learner_counts())
    area = Row(key="", label=f"{hub.name} (all participants)", **area_counts)
    area.ethnicity = dict(_ethnicity(enrolments, None).get("", {}))
    share = _schools_of(enrolments).aggregate(**_school_share())
    area.school_pupils, area.school_fsm_percent = share["pupils"] or 0, _weighted_percent(**share)

    by_la = _rows(enrolments, "learner__school__local_authority_id", "learner__school__local_authority__name")
    la_shares: Any = _schools_of(enrolments).values("local_authority_id").annotate(**_school_share())
    for la_id, pupils, weighted in la_shares.values_list("local_authority_id", "pupils", "weighted"):
        row = by_la[str(la_id)]
        row.school_pupils, row.school_fsm_percent = pupils or 0, _weighted_percent(pupils, weighted)

    by_school = _rows(enrolments, "learner__school_id", "learner__school__name")
    for school in _schools_of(enrolments).only("pk", "number_of_pupils", "percent_fsm"):
        row = by_school[str(school.pk)]
        row.school_pupils = school.number_of_pupils or 0
        row.school_fsm_percent = school.percent_fsm if school.number_of_pupils else None

    by_kind = _rows(enrolments, "activity__kind", "activity__kind")
    for kind, row in by_kind.items():
        row.label = Activity.Kind(kind).label
        share = _schools_of(enrolments.filter(activity__kind=kind)).aggregate(**_school_share())
        row.school_pupils, row.school_fsm_percent = share["pupils"] or 0, _weighted_percent(**share)

    return Participation(
        year=year,
        area=area,
        local_authorities=list(by_la.values()),
        schools=list(by_school.values()),
        activity_kinds=sorted(by_kind.values(), key=lambda row: row.label),
    )


def participation_years(hub: HubArea) -> list[int]:
    """The academic years in which the hub has participants, newest first."""
    years = (
        Enrolment.objects.for_hub(hub)
        .filter(status__in=PARTICIPATING)
        .values_list("activity__calendar__academic_year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)
