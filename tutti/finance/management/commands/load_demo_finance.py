"""manage.py load_demo_finance: the Hertfordshire demo hub's invented 2024/25 finances (DEBUG only, once)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tutti.core.demo import load_once
from tutti.finance.demo import HUB_SLUG, load_finance
from tutti.network.models import HubArea


class Command(BaseCommand):
    help = (
        "Record Hertfordshire's DfE grants for 2024/25 (the published allocations) with their payments, an invented "
        "other grant, a budget by function and a year's invented income and spending. Run after load_network_seed "
        "and load_demo_accounts; a second run adds nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Refusing to load invented demo finances: DEBUG is off.")
        hub = HubArea.objects.filter(slug=HUB_SLUG).first()
        if hub is None:
            raise CommandError(f"Run load_network_seed first: there is no {HUB_SLUG} hub area.")
        added = load_once(part="finance", hub_slug=HUB_SLUG, load=lambda: load_finance(hub))
        if added is None:
            self.stdout.write(f"{HUB_SLUG}: demo finances already loaded; nothing added.")
        else:
            self.stdout.write(f"{HUB_SLUG}: added {added} finance lines for 2024/25.")
