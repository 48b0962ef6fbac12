"""Overdue reminders: sent to the right people after commit, once per loan per day, by the daily command."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from tutti.instruments.models import Condition, LoanReminder
from tutti.instruments.services.loans import loan_reminders_send, loan_return, loan_to_school
from tutti.instruments.tests.factories import BOUGHT, AssetFactory, lent
from tutti.learners.models import Guardian
from tutti.programmes.tests.factories import learner
from tutti.schools.tests.factories import SchoolFactory

OVERDUE_DAY = BOUGHT + datetime.timedelta(days=100)  # lent() makes loans due after 90 days


def _child_with_guardian(hub, email: str = "parent@example.org"):
    child = learner(hub)
    Guardian.objects.create(hub=hub, learner=child, name="Morgana Testparent", email=email)
    Guardian.objects.create(hub=hub, learner=child, name="No Email Testparent")
    return child


def test_an_overdue_loan_emails_the_guardians_once_a_day(hub_a, hub_a_manager, django_capture_on_commit_callbacks):
    violin = AssetFactory.create(hub=hub_a)
    lent(violin, _child_with_guardian(hub_a), by=hub_a_manager)

    with django_capture_on_commit_callbacks(execute=True):
        assert loan_reminders_send(today=OVERDUE_DAY) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert loan_reminders_send(today=OVERDUE_DAY) == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["parent@example.org"]
    assert violin.asset_tag in message.body
    assert "10 days ago" in message.body
    assert message.subject == f"Please return {violin.description} to {hub_a.name}"


def test_the_next_day_brings_another_reminder(hub_a, hub_a_manager, django_capture_on_commit_callbacks):
    lent(AssetFactory.create(hub=hub_a), _child_with_guardian(hub_a), by=hub_a_manager)

    with django_capture_on_commit_callbacks(execute=True):
        loan_reminders_send(today=OVERDUE_DAY)
        loan_reminders_send(today=OVERDUE_DAY + datetime.timedelta(days=1))

    assert len(mail.outbox) == 2
    assert LoanReminder.objects.count() == 2


def test_nothing_is_sent_before_the_due_date_or_after_the_return(hub_a, hub_a_manager) -> None:
    on_time = lent(AssetFactory.create(hub=hub_a), _child_with_guardian(hub_a), by=hub_a_manager)
    returned = lent(AssetFactory.create(hub=hub_a), _child_with_guardian(hub_a), by=hub_a_manager, days=10)
    loan_return(loan=returned, returned_on=BOUGHT + datetime.timedelta(days=20), condition=Condition.GOOD,
                by=hub_a_manager)  # fmt: skip

    assert loan_reminders_send(today=on_time.due_on) == 0
    assert mail.outbox == []


def test_a_school_loan_reminds_its_contact_and_one_without_an_address_is_skipped(
    hub_a, hub_a_manager, django_capture_on_commit_callbacks
) -> None:
    school = SchoolFactory.create(local_authority__hub_area=hub_a)
    for email in ("music@school.example", ""):
        loan_to_school(
            asset=AssetFactory.create(hub=hub_a), school=school, lent_on=BOUGHT,
            due_on=BOUGHT + datetime.timedelta(days=30), contact_email=email, by=hub_a_manager,
        )  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        assert loan_reminders_send(today=OVERDUE_DAY) == 1

    assert [message.to for message in mail.outbox] == [["music@school.example"]]
    assert "your school" in mail.outbox[0].body


@pytest.mark.django_db(transaction=True)
def test_the_daily_command_sends_and_a_second_run_sends_nothing(hub_a, hub_a_manager, capsys) -> None:
    lent(AssetFactory.create(hub=hub_a), _child_with_guardian(hub_a), by=hub_a_manager,
         lent_on=datetime.date.today() - datetime.timedelta(days=100))  # fmt: skip

    call_command("send_loan_reminders")
    call_command("send_loan_reminders")

    assert len(mail.outbox) == 1
    assert capsys.readouterr().out.splitlines() == ["Sent 1 overdue reminder.", "Sent 0 overdue reminders."]
