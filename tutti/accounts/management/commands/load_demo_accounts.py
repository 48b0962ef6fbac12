"""Demo sign-ins for two hubs and the national team, with two-factor authentication already set up.

Run after `load_network_seed`; refuses to run unless DEBUG is on, so it can never create these
well-known passwords in production.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tutti.accounts.demo import demo_person
from tutti.accounts.models import Membership, MembershipRole, Role
from tutti.accounts.services import national_officer_appoint
from tutti.network.models import HubArea

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
                user = demo_person(email=email, first_name=first_name, last_name=last_name)
                membership, _ = Membership.objects.get_or_create(user=user, hub=hubs[hub_slug])
                MembershipRole.objects.get_or_create(membership=membership, role=role)
            national_officer_appoint(
                user=demo_person(email=NATIONAL_OFFICER_EMAIL, first_name="National", last_name="Officer")
            )
        self.stdout.write(
            f"Demo accounts ready: {len(DEMO_STAFF) + 1} people, password and TOTP secret as in the README."
        )
