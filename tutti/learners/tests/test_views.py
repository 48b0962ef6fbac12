"""The learners pages as each role sees them: field permissions, duplicates on create, audit of views and exports."""

import codecs
import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import person, sign_in
from tutti.learners.models import Learner
from tutti.learners.tests.factories import GuardianFactory, LearnerFactory
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.schools.tests.factories import SchoolFactory

ETHNICITY_LABEL = "Asian or Asian British: Bangladeshi"


@pytest.fixture
def learner(hub_a: HubArea) -> Learner:
    school = SchoolFactory(local_authority=LocalAuthorityFactory(hub_area=hub_a), name="Puddleby Lane Primary")
    learner = LearnerFactory.create(
        hub=hub_a,
        first_name="Zephyrine",
        last_name="Glockenspire",
        school=school,
        ethnicity="ABAN",
        send="ehc_plan",
        disadvantaged="yes",
        adaptations="Sits near the door; ear defenders for loud passages.",
    )
    GuardianFactory.create(
        learner=learner, name="Ambrose Glockenspire", email="ambrose@example.org", phone="01632 960123"
    )
    return learner


def _page(user: User, learner: Learner) -> str:
    response = sign_in(Client(), user).get(reverse("learners:learner_detail", kwargs={"public_id": learner.public_id}))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("role", "sees_ethnicity", "sees_send", "sees_birth_date", "sees_guardian_email"),
    [
        (Role.HUB_ADMINISTRATOR, True, True, True, True),
        (Role.INCLUSION_LEAD, True, True, True, True),
        (Role.PROGRAMME_MANAGER, False, True, True, True),
    ],
)
def test_learner_page_shows_each_role_only_its_fields(
    role: Role,
    sees_ethnicity: bool,
    sees_send: bool,
    sees_birth_date: bool,
    sees_guardian_email: bool,
    hub_a: HubArea,
    learner: Learner,
) -> None:
    page = _page(person(hub=hub_a, roles=[role]), learner)
    assert "Zephyrine" in page
    assert "Puddleby Lane Primary" in page
    assert "ear defenders" in page
    assert (ETHNICITY_LABEL in page) is sees_ethnicity
    assert ("Free school meals" in page) is sees_ethnicity
    assert ("Education, health and care (EHC) plan" in page) is sees_send
    assert ("27/03/2016" in page) is sees_birth_date
    assert ("ambrose@example.org" in page) is sees_guardian_email


def test_a_tutor_cannot_open_a_learner_outside_their_activities(hub_a: HubArea, learner: Learner) -> None:
    tutor = person(hub=hub_a, roles=[Role.TUTOR])
    response = sign_in(Client(), tutor).get(reverse("learners:learner_detail", kwargs={"public_id": learner.public_id}))
    assert response.status_code == 404


def test_opening_a_learner_is_in_the_audit_log(hub_a: HubArea, hub_a_admin: User, learner: Learner) -> None:
    _page(hub_a_admin, learner)
    event = AuditEvent.objects.for_hub(hub_a).get(action=AuditEvent.Action.LEARNER_VIEWED)
    assert event.actor == hub_a_admin
    assert event.detail == learner.reference


def test_export_has_the_columns_the_role_sees_and_is_audited(hub_a: HubArea, learner: Learner) -> None:
    manager = person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER])
    LearnerFactory.create(hub=hub_a, first_name="Wren", last_name="Puddleby", year_group=6)
    client = sign_in(Client(), manager)
    response = client.get(reverse("learners:learner_list_csv"), {"year_group": "4"})
    assert response.content.startswith(codecs.BOM_UTF8)  # so Excel on Windows reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert "Ethnicity" not in rows[0]
    assert "SEND" in rows[0]
    assert [row[1] for row in rows[1:]] == ["Zephyrine"]
    event = AuditEvent.objects.for_hub(hub_a).get(action=AuditEvent.Action.LEARNERS_EXPORTED)
    assert event.detail == "1 learners as CSV"
    assert "year_group=4" in event.path

    admin = person(hub=hub_a, roles=[Role.HUB_ADMINISTRATOR])
    response = sign_in(Client(), admin).get(reverse("learners:learner_list_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert "Ethnicity" in header
    assert sheet.max_row == 3


def test_a_manager_cannot_filter_by_a_field_they_do_not_see(hub_a: HubArea, learner: Learner) -> None:
    manager = person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER])
    response = sign_in(Client(), manager).get(reverse("learners:learner_list"), {"ethnicity": "WBRI"})
    # The filter is not there: the parameter is ignored, the list is not narrowed by it.
    assert 'name="ethnicity"' not in response.content.decode()
    assert "Zephyrine" in response.content.decode()


def test_export_escapes_a_name_a_spreadsheet_would_run_as_a_formula(hub_a: HubArea, hub_a_admin: User) -> None:
    LearnerFactory.create(hub=hub_a, first_name='=HYPERLINK("http://x")', last_name="Tambourini")
    response = sign_in(Client(), hub_a_admin).get(reverse("learners:learner_list_csv"))
    assert "'=HYPERLINK" in response.content.decode()


def test_list_sorts_and_its_query_count_does_not_grow_with_rows(hub_a: HubArea, hub_a_admin: User) -> None:
    for name in ["Quibble", "Bartleby", "Tansy"]:
        LearnerFactory.create(hub=hub_a, first_name=name, last_name="Crumpetworth", school=SchoolFactory())
    client = sign_in(Client(), hub_a_admin)
    response = client.get(reverse("learners:learner_list"), {"sort": "-first_name"})
    page = response.content.decode()
    assert page.index("Tansy") < page.index("Quibble") < page.index("Bartleby")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("learners:learner_list"))
    for _ in range(20):
        LearnerFactory.create(hub=hub_a, school=SchoolFactory())
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("learners:learner_list"))
    assert len(many) == len(few)


def test_create_keeps_what_was_typed_and_names_the_wrong_field(hub_a: HubArea, hub_a_admin: User) -> None:
    client = sign_in(Client(), hub_a_admin)
    response = client.post(
        reverse("learners:learner_new"),
        {
            "first_name": "Nimbus",
            "last_name": "Oboe-Smythe",
            "date_of_birth": "31/02/2016",
            "postcode_district": "sg12",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Nimbus"' in page
    assert 'href="#id_date_of_birth"' in page
    assert not Learner.objects.exists()


def test_create_warns_of_a_duplicate_and_adds_after_confirmation(
    hub_a: HubArea, hub_a_admin: User, learner: Learner
) -> None:
    client = sign_in(Client(), hub_a_admin)
    data = {
        "first_name": " zephyrine ",
        "last_name": "GLOCKENSPIRE",
        "date_of_birth": "27/03/2016",
        "school": str(learner.school_id),
        "postcode_district": "SG12",
        "gender": "not_known",
        "ethnicity": "NOBT",
        "send": "not_known",
        "disadvantaged": "not_known",
        "looked_after": "not_known",
        "young_carer": "not_known",
    }
    response = client.post(reverse("learners:learner_new"), data)
    assert response.status_code == 200
    assert learner.reference in response.content.decode()
    assert Learner.objects.count() == 1

    response = client.post(reverse("learners:learner_new"), {**data, "different_child": "on"})
    assert response.status_code == 302
    assert Learner.objects.count() == 2
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LEARNER_CREATED).count() == 1


def test_duplicates_list_and_merge_from_it(hub_a: HubArea, hub_a_admin: User, learner: Learner) -> None:
    twin = LearnerFactory.create(
        hub=hub_a, first_name="ZEPHYRINE", last_name="glockenspire", school=learner.school, match_key=learner.match_key
    )
    LearnerFactory.create(
        hub=hub_a, first_name="Zephyrine", last_name="Glockenspire", date_of_birth=datetime.date(2015, 1, 1)
    )
    client = sign_in(Client(), hub_a_admin)
    page = client.get(reverse("learners:duplicate_list")).content.decode()
    assert page.count("Merge ") == 1
    assert twin.reference in page

    response = client.post(reverse("learners:learner_merge"), {"keep": learner.public_id, "merge": twin.public_id})
    assert response.status_code == 302
    twin.refresh_from_db()
    assert twin.merged_into == learner
    assert "No possible duplicates" in client.get(reverse("learners:duplicate_list")).content.decode()


def test_merge_of_another_hubs_record_is_a_404(hub_a: HubArea, hub_b: HubArea, hub_a_admin: User) -> None:
    ours, theirs = LearnerFactory.create(hub=hub_a), LearnerFactory.create(hub=hub_b)
    response = sign_in(Client(), hub_a_admin).post(
        reverse("learners:learner_merge"), {"keep": ours.public_id, "merge": theirs.public_id}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.merged_into is None
