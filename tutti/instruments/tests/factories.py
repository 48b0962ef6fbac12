"""factory_boy factories for the asset register (invented assets, en_GB), and a lent-out helper."""

import datetime
from importlib import import_module
from typing import Any

import factory
from factory.django import DjangoModelFactory

from tutti.accounts.models import User
from tutti.instruments.models import Asset, Loan
from tutti.instruments.services.loans import Agreement, loan_to_learner
from tutti.network.tests.factories import HubAreaFactory
from tutti.programmes.models import Instrument

BOUGHT = datetime.date(2024, 10, 1)


# The national instrument list as the programmes migration loads it: a test that flushes the database
# (transaction=True) removes those rows, so the factory puts back the one it needs.
NATIONAL_LIST = import_module("tutti.programmes.migrations.0002_instruments").INSTRUMENTS


def instrument(name: str) -> Instrument:
    """One type of the national instrument list, with its family."""
    family = next(family for family, names in NATIONAL_LIST.items() if name in names)
    return Instrument.objects.get_or_create(name=name, defaults={"family": family})[0]


class AssetFactory(DjangoModelFactory[Asset]):
    class Meta:
        model = Asset

    hub = factory.SubFactory(HubAreaFactory)
    asset_tag = factory.Sequence(lambda n: f"TST-{n:05d}")
    kind = Asset.Kind.INSTRUMENT
    instrument = factory.LazyFunction(lambda: instrument("Violin"))
    size = "3/4"
    make = factory.Faker("company", locale="en_GB")
    serial_number = factory.Sequence(lambda n: f"SN{n:07d}")
    store_name = "Main store"
    purchased_on = BOUGHT
    cost_pence = 25_000
    funding = Asset.Funding.CAPITAL_GRANT
    capital_year = 2024


def agreed(on: datetime.date = BOUGHT, by: str = "Morgana Testparent") -> Agreement:
    return Agreement(accepted_by=by, accepted_on=on, method=Loan.AgreementMethod.PAPER)


def lent(asset: Asset, learner: Any, *, by: User, lent_on: datetime.date = BOUGHT, days: int = 90) -> Loan:
    """Lend the asset to the learner with a paper agreement, due back after ``days``."""
    return loan_to_learner(
        asset=asset,
        learner=learner,
        lent_on=lent_on,
        due_on=lent_on + datetime.timedelta(days=days),
        hire_fee_pence=0,
        agreement=agreed(lent_on),
        by=by,
    )
