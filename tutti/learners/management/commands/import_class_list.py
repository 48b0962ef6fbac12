"""manage.py import_class_list FILE --activity ID --by EMAIL: enrol a WCET class from its class list."""

import uuid
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tutti.learners.importing.class_list import class_list_import
from tutti.learners.management.arguments import file_bytes, person_by_email, refuse_if_rejected
from tutti.programmes.models import Activity


def _activity(value: str, hub_slug: str) -> Activity:
    """The activity by its public id, or by its exact name (with --hub when two hubs share the name)."""
    activities = Activity.objects.select_related("hub", "school")
    if hub_slug:
        activities = activities.filter(hub__slug=hub_slug)
    try:
        found = list(activities.filter(public_id=uuid.UUID(value)))
    except ValueError:
        found = list(activities.filter(name=value))
    if not found:
        raise CommandError(f"No activity with the id or name '{value}'.")
    if len(found) > 1:
        raise CommandError(f"{len(found)} activities are called '{value}': give its id (or --hub).")
    return found[0]


class Command(BaseCommand):
    help = "Enrol a whole class into one WCET activity from a class-list CSV: all of it, or nobody."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--activity", required=True, help="The activity's id (as in its address) or exact name.")
        parser.add_argument("--hub", default="", help="The hub's slug, to tell apart activities of the same name.")
        parser.add_argument("--by", required=True, help="Email of the person enrolling (audit log, enrolments).")

    def handle(self, *args: Any, **options: Any) -> None:
        activity = _activity(options["activity"], options["hub"])
        by = person_by_email(options["by"])
        path: Path = options["file"]
        result = class_list_import(activity=activity, data=file_bytes(path), by=by)
        refuse_if_rejected(self, result, path=path, outcome="Nobody enrolled")
        self.stdout.write(
            f"{activity.name} ({activity.hub.name}): {result.enrolled} enrolled, {result.learners_added} learners "
            f"added, {result.already_enrolled} already enrolled."
        )
