"""Families in tests: a guardian with a verified family account and two-factor, linked to invented children."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from tutti.accounts.models import User
from tutti.families.models import ConsentQuestion, FamilyAccount, GuardianLink
from tutti.learners.models import Consent, Learner
from tutti.learners.tests.factories import GuardianFactory, LearnerFactory
from tutti.network.models import HubArea


def family(email: str, *, two_factor: bool = True, verified: bool = True) -> FamilyAccount:
    user = User.objects.create_user(email=email, password=None, first_name="Invented", last_name="Parent")
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    if two_factor:
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    return FamilyAccount.objects.create(user=user)


def child_of(account: FamilyAccount, hub: HubArea, **fields: object) -> Learner:
    """An invented child of the hub whose guardian record is linked to the account."""
    learner: Learner = LearnerFactory.create(hub=hub, **fields)
    guardian = GuardianFactory.create(learner=learner, hub=hub, email=account.user.email)
    GuardianLink.objects.create(account=account, guardian=guardian, origin=GuardianLink.Origin.ADDED)
    return learner


def photography_question(hub: HubArea) -> ConsentQuestion:
    return ConsentQuestion.objects.create(
        hub=hub,
        kind=Consent.Kind.PHOTOGRAPHY,
        wording="We may photograph and film concerts for the hub's website and newsletters.",
    )
