"""Reads of learners: which learners a person may see, one learner's page, possible duplicates."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import QueryDict

from tutti.accounts.models import User
from tutti.learners.field_access import FieldAccess
from tutti.learners.filters import LearnerFilterSet
from tutti.learners.models import Consent, Learner
from tutti.learners.models.learner import LearnerQuerySet
from tutti.learners.services.learners import match_key
from tutti.network.models import HubArea
from tutti.programmes.models import Attendance, Enrolment, StaffMember
from tutti.programmes.selectors import attendance_for_learner, staff_member_of


def learners_visible_to(*, hub: HubArea, user: User, access: FieldAccess) -> LearnerQuerySet:
    """The current (unmerged) learners this person may see: the hub's for hub-wide roles; for a tutor, those
    with a current enrolment in an activity the tutor teaches; none otherwise."""
    learners = Learner.objects.for_hub(hub).current()
    if access.hub_wide:
        return learners
    if access.taught_only:
        taught = Enrolment.objects.for_hub(hub).filter(activity__tutors__user=user, status__in=Enrolment.CURRENT)
        return learners.filter(pk__in=taught.values("learner_id"))
    return learners.none()


def enrolments_of(learner: Learner) -> list[Enrolment]:
    """The learner's enrolments, newest first, with their activities."""
    return list(
        Enrolment.objects.for_hub(learner.hub)
        .filter(learner=learner)
        .select_related("activity")
        .order_by("-applied_on", "-pk")
    )


def attendance_of(*, learner: Learner, user: User, access: FieldAccess) -> "QuerySet[Attendance]":
    """The learner's marks, latest first: every one for hub-wide roles, a tutor's own activities' for a tutor."""
    tutor = None if access.hub_wide else staff_member_of(user=user, hub=learner.hub) or StaffMember(pk=0)
    return attendance_for_learner(hub=learner.hub, learner_public_id=str(learner.public_id), tutor=tutor)


def learner_filterset(
    *, hub: HubArea, user: User, access: FieldAccess, data: "QueryDict | dict[str, Any]"
) -> LearnerFilterSet:
    queryset = learners_visible_to(hub=hub, user=user, access=access).select_related("school")
    return LearnerFilterSet(data, queryset=queryset, hub=hub, access=access)


def learner_for_page(*, hub: HubArea, user: User, access: FieldAccess) -> LearnerQuerySet:
    """The learners one may open, with what their page shows fetched in a fixed number of queries."""
    return (
        Learner.objects.for_hub(hub)
        .filter(pk__in=learners_visible_to(hub=hub, user=user, access=access).values("pk"))
        .select_related("school")
        .prefetch_related(
            "guardians",
            Prefetch("consents", queryset=Consent.objects.select_related("recorded_by")),
            "milestones",
        )
    )


@dataclass(frozen=True)
class ConsentInForce:
    kind: str
    label: str
    consent: Consent | None


def consents_in_force(learner: Learner) -> list[ConsentInForce]:
    """For each kind, the latest decision (or none recorded), from the learner's prefetched consents."""
    latest: dict[str, Consent] = {}
    for consent in sorted(learner.consents.all(), key=lambda c: (c.decided_on, c.recorded_at, c.pk)):
        latest[consent.kind] = consent
    return [ConsentInForce(kind, str(label), latest.get(kind)) for kind, label in Consent.Kind.choices]


def possible_duplicates(
    *,
    hub: HubArea,
    first_name: str,
    last_name: str,
    date_of_birth: date,
    school_id: int | None,
    exclude_pk: int | None = None,
) -> list[Learner]:
    """Current learners of the hub with the same name (case and spaces aside), date of birth and school."""
    found = Learner.objects.for_hub(hub).current().filter(match_key=match_key(first_name, last_name))
    found = found.filter(date_of_birth=date_of_birth)
    found = found.filter(school__isnull=True) if school_id is None else found.filter(school__pk=school_id)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return list(found.select_related("school"))


def duplicate_groups(*, hub: HubArea) -> list[list[Learner]]:
    """Sets of two or more current learners sharing name, date of birth and school, oldest record first."""
    keys = (
        Learner.objects.for_hub(hub)
        .current()
        .values("match_key", "date_of_birth", "school_id")
        .annotate(records=Count("pk"))
        .filter(records__gt=1)
        .order_by()
    )
    wanted = {(key["match_key"], key["date_of_birth"], key["school_id"]) for key in keys}
    if not wanted:
        return []
    groups: dict[tuple[str, date, int | None], list[Learner]] = defaultdict(list)
    candidates = (
        Learner.objects.for_hub(hub)
        .current()
        .filter(match_key__in={key[0] for key in wanted})
        .select_related("school")
        .order_by("created_at", "pk")
    )
    for learner in candidates:
        key = (learner.match_key, learner.date_of_birth, learner.school_id)
        if key in wanted:
            groups[key].append(learner)
    return sorted(groups.values(), key=lambda group: (group[0].last_name.casefold(), group[0].first_name.casefold()))
