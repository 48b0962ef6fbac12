"""The WCET class-list import: whole class enrolled or nobody, capacity named, idempotent, audited, hub-scoped."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.testing import sign_in
from tutti.learners.importing.class_list import class_list_import
from tutti.learners.models import Learner
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.programmes.models import Activity, Enrolment
from tutti.programmes.services.enrolments import enrolment_apply
from tutti.programmes.tests.factories import WcetActivityFactory
from tutti.schools.tests.factories import SchoolFactory

TODAY = datetime.date(2026, 1, 15)
HEADER = "Forename,Surname,DOB,NC Year\n"


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")


def class_file(children: int, *, start: int = 0) -> bytes:
    lines = [HEADER]
    for n in range(start, start + children):
        born = datetime.date(2016, 9, 1) + datetime.timedelta(days=n * 7)
        lines.append(f"Pupil{n},Crumpetworth,{born:%d/%m/%Y},4\n")
    return "".join(lines).encode()


@pytest.fixture
def wcet(hub_a: HubArea) -> Activity:
    school = SchoolFactory.create(local_authority=LocalAuthorityFactory.create(hub_area=hub_a), name="Puddleby Primary")
    return WcetActivityFactory.create(hub=hub_a, school=school, capacity=30, year_group_from=4, year_group_to=4)


def test_a_class_list_adds_the_children_at_the_school_and_enrols_them(wcet: Activity, hub_a_manager: User) -> None:
    result = class_list_import(activity=wcet, data=class_file(28), by=hub_a_manager, today=TODAY)
    assert result.ok, result.errors
    assert (result.learners_added, result.enrolled, result.already_enrolled) == (28, 28, 0)
    wcet.refresh_from_db()
    assert wcet.places_taken == 28
    assert Enrolment.objects.filter(activity=wcet, status=Enrolment.Status.ACTIVE).count() == 28
    learner = Learner.objects.get(first_name="Pupil3")
    assert (learner.school_id, learner.year_group, learner.hub_id) == (wcet.school_id, 4, wcet.hub_id)
    event = AuditEvent.objects.filter(action=AuditEvent.Action.LEARNERS_IMPORTED).get()
    assert event.detail == f"Class list for {wcet.name}: 28 learners added, 28 enrolled, 0 already enrolled"


def test_existing_learners_are_matched_by_reference_or_by_name_birth_date_and_school(
    wcet: Activity, hub_a_manager: User
) -> None:
    by_reference = LearnerFactory.create(hub=wcet.hub, first_name="Tansy", last_name="Puddleby", reference="HRT-000042")
    by_name = LearnerFactory.create(
        hub=wcet.hub, first_name="Wren", last_name="Glockenspire", school=wcet.school,
        date_of_birth=datetime.date(2016, 10, 2),
    )  # fmt: skip
    data = b"Learner Ref,Forename,Surname,DOB\nHRT-000042,Tansy,Puddleby,27/03/2016\n,WREN,glockenspire,02/10/2016\n"
    result = class_list_import(activity=wcet, data=data, by=hub_a_manager, today=TODAY)
    assert result.ok, result.errors
    assert (result.learners_added, result.enrolled) == (0, 2)
    assert set(Enrolment.objects.filter(activity=wcet).values_list("learner_id", flat=True)) == {
        by_reference.pk,
        by_name.pk,
    }


def test_a_class_bigger_than_the_places_left_enrols_nobody_and_names_the_numbers(
    wcet: Activity, hub_a_manager: User
) -> None:
    result = class_list_import(activity=wcet, data=class_file(31), by=hub_a_manager, today=TODAY)
    assert [str(error) for error in result.errors] == [
        f"Line 32: the class list has 31 children needing a place in {wcet.name}, but it has only 30 of its "
        "30 places left (0 taken), so nobody was enrolled"
    ]
    assert not Learner.objects.exists()
    assert not Enrolment.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LEARNERS_IMPORTED).exists()


def test_a_duplicate_row_and_a_bad_date_are_listed_by_line_and_nothing_is_written(
    wcet: Activity, hub_a_manager: User
) -> None:
    data = (
        HEADER
        + "Pipkin,Fiddlesticks,27/03/2016,4\n"
        + "Tansy,Puddleby,31/02/2016,4\n"
        + "pipkin, FIDDLESTICKS ,27/03/2016,4\n"
        + "Wren,Oboe-Smythe,01/01/2016,Y14\n"
    ).encode()
    result = class_list_import(activity=wcet, data=data, by=hub_a_manager, today=TODAY)
    assert [str(error) for error in result.errors] == [
        "Line 3: DOB '31/02/2016' is not a date written DD/MM/YYYY",
        "Line 5: NC Year 'Y14' is not R or a year from 1 to 13",
    ]
    # With the bad lines corrected, the repeated child is the one problem left.
    fixed = data.replace(b"31/02/2016", b"28/02/2016").replace(b"Y14", b"4")
    result = class_list_import(activity=wcet, data=fixed, by=hub_a_manager, today=TODAY)
    assert [str(error) for error in result.errors] == ["Line 4: the same child as line 2"]
    assert not Learner.objects.exists()
    assert not Enrolment.objects.exists()


def test_unknown_columns_are_refused_on_the_header_line(wcet: Activity, hub_a_manager: User) -> None:
    data = b"Forename,Surname,DOB,UPN\nPipkin,Fiddlesticks,27/03/2016,A123\n"
    result = class_list_import(activity=wcet, data=data, by=hub_a_manager, today=TODAY)
    assert len(result.errors) == 1
    assert str(result.errors[0]).startswith("Line 1: unknown column(s) UPN")


def test_running_the_same_list_again_changes_nothing(wcet: Activity, hub_a_manager: User) -> None:
    assert class_list_import(activity=wcet, data=class_file(25), by=hub_a_manager, today=TODAY).ok
    again = class_list_import(activity=wcet, data=class_file(25), by=hub_a_manager, today=TODAY)
    assert again.ok, again.errors
    assert (again.learners_added, again.enrolled, again.already_enrolled) == (0, 0, 25)
    wcet.refresh_from_db()
    assert wcet.places_taken == 25
    assert Learner.objects.count() == 25
    assert Enrolment.objects.count() == 25


def test_a_longer_list_later_enrols_only_the_new_children_if_they_fit(wcet: Activity, hub_a_manager: User) -> None:
    assert class_list_import(activity=wcet, data=class_file(25), by=hub_a_manager, today=TODAY).ok
    refused = class_list_import(activity=wcet, data=class_file(31), by=hub_a_manager, today=TODAY)
    assert "has 6 children needing a place" in str(refused.errors[0])
    assert "only 5 of its 30 places left (25 taken)" in str(refused.errors[0])
    grown = class_list_import(activity=wcet, data=class_file(30), by=hub_a_manager, today=TODAY)
    assert (grown.enrolled, grown.already_enrolled) == (5, 25)


def test_an_applicant_on_the_list_is_given_the_place(wcet: Activity, hub_a_manager: User) -> None:
    child = LearnerFactory.create(hub=wcet.hub, first_name="Tansy", last_name="Puddleby", school=wcet.school)
    enrolment_apply(activity=wcet, learner=child, by=hub_a_manager)
    result = class_list_import(
        activity=wcet, data=b"Forename,Surname,DOB\nTansy,Puddleby,27/03/2016\n", by=hub_a_manager, today=TODAY
    )
    assert (result.learners_added, result.enrolled) == (0, 1)
    assert Enrolment.objects.get(activity=wcet, learner=child).status == Enrolment.Status.ACTIVE


def test_only_a_wcet_activity_takes_a_class_list(hub_a: HubArea, hub_a_manager: User) -> None:
    lessons = WcetActivityFactory.create(hub=hub_a)
    Activity.objects.filter(pk=lessons.pk).update(kind=Activity.Kind.SMALL_GROUP)
    lessons.refresh_from_db()
    result = class_list_import(activity=lessons, data=class_file(2), by=hub_a_manager, today=TODAY)
    assert [str(error) for error in result.errors] == [f"Line 1: {lessons.name} is not a whole-class (WCET) activity"]


def test_the_page_enrols_the_class_chosen_from_the_hubs_wcet_classes(wcet: Activity, hub_a_manager: User) -> None:
    client = sign_in(Client(), hub_a_manager)
    page = client.get(reverse("learners:class_list_import"))
    assert wcet.name in page.content.decode()
    response = client.post(
        reverse("learners:class_list_import"),
        {"activity": str(wcet.public_id), "file": _upload("class.csv", class_file(3))},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("learners:class_list_import_for", kwargs={"activity_id": wcet.public_id})
    assert Enrolment.objects.filter(activity=wcet).count() == 3


def test_the_page_lists_each_problem_with_its_line(wcet: Activity, hub_a_admin: User) -> None:
    client = sign_in(Client(), hub_a_admin)
    url = reverse("learners:class_list_import_for", kwargs={"activity_id": wcet.public_id})
    response = client.post(url, {"file": _upload("class.csv", HEADER.encode() + b"Pipkin,,32/01/2016,4\n")})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Nobody was enrolled: 2 problems in the class list" in text
    assert "Line 2: Surname is empty" in text
    assert "Line 2: DOB &#x27;32/01/2016&#x27; is not a date written DD/MM/YYYY" in text


def test_another_hubs_activity_is_a_404(wcet: Activity, hub_b_admin: User) -> None:
    client = sign_in(Client(), hub_b_admin)
    url = reverse("learners:class_list_import_for", kwargs={"activity_id": wcet.public_id})
    assert client.post(url, {"file": _upload("class.csv", class_file(2))}).status_code == 404
    assert not Enrolment.objects.exists()


def test_the_command_enrols_by_activity_id_and_refuses_with_line_numbers(
    wcet: Activity, hub_a_manager: User, tmp_path: Path
) -> None:
    good = tmp_path / "class.csv"
    good.write_bytes(class_file(4))
    call_command("import_class_list", str(good), activity=str(wcet.public_id), by=hub_a_manager.email)
    assert Enrolment.objects.filter(activity=wcet).count() == 4
    bad = tmp_path / "bad.csv"
    bad.write_bytes(HEADER.encode() + b"Pipkin,Fiddlesticks,not a date,4\n")
    with pytest.raises(CommandError, match="Nobody enrolled: 1 problem"):
        call_command("import_class_list", str(bad), activity=wcet.name, by=hub_a_manager.email)
