"""Family accounts: created from an activity's page, verified by email (allauth), matched to known guardians."""

import uuid

from allauth.account.models import EmailAddress
from django.db import transaction
from django.http import HttpRequest

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.families import notifications
from tutti.families.models import FamilyAccount, GuardianLink
from tutti.learners.models import Guardian


def family_account_create(
    *, email: str, password: str, first_name: str, last_name: str, applying_for: uuid.UUID | None, request: HttpRequest
) -> FamilyAccount | None:
    """A new person with a family account, sent allauth's email to verify their address.

    When the address already has an account nothing is created and its owner is emailed to sign in
    instead, so the page answers the same either way and never tells a stranger who has an account.
    """
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        notifications.account_exists(email=email, request=request)
        return None
    with transaction.atomic():
        user = User.objects.create_user(
            email=email, password=password, first_name=first_name.strip(), last_name=last_name.strip()
        )
        address = EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
        account = FamilyAccount.objects.create(user=user, applying_for=applying_for)
        audit_record(action=AuditEvent.Action.FAMILY_ACCOUNT_CREATED, hub=None, actor=user, request=request)
    transaction.on_commit(lambda: address.send_confirmation(request, signup=True))
    return account


def family_account_of(user: User, *, applying_for: uuid.UUID | None = None) -> FamilyAccount:
    """The person's family account, opened when someone already signed in (a tutor who is a parent) first applies."""
    account, created = FamilyAccount.objects.get_or_create(user=user, defaults={"applying_for": applying_for})
    if not created and applying_for is not None and account.applying_for != applying_for:
        account.applying_for = applying_for
        account.save(update_fields=["applying_for"])
    return account


def email_verified(user: User) -> bool:
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def guardians_match(*, account: FamilyAccount, request: HttpRequest | None = None) -> list[GuardianLink]:
    """Link the guardian records the hubs hold under the account's verified email address.

    The hub recorded that address as the parent's; the allauth verification proved this person reads it.
    Each link is written to the child's hub's log. Nothing is linked before the address is verified.
    """
    user = account.user
    if not email_verified(user):
        return []
    found = Guardian.objects.filter(email__iexact=user.email, family_link__isnull=True).select_related("learner", "hub")
    links = []
    with transaction.atomic():
        for guardian in found:
            links.append(
                GuardianLink.objects.create(account=account, guardian=guardian, origin=GuardianLink.Origin.MATCHED)
            )
            audit_record(
                action=AuditEvent.Action.LEARNER_CHANGED,
                hub=guardian.hub,
                actor=user,
                request=request,
                detail=f"{guardian.learner.reference}: a guardian's family account linked by verified email",
            )
    return links
