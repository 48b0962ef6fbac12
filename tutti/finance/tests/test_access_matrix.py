"""The cross-hub matrix over every finance URL: signed out, wrong role, right role, another hub."""

import pytest
from django.urls import reverse

from tutti.accounts.models import Role
from tutti.accounts.testing import AccessRule, check_access, person, sign_in
from tutti.finance.tests.access_matrix import MATRIX
from tutti.network.models import HubArea


@pytest.mark.parametrize("rule", MATRIX, ids=str)
def test_access_matrix(rule: AccessRule, hub_a: HubArea, hub_b: HubArea) -> None:
    check_access(rule, hub_a=hub_a, hub_b=hub_b)


@pytest.mark.parametrize("role", [Role.TUTOR, Role.INCLUSION_LEAD, Role.SCHOOL_MUSIC_LEAD, Role.GUARDIAN])
def test_roles_without_money_see_nothing_of_finance(role: Role, hub_a: HubArea, client) -> None:
    sign_in(client, person(hub=hub_a, roles=[role]))
    for rule in MATRIX:
        if rule.make_kwargs is None:
            assert client.get(reverse(rule.url_name)).status_code == 403, rule


def test_the_programme_manager_reads_but_does_not_write(hub_a: HubArea, client) -> None:
    sign_in(client, person(hub=hub_a, roles=[Role.PROGRAMME_MANAGER]))
    assert client.get(reverse("finance:sustainability")).status_code == 200
    assert client.get(reverse("finance:income_new")).status_code == 403


def test_the_hub_home_lists_finance_for_the_finance_officer_only(client, hub_a_finance, hub_a_tutor) -> None:
    sign_in(client, hub_a_finance)
    assert reverse("finance:sustainability") in client.get(reverse("accounts:hub_home")).text
    sign_in(client, hub_a_tutor)
    assert reverse("finance:overview") not in client.get(reverse("accounts:hub_home")).text
