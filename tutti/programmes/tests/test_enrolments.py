"""Enrolling, offering, withdrawing and transferring learners, and the capacity nobody can exceed."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F

from tutti.accounts.models import User
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Enrolment
from tutti.programmes.selectors import waiting_list
from tutti.programmes.services.enrolments import (
    enrolment_accept,
    enrolment_apply,
    enrolment_enrol,
    enrolment_offer,
    enrolment_transfer,
    enrolment_withdraw,
)
from tutti.programmes.tests.factories import ActivityFactory, learner

Status = Enrolment.Status


def test_enrolling_past_the_last_place_puts_the_learner_on_the_waiting_list(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, capacity=2)
    first, second, third, fourth = (learner(hub_a) for _ in range(4))

    statuses = [enrolment_enrol(activity=activity, learner=child, by=hub_a_manager).status for child in (first, second)]
    waiting = [enrolment_enrol(activity=activity, learner=child, by=hub_a_manager) for child in (third, fourth)]

    activity.refresh_from_db()
    assert statuses == [Status.ACTIVE, Status.ACTIVE]
    assert [e.status for e in waiting] == [Status.WAITING, Status.WAITING]
    assert activity.places_taken == 2
    assert [(row.enrolment.learner, row.rank) for row in waiting_list(activity)] == [(third, 1), (fourth, 2)]


def test_withdrawal_frees_the_place_and_offers_it_to_the_next_on_the_waiting_list(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, capacity=1)
    holder = enrolment_enrol(activity=activity, learner=learner(hub_a), by=hub_a_manager)
    next_in_line = enrolment_enrol(activity=activity, learner=learner(hub_a), by=hub_a_manager)
    behind = enrolment_enrol(activity=activity, learner=learner(hub_a), by=hub_a_manager)

    offered = enrolment_withdraw(enrolment=holder, by=hub_a_manager, reason="Moved away")

    assert offered == next_in_line
    next_in_line.refresh_from_db()
    holder.refresh_from_db()
    activity.refresh_from_db()
    assert holder.status == Status.WITHDRAWN
    assert holder.end_reason == "Moved away"
    assert next_in_line.status == Status.OFFERED
    assert next_in_line.waiting_position is None
    assert activity.places_taken == 1
    assert [(row.enrolment, row.rank) for row in waiting_list(activity)] == [(behind, 1)]
    assert enrolment_accept(enrolment=next_in_line, by=hub_a_manager).status == Status.ACTIVE


def test_an_application_is_offered_a_place_only_while_one_is_left(hub_a: HubArea, hub_a_manager: User) -> None:
    activity = ActivityFactory.create(hub=hub_a, capacity=1)
    first = enrolment_apply(activity=activity, learner=learner(hub_a), by=hub_a_manager)
    second = enrolment_apply(activity=activity, learner=learner(hub_a), by=hub_a_manager)
    assert first.status == Status.APPLIED

    enrolment_offer(enrolment=first, by=hub_a_manager)
    with pytest.raises(ValidationError, match="no place left: all 1 are taken"):
        enrolment_offer(enrolment=second, by=hub_a_manager)


def test_a_learner_cannot_be_enrolled_twice_in_one_activity(hub_a: HubArea, hub_a_manager: User) -> None:
    activity = ActivityFactory.create(hub=hub_a)
    child = learner(hub_a)
    enrolment_enrol(activity=activity, learner=child, by=hub_a_manager)
    with pytest.raises(ValidationError, match="already in"):
        enrolment_enrol(activity=activity, learner=child, by=hub_a_manager)


def test_another_hubs_learner_is_refused(hub_a: HubArea, hub_b: HubArea, hub_a_manager: User) -> None:
    with pytest.raises(ValidationError, match="not one of this hub's learners"):
        enrolment_enrol(activity=ActivityFactory.create(hub=hub_a), learner=learner(hub_b), by=hub_a_manager)


def test_transfer_moves_the_learner_and_hands_the_old_place_on(hub_a: HubArea, hub_a_manager: User) -> None:
    beginners = ActivityFactory.create(hub=hub_a, capacity=1, name="Beginner strings")
    improvers = ActivityFactory.create(hub=hub_a, calendar=beginners.calendar, capacity=5, name="Improver strings")
    child = learner(hub_a)
    moving = enrolment_enrol(activity=beginners, learner=child, by=hub_a_manager)
    waiting = enrolment_enrol(activity=beginners, learner=learner(hub_a), by=hub_a_manager)

    moved = enrolment_transfer(enrolment=moving, to=improvers, by=hub_a_manager, on=datetime.date(2026, 1, 5))

    moving.refresh_from_db()
    waiting.refresh_from_db()
    assert moved.activity == improvers
    assert moved.status == Status.ACTIVE
    assert moved.learner == child
    assert moving.status == Status.WITHDRAWN
    assert moving.transferred_to == moved
    assert moving.end_reason == "Transferred to Improver strings"
    assert waiting.status == Status.OFFERED
    assert Activity.objects.get(pk=improvers.pk).places_taken == 1


def test_transfer_into_a_full_activity_is_refused_and_changes_nothing(hub_a: HubArea, hub_a_manager: User) -> None:
    here = ActivityFactory.create(hub=hub_a)
    full = ActivityFactory.create(hub=hub_a, calendar=here.calendar, capacity=1)
    enrolment_enrol(activity=full, learner=learner(hub_a), by=hub_a_manager)
    moving = enrolment_enrol(activity=here, learner=learner(hub_a), by=hub_a_manager)

    with pytest.raises(ValidationError, match="no place left"):
        enrolment_transfer(enrolment=moving, to=full, by=hub_a_manager)

    moving.refresh_from_db()
    assert moving.status == Status.ACTIVE
    assert Activity.objects.get(pk=here.pk).places_taken == 1


def test_the_database_refuses_more_places_taken_than_capacity(hub_a: HubArea) -> None:
    """A write that skipped the service's lock still cannot overfill an activity."""
    activity = ActivityFactory.create(hub=hub_a, capacity=1)
    Activity.objects.filter(pk=activity.pk).update(places_taken=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=activity.pk).update(places_taken=F("places_taken") + 1)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite has one writer")
def test_two_people_enrolling_into_the_last_place_at_once_get_one_place_and_one_waiting(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, capacity=1)
    children = [learner(hub_a), learner(hub_a)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def enrol(child: object) -> None:
        try:
            barrier.wait()
            outcomes.append(enrolment_enrol(activity=activity, learner=child, by=hub_a_manager).status)
        finally:
            connection.close()

    threads = [threading.Thread(target=enrol, args=(child,)) for child in children]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == [Status.ACTIVE, Status.WAITING]
    assert Activity.objects.get(pk=activity.pk).places_taken == 1
