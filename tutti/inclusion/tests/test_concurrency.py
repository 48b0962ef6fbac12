"""Two approvals racing for the last of a year's budget: one is approved, the other waits (PostgreSQL only)."""

import contextlib
import threading
from typing import Any

import pytest
from django.db import connection, connections

from tutti.accounts.models import User
from tutti.inclusion.models import Criterion, RemissionApplication
from tutti.inclusion.services import decisions
from tutti.inclusion.services.applications import application_submit
from tutti.inclusion.services.decisions import application_approve
from tutti.inclusion.tests.builders import paid_place
from tutti.inclusion.tests.factories import RemissionRuleFactory, RemissionSchemeFactory
from tutti.network.models import HubArea

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite locks the whole database for a write, so it cannot race; the row lock is PostgreSQL's",
)


@pytest.mark.django_db(transaction=True)
def test_two_approvals_racing_for_the_last_of_the_budget_do_not_both_succeed(
    hub_a: HubArea, hub_a_inclusion_lead: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # £180 of budget left, and two approvals each worth £180.
    scheme = RemissionSchemeFactory.create(hub=hub_a, academic_year=2025, budget_pence=18_000)
    RemissionRuleFactory.create(scheme=scheme, criterion=Criterion.FREE_SCHOOL_MEALS, percent=100)
    applications = [
        application_submit(
            scheme=scheme,
            learner=paid_place(hub_a, by=hub_a_inclusion_lead)[0],
            criteria=[Criterion.FREE_SCHOOL_MEALS],
            applicant_name="Mordred Fiddlesticks",
            channel=RemissionApplication.Channel.PAPER,
            by=hub_a_inclusion_lead,
        )
        for _ in range(2)
    ]
    start = threading.Barrier(len(applications))
    # Hold each approval after it has valued the remission and before it reads the budget, until the other
    # arrives too: without the scheme's row lock both would read the same budget left and both be approved.
    # With the lock the second never arrives while the first holds it, so the first goes on after a wait.
    both_valued = threading.Barrier(len(applications), timeout=3)
    valued = decisions.year_value

    def year_value_then_meet(**kwargs: Any) -> int:
        value = valued(**kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            both_valued.wait()
        return value

    monkeypatch.setattr(decisions, "year_value", year_value_then_meet)
    errors: list[BaseException] = []

    def approve(application: RemissionApplication) -> None:
        try:
            start.wait()
            application_approve(application=application, by=hub_a_inclusion_lead)
        except BaseException as error:  # reported below: a thread's exception is otherwise lost
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(application,)) for application in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    statuses = sorted(RemissionApplication.objects.values_list("status", flat=True))
    assert statuses == [RemissionApplication.Status.APPROVED, RemissionApplication.Status.WAITING]
