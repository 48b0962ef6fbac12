"""Joining an activity from its public page: a child added with the minimum the hub needs, consents, an application.

The application goes into the hub's enrolment queue through programmes' own services, so the hub offers
places, waiting lists and acceptance exactly as for any other applicant.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tutti.accounts.models import User
from tutti.families.models import ChildMatch, ConsentQuestion, FamilyAccount, GuardianLink, YoungPersonLink
from tutti.learners.models import Learner
from tutti.learners.services.family import consent_record, guardian_add
from tutti.learners.services.learners import learner_create, match_key
from tutti.programmes.models import Activity, Enrolment
from tutti.programmes.services.enrolments import enrolment_apply


@dataclass(frozen=True)
class NewChild:
    """What a family tells the hub about a child: no more than a register and a place need."""

    first_name: str
    last_name: str
    date_of_birth: date
    year_group: int | None
    postcode_district: str
    adaptations: str
    relationship: str
    phone: str


def _known_child(*, activity: Activity, child: NewChild) -> Learner | None:
    """A current learner of the hub with the same name and date of birth (the duplicate rules' first two keys).

    The family cannot name the school from the national register, so the school is left out of the match
    and staff confirm it instead.
    """
    return (
        Learner.objects.for_hub(activity.hub)
        .current()
        .filter(match_key=match_key(child.first_name, child.last_name), date_of_birth=child.date_of_birth)
        .order_by("created_at")
        .first()
    )


def child_add_and_apply(
    *,
    account: FamilyAccount,
    activity: Activity,
    child: NewChild,
    answers: dict[ConsentQuestion, bool],
    request: HttpRequest | None = None,
    on: date | None = None,
) -> Enrolment:
    """Add the family's child to the activity's hub, record the consents in the hub's words, and apply.

    A child the hub may already know is recorded as a new learner and put to the hub's staff to confirm.
    """
    user: User = account.user
    with transaction.atomic():
        known = _known_child(activity=activity, child=child)
        learner = learner_create(
            hub=activity.hub,
            by=user,
            request=request,
            first_name=child.first_name,
            last_name=child.last_name,
            date_of_birth=child.date_of_birth,
            year_group=child.year_group,
            postcode_district=child.postcode_district.upper(),
            adaptations=child.adaptations,
        )
        guardian = guardian_add(
            learner=learner,
            by=user,
            name=user.get_full_name() or user.email,
            relationship=child.relationship,
            email=user.email,
            phone=child.phone,
            request=request,
        )
        GuardianLink.objects.create(account=account, guardian=guardian, origin=GuardianLink.Origin.ADDED)
        consents_give(account=account, learner=learner, answers=answers, request=request)
        if known is not None:
            ChildMatch.objects.create(hub=activity.hub, added=learner, known=known)
        return enrolment_apply(activity=activity, learner=learner, by=user, on=on)


def young_person_apply(
    *, account: FamilyAccount, activity: Activity, child: NewChild, request: HttpRequest | None = None
) -> Enrolment:
    """A young person of 13 or over registers their own interest (the form checked the age and the listing).

    No guardian is recorded: the hub contacts the family, as for any application, and asks its consents then.
    """
    with transaction.atomic():
        known = _known_child(activity=activity, child=child)
        learner = learner_create(
            hub=activity.hub,
            by=account.user,
            request=request,
            first_name=child.first_name,
            last_name=child.last_name,
            date_of_birth=child.date_of_birth,
            year_group=child.year_group,
            postcode_district=child.postcode_district.upper(),
            adaptations=child.adaptations,
        )
        YoungPersonLink.objects.create(account=account, learner=learner)
        if known is not None:
            ChildMatch.objects.create(hub=activity.hub, added=learner, known=known)
        return enrolment_apply(activity=activity, learner=learner, by=account.user)


def known_child_apply(
    *,
    account: FamilyAccount,
    activity: Activity,
    learner: Learner,
    answers: dict[ConsentQuestion, bool],
    request: HttpRequest | None = None,
) -> Enrolment:
    """Apply for one of the family's children the hub already has (found through the account), with the consents.

    All or nothing: a child already in the activity is refused and no consent is recorded.
    """
    with transaction.atomic():
        consents_give(account=account, learner=learner, answers=answers, request=request)
        return enrolment_apply(activity=activity, learner=learner, by=account.user)


def consents_give(
    *, account: FamilyAccount, learner: Learner, answers: dict[ConsentQuestion, bool], request: HttpRequest | None
) -> None:
    """Record each answer as a new decision (consents are append-only), with the exact words the family saw."""
    user: User = account.user
    for question, given in answers.items():
        consent_record(
            learner=learner,
            by=user,
            kind=question.kind,
            decision="given" if given else "refused",
            decided_on=timezone.localdate(),
            given_by=user.get_full_name() or user.email,
            wording=question.wording,
            request=request,
        )
