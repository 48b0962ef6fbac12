"""A refusal looks like the rest of the site: the layout, what was refused and why, and a way back."""

from django.test import Client
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in


def test_a_role_that_does_not_open_a_page_gets_the_sites_403_with_the_reason_and_a_way_back(
    hub_a_tutor: User,
) -> None:
    response = sign_in(Client(), hub_a_tutor).get(reverse("accounts:team"))

    assert response.status_code == 403
    page = response.content.decode()
    assert "<title>You cannot open this page" in page
    assert "Skip to main content" in page  # the site's layout, not Django's bare "403 Forbidden"
    assert "Your roles in this hub do not open this page." in page
    assert f'href="{reverse("accounts:hub_home")}">your hub\'s home page</a>' in page


def test_a_form_failing_its_security_check_gets_the_sites_403_saying_what_to_do(hub_a_tutor: User) -> None:
    client = sign_in(Client(enforce_csrf_checks=True), hub_a_tutor)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 403
    page = response.content.decode()
    assert "<title>Your form could not be sent" in page
    assert "Skip to main content" in page
    assert "reload the page, and send it again" in page
    assert "CSRF" not in page  # Django's reason is for developers, not for the person at the form
