"""manage.py load_demo_partners: the demo hubs' invented partners, agreements, interactions and board (DEBUG only)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tutti.network.models import HubArea
from tutti.partners.demo import PLANS, load_partners


class Command(BaseCommand):
    help = (
        "Load a handful of clearly invented partner organisations for the demo hubs, with contacts, this year's "
        "agreements, interactions and Hertfordshire's board. Run after load_demo_accounts; a second run adds nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Refusing to load invented demo partners: DEBUG is off.")
        today = timezone.localdate()
        for slug in PLANS:
            hub = HubArea.objects.filter(slug=slug).first()
            if hub is None:
                raise CommandError(f"No hub area {slug!r}: run load_network_seed and load_demo_accounts first.")
            counts = load_partners(hub=hub, today=today)
            if any(vars(counts).values()):
                self.stdout.write(f"{slug}: added {counts}.")
            else:
                self.stdout.write(f"{slug}: demo partners already loaded; nothing added.")
