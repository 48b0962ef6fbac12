"""manage.py delete_expired_evidence: the scheduler's daily run of the evidence retention rule."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from tutti.inclusion.services.retention import evidence_delete_expired


class Command(BaseCommand):
    help = (
        "Delete remission evidence files INCLUSION_EVIDENCE_RETENTION_DAYS after the application's decision, "
        "keeping the decision record. Safe to run as often as you like."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = evidence_delete_expired(now=timezone.now())
        self.stdout.write(f"{deleted} evidence file(s) deleted.")
