"""The workforce pages: staff records linked to accounts, DBS checks and training recorded, audited, kept on error."""

import datetime

from django.test import Client
from django.urls import reverse

from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import person, sign_in
from tutti.network.models import HubArea
from tutti.programmes.models import StaffMember, TermCalendar
from tutti.programmes.tests.factories import StaffMemberFactory


def test_a_manager_adds_a_tutor_linked_to_their_account(hub_a: HubArea, hub_a_manager: User, hub_a_tutor: User) -> None:
    client = sign_in(Client(), hub_a_manager)
    form = client.get(reverse("programmes:staff_create")).content.decode()
    assert hub_a_tutor.email in form
    outsider = person(hub=None, roles=[Role.NATIONAL_OFFICER])
    assert outsider.email not in form  # only the hub's own members can be linked

    response = client.post(
        reverse("programmes:staff_create"),
        {
            "first_name": "Clara",
            "last_name": "Schumann",
            "job_title": "Piano tutor",
            "employment": "freelance",
            "user": hub_a_tutor.pk,
        },
    )
    member = StaffMember.objects.for_hub(hub_a).get()
    assert response["Location"] == reverse("programmes:staff_member", kwargs={"public_id": member.public_id})
    assert (member.user, member.employment) == (hub_a_tutor, "freelance")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.STAFF_RECORD_CHANGED, hub=hub_a).exists()


def test_an_account_already_linked_is_refused_and_the_form_keeps_what_was_typed(
    hub_a: HubArea, hub_a_manager: User, hub_a_tutor: User
) -> None:
    StaffMemberFactory.create(hub=hub_a, user=hub_a_tutor, first_name="Ada", last_name="Lovelace")
    client = sign_in(Client(), hub_a_manager)
    page = client.post(
        reverse("programmes:staff_create"),
        {"first_name": "Fanny", "last_name": "Mendelssohn", "job_title": "Tutor", "user": hub_a_tutor.pk},
    ).content.decode()
    assert f"{hub_a_tutor.email} is already linked to Ada Lovelace" in page
    assert "Choose the employment type." in page
    assert 'value="Mendelssohn"' in page


def test_a_dbs_check_and_training_are_recorded_and_the_tutor_becomes_assignable(
    hub_a: HubArea, hub_a_manager: User, hub_a_calendar: TermCalendar
) -> None:
    member = StaffMemberFactory.create(hub=hub_a, first_name="Nadia", last_name="Boulanger")
    url = reverse("programmes:staff_member", kwargs={"public_id": member.public_id})
    client = sign_in(Client(), hub_a_manager)
    assert "No valid check" in client.get(url).content.decode()
    assert "Nadia Boulanger" not in client.get(reverse("programmes:activity_create")).content.decode()

    bad = client.post(
        url, {"action": "check", "check-certificate_number": "12345", "check-issued_on": "2025-01-10"}
    ).content.decode()
    assert "Enter the certificate number as 12 digits" in bad
    assert 'value="2025-01-10"' in bad

    issued = datetime.date.today() - datetime.timedelta(days=30)
    response = client.post(
        url,
        {
            "action": "check",
            "check-certificate_number": "0012 3456 7890",
            "check-issued_on": issued.isoformat(),
            "check-decision": "clear",
        },
    )
    assert response.status_code == 302
    check = member.safeguarding_checks.get()
    assert check.certificate_number == "001234567890"
    assert check.valid_until == issued.replace(year=issued.year + 3)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SAFEGUARDING_CHECK_RECORDED, hub=hub_a).count() == 1
    assert "Nadia Boulanger" in client.get(reverse("programmes:activity_create")).content.decode()

    client.post(
        url,
        {
            "action": "training",
            "training-kind": "safeguarding",
            "training-title": "Level 2",
            "training-attended_on": "2025-06-01",
        },
    )
    assert member.training.get().expires_on == datetime.date(2028, 6, 1)


def test_a_check_running_out_soon_is_on_the_staff_page(hub_a: HubArea, hub_a_manager: User) -> None:
    member = StaffMemberFactory.create(hub=hub_a, first_name="Imogen", last_name="Holst")
    url = reverse("programmes:staff_member", kwargs={"public_id": member.public_id})
    client = sign_in(Client(), hub_a_manager)
    issued = datetime.date.today() - datetime.timedelta(days=3 * 365 - 20)
    client.post(
        url,
        {
            "action": "check",
            "check-certificate_number": "001234567890",
            "check-issued_on": issued.isoformat(),
            "check-decision": "clear",
        },
    )
    staff_page = client.get(reverse("programmes:staff")).content.decode()
    expiring = staff_page[staff_page.index('id="expiring"') : staff_page.index('id="staff"')]
    assert "Imogen Holst" in expiring


def test_another_hubs_staff_record_is_404(hub_b: HubArea, hub_a_manager: User) -> None:
    theirs = StaffMemberFactory.create(hub=hub_b)
    client = sign_in(Client(), hub_a_manager)
    for name in ("programmes:staff_member", "programmes:staff_edit"):
        assert client.get(reverse(name, kwargs={"public_id": theirs.public_id})).status_code == 404
