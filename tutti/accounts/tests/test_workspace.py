"""The hub's home page lists each person's sections, and every section it lists opens for them."""

import pytest
from django.urls import reverse

from tutti.accounts.models import HUB_ROLES, Role
from tutti.accounts.testing import person, sign_in
from tutti.accounts.workspace import sections_for
from tutti.network.models import HubArea

STAFF = sorted(set(HUB_ROLES) - {Role.GUARDIAN, Role.SCHOOL_MUSIC_LEAD})


@pytest.mark.parametrize("role", STAFF)
def test_every_section_listed_for_a_role_opens_for_it(client, hub_a: HubArea, role: Role) -> None:
    sign_in(client, person(hub=hub_a, roles=[role]))
    home = client.get(reverse("accounts:hub_home")).text

    for section in sections_for([role]):
        assert f'href="{reverse(section.url_name)}"' in home
        assert client.get(reverse(section.url_name)).status_code == 200, f"{section.label} for {role.label}"


def test_a_tutor_is_not_shown_the_managers_sections(client, hub_a_tutor) -> None:
    sign_in(client, hub_a_tutor)

    home = client.get(reverse("accounts:hub_home")).text

    assert "Today&#x27;s registers" in home
    assert reverse("programmes:activities") not in home
    assert reverse("programmes:staff") not in home
