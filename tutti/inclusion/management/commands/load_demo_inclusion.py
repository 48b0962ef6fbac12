"""manage.py load_demo_inclusion: the demo hub's remission schemes and invented applications (DEBUG only, once)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tutti.core import academic_year
from tutti.inclusion.demo import load_hub

DEMO_HUB = "hertfordshire"


class Command(BaseCommand):
    help = (
        "Load Hertfordshire's remission schemes for last year and this year and invented applications in every "
        "state (waiting for a decision, more information asked, approved, on the waiting list, refused, a renewal "
        "to confirm). Run after load_demo_accounts and load_demo_teaching; a second run adds nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Refusing to load invented demo applications: DEBUG is off.")
        year = academic_year.containing(timezone.localdate())
        loaded = load_hub(hub_slug=DEMO_HUB, today_year=year)
        if loaded is None:
            self.stdout.write(f"{DEMO_HUB}: demo remission already loaded; nothing added.")
        else:
            self.stdout.write(f"{DEMO_HUB}: added {loaded}.")
