"""insert_rows stores what the ORM would store, by COPY on PostgreSQL and bulk_create elsewhere.

These run on whichever database the suite runs on, so the PostgreSQL run checks the COPY path. They live
here, not in tutti.core, because they use the real models of the apps above core (schools, learners).
"""

import datetime
import uuid
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tutti.core.bulk_insert import insert_rows
from tutti.learners.models import Guardian, Learner
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.tests.factories import HubAreaFactory, LocalAuthorityFactory
from tutti.schools.models import School

pytestmark = pytest.mark.django_db

SCHOOL_FIELDS = ["urn", "name", "type_group", "local_authority_id", "percent_fsm", "latitude", "opened_on"]


def _school(urn: int, authority_id: int, **values: object) -> dict[str, object]:
    return {"urn": urn, "name": f"School {urn}", "type_group": "Academies", "local_authority_id": authority_id} | values


def test_rows_are_stored_with_their_values_and_the_count_is_returned() -> None:
    authority = LocalAuthorityFactory.create()
    rows = [
        _school(100001, authority.pk, percent_fsm=Decimal("23.4"), latitude=Decimal("51.752021")),
        _school(100002, authority.pk, opened_on=datetime.date(2011, 9, 1)),
    ]

    assert insert_rows(School, rows, fields=SCHOOL_FIELDS) == 2

    first, second = School.objects.order_by("urn")
    assert (first.urn, first.name, first.type_group, first.local_authority_id) == (
        100001,
        "School 100001",
        "Academies",
        authority.pk,
    )
    assert first.percent_fsm == Decimal("23.4")
    assert first.latitude == Decimal("51.752021")
    assert first.opened_on is None
    assert second.opened_on == datetime.date(2011, 9, 1)
    assert second.percent_fsm is None


def test_a_choice_is_stored_as_its_value() -> None:
    authority = LocalAuthorityFactory.create()

    insert_rows(School, [_school(100009, authority.pk, status=School.Status.CLOSED)], fields=[*SCHOOL_FIELDS, "status"])

    assert School.objects.filter(urn=100009).values_list("status", flat=True).get() == "closed"


def test_fields_a_row_leaves_out_get_their_defaults() -> None:
    authority = LocalAuthorityFactory.create()

    insert_rows(School, [_school(100003, authority.pk)], fields=SCHOOL_FIELDS)

    school = School.objects.get(urn=100003)
    assert school.phase == School.Phase.NOT_APPLICABLE
    assert school.status == School.Status.OPEN
    assert school.state_funded is False
    assert school.postcode == ""


def test_a_field_some_rows_give_and_others_leave_out() -> None:
    authority = LocalAuthorityFactory.create()
    rows = [_school(100010, authority.pk, status=School.Status.CLOSED), _school(100011, authority.pk)]

    insert_rows(School, rows, fields=[*SCHOOL_FIELDS, "status"])

    assert dict(School.objects.values_list("urn", "status")) == {100010: "closed", 100011: "open"}


def test_a_datetime_in_another_time_zone_is_stored_as_the_same_instant() -> None:
    hub = HubAreaFactory.create()
    merged_at = datetime.datetime(2025, 7, 1, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    common = {"hub": hub, "first_name": "Wren", "last_name": "Puddleby", "match_key": "wren puddleby"}
    rows = [
        common | {"reference": "TST-000101", "date_of_birth": datetime.date(2015, 1, 1), "merged_at": merged_at},
        common | {"reference": "TST-000102", "date_of_birth": datetime.date(2015, 1, 2)},
    ]

    insert_rows(Learner, rows, fields=[*common, "reference", "date_of_birth", "merged_at"])

    stored = dict(Learner.objects.values_list("reference", "merged_at"))
    assert stored == {"TST-000101": datetime.datetime(2025, 7, 1, 8, 30, tzinfo=datetime.UTC), "TST-000102": None}


def test_timestamps_are_set_as_auto_now_sets_them_and_stored_timezone_aware() -> None:
    authority = LocalAuthorityFactory.create()
    before = timezone.now()

    insert_rows(School, [_school(100004, authority.pk)], fields=SCHOOL_FIELDS)

    school = School.objects.get(urn=100004)
    after = timezone.now()
    assert timezone.is_aware(school.created_at)
    assert before <= school.created_at <= after
    assert before <= school.updated_at <= after


def test_each_row_gets_its_own_generated_default() -> None:
    hub = HubAreaFactory.create()
    rows = [
        {"hub": hub, "reference": f"TST-{number:06d}", "first_name": "Wren", "last_name": "Puddleby",
         "match_key": "wren puddleby", "date_of_birth": datetime.date(2015, 1, number)}
        for number in range(1, 4)
    ]  # fmt: skip

    insert_rows(Learner, rows, fields=["hub", "reference", "first_name", "last_name", "match_key", "date_of_birth"])

    learners = list(Learner.objects.for_hub(hub).order_by("reference"))
    assert [learner.reference for learner in learners] == ["TST-000001", "TST-000002", "TST-000003"]
    assert all(isinstance(learner.public_id, uuid.UUID) for learner in learners)
    assert len({learner.public_id for learner in learners}) == 3
    assert {learner.hub_id for learner in learners} == {hub.pk}
    assert learners[0].gender == Learner._meta.get_field("gender").default


def test_a_foreign_key_takes_an_id_or_an_instance() -> None:
    learner = LearnerFactory.create()
    rows = [
        {"hub_id": learner.hub_id, "learner_id": learner.pk, "name": "Mordred Fiddlesticks"},
        {"hub_id": learner.hub_id, "learner": learner, "name": "Morgana Fiddlesticks"},
    ]

    insert_rows(Guardian, rows, fields=["hub_id", "learner_id", "learner", "name"])

    assert sorted(learner.guardians.values_list("name", "relationship")) == [
        ("Mordred Fiddlesticks", Guardian.Relationship.PARENT),
        ("Morgana Fiddlesticks", Guardian.Relationship.PARENT),
    ]


def test_a_key_not_in_fields_is_refused_naming_the_row_and_the_key() -> None:
    authority = LocalAuthorityFactory.create()
    rows = [_school(100005, authority.pk), _school(100006, authority.pk, website="https://example.org")]

    with pytest.raises(ValueError, match=r"Row 2 for School has key\(s\) not in fields: website"):
        insert_rows(School, rows, fields=SCHOOL_FIELDS)

    assert not School.objects.exists()


def test_a_field_the_model_does_not_have_is_refused() -> None:
    with pytest.raises(ValueError, match="School has no field 'colour' to insert"):
        insert_rows(School, [{"colour": "red"}], fields=["colour"])


def test_no_rows_is_no_query() -> None:
    with CaptureQueriesContext(connection) as queries:
        assert insert_rows(School, [], fields=SCHOOL_FIELDS) == 0
    assert len(queries) == 0


def test_a_broken_constraint_is_an_integrity_error_and_the_callers_transaction_writes_nothing() -> None:
    authority = LocalAuthorityFactory.create()

    @transaction.atomic
    def import_twice() -> None:
        insert_rows(School, [_school(100007, authority.pk)], fields=SCHOOL_FIELDS)
        insert_rows(School, [_school(100007, authority.pk)], fields=SCHOOL_FIELDS)  # the URN is unique

    with pytest.raises(IntegrityError):
        import_twice()

    assert not School.objects.filter(urn=100007).exists()


def test_a_check_constraint_is_enforced() -> None:
    authority = LocalAuthorityFactory.create()

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(School, [_school(100008, authority.pk, percent_fsm=Decimal("123.0"))], fields=SCHOOL_FIELDS)

    assert not School.objects.filter(urn=100008).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_on_postgresql_the_rows_go_by_copy_not_insert() -> None:
    authority = LocalAuthorityFactory.create()
    rows = [_school(200000 + number, authority.pk) for number in range(50)]

    with CaptureQueriesContext(connection) as queries:
        insert_rows(School, rows, fields=SCHOOL_FIELDS)

    assert not [query for query in queries if query["sql"].lstrip().upper().startswith("INSERT")]
    assert School.objects.filter(urn__gte=200000).count() == 50
