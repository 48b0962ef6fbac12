"""Demo people: the published password and an authenticator already set up (DEBUG only, see the README)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP

from tutti.accounts.models import User

DEMO_PASSWORD = "tutti-demo-2024"  # noqa: S105 - published in the README; DEBUG only
DEMO_TOTP_SECRET = "TUTTIDEMOTUTTIDEMOTUTTIDEMOTUTTI"  # noqa: S105 - published in the README; DEBUG only


def demo_person(*, email: str, first_name: str, last_name: str) -> User:
    """The demo person with this email, created once, with the demo password, a verified address and TOTP."""
    user, _ = User.objects.get_or_create(email=email, defaults={"first_name": first_name, "last_name": last_name})
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    # The TOTP secret and recovery codes are stored the way allauth.mfa stores them when a person sets
    # them up (through its adapter's encrypt()), so the demo signs in through allauth's own checks.
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)
    return user
