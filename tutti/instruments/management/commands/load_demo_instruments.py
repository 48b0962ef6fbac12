"""manage.py load_demo_instruments: the Hertfordshire demo's instrument store (DEBUG only, once)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tutti.instruments.demo import load_instruments


class Command(BaseCommand):
    help = (
        "Load about 150 invented assets bought with Hertfordshire's 2024/25 capital grant (some adaptive), with "
        "loans, returns and repairs. Run after load_demo_teaching; a second run adds nothing."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Refusing to load invented demo data: DEBUG is off.")
        counts = load_instruments(today=timezone.localdate())
        if counts is None:
            self.stdout.write("hertfordshire: demo instruments already loaded; nothing added.")
        else:
            self.stdout.write(f"hertfordshire: added {counts}.")
