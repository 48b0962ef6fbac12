"""manage.py send_loan_reminders: email a reminder about every overdue loan (schedule it daily, e.g. from cron).

Running it twice on one day sends nothing the second time: each loan gets at most one reminder a day.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from tutti.instruments.services.loans import loan_reminders_send


class Command(BaseCommand):
    help = "Email the guardians (or the school's contact) of every overdue loan, at most once per loan per day."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = loan_reminders_send(today=timezone.localdate())
        self.stdout.write(f"Sent {sent} overdue reminder{'s' if sent != 1 else ''}.")
