"""The demo's sign-ins (DEBUG only) and the admin site's guards."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse

from tutti.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET
from tutti.accounts.models import AuditEvent, Role, User
from tutti.accounts.testing import sign_in
from tutti.accounts.tests.totp import totp_code

DEMO_PEOPLE = {
    "admin@hertfordshire.example": ("hertfordshire", Role.HUB_ADMINISTRATOR),
    "tutor@hertfordshire.example": ("hertfordshire", Role.TUTOR),
    "finance@hertfordshire.example": ("hertfordshire", Role.FINANCE_OFFICER),
    "admin@birmingham.example": ("birmingham", Role.HUB_ADMINISTRATOR),
    "national@ace.example": (None, Role.NATIONAL_OFFICER),
}


def test_the_demo_refuses_to_create_accounts_when_debug_is_off(db: None) -> None:
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo_accounts")
    assert not User.objects.exists()


@override_settings(DEBUG=True)
def test_the_demo_people_sign_in_with_the_published_password_and_totp_secret(db: None) -> None:
    call_command("load_demo_accounts")
    call_command("load_demo_accounts")  # twice changes nothing
    for email, (hub_slug, role) in DEMO_PEOPLE.items():
        membership = User.objects.get(email=email).memberships.get()
        assert (membership.hub.slug if membership.hub else None) == hub_slug
        assert membership.role_set == {role}

    client = Client()
    response = client.post(reverse("account_login"), {"login": "admin@birmingham.example", "password": DEMO_PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(DEMO_TOTP_SECRET)})
    html = client.get(reverse("accounts:hub_home")).content.decode()
    assert "Current hub: <strong>Birmingham</strong>" in html


def test_the_admin_sends_signed_out_people_to_sign_in_and_refuses_non_staff(hub_a_admin: User) -> None:
    response = Client().get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert "Sign in" in response.content.decode()
    assert sign_in(Client(), hub_a_admin).get(reverse("admin:index"), follow=True).status_code == 403


def test_the_audit_log_is_read_only_in_the_admin(hub_a_admin: User) -> None:
    User.objects.filter(pk=hub_a_admin.pk).update(is_staff=True, is_superuser=True)
    hub_a_admin.refresh_from_db()
    client = sign_in(Client(), hub_a_admin)
    event = AuditEvent.objects.create(action=AuditEvent.Action.SIGNED_IN, actor=hub_a_admin)
    assert client.get(reverse("admin:accounts_auditevent_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_auditevent_add")).status_code == 403
    delete = reverse("admin:accounts_auditevent_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
