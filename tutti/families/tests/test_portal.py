"""The family portal: only the account's own children by every URL, the timetable, acceptance races, notice."""

import datetime

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from tutti.accounts.adapters import AccountAdapter
from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import person, sign_in
from tutti.families.models import FamilyAccount
from tutti.families.tests.factories import child_of, family, photography_question
from tutti.learners.models import Consent, Learner
from tutti.network.models import HubArea
from tutti.programmes.models import Attendance, Enrolment, Session
from tutti.programmes.services.enrolments import enrolment_apply, enrolment_enrol, enrolment_offer
from tutti.programmes.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(hub_a: HubArea) -> User:
    return person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER])


@pytest.fixture
def parent(hub_a: HubArea) -> FamilyAccount:
    return family("parent@example.org")


@pytest.fixture
def child(parent: FamilyAccount, hub_a: HubArea) -> Learner:
    return child_of(parent, hub_a, first_name="Ottoline", last_name="Bellweather")


def offered(child: Learner, manager: User, **activity: object) -> Enrolment:
    enrolment = enrolment_apply(activity=ActivityFactory.create(hub=child.hub, **activity), learner=child, by=manager)
    return enrolment_offer(enrolment=enrolment, by=manager)


def family_urls(child: Learner, enrolment: Enrolment) -> list[tuple[str, str]]:
    return [
        ("get", f"/family/children/{child.public_id}/"),
        ("get", f"/family/children/{child.public_id}/contact/"),
        ("post", f"/family/children/{child.public_id}/contact/"),
        ("get", f"/family/children/{child.public_id}/consents/"),
        ("post", f"/family/places/{enrolment.public_id}/accept/"),
        ("get", f"/family/places/{enrolment.public_id}/withdraw/"),
        ("post", f"/family/places/{enrolment.public_id}/withdraw/"),
    ]


def test_another_familys_child_is_not_found_by_any_url(child: Learner, manager: User) -> None:
    enrolment = offered(child, manager)
    stranger = sign_in(Client(), family("stranger@example.org").user)
    for method, url in family_urls(child, enrolment):
        assert getattr(stranger, method)(url).status_code == 404, url
    assert "Ottoline" not in stranger.get("/family/").content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.OFFERED


def test_hub_staff_without_a_family_account_are_refused(child: Learner, manager: User) -> None:
    enrolment = offered(child, manager)
    staff = sign_in(Client(), manager)
    assert staff.get("/family/").status_code == 403
    for method, url in family_urls(child, enrolment):
        assert getattr(staff, method)(url).status_code == 403, url


def test_signed_out_and_without_two_factor_are_sent_to_sign_in_and_set_up(child: Learner, manager: User) -> None:
    enrolment = offered(child, manager)
    for method, url in family_urls(child, enrolment):
        assert getattr(Client(), method)(url)["Location"].startswith("/accounts/login/"), url
    no_app = family("no.app@example.org", two_factor=False)
    child_of(no_app, child.hub)
    response = sign_in(Client(), no_app.user, two_factor=False).get("/family/")
    assert response["Location"].startswith("/accounts/2fa/totp/activate")


def test_the_timetable_marks_the_week_the_tutor_was_away_and_attendance(
    client: Client, parent: FamilyAccount, child: Learner, manager: User
) -> None:
    activity = ActivityFactory.create(hub=child.hub, name="Junior strings")
    today = timezone.localdate()
    enrolment_enrol(activity=activity, learner=child, by=manager, on=today - datetime.timedelta(days=14))
    ran = Session.objects.create(
        activity=activity,
        date=today - datetime.timedelta(days=7),
        starts_at=datetime.time(17),
        ends_at=datetime.time(18),
    )
    Session.objects.create(
        activity=activity,
        date=today,
        starts_at=datetime.time(17),
        ends_at=datetime.time(18),
        status=Session.Status.NOT_DELIVERED,
        reason=Session.Reason.TUTOR_ABSENCE,
    )
    Attendance.objects.create(session=ran, learner=child, mark=Attendance.Mark.PRESENT, marked_by=manager)
    page = sign_in(client, parent.user).get(f"/family/children/{child.public_id}/").content.decode()
    assert "Not running</strong> Tutor absence" in page
    assert '<td class="govuk-table__cell">Present</td>' in page
    assert AuditEvent.objects.filter(action=AuditEvent.Action.LEARNER_VIEWED, actor=parent.user).exists()


def test_the_timetable_starts_when_the_place_began(
    client: Client, parent: FamilyAccount, child: Learner, manager: User
) -> None:
    activity = ActivityFactory.create(hub=child.hub, name="Junior strings")
    today = timezone.localdate()
    enrolment_enrol(activity=activity, learner=child, by=manager, on=today - datetime.timedelta(days=3))
    for days in (-10, -1, 6):
        Session.objects.create(
            activity=activity,
            date=today + datetime.timedelta(days=days),
            starts_at=datetime.time(17),
            ends_at=datetime.time(18),
        )
    page = sign_in(client, parent.user).get(f"/family/children/{child.public_id}/").content.decode()
    shown = [today + datetime.timedelta(days=days) for days in (-1, 6)]
    assert page.count("<br>17:00</td>") == 2
    for day in shown:
        assert f"{day:%a} {day.day} {day:%b}" in page
    assert "No register taken" in page
    assert "Planned" in page


def test_accepting_in_two_tabs_accepts_once_and_says_so(parent: FamilyAccount, child: Learner, manager: User) -> None:
    enrolment = offered(child, manager)
    first, second = sign_in(Client(), parent.user), sign_in(Client(), parent.user)
    url = f"/family/places/{enrolment.public_id}/accept/"
    first.post(url)
    page = second.post(url, follow=True).content.decode()
    assert "You have already accepted this place." in page
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_an_offer_withdrawn_in_one_tab_cannot_be_accepted_in_the_other(
    parent: FamilyAccount, child: Learner, manager: User
) -> None:
    enrolment = offered(child, manager)
    first, second = sign_in(Client(), parent.user), sign_in(Client(), parent.user)
    first.post(f"/family/places/{enrolment.public_id}/withdraw/", {"reason": "Moving away"})
    page = second.post(f"/family/places/{enrolment.public_id}/accept/", follow=True).content.decode()
    assert "This place can no longer be accepted: it is withdrawn." in page
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.end_reason) == (Enrolment.Status.WITHDRAWN, "Family gave notice: Moving away")


def test_leaving_offers_the_place_to_the_next_waiting_child(
    parent: FamilyAccount, child: Learner, manager: User, hub_a: HubArea
) -> None:
    activity = ActivityFactory.create(hub=hub_a, capacity=1)
    place = enrolment_enrol(activity=activity, learner=child, by=manager)
    waiting_child = child_of(family("other@example.org"), hub_a)
    waiting = enrolment_enrol(activity=activity, learner=waiting_child, by=manager)
    assert waiting.status == Enrolment.Status.WAITING
    sign_in(Client(), parent.user).post(f"/family/places/{place.public_id}/withdraw/", {"reason": ""})
    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.OFFERED


def test_the_portal_shows_waiting_list_positions(
    parent: FamilyAccount, child: Learner, manager: User, hub_a: HubArea
) -> None:
    activity = ActivityFactory.create(hub=hub_a, capacity=1, name="County youth orchestra")
    enrolment_enrol(activity=activity, learner=child_of(family("first@example.org"), hub_a), by=manager)
    enrolment_enrol(activity=activity, learner=child_of(family("second@example.org"), hub_a), by=manager)
    enrolment_enrol(activity=activity, learner=child, by=manager)
    page = sign_in(Client(), parent.user).get(f"/family/children/{child.public_id}/").content.decode()
    assert "On the waiting list: number 2." in page


def test_contact_details_change_and_consents_are_new_decisions(
    parent: FamilyAccount, child: Learner, hub_a: HubArea
) -> None:
    question = photography_question(hub_a)
    client = sign_in(Client(), parent.user)
    client.post(f"/family/children/{child.public_id}/contact/", {"phone": "01632 960999", "postcode": "al1 3ab"})
    guardian = child.guardians.get()
    assert (guardian.phone, guardian.postcode) == ("01632 960999", "AL1 3AB")
    field = f"consent-q{question.pk}"
    client.post(f"/family/children/{child.public_id}/consents/", {field: "given"})
    client.post(f"/family/children/{child.public_id}/consents/", {field: "refused"})
    decisions = list(
        Consent.objects.filter(learner=child).order_by("recorded_at", "pk").values_list("decision", flat=True)
    )
    assert decisions == ["given", "refused"]
    page = client.get(f"/family/children/{child.public_id}/").content.decode()
    assert "Refused on" in page


def test_the_home_page_lists_only_the_accounts_children(parent: FamilyAccount, child: Learner, hub_b: HubArea) -> None:
    child_of(family("elsewhere@example.org"), hub_b, first_name="Peregrine")
    page = sign_in(Client(), parent.user).get("/family/").content.decode()
    assert "Ottoline Bellweather" in page
    assert "Peregrine" not in page


def test_a_family_signs_in_to_the_portal_not_the_hub(parent: FamilyAccount, child: Learner) -> None:
    request = RequestFactory().get("/")
    request.user = parent.user
    assert AccountAdapter().get_login_redirect_url(request) == "/family/"
