"""The instruments admin: a site administrator can look records up but never add, change or delete them."""

import pytest
from django.test import Client
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.instruments.tests.factories import AssetFactory, lent
from tutti.programmes.tests.factories import learner


@pytest.mark.parametrize("model", ["asset", "loan", "repair"])
def test_each_table_opens_but_offers_no_add(model: str, hub_a, hub_a_manager) -> None:
    lent(AssetFactory.create(hub=hub_a), learner(hub_a), by=hub_a_manager)
    client = sign_in(Client(), User.objects.create_superuser(email="site-admin@example.org", password=None))

    assert client.get(reverse(f"admin:instruments_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:instruments_{model}_add")).status_code == 403


def test_an_asset_cannot_be_deleted_from_the_admin(hub_a) -> None:
    asset = AssetFactory.create(hub=hub_a)
    client = sign_in(Client(), User.objects.create_superuser(email="site-admin@example.org", password=None))

    assert client.get(reverse("admin:instruments_asset_delete", args=[asset.pk])).status_code == 403
