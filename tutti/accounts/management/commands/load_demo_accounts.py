"""Demo sign-ins for two hubs and the national team, with two-factor authentication already set up.

Run after `load_network_seed`; refuses to run unless DEBUG is on, so it can never create these
well-known passwords in production.
"""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tutti.accounts.models import Membership, MembershipRole, Role, User
from tutti.accounts.services import national_officer_appoint
from tutti.network.models import HubArea

DEMO_PASSWORD = "tutti-demo-2024"  # noqa: S105 - published in the README; DEBUG only
DEMO_TOTP_SECRET = "TUTTIDEMOTUTTIDEMOTUTTIDEMOTUTTI"  # noqa: S105 - published in the README; DEBUG only

DEMO_HUBS = {"hertfordshire": "Hertfordshire", "birmingham": "Birmingham"}
DEMO_STAFF = [
    ("admin@hertfordshire.example", "Hertfordshire", "Administrator", "hertfordshire", Role.HUB_ADMINISTRATOR),
    ("tutor@hertfordshire.example", "Hertfordshire", "Tutor", "hertfordshire", Role.TUTOR),
    ("finance@hertfordshire.example", "Hertfordshire", "Finance", "hertfordshire", Role.FINANCE_OFFICER),
    ("inclusion@hertfordshire.example", "Hertfordshire", "Inclusion", "hertfordshire", Role.INCLUSION_LEAD),
    ("admin@birmingham.example", "Birmingham", "Administrator", "birmingham", Role.HUB_ADMINISTRATOR),
]
NATIONAL_OFFICER_EMAIL = "national@ace.example"


class Command(BaseCommand):
    help = "Create the demo hubs' staff and a national officer (password and TOTP secret from the README)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Refusing to create demo accounts with published passwords: DEBUG is off.")
        with transaction.atomic():
            hubs = {
                slug: HubArea.objects.get_or_create(slug=slug, defaults={"name": name})[0]
                for slug, name in DEMO_HUBS.items()
            }
            for email, first_name, last_name, hub_slug, role in DEMO_STAFF:
                user = self._person(email=email, first_name=first_name, last_name=last_name)
                membership, _ = Membership.objects.get_or_create(user=user, hub=hubs[hub_slug])
                MembershipRole.objects.get_or_create(membership=membership, role=role)
            national_officer_appoint(
                user=self._person(email=NATIONAL_OFFICER_EMAIL, first_name="National", last_name="Officer")
            )
        self.stdout.write(
            f"Demo accounts ready: {len(DEMO_STAFF) + 1} people, password and TOTP secret as in the README."
        )

    def _person(self, *, email: str, first_name: str, last_name: str) -> User:
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
