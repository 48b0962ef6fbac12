"""Enrolment actions from an activity's page: search and enrol, the waiting list, offer, accept, withdraw, transfer."""

from django.test import Client
from django.urls import reverse

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.testing import sign_in
from tutti.network.models import HubArea
from tutti.programmes.models import Activity, Enrolment
from tutti.programmes.services.enrolments import enrolment_apply, enrolment_enrol
from tutti.programmes.tests.factories import ActivityFactory, WcetActivityFactory, learner
from tutti.schools.tests.factories import SchoolFactory


def _page(client: Client, activity: Activity, **params: str) -> str:
    url = reverse("programmes:activity", kwargs={"public_id": activity.public_id})
    return client.get(url, params).content.decode()


def test_a_manager_finds_a_learner_by_name_and_enrols_them_then_the_full_activity_queues_the_next(
    hub_a: HubArea, hub_b: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, name="Junior choir", kind="choir", capacity=1)
    amara = learner(hub_a, first_name="Amara", last_name="Okafor")
    bilal = learner(hub_a, first_name="Bilal", last_name="Okafor")
    learner(hub_b, first_name="Amara", last_name="Okafor")  # another hub's child is never offered
    client = sign_in(Client(), hub_a_manager)

    found = _page(client, activity, q="amara okafor")
    assert found.count("Amara Okafor (") == 1
    assert "Bilal" not in found
    assert _page(client, activity, q=bilal.reference).count("Bilal Okafor (") == 1

    enrol = reverse("programmes:activity_enrol", kwargs={"public_id": activity.public_id})
    client.post(enrol, {"learner": str(amara.public_id), "mode": "enrol"})
    page = client.post(enrol, {"learner": str(bilal.public_id), "mode": "enrol"}, follow=True).content.decode()

    said = page.index("Bilal Okafor added to the waiting list, position 1: Junior choir is full")
    banner = page[page.rindex('role="', 0, said) : said]  # from the banner's role to its words
    assert banner.startswith('role="region"')  # a place in a queue is not a green "Success"
    assert "Important" in banner
    assert list(activity.enrolments.values_list("learner__first_name", "status").order_by("pk")) == [
        ("Amara", "active"),
        ("Bilal", "waiting"),
    ]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ENROLMENT_CHANGED, hub=hub_a).count() == 2


def test_enrolling_twice_or_another_hubs_learner_is_refused_with_a_message(
    hub_a: HubArea, hub_b: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, name="Brass band")
    child = learner(hub_a, first_name="Cerys")
    enrolment_enrol(activity=activity, learner=child, by=hub_a_manager)
    client = sign_in(Client(), hub_a_manager)
    enrol = reverse("programmes:activity_enrol", kwargs={"public_id": activity.public_id})

    again = client.post(enrol, {"learner": str(child.public_id), "q": "Cerys"}, follow=True).content.decode()
    assert "Cerys Testperson is already in Brass band (active)." in again
    assert 'value="Cerys"' in again  # the search is kept
    stranger = learner(hub_b)
    refused = client.post(enrol, {"learner": str(stranger.public_id)}, follow=True).content.decode()
    assert "Choose a learner of this hub" in refused
    assert not Enrolment.objects.filter(learner=stranger).exists()


def test_withdrawing_asks_first_then_offers_the_place_to_the_next_on_the_waiting_list(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    activity = ActivityFactory.create(hub=hub_a, capacity=1)
    leaving = enrolment_enrol(activity=activity, learner=learner(hub_a, first_name="Dev"), by=hub_a_manager)
    first = enrolment_enrol(activity=activity, learner=learner(hub_a, first_name="Esme"), by=hub_a_manager)
    enrolment_enrol(activity=activity, learner=learner(hub_a, first_name="Finn"), by=hub_a_manager)
    client = sign_in(Client(), hub_a_manager)
    page = _page(client, activity)
    assert page.index("Esme Testperson") < page.index("Finn Testperson")  # the queue, in order

    url = reverse("programmes:enrolment_withdraw", kwargs={"public_id": leaving.public_id})
    confirm = client.get(url).content.decode()
    assert "Withdraw Dev Testperson from" in confirm
    leaving.refresh_from_db()
    assert leaving.status == "active"  # opening the page changes nothing

    done = client.post(url, {"reason": "Moved school"}, follow=True).content.decode()
    assert "The place was offered to Esme Testperson, next on the waiting list." in done
    first.refresh_from_db()
    leaving.refresh_from_db()
    assert (first.status, leaving.status, leaving.end_reason) == ("offered", "withdrawn", "Moved school")

    accept = reverse("programmes:enrolment_accept", kwargs={"public_id": first.public_id})
    client.post(accept)
    first.refresh_from_db()
    assert first.status == "active"


def test_offering_a_place_in_a_full_activity_says_so(hub_a: HubArea, hub_a_manager: User) -> None:
    activity = ActivityFactory.create(hub=hub_a, name="Big band", capacity=1)
    enrolment_enrol(activity=activity, learner=learner(hub_a), by=hub_a_manager)
    applicant = enrolment_apply(activity=activity, learner=learner(hub_a, first_name="Gus"), by=hub_a_manager)
    client = sign_in(Client(), hub_a_manager)

    url = reverse("programmes:enrolment_offer", kwargs={"public_id": applicant.public_id})
    page = client.post(url, follow=True).content.decode()
    assert "Gus Testperson was not offered a place: Big band has no place left: all 1 are taken." in page
    applicant.refresh_from_db()
    assert applicant.status == "applied"


def test_a_transfer_to_a_full_activity_is_refused_on_the_form_and_to_an_open_one_moves_the_learner(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    here = ActivityFactory.create(hub=hub_a, name="Strings group")
    full = ActivityFactory.create(hub=hub_a, calendar=here.calendar, name="Full orchestra", capacity=1)
    open_one = ActivityFactory.create(hub=hub_a, calendar=here.calendar, name="Open orchestra")
    enrolment_enrol(activity=full, learner=learner(hub_a), by=hub_a_manager)
    moving = enrolment_enrol(activity=here, learner=learner(hub_a, first_name="Hana"), by=hub_a_manager)
    client = sign_in(Client(), hub_a_manager)
    url = reverse("programmes:enrolment_transfer", kwargs={"public_id": moving.public_id})

    refused = client.post(url, {"to": full.pk}).content.decode()
    assert "Full orchestra has no place left: all 1 are taken." in refused
    assert f'value="{full.pk}" selected' in refused
    response = client.post(url, {"to": open_one.pk})
    assert response.status_code == 302
    assert open_one.enrolments.get().learner_id == moving.learner_id
    moving.refresh_from_db()
    assert moving.status == "withdrawn"


def test_another_hubs_enrolment_actions_are_404(hub_a: HubArea, hub_b: HubArea, hub_a_manager: User) -> None:
    theirs = enrolment_apply(activity=ActivityFactory.create(hub=hub_b), learner=learner(hub_b), by=hub_a_manager)
    client = sign_in(Client(), hub_a_manager)
    for name in ("programmes:enrolment_offer", "programmes:enrolment_accept"):
        assert client.post(reverse(name, kwargs={"public_id": theirs.public_id})).status_code == 404
    for name in ("programmes:enrolment_withdraw", "programmes:enrolment_transfer"):
        assert client.get(reverse(name, kwargs={"public_id": theirs.public_id})).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "applied"


def test_a_malformed_learner_id_is_refused_with_a_message(hub_a: HubArea, hub_a_manager: User) -> None:
    activity = ActivityFactory.create(hub=hub_a)
    enrol = reverse("programmes:activity_enrol", kwargs={"public_id": activity.public_id})
    page = sign_in(Client(), hub_a_manager).post(enrol, {"learner": "not-an-id"}, follow=True).content.decode()
    assert "Choose a learner of this hub" in page


def test_enrolling_a_pupil_of_another_school_in_an_in_school_class_warns_and_records_why(
    hub_a: HubArea, hub_a_manager: User
) -> None:
    activity = WcetActivityFactory.create(hub=hub_a, name="Year 4 violins, Oak class", school__name="Oakfield Primary")
    classmate = learner(hub_a, first_name="Hana", school=activity.school)
    visitor = learner(hub_a, first_name="Ifan", school=SchoolFactory.create(name="Elmbridge Juniors"))
    client = sign_in(Client(), hub_a_manager)
    enrol = reverse("programmes:activity_enrol", kwargs={"public_id": activity.public_id})

    found = _page(client, activity, q="Testperson")
    assert found.count("Another school") == 1  # the search already says which child is from elsewhere

    client.post(enrol, {"learner": str(classmate.public_id), "mode": "enrol"})
    assert activity.enrolments.get(learner=classmate).other_school_reason == ""  # the class's own pupil: no question

    warned = client.post(enrol, {"learner": str(visitor.public_id), "mode": "enrol", "q": "Ifan"}).content.decode()
    assert "Ifan Testperson" in warned
    assert "is a pupil of Elmbridge Juniors, but Year 4 violins, Oak class is taught at Oakfield Primary" in warned
    assert not activity.enrolments.filter(learner=visitor).exists()  # nothing happens without a reason

    blank = client.post(enrol, {"learner": str(visitor.public_id), "mode": "enrol", "reason": " "}).content.decode()
    assert "Enter why this pupil joins a class at another school" in blank
    assert not activity.enrolments.filter(learner=visitor).exists()

    reason = "Moving to Oakfield Primary after half-term"
    done = client.post(
        enrol, {"learner": str(visitor.public_id), "mode": "enrol", "reason": reason}, follow=True
    ).content.decode()
    assert "Ifan Testperson enrolled" in done
    assert f"Pupil of another school: {reason}" in done
    enrolment = activity.enrolments.get(learner=visitor)
    assert enrolment.status == "active"
    assert enrolment.other_school_reason == reason
    logged = AuditEvent.objects.filter(action=AuditEvent.Action.ENROLMENT_CHANGED).latest("pk").detail
    assert logged == f"{visitor.reference} active in Year 4 violins, Oak class, a pupil of another school: {reason}"


def test_an_application_for_a_pupil_of_another_school_keeps_the_reason_too(hub_a: HubArea, hub_a_manager: User) -> None:
    activity = WcetActivityFactory.create(hub=hub_a)
    visitor = learner(hub_a, school=SchoolFactory.create())
    client = sign_in(Client(), hub_a_manager)
    enrol = reverse("programmes:activity_enrol", kwargs={"public_id": activity.public_id})

    warned = client.post(enrol, {"learner": str(visitor.public_id), "mode": "apply"}).content.decode()
    assert "Record the application" in warned
    client.post(enrol, {"learner": str(visitor.public_id), "mode": "apply", "reason": "Shared class"})

    enrolment = activity.enrolments.get(learner=visitor)
    assert (enrolment.status, enrolment.other_school_reason) == ("applied", "Shared class")
