"""Every URL of the instruments module, for the cross-hub access matrix (tutti.accounts.testing)."""

import datetime
from typing import Any

from tutti.accounts.models import Role
from tutti.accounts.testing import AccessRule, person
from tutti.instruments.roles import CAPITAL_ROLES, INSTRUMENT_STAFF, UTILISATION_ROLES
from tutti.instruments.services.assets import repair_start
from tutti.instruments.services.loans import loan_to_learner
from tutti.instruments.tests.factories import AssetFactory, lent
from tutti.network.models import HubArea
from tutti.programmes.tests.factories import learner
from tutti.schools.tests.factories import SchoolFactory


def _staff(hub: HubArea) -> Any:
    return person(hub=hub, roles=[Role.PROGRAMME_MANAGER])


def an_asset(hub: HubArea) -> dict[str, Any]:
    return {"public_id": AssetFactory.create(hub=hub).public_id}


def an_asset_in_repair(hub: HubArea) -> dict[str, Any]:
    asset = AssetFactory.create(hub=hub)
    repair_start(asset=asset, sent_on=datetime.date.today(), supplier="Repairer", fault="Cracked", by=_staff(hub))
    return {"public_id": asset.public_id}


def a_loan_out(hub: HubArea) -> dict[str, Any]:
    return {"public_id": lent(AssetFactory.create(hub=hub), learner(hub), by=_staff(hub)).public_id}


def a_reservation(hub: HubArea) -> dict[str, Any]:
    today = datetime.date.today()
    loan = loan_to_learner(
        asset=AssetFactory.create(hub=hub), learner=learner(hub), lent_on=today, due_on=today, hire_fee_pence=0,
        agreement=None, by=_staff(hub),
    )  # fmt: skip
    return {"public_id": loan.public_id}


def a_learner(hub: HubArea) -> dict[str, Any]:
    return {"public_id": learner(hub).public_id}


def a_school(hub: HubArea) -> dict[str, Any]:
    return {"urn": SchoolFactory.create(local_authority__hub_area=hub).urn}


MATRIX = [
    AccessRule("instruments:assets", roles=INSTRUMENT_STAFF),
    AccessRule("instruments:asset_new", roles=INSTRUMENT_STAFF),
    AccessRule("instruments:asset_import", roles=INSTRUMENT_STAFF),
    AccessRule("instruments:capital", roles=CAPITAL_ROLES),
    AccessRule("instruments:utilisation", roles=UTILISATION_ROLES),
    AccessRule("instruments:loans", roles=INSTRUMENT_STAFF),
    AccessRule("instruments:overdue", roles=INSTRUMENT_STAFF),
    AccessRule("instruments:loan_agreement", roles=INSTRUMENT_STAFF, make_kwargs=a_reservation),
    AccessRule("instruments:loan_return", roles=INSTRUMENT_STAFF, make_kwargs=a_loan_out),
    AccessRule(
        "instruments:loan_cancel", roles=INSTRUMENT_STAFF, make_kwargs=a_reservation, method="post", ok_status=302
    ),
    AccessRule("instruments:learner_loans", roles=INSTRUMENT_STAFF, make_kwargs=a_learner),
    AccessRule("instruments:school_loans", roles=INSTRUMENT_STAFF, make_kwargs=a_school),
    AccessRule("instruments:asset", roles=INSTRUMENT_STAFF, make_kwargs=an_asset),
    AccessRule("instruments:asset_edit", roles=INSTRUMENT_STAFF, make_kwargs=an_asset),
    AccessRule("instruments:asset_lend", roles=INSTRUMENT_STAFF, make_kwargs=an_asset),
    AccessRule("instruments:asset_retire", roles=INSTRUMENT_STAFF, make_kwargs=an_asset),
    AccessRule("instruments:repair_start", roles=INSTRUMENT_STAFF, make_kwargs=an_asset),
    AccessRule("instruments:repair_finish", roles=INSTRUMENT_STAFF, make_kwargs=an_asset_in_repair),
]
