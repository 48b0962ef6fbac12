"""Joining from an activity's page: account, email verification, child, consents, application, offer, acceptance."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person, sign_in
from tutti.families.models import ChildMatch, FamilyAccount, GuardianLink
from tutti.families.services.portal import child_match_decide
from tutti.families.tests.factories import child_of, family, photography_question
from tutti.learners.models import Consent, Learner
from tutti.learners.tests.factories import GuardianFactory, LearnerFactory
from tutti.network.models import HubArea
from tutti.opportunities.models import Listing
from tutti.opportunities.tests.factories import listed
from tutti.programmes.models import Enrolment
from tutti.programmes.selectors import register_rows
from tutti.programmes.services.enrolments import enrolment_offer

# Emails go after commit, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

ACCOUNT = {
    "first_name": "Invented",
    "last_name": "Parent",
    "email": "new.parent@example.org",
    "password1": "a tuba in the attic 42",
    "password2": "a tuba in the attic 42",
}
CHILD = {
    "child-first_name": "Zephyrine",
    "child-last_name": "Glockenspire",
    "child-date_of_birth": "27/03/2016",
    "child-year_group": "4",
    "child-postcode_district": "al1",
    "child-relationship": "mother",
    "child-phone": "01632 960123",
}


@pytest.fixture
def strings(hub_a: HubArea) -> Listing:
    listing = listed(hub=hub_a, name="Junior strings")
    photography_question(hub_a)
    return listing


def answers(hub: HubArea, decision: str = "given") -> dict[str, str]:
    from tutti.families.models import ConsentQuestion

    return {f"consent-q{question.pk}": decision for question in ConsentQuestion.objects.for_hub(hub)}


def test_the_public_page_leads_to_joining(strings: Listing) -> None:
    page = Client().get(f"/opportunities/{strings.public_id}/").content.decode()
    assert f'href="/family/join/{strings.public_id}/">Apply for a place' in page


def test_a_new_parent_verifies_their_email_through_allauth(strings: Listing) -> None:
    client = Client()
    page = client.post(f"/family/join/{strings.public_id}/", ACCOUNT).content.decode()
    assert "Check your email" in page
    account = FamilyAccount.objects.get(user__email="new.parent@example.org")
    assert account.applying_for == strings.public_id
    (message,) = mail.outbox
    link = re.search(r"https?://testserver(/accounts/confirm-email/[^/\s]+/)", str(message.body))
    assert link, message.body
    client.post(link.group(1))
    assert EmailAddress.objects.get(user=account.user).verified


def test_an_address_that_already_has_an_account_is_not_duplicated(strings: Listing, hub_a_manager: User) -> None:
    page = (
        Client().post(f"/family/join/{strings.public_id}/", {**ACCOUNT, "email": hub_a_manager.email}).content.decode()
    )
    assert "Check your email" in page  # the same answer: nobody learns who has an account
    assert User.objects.filter(email=hub_a_manager.email).count() == 1
    assert "You already have an account" in mail.outbox[0].subject


def test_mismatched_passwords_are_named_and_the_form_keeps_the_rest(strings: Listing) -> None:
    page = (
        Client().post(f"/family/join/{strings.public_id}/", {**ACCOUNT, "password2": "something else"}).content.decode()
    )
    assert 'href="#id_password2">The two passwords are different' in page
    assert 'value="new.parent@example.org"' in page
    assert not User.objects.filter(email="new.parent@example.org").exists()


def test_apply_offer_accept_and_the_child_is_on_the_register(strings: Listing, hub_a: HubArea) -> None:
    account = family("parent@example.org")
    client = sign_in(Client(), account.user)
    response = client.post(f"/family/apply/{strings.public_id}/", {**CHILD, **answers(hub_a)})
    assert response.status_code == 302
    child = Learner.objects.get(first_name="Zephyrine")
    assert (child.hub, child.postcode_district, child.year_group) == (hub_a, "AL1", 4)
    assert GuardianLink.objects.get(account=account).guardian.learner == child
    consent = Consent.objects.get(learner=child)
    assert (consent.decision, consent.wording) == (
        "given",
        "We may photograph and film concerts for the hub's website and newsletters.",
    )
    enrolment = Enrolment.objects.get(learner=child, activity=strings.activity)
    assert enrolment.status == Enrolment.Status.APPLIED
    assert mail.outbox[-1].subject == "Tutti: We have your application"

    enrolment_offer(enrolment=enrolment, by=person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER]))
    assert mail.outbox[-1].subject == "Tutti: A place is offered: accept it in your family portal"
    assert "http://127.0.0.1:8000/family/" in mail.outbox[-1].body

    page = client.get(f"/family/children/{child.public_id}/").content.decode()
    assert "A place is offered." in page
    client.post(f"/family/places/{enrolment.public_id}/accept/")
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert mail.outbox[-1].subject == "Tutti: Place accepted"
    session = strings.activity.sessions.create(date="2030-01-07", starts_at="17:00", ends_at="18:00")
    assert [row[0].learner for row in register_rows(session)] == [child]


def test_a_required_consent_left_unanswered_is_named(strings: Listing) -> None:
    client = sign_in(Client(), family("parent@example.org").user)
    page = client.post(f"/family/apply/{strings.public_id}/", CHILD).content.decode()
    assert "Answer the question on photography and filming." in page
    assert 'value="Zephyrine"' in page
    assert not Learner.objects.exists()


def test_a_child_the_hub_knows_is_put_to_staff_and_merging_keeps_the_family_link(
    strings: Listing, hub_a: HubArea
) -> None:
    known = LearnerFactory.create(
        hub=hub_a, first_name="Zephyrine", last_name="Glockenspire", date_of_birth="2016-03-27"
    )
    account = family("parent@example.org")
    client = sign_in(Client(), account.user)
    client.post(f"/family/apply/{strings.public_id}/", {**CHILD, **answers(hub_a)})
    match = ChildMatch.objects.get()
    assert match.known == known
    manager = person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER])
    page = sign_in(Client(), manager).get("/hub/families/matches/").content.decode()
    assert f"{match.added.reference} may be {known.reference}" in page
    child_match_decide(match=match, same_child=True, by=manager)
    page = client.get("/family/").content.decode()
    assert f'href="/family/children/{known.public_id}/">Zephyrine Glockenspire' in page
    assert Enrolment.objects.get().learner == known


def test_a_guardian_the_hub_recorded_is_matched_by_verified_email(hub_a: HubArea) -> None:
    child = LearnerFactory.create(hub=hub_a, first_name="Ottoline")
    GuardianFactory.create(learner=child, email="Parent@Example.org")
    account = family("parent@example.org")
    page = sign_in(Client(), account.user).get("/family/").content.decode()
    assert "Ottoline" in page
    assert GuardianLink.objects.get(account=account).origin == GuardianLink.Origin.MATCHED


def test_an_unverified_address_links_nothing(hub_a: HubArea) -> None:
    child = LearnerFactory.create(hub=hub_a, first_name="Ottoline")
    GuardianFactory.create(learner=child, email="parent@example.org")
    account = family("parent@example.org", verified=False)
    response = sign_in(Client(), account.user).get("/family/")
    assert response["Location"] == "/family/verify-email/"
    assert not GuardianLink.objects.exists()


def test_a_known_child_of_the_family_applies_without_retyping(strings: Listing, hub_a: HubArea) -> None:
    account = family("parent@example.org")
    child = child_of(account, hub_a, first_name="Ottoline")
    client = sign_in(Client(), account.user)
    client.post(f"/family/apply/{strings.public_id}/", {"child": str(child.public_id), **answers(hub_a)})
    assert Enrolment.objects.get().learner == child
    page = client.post(
        f"/family/apply/{strings.public_id}/", {"child": str(child.public_id), **answers(hub_a)}
    ).content.decode()
    assert "Ottoline" in page
    assert "is already in Junior strings" in page
    assert Consent.objects.filter(learner=child).count() == 1  # the refused second application recorded nothing


def test_the_hub_administrator_sets_the_consents_in_its_own_words(strings: Listing, hub_a_admin: User) -> None:
    client = sign_in(Client(), hub_a_admin)
    wording = "Hertfordshire Music Hub may film concerts for its website."
    client.post("/hub/families/consents/", {"photography": wording, "data_sharing": ""})
    parent = sign_in(Client(), family("parent@example.org").user)
    page = parent.get(f"/family/apply/{strings.public_id}/").content.decode()
    assert wording in page
    assert "Sharing data with partners" not in page
