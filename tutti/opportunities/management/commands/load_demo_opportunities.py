"""manage.py load_demo_opportunities: the demo hubs' public activities with invented venues (DEBUG only)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tutti.opportunities import demo


class Command(BaseCommand):
    help = (
        "List the demo hubs' activities on the opportunity finder, at invented venues in real postcode districts. "
        "Run after load_demo_teaching; a second run adds nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Refusing to load demo opportunities: DEBUG is off.")
        for slug, added in demo.load().items():
            self.stdout.write(f"{slug}: {added} public listing{'s' if added != 1 else ''} added.")
