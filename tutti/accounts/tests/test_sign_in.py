"""Signing in with email, password and an authenticator app; password reset; password rules."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.tests.totp import totp_code

PASSWORD = "violin-harbour-kettle-7"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def admin_with_totp(hub_a_admin: User) -> User:
    hub_a_admin.set_password(PASSWORD)
    hub_a_admin.save()
    Authenticator.objects.filter(user=hub_a_admin).delete()
    TOTP.activate(hub_a_admin, SECRET)
    return hub_a_admin


def _password_step(client: Client, email: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_sign_in_asks_for_the_authenticator_code_then_opens_the_hub(admin_with_totp: User) -> None:
    client = Client()
    response = _password_step(client, admin_with_totp.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not signed in on the password alone

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(SECRET)})
    assert response.status_code == 302
    response = client.get(reverse("accounts:hub_home"))
    assert response.status_code == 200
    assert "Hertfordshire" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SIGNED_IN, actor=admin_with_totp).exists()


def test_a_reused_authenticator_code_is_refused(admin_with_totp: User) -> None:
    code = totp_code(SECRET)
    first = Client()
    _password_step(first, admin_with_totp.email)
    first.post(reverse("mfa_authenticate"), {"code": code})
    assert first.get(reverse("accounts:hub_home")).status_code == 200

    second = Client()
    _password_step(second, admin_with_totp.email)
    response = second.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200  # the form again, with an error
    assert "Incorrect code" in response.content.decode()
    assert "_auth_user_id" not in second.session


def test_a_wrong_authenticator_code_is_refused(admin_with_totp: User) -> None:
    client = Client()
    _password_step(client, admin_with_totp.email)
    wrong = f"{(int(totp_code(SECRET)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert "Incorrect code" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_guessing_authenticator_codes_is_stopped_after_five_wrong_ones(admin_with_totp: User) -> None:
    """Whoever has the password must not be able to try all million codes: the right one is refused too."""
    client = Client()
    _password_step(client, admin_with_totp.email)
    wrong = f"{(int(totp_code(SECRET)) + 1) % 1_000_000:06d}"
    for _ in range(5):
        assert "Incorrect code" in client.post(reverse("mfa_authenticate"), {"code": wrong}).content.decode()

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(SECRET)})

    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_authenticator_code_field_opens_a_numeric_keypad(admin_with_totp: User) -> None:
    client = Client()
    _password_step(client, admin_with_totp.email)
    page = client.get(reverse("mfa_authenticate")).content.decode()
    code_input = re.search(r'<input[^>]*name="code"[^>]*>', page)
    assert code_input is not None
    assert 'inputmode="numeric"' in code_input.group()
    assert 'autocomplete="one-time-code"' in code_input.group()


def test_a_recovery_code_signs_in_once_only(admin_with_totp: User) -> None:
    codes = RecoveryCodes.activate(admin_with_totp).get_unused_codes()
    client = Client()
    _password_step(client, admin_with_totp.email)
    client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert client.get(reverse("accounts:hub_home")).status_code == 200

    again = Client()
    _password_step(again, admin_with_totp.email)
    response = again.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert "Incorrect code" in response.content.decode()


def test_a_wrong_password_is_refused_and_audited(admin_with_totp: User) -> None:
    response = _password_step(Client(), admin_with_totp.email, "not-the-password-at-all")
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.content.decode()
    event = AuditEvent.objects.get(action=AuditEvent.Action.SIGN_IN_FAILED)
    assert event.subject_user == admin_with_totp
    assert event.hub is not None
    assert event.hub.slug == "hertfordshire"
    assert event.ip_address == "127.0.0.1"


def test_sign_in_page_error_summary_links_to_the_field(db: None) -> None:
    response = Client().post(reverse("account_login"), {"login": "", "password": ""})
    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html
    assert 'href="#id_login"' in html
    assert 'id="id_login"' in html


def test_nobody_can_sign_themselves_up(db: None) -> None:
    response = Client().post(
        reverse("account_signup"),
        {"email": "someone@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not User.objects.filter(email="someone@example.org").exists()
    assert response.status_code == 200


def test_password_reset_emails_a_link_that_sets_a_new_password(admin_with_totp: User) -> None:
    client = Client()
    response = client.post(reverse("account_reset_password"), {"email": admin_with_totp.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://testserver(/accounts/password/reset/key/\S+)", str(mail.outbox[0].body))
    assert link is not None
    response = client.get(link.group(1), follow=True)
    new_password = "cello-meadow-lantern-42"
    response = client.post(response.redirect_chain[-1][0], {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    admin_with_totp.refresh_from_db()
    assert admin_with_totp.check_password(new_password)


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("short-pw-1", "fewer than 12 characters"),
        ("password1234", "a common password"),
        ("Password2024!", "a common password with a year and a symbol"),
        ("P@ssw0rd!2024", "a common password with look-alike characters"),
        ("qwertyqwerty", "a common password repeated"),
        ("TuttiMusicHub2024", "the service's own name"),
        ("123456789012", "all digits"),
    ],
)
def test_guessable_passwords_are_refused(password: str, why: str, db: None) -> None:
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", ["violin-harbour-kettle-7", "correct horse battery staple", "Xq7!Zp9#Lm2$"])
def test_long_unusual_passwords_are_accepted(password: str, db: None) -> None:
    validate_password(password)


def test_a_failed_sign_in_says_error_in_the_page_title_and_keeps_the_address(client: Client, hub_a_admin: User) -> None:
    response = client.post(reverse("account_login"), {"login": hub_a_admin.email, "password": "not-the-password"})

    title = re.search(r"<title>(.*?)</title>", response.text, re.S)
    assert title is not None
    assert title.group(1).strip().startswith("Error: Sign in")
    assert f'value="{hub_a_admin.email}"' in response.text
