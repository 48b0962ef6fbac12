"""Reads of the family portal: only ever the children an account's guardian links reach."""

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from tutti.families.models import ChildMatch, ConsentQuestion, FamilyAccount, GuardianLink
from tutti.learners.models import Learner
from tutti.learners.selectors import ConsentInForce, consents_in_force
from tutti.network.models import HubArea
from tutti.programmes.models import Attendance, Enrolment, Session
from tutti.programmes.selectors import sessions_between, waiting_list

TIMETABLE_DAYS_BEFORE = 28
TIMETABLE_DAYS_AFTER = 42


def _uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(text))
    except ValueError:
        return None


def children_of(account: FamilyAccount) -> QuerySet[Learner]:
    """The learners the account speaks for: children through guardian links, or the young person themselves."""
    return (
        Learner.objects.current()
        .filter(Q(guardians__family_link__account=account) | Q(own_account__account=account))
        .distinct()
        .select_related("hub")
        .order_by("first_name", "last_name")
    )


def child_of(account: FamilyAccount, public_id: str) -> Learner | None:
    """One of the account's children (None for anybody else's, or a malformed id: the view's 404)."""
    key = _uuid(public_id)
    return None if key is None else children_of(account).filter(public_id=key).first()


def children_in_hub(account: FamilyAccount, hub_id: int) -> QuerySet[Learner]:
    return children_of(account).filter(hub_id=hub_id)


def link_for(account: FamilyAccount, learner: Learner) -> GuardianLink | None:
    """The account's guardian record for the learner (None when a young person registered themselves)."""
    return GuardianLink.objects.select_related("guardian").filter(account=account, guardian__learner=learner).first()


def enrolment_of(account: FamilyAccount, public_id: str) -> Enrolment | None:
    key = _uuid(public_id)
    if key is None:
        return None
    return (
        Enrolment.objects.filter(public_id=key, learner__in=children_of(account))
        .select_related("activity", "activity__hub", "learner")
        .first()
    )


@dataclass(frozen=True)
class EnrolmentRow:
    enrolment: Enrolment
    waiting_rank: int | None


@dataclass(frozen=True)
class TimetableRow:
    session: Session
    mark: str


@dataclass(frozen=True)
class ChildPage:
    current: list[EnrolmentRow]
    ended: list[Enrolment]
    timetable: list[TimetableRow]
    consents: list[ConsentInForce]


def _rank(enrolment: Enrolment) -> int | None:
    if enrolment.status != Enrolment.Status.WAITING:
        return None
    return next(row.rank for row in waiting_list(enrolment.activity) if row.enrolment.pk == enrolment.pk)


def child_page(learner: Learner, *, today: datetime.date) -> ChildPage:
    """The child's places and applications, their sessions from four weeks ago to six ahead with marks, consents."""
    enrolments = list(
        Enrolment.objects.filter(learner=learner).select_related("activity").order_by("activity__name", "-applied_on")
    )
    # Only the sessions since each place began: the weeks before were not the child's.
    began = {e.activity_id: e.started_on for e in enrolments if e.status in Enrolment.HOLDING_PLACE}
    window = sessions_between(
        activity_ids=list(began),
        starts_on=today - datetime.timedelta(days=TIMETABLE_DAYS_BEFORE),
        ends_on=today + datetime.timedelta(days=TIMETABLE_DAYS_AFTER),
    )
    sessions = [s for s in window if s.date >= (began[s.activity_id] or s.date)]
    marks = {
        mark.session_id: mark.get_mark_display()
        for mark in Attendance.objects.filter(learner=learner, session__in=[s.pk for s in sessions])
    }
    learner_with_consents = Learner.objects.prefetch_related("consents").get(pk=learner.pk)
    return ChildPage(
        current=[EnrolmentRow(e, _rank(e)) for e in enrolments if e.status in Enrolment.CURRENT],
        ended=[e for e in enrolments if e.status not in Enrolment.CURRENT],
        timetable=[TimetableRow(session, marks.get(session.pk, "")) for session in sessions],
        consents=consents_in_force(learner_with_consents),
    )


def consent_questions(hub: HubArea) -> list[ConsentQuestion]:
    return list(ConsentQuestion.objects.for_hub(hub))


def undecided_matches(hub: HubArea) -> QuerySet[ChildMatch]:
    return ChildMatch.objects.for_hub(hub).undecided().select_related("added", "known", "known__school")
