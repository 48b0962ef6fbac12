"""The cross-hub matrix over every accounts URL, and the check that every project URL is covered."""

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tutti.accounts.models import Role
from tutti.accounts.testing import (
    SIGNED_IN_URL_NAMES,
    AccessRule,
    check_access,
    person,
    sign_in,
    uncovered_url_names,
)
from tutti.accounts.tests.access_matrix import MATRIX
from tutti.network.models import HubArea


@pytest.mark.parametrize("rule", MATRIX, ids=str)
def test_access_matrix(rule: AccessRule, hub_a: HubArea, hub_b: HubArea) -> None:
    check_access(rule, hub_a=hub_a, hub_b=hub_b)


def test_every_url_of_the_project_is_public_personal_or_in_an_access_matrix() -> None:
    assert uncovered_url_names() == []


PERSONAL_PAGES_WITHOUT_ARGUMENTS = sorted(SIGNED_IN_URL_NAMES)


@pytest.mark.parametrize("url_name", PERSONAL_PAGES_WITHOUT_ARGUMENTS)
def test_personal_pages_send_a_signed_out_visitor_to_sign_in(url_name: str, db: None) -> None:
    response = Client().get(reverse(url_name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("url_name", PERSONAL_PAGES_WITHOUT_ARGUMENTS)
def test_personal_pages_open_for_a_signed_in_person(url_name: str, hub_a: HubArea) -> None:
    user = person(hub=hub_a, roles=[Role.TUTOR])
    RecoveryCodes.activate(user)
    client = sign_in(Client(), user)
    response = client.get(reverse(url_name))
    assert response.status_code in {200, 302}
    if response.status_code == 302:
        assert not response["Location"].startswith(reverse(settings.LOGIN_URL))
