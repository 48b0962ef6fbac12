"""manage.py load_demo_teaching [--scale S]: the demo hubs' invented term of teaching (DEBUG only, once)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tutti.learners.demo.load import hub_plans, load_hub


class Command(BaseCommand):
    help = (
        "Load a realistic, clearly invented term of teaching for the Hertfordshire demo hub and a few learners in "
        "Birmingham's: calendar, schools, staff, activities, learners, enrolments, registers, milestones. "
        "Run after load_network_seed and load_demo_accounts; a second run adds nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Fewer classes and learners (0.1 for a quick test); default 1."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Refusing to load invented demo learners: DEBUG is off.")
        scale: float = options["scale"]
        if not 0 < scale <= 1:
            raise CommandError("--scale must be more than 0 and at most 1.")
        today = timezone.localdate()
        for plan in hub_plans(scale):
            counts = load_hub(plan, scale=scale, today=today)
            if counts.activities == 0:
                self.stdout.write(f"{plan.slug}: demo teaching already loaded; nothing added.")
            else:
                self.stdout.write(f"{plan.slug}: added {counts}.")
