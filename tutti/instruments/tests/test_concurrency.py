"""Two people lending the same asset at the same moment: one loan, one clear refusal."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tutti.accounts.models import User
from tutti.instruments.models import Asset, Loan
from tutti.instruments.tests.factories import AssetFactory, lent
from tutti.network.models import HubArea
from tutti.programmes.tests.factories import learner


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite has one writer")
def test_two_people_lending_one_asset_at_once_lend_it_once(hub_a: HubArea, hub_a_manager: User) -> None:
    violin = AssetFactory.create(hub=hub_a)
    children = [learner(hub_a), learner(hub_a)]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def lend(child: object) -> None:
        try:
            barrier.wait()
            outcomes.append(lent(violin, child, by=hub_a_manager).status)
        except ValidationError as refused:
            outcomes.append(" ".join(refused.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=lend, args=(child,)) for child in children]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == [f"{violin.asset_tag} is on loan, so it cannot be lent now.", Loan.Status.OUT]
    assert Loan.objects.filter(asset=violin).open().count() == 1
    assert Asset.objects.get(pk=violin.pk).status == Asset.Status.ON_LOAN
