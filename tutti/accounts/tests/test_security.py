"""Headers on every response, session lifetimes, and no personal data in the application log."""

import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.middleware import SIGNED_IN_AT_SESSION_KEY
from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.accounts.tests.people import PLANTED_EMAIL, PLANTED_NAME


@pytest.mark.parametrize("url_name", ["account_login", "accounts:hub_home"])
def test_security_headers_on_public_and_signed_in_pages(url_name: str, hub_a_admin: User) -> None:
    client = sign_in(Client(), hub_a_admin) if url_name == "accounts:hub_home" else Client()
    response = client.get(reverse(url_name), secure=True)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    # Test settings are the production ones (DEBUG off): HSTS for a year on HTTPS responses.
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_cookies_are_secure_and_http_only() -> None:
    assert settings.SESSION_COOKIE_SECURE
    assert settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY


def test_a_session_ends_after_30_minutes_idle(hub_a_admin: User) -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    client = sign_in(Client(), hub_a_admin)
    assert client.get(reverse("accounts:hub_home")).status_code == 200
    session = Session.objects.get()
    assert abs((session.expire_date - timezone.now()).total_seconds() - 30 * 60) < 60  # activity extends it
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("accounts:hub_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_session_ends_12_hours_after_sign_in_however_active(hub_a_admin: User) -> None:
    client = sign_in(Client(), hub_a_admin)
    session = client.session
    session[SIGNED_IN_AT_SESSION_KEY] = time.time() - 11.9 * 3600
    session.save()
    assert client.get(reverse("accounts:hub_home")).status_code == 200
    session = client.session
    session[SIGNED_IN_AT_SESSION_KEY] = time.time() - 12.1 * 3600
    session.save()
    response = client.get(reverse("accounts:hub_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_nothing_about_a_person_reaches_the_application_log(
    hub_a_tutor: User, hub_b_admin: User, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client()
    for _ in range(6):  # failed sign-ins up to a lockout
        client.post(reverse("account_login"), {"login": PLANTED_EMAIL, "password": "wrong-password-here"})
    client.post(reverse("account_reset_password"), {"email": PLANTED_EMAIL})
    other_hub = sign_in(Client(), hub_b_admin)
    other_hub.get(reverse("accounts:team_member", kwargs={"public_id": hub_a_tutor.memberships.get().public_id}))
    assert "Not Found" in caplog.text  # the log was captured
    assert "AXES" in caplog.text
    for value in (PLANTED_EMAIL, *PLANTED_NAME.split()):
        assert value.lower() not in caplog.text.lower()
