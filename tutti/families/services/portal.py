"""What a family does in the portal (accept, withdraw, contact details) and the hub's side: matches, consents asked."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.families.models import ChildMatch, ConsentQuestion, GuardianLink
from tutti.learners.models import Guardian
from tutti.learners.services.family import guardian_contact_change
from tutti.learners.services.merge import learners_merge
from tutti.network.models import HubArea
from tutti.programmes.models import Enrolment
from tutti.programmes.services.enrolments import enrolment_accept, enrolment_withdraw


def offer_accept(*, enrolment: Enrolment, by: User) -> Enrolment:
    """Accept an offered place; a second click (another tab, a double tap) finds it already accepted.

    The enrolment's row is locked first, so two requests at once are served one after the other and the
    second is told what the first did instead of accepting twice.
    """
    with transaction.atomic():
        current = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if current.status == Enrolment.Status.ACTIVE:
            raise ValidationError("You have already accepted this place.")
        if current.status != Enrolment.Status.OFFERED:
            raise ValidationError(
                f"This place can no longer be accepted: it is {current.get_status_display().lower()}."
            )
        return enrolment_accept(enrolment=current, by=by)


def family_withdraw(*, enrolment: Enrolment, by: User, reason: str) -> Enrolment:
    """The family gives notice: the child leaves the activity today and a place they held goes to the next waiting."""
    with transaction.atomic():
        current = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if current.status not in Enrolment.CURRENT:
            raise ValidationError(f"This enrolment has already ended ({current.get_status_display().lower()}).")
        enrolment_withdraw(enrolment=current, by=by, reason=f"Family gave notice: {reason}".strip(": "))
    return current


def contact_change(
    *, link: GuardianLink, by: User, phone: str, postcode: str, request: HttpRequest | None = None
) -> Guardian:
    """Change the phone number and postcode the hub holds for this guardian (the email is the account's own)."""
    return guardian_contact_change(guardian=link.guardian, by=by, phone=phone, postcode=postcode, request=request)


def child_match_decide(*, match: ChildMatch, same_child: bool, by: User, request: HttpRequest | None = None) -> None:
    """Staff decide whether a child a family added is one the hub knows; if so the new record merges into it.

    The family's link moves to the known child's guardian with the same email address, if there is one, so
    the merge's folding of repeated guardians never leaves the family without their child.
    """
    with transaction.atomic():
        if same_child:
            for link in GuardianLink.objects.filter(guardian__learner=match.added).select_related("guardian"):
                twin = Guardian.objects.filter(
                    learner=match.known, email__iexact=link.guardian.email, family_link__isnull=True
                ).first()
                if twin is not None:
                    link.guardian = twin
                    link.save(update_fields=["guardian"])
            learners_merge(keep=match.known, merge=match.added, by=by, request=request)
        match.same_child, match.decided_by, match.decided_at = same_child, by, timezone.now()
        match.save(update_fields=["same_child", "decided_by", "decided_at"])


def consent_questions_set(
    *, hub: HubArea, wordings: dict[str, str], by: User, request: HttpRequest | None = None
) -> None:
    """The consents the hub asks families when they apply, in its words; an empty wording stops asking it.

    Decisions already recorded keep the exact words the family saw then (learners.Consent.wording).
    """
    with transaction.atomic():
        for kind, wording in wordings.items():
            if wording.strip():
                ConsentQuestion.objects.update_or_create(hub=hub, kind=kind, defaults={"wording": wording.strip()})
            else:
                ConsentQuestion.objects.for_hub(hub).filter(kind=kind).delete()
        audit_record(
            action=AuditEvent.Action.PUBLIC_PAGE_CHANGED,
            hub=hub,
            actor=by,
            request=request,
            detail="Changed the consents families are asked when they apply",
        )
