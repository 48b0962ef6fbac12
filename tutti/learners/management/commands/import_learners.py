"""manage.py import_learners FILE --hub SLUG: the learners CSV import (columns in tutti/learners/IMPORT.md)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tutti.learners.importing.run import learners_import
from tutti.learners.management.arguments import file_bytes, person_by_email, refuse_if_rejected
from tutti.network.models import HubArea


class Command(BaseCommand):
    help = "Import learners with their guardians from a CSV file into one hub: all of it, or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--hub", required=True, help="The hub area's slug, e.g. hertfordshire.")
        parser.add_argument("--by", default="", help="Email of the person importing, for the audit log.")

    def handle(self, *args: Any, **options: Any) -> None:
        hub = HubArea.objects.filter(slug=options["hub"]).first()
        if hub is None:
            raise CommandError(f"No hub area with the slug '{options['hub']}'.")
        by = person_by_email(options["by"]) if options["by"] else None
        path: Path = options["file"]
        result = learners_import(hub=hub, data=file_bytes(path), by=by)
        refuse_if_rejected(self, result, path=path, outcome="Nothing imported")
        self.stdout.write(
            f"Imported into {hub.name}: {result.created} added, {result.updated} updated, "
            f"{result.unchanged} unchanged; guardians {result.guardians_added} added, "
            f"{result.guardians_updated} updated."
        )
