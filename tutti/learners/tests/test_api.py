"""The learners API: the pages' field permissions per role, the list page's filters, tenancy and the audit log."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.testing import sign_in
from tutti.learners.models import Learner
from tutti.learners.tests.factories import GuardianFactory, LearnerFactory
from tutti.network.models import HubArea
from tutti.programmes.services.enrolments import enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, StaffMemberFactory

SENSITIVE = {"send", "gender", "ethnicity", "disadvantaged", "looked_after", "young_carer"}


@pytest.fixture
def children(hub_a: HubArea) -> list[Learner]:
    taught = LearnerFactory.create(
        hub=hub_a, first_name="Tansy", last_name="Puddleby", ethnicity="WBRI", send="sen_support", year_group=4
    )
    other = LearnerFactory.create(
        hub=hub_a, first_name="Wren", last_name="Crumpetworth", ethnicity="AIND", year_group=6
    )
    GuardianFactory.create(learner=taught, name="Mordred Puddleby", email="mordred@example.org")
    return [taught, other]


@pytest.fixture
def tutors_class(hub_a: HubArea, hub_a_tutor: User, hub_a_admin: User, children: list[Learner]) -> None:
    """Hub A's tutor teaches an activity with the first child in it, not the second."""
    activity = ActivityFactory.create(hub=hub_a)
    activity.tutors.add(StaffMemberFactory.create(hub=hub_a, user=hub_a_tutor))
    enrolment_enrol(activity=activity, learner=children[0], by=hub_a_admin)


def get(user: User, url: str, **params: Any) -> Any:
    response = sign_in(Client(), user).get(url, params)
    assert response.status_code == 200, response.content
    assert response["Cache-Control"] == "no-store"
    return response.json()


LIST = reverse("learners:api_learner_list")


def detail(learner: Learner) -> str:
    return reverse("learners:api_learner_detail", kwargs={"public_id": learner.public_id})


def test_an_administrator_sees_every_field_and_guardians_contact_details(
    hub_a_admin: User, children: list[Learner]
) -> None:
    body = get(hub_a_admin, LIST)
    assert body["count"] == 2
    first = body["results"][0]
    assert first["last_name"] == "Crumpetworth"  # the list page's order: by last name
    assert set(first) >= SENSITIVE
    assert first["ethnicity"] == "AIND"
    one = get(hub_a_admin, detail(children[0]))
    assert one["date_of_birth"] == "2016-03-27"
    assert one["guardians"] == [
        {"name": "Mordred Puddleby", "relationship": "parent", "email": "mordred@example.org",
         "phone": "01632 960001", "postcode": ""}
    ]  # fmt: skip


def test_a_programme_manager_sees_send_but_no_equality_fields_and_cannot_filter_by_them(
    hub_a_manager: User, children: list[Learner]
) -> None:
    body = get(hub_a_manager, LIST, ethnicity="WBRI")
    assert body["count"] == 2  # the ethnicity filter is not theirs: it narrows nothing
    fields = set(body["results"][0])
    assert "send" in fields
    assert not (SENSITIVE - {"send"}) & fields
    assert get(hub_a_manager, LIST, year_group=6)["count"] == 1


def test_an_administrator_filters_and_sorts_like_the_list_page(hub_a_admin: User, children: list[Learner]) -> None:
    assert [row["first_name"] for row in get(hub_a_admin, LIST, ethnicity="WBRI")["results"]] == ["Tansy"]
    assert [row["first_name"] for row in get(hub_a_admin, LIST, q="wren")["results"]] == ["Wren"]
    assert [row["first_name"] for row in get(hub_a_admin, LIST, sort="-year_group")["results"]] == ["Wren", "Tansy"]


def test_a_tutor_sees_only_their_own_learners_with_identity_fields_and_no_guardian_email(
    hub_a_tutor: User, children: list[Learner], tutors_class: None
) -> None:
    body = get(hub_a_tutor, LIST)
    assert [row["reference"] for row in body["results"]] == [children[0].reference]
    row = body["results"][0]
    assert set(row) == {
        "public_id", "reference", "first_name", "last_name", "year_group", "school_urn", "school_name", "adaptations"
    }  # fmt: skip
    one = get(hub_a_tutor, detail(children[0]))
    assert "date_of_birth" not in one
    assert one["guardians"] == [{"name": "Mordred Puddleby", "relationship": "parent", "phone": "01632 960001"}]
    response = sign_in(Client(), hub_a_tutor).get(detail(children[1]))
    assert response.status_code == 404


def test_another_hubs_learner_is_a_404_and_its_list_is_empty(hub_b_admin: User, children: list[Learner]) -> None:
    client = sign_in(Client(), hub_b_admin)
    assert client.get(detail(children[0])).status_code == 404
    assert client.get(LIST).json()["count"] == 0
    refused = AuditEvent.objects.filter(action=AuditEvent.Action.OTHER_HUB_RECORD_REFUSED)
    assert refused.filter(hub=children[0].hub).exists()


def test_a_role_without_learners_is_refused(hub_a_finance: User, children: list[Learner]) -> None:
    assert sign_in(Client(), hub_a_finance).get(LIST).status_code == 403


def test_every_call_is_audited_as_an_export_or_a_view(hub_a_admin: User, children: list[Learner]) -> None:
    get(hub_a_admin, LIST, year_group=4)
    exported = AuditEvent.objects.get(action=AuditEvent.Action.LEARNERS_EXPORTED)
    assert exported.detail == "1 learners as JSON (API)"
    assert exported.path == f"{LIST}?year_group=4"
    get(hub_a_admin, detail(children[1]))
    viewed = AuditEvent.objects.get(action=AuditEvent.Action.LEARNER_VIEWED)
    assert (viewed.detail, viewed.actor) == (children[1].reference, hub_a_admin)


def test_the_api_is_read_only(hub_a_admin: User, children: list[Learner]) -> None:
    client = sign_in(Client(), hub_a_admin)
    assert client.post(LIST, {"first_name": "Nimbus"}).status_code in {403, 405}
    assert client.delete(detail(children[0])).status_code in {403, 405}
    assert Learner.objects.count() == 2
