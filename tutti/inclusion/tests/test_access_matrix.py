"""The cross-hub matrix over every inclusion URL."""

import pytest

from tutti.accounts.testing import AccessRule, check_access
from tutti.inclusion.tests.access_matrix import MATRIX
from tutti.network.models import HubArea


@pytest.mark.parametrize("rule", MATRIX, ids=str)
def test_access_matrix(rule: AccessRule, hub_a: HubArea, hub_b: HubArea) -> None:
    check_access(rule, hub_a=hub_a, hub_b=hub_b)
