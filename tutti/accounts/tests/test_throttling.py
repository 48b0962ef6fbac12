"""After repeated failures for one account or from one address, sign-in answers 429 for a cool-off."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.models import User

LIMIT = 5


def _fail(client: Client, email: str, address: str = "203.0.113.7"):
    return client.post(
        reverse("account_login"), {"login": email, "password": "wrong-password-here"}, REMOTE_ADDR=address
    )


def test_repeated_failures_for_one_account_get_429_with_a_clear_message(hub_a_admin: User) -> None:
    client = Client()
    for _ in range(LIMIT - 1):
        assert _fail(client, hub_a_admin.email).status_code == 200
    response = _fail(client, hub_a_admin.email)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts to sign in" in html
    assert "Wait 15 minutes" in html
    assert hub_a_admin.email not in html


def test_a_locked_account_is_refused_even_with_the_right_password(hub_a_admin: User) -> None:
    hub_a_admin.set_password("violin-harbour-kettle-7")
    hub_a_admin.save()
    client = Client()
    for _ in range(LIMIT):
        _fail(client, hub_a_admin.email)
    response = client.post(
        reverse("account_login"),
        {"login": hub_a_admin.email, "password": "violin-harbour-kettle-7"},
        REMOTE_ADDR="198.51.100.20",  # another address: the account itself is locked
    )
    assert response.status_code == 429


def test_repeated_failures_from_one_address_lock_that_address_for_every_account(db: None) -> None:
    client = Client()
    for number in range(LIMIT):
        _fail(client, f"someone{number}@example.org", address="203.0.113.9")
    assert _fail(client, "another@example.org", address="203.0.113.9").status_code == 429
    assert _fail(client, "another@example.org", address="198.51.100.1").status_code == 200


def test_the_lock_lifts_after_the_cool_off(hub_a_admin: User) -> None:
    client = Client()
    for _ in range(LIMIT):
        _fail(client, hub_a_admin.email)
    assert _fail(client, hub_a_admin.email).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _fail(client, hub_a_admin.email).status_code == 200


def test_the_admin_has_no_password_form_of_its_own_so_it_is_throttled_like_sign_in(hub_a_admin: User) -> None:
    client = Client()
    response = client.post(reverse("admin:login"), {"username": hub_a_admin.email, "password": "wrong-password-here"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session

    for _ in range(LIMIT):
        _fail(client, hub_a_admin.email)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    response = client.post(
        response.redirect_chain[-1][0], {"login": hub_a_admin.email, "password": "wrong-password-here"}
    )
    assert response.status_code == 429


@pytest.mark.parametrize("email", ["Admin@Hertfordshire.example", "admin@hertfordshire.example"])
def test_the_failure_count_ignores_the_case_of_the_address(email: str, hub_a_admin: User) -> None:
    client = Client()
    for number in range(LIMIT):
        _fail(client, email if number % 2 else email.lower(), address=f"203.0.113.{number + 10}")
    assert _fail(client, hub_a_admin.email, address="203.0.113.99").status_code == 429
