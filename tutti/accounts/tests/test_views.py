"""The workspace as people use it: the hub page, switching hubs, the team, the audit log, the national view."""

from django.core import mail
from django.test import Client
from django.urls import reverse

from tutti.accounts import services
from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import person, sign_in
from tutti.network.models import FundingAllocation, HubArea


def test_the_hub_page_shows_the_current_hub_its_team_and_funding_to_finance(
    hub_a: HubArea, hub_a_finance: User, hub_a_tutor: User
) -> None:
    FundingAllocation.objects.create(hub_area=hub_a, academic_year=2024, stream="revenue", amount_pence=167_285_400)
    FundingAllocation.objects.create(hub_area=hub_a, academic_year=2024, stream="capital", amount_pence=54_951_800)
    html = sign_in(Client(), hub_a_finance).get(reverse("accounts:hub_home")).content.decode()
    assert "Current hub: <strong>Hertfordshire</strong>" in html
    assert "£2,222,372" in html
    assert "finance@hertfordshire.example" in html

    html = sign_in(Client(), hub_a_tutor).get(reverse("accounts:hub_home")).content.decode()
    assert "Current hub: <strong>Hertfordshire</strong>" in html
    assert "£2,222,372" not in html  # a tutor sees no money


def test_without_two_factor_the_hub_page_sends_people_to_set_it_up(hub_a: HubArea) -> None:
    tutor = person(hub=hub_a, roles=[Role.TUTOR], two_factor=False)
    response = sign_in(Client(), tutor, two_factor=False).get(reverse("accounts:hub_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_with_two_factor_set_up_but_not_used_in_this_session_the_code_is_asked_for(hub_a_admin: User) -> None:
    response = sign_in(Client(), hub_a_admin, two_factor=False).get(reverse("accounts:audit_log"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


def test_someone_in_two_hubs_chooses_one_and_can_switch(hub_a: HubArea, hub_b: HubArea, hub_a_admin: User) -> None:
    services.membership_invite(hub=hub_b, email=hub_a_admin.email, roles=[Role.TUTOR], by=hub_a_admin)
    client = sign_in(Client(), hub_a_admin)
    response = client.get(reverse("accounts:hub_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:hub_switch"))

    client.post(reverse("accounts:hub_switch"), {"hub": hub_b.pk})
    html = client.get(reverse("accounts:hub_home")).content.decode()
    assert "Current hub: <strong>Birmingham</strong>" in html
    assert client.get(reverse("accounts:team")).status_code == 403  # a tutor in Birmingham

    client.post(reverse("accounts:hub_switch"), {"hub": hub_a.pk})
    assert client.get(reverse("accounts:team")).status_code == 200
    assert AuditEvent.objects.for_hub(hub_b).filter(action="hub_switched", actor=hub_a_admin).exists()


def test_nobody_switches_to_a_hub_they_do_not_belong_to(hub_a: HubArea, hub_b: HubArea, hub_a_admin: User) -> None:
    response = sign_in(Client(), hub_a_admin).post(reverse("accounts:hub_switch"), {"hub": hub_b.pk})
    assert response.status_code == 403


def test_another_hubs_member_is_a_404_and_both_audit_logs_show_the_attempt(
    hub_a: HubArea, hub_b: HubArea, hub_a_tutor: User, hub_b_admin: User
) -> None:
    membership = hub_a_tutor.memberships.get()
    client = sign_in(Client(), hub_b_admin)
    for name, method in (
        ("accounts:team_member", "get"),
        ("accounts:team_member_disable", "post"),
        ("accounts:team_member_enable", "post"),
    ):
        url = reverse(name, kwargs={"public_id": membership.public_id})
        assert getattr(client, method)(url).status_code == 404
    membership.refresh_from_db()
    assert membership.is_active
    for hub in (hub_a, hub_b):
        refused = AuditEvent.objects.for_hub(hub).filter(action="other_hub_record_refused", actor=hub_b_admin)
        assert refused.count() == 3
    html = client.get(reverse("accounts:audit_log")).content.decode()
    assert "Refused a record of another hub" in html
    assert f"/hub/team/{membership.public_id}/" in html


def test_an_administrator_invites_sets_roles_and_disables_through_the_pages(
    hub_a: HubArea, hub_a_admin: User, django_capture_on_commit_callbacks
) -> None:
    client = sign_in(Client(), hub_a_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:team_invite"), {"email": "new@example.org", "roles": [Role.TUTOR.value]}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    newcomer = User.objects.get(email="new@example.org").memberships.get()
    url = reverse("accounts:team_member", kwargs={"public_id": newcomer.public_id})
    client.post(url, {"roles": [Role.INCLUSION_LEAD.value, Role.TUTOR.value]})
    assert newcomer.role_set == {Role.INCLUSION_LEAD, Role.TUTOR}
    client.post(reverse("accounts:team_member_disable", kwargs={"public_id": newcomer.public_id}))
    newcomer.refresh_from_db()
    assert not newcomer.is_active
    html = client.get(reverse("accounts:audit_log")).content.decode()
    for label in ("Invited to the hub", "Role added", "Membership disabled"):
        assert label in html


def test_the_invite_form_explains_each_mistake_and_links_to_the_field(hub_a_admin: User) -> None:
    html = sign_in(Client(), hub_a_admin).post(reverse("accounts:team_invite"), {"email": "not-an-address"}).content
    text = html.decode()
    assert "Enter an email address in the correct format, like name@example.org" in text
    assert "Select at least one role" in text
    assert 'href="#id_email"' in text
    assert 'id="id_email"' in text
    assert 'href="#id_roles_0"' in text
    assert 'id="id_roles_0"' in text


def test_an_administrator_cannot_remove_their_own_administrator_role(hub_a_admin: User) -> None:
    membership = hub_a_admin.memberships.get()
    url = reverse("accounts:team_member", kwargs={"public_id": membership.public_id})
    response = sign_in(Client(), hub_a_admin).post(url, {"roles": [Role.TUTOR.value]})
    assert "You cannot remove your own hub administrator role" in response.content.decode()
    assert membership.role_set == {Role.HUB_ADMINISTRATOR}


def test_the_hub_page_shows_a_capital_only_figure_and_says_the_rest_is_not_published(
    hub_a: HubArea, hub_a_finance: User
) -> None:
    FundingAllocation.objects.create(hub_area=hub_a, academic_year=2024, stream="capital", amount_pence=54_951_800)
    html = sign_in(Client(), hub_a_finance).get(reverse("accounts:hub_home")).content.decode()
    funding = html[html.index('id="funding"') : html.index("</dl>", html.index('id="funding"'))]
    values = [
        part.split("</dd>")[0] for part in funding.split('govuk-summary-list__value govuk-!-font-weight-bold">')[1:]
    ]
    assert [
        value.replace('<span class="tutti-not-published">', "").replace("</span>", "").strip() for value in values
    ] == [
        "Not published in this data",
        "£549,518",
        "Not published in this data",
    ]
