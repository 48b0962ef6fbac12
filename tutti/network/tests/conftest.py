"""Fixtures for the network's tests."""

import pytest

from tutti.network.models import LocalAuthority, Region
from tutti.network.tests.hub_files import AUTHORITIES


@pytest.fixture
def local_authorities(db) -> dict[str, LocalAuthority]:
    """The authorities the seed loader would have loaded, for the areas these tests import."""
    authorities = {}
    for code, name, kind, region_code, region_name in AUTHORITIES:
        region, _ = Region.objects.get_or_create(code=region_code, defaults={"name": region_name})
        authorities[code] = LocalAuthority.objects.create(ons_code=code, name=name, kind=kind, region=region)
    return authorities
