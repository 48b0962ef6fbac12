"""manage.py load_demo_families: the demo parent and their two invented children (DEBUG only, once)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tutti.families import demo


class Command(BaseCommand):
    help = (
        "Create the demo parent (parent@hertfordshire.example, the README's password and TOTP) with two invented "
        "children holding places, and each demo hub's consent questions. Run after load_demo_opportunities."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Refusing to create a demo parent with a published password: DEBUG is off.")
        added = demo.load()
        if added:
            self.stdout.write(f"Demo family ready: {demo.PARENT_EMAIL} with {added} children.")
        else:
            self.stdout.write("Demo family already loaded; nothing added.")
