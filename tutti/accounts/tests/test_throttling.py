"""Sign-in answers 429 for a cool-off after repeated failures for one account from one address, or after
many failures from one address whatever the account, and never locks out the people sharing that address
because of one person's typing."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tutti.accounts.models import User

PAIR_LIMIT = 5
ADDRESS_LIMIT = 50
PASSWORD = "violin-harbour-kettle-7"
OFFICE = "203.0.113.7"  # one council's shared public address
ELSEWHERE = "198.51.100.20"


def _attempt(client: Client, email: str, password: str, address: str):
    return client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address)


def _fail(client: Client, email: str, address: str = OFFICE):
    return _attempt(client, email, "wrong-password-here", address)


def _sign_in(email: str, address: str = OFFICE):
    """The password step of a sign-in, on a fresh browser: 302 on to the authenticator code, or 429."""
    return _attempt(Client(), email, PASSWORD, address)


def _signs_in(email: str, address: str = OFFICE) -> bool:
    response = _sign_in(email, address)
    return response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")


def _fail_as_many_people(client: Client, count: int, address: str = OFFICE) -> None:
    """Failures spread over distinct accounts, as credential stuffing spreads them: no pair reaches its limit."""
    for number in range(count):
        _fail(client, f"someone{number}@example.org", address)


@pytest.fixture
def admin(hub_a_admin: User) -> User:
    hub_a_admin.set_password(PASSWORD)
    hub_a_admin.save()
    return hub_a_admin


@pytest.fixture
def colleague(hub_a_manager: User) -> User:
    hub_a_manager.set_password(PASSWORD)
    hub_a_manager.save()
    return hub_a_manager


def test_repeated_failures_for_one_account_get_429_with_a_clear_message(admin: User) -> None:
    client = Client()
    for _ in range(PAIR_LIMIT - 1):
        assert _fail(client, admin.email).status_code == 200
    response = _fail(client, admin.email)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts to sign in" in html
    assert "Wait 15 minutes" in html
    assert admin.email not in html


def test_a_locked_account_is_refused_from_that_address_even_with_the_right_password(admin: User) -> None:
    client = Client()
    for _ in range(PAIR_LIMIT):
        _fail(client, admin.email)
    assert _sign_in(admin.email).status_code == 429


def test_five_wrong_passwords_for_one_account_do_not_stop_a_colleague_at_the_same_address(
    admin: User, colleague: User
) -> None:
    client = Client()
    for _ in range(PAIR_LIMIT):
        _fail(client, admin.email)
    assert _sign_in(admin.email).status_code == 429
    assert _signs_in(colleague.email)


def test_failures_from_one_address_do_not_lock_the_account_elsewhere(admin: User) -> None:
    client = Client()
    for _ in range(PAIR_LIMIT):
        _fail(client, admin.email, address="192.0.2.66")  # someone else, trying the administrator's address
    assert _signs_in(admin.email, address=OFFICE)


def test_many_failures_from_one_address_lock_the_address_for_every_account(admin: User) -> None:
    client = Client()
    _fail_as_many_people(client, ADDRESS_LIMIT - 1)
    assert _signs_in(admin.email)  # 49 failures: still open
    _fail(client, "someone-else@example.org")

    response = _sign_in(admin.email)

    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert _signs_in(admin.email, address=ELSEWHERE)


def test_a_successful_sign_in_does_not_wipe_the_address_record(admin: User) -> None:
    client = Client()
    _fail_as_many_people(client, ADDRESS_LIMIT - 1)
    assert _signs_in(admin.email)  # an attacker's own account, signed in between guesses
    _fail(client, "one-more@example.org")
    assert _sign_in(admin.email).status_code == 429


def test_retrying_while_locked_out_neither_counts_against_the_address_nor_extends_the_cool_off(
    admin: User, colleague: User
) -> None:
    client = Client()
    for _ in range(PAIR_LIMIT):
        _fail(client, admin.email)
    for _ in range(ADDRESS_LIMIT):
        assert _fail(client, admin.email).status_code == 429
    assert _signs_in(colleague.email)
    assert AccessAttempt.objects.get().failures_since_start == PAIR_LIMIT

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert _signs_in(admin.email)


def test_both_locks_lift_after_the_cool_off(admin: User, colleague: User) -> None:
    client = Client()
    for _ in range(PAIR_LIMIT):
        _fail(client, admin.email)
    _fail_as_many_people(client, ADDRESS_LIMIT)
    assert _sign_in(colleague.email).status_code == 429
    assert _fail(client, admin.email).status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert _signs_in(colleague.email)
    assert _signs_in(admin.email)


def test_the_admin_has_no_password_form_of_its_own_so_it_is_throttled_like_sign_in(admin: User) -> None:
    client = Client()
    response = client.post(reverse("admin:login"), {"username": admin.email, "password": "wrong-password-here"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session

    for _ in range(PAIR_LIMIT):
        _fail(client, admin.email, address="127.0.0.1")  # the test client's own address, as the admin sees it
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    response = client.post(response.redirect_chain[-1][0], {"login": admin.email, "password": "wrong-password-here"})
    assert response.status_code == 429


@pytest.mark.parametrize("email", ["Admin@Hertfordshire.example", "admin@hertfordshire.example"])
def test_the_failure_count_ignores_the_case_of_the_address(email: str, admin: User) -> None:
    client = Client()
    for number in range(PAIR_LIMIT):
        _fail(client, email if number % 2 else email.lower())
    assert _sign_in(admin.email).status_code == 429


BALANCER = "10.0.0.5"  # every request reaches the application servers from the load balancer


def _fail_through_balancer(client: Client, email: str, forwarded_for: str):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": "wrong-password-here"},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def _signs_in_through_balancer(email: str, forwarded_for: str) -> bool:
    response = Client().post(
        reverse("account_login"),
        {"login": email, "password": PASSWORD},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )
    return response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")


def test_behind_a_load_balancer_each_client_address_is_counted_on_its_own(admin: User, settings) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    for _ in range(PAIR_LIMIT):
        _fail_through_balancer(client, admin.email, forwarded_for="192.0.2.66")
    assert _fail_through_balancer(client, admin.email, forwarded_for="192.0.2.66").status_code == 429

    assert _signs_in_through_balancer(admin.email, forwarded_for=OFFICE)


def test_addresses_a_client_writes_into_x_forwarded_for_itself_are_not_believed(admin: User, settings) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    for number in range(PAIR_LIMIT):  # a new made-up address each time, before the one the balancer appended
        _fail_through_balancer(client, admin.email, forwarded_for=f"198.51.100.{number}, 192.0.2.66")
    assert _fail_through_balancer(client, admin.email, forwarded_for="198.51.100.99, 192.0.2.66").status_code == 429
    assert AccessAttempt.objects.get().ip_address == "192.0.2.66"


def test_without_proxies_of_our_own_x_forwarded_for_is_ignored(admin: User) -> None:
    client = Client()
    for number in range(PAIR_LIMIT):
        _fail_through_balancer(client, admin.email, forwarded_for=f"198.51.100.{number}")
    assert AccessAttempt.objects.get().ip_address == BALANCER
    assert _fail_through_balancer(client, admin.email, forwarded_for="198.51.100.99").status_code == 429
