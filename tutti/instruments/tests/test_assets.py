"""Adding, changing and retiring assets, and repairs: the asset's status follows each service."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tutti.accounts.models import AuditEvent
from tutti.instruments.models import Asset, Condition, Repair
from tutti.instruments.services.assets import (
    asset_create,
    asset_problems,
    asset_retire,
    asset_update,
    repair_finish,
    repair_start,
)
from tutti.instruments.tests.factories import BOUGHT, AssetFactory, instrument, lent
from tutti.programmes.tests.factories import StaffMemberFactory, learner

SENT = BOUGHT + datetime.timedelta(days=10)
BACK = SENT + datetime.timedelta(days=14)


def _cornet(**overrides):
    fields = {
        "asset_tag": "HRT-C001", "kind": Asset.Kind.INSTRUMENT, "instrument": instrument("Cornet"), "item": "",
        "size": "", "make": "Besson", "model": "BE120", "serial_number": "A1", "adaptive": False,
        "adaptive_purpose": "", "condition": Condition.NEW, "location_kind": Asset.LocationKind.STORE,
        "store_name": "Hertford store", "school": None, "tutor": None, "purchased_on": BOUGHT, "cost_pence": 32_000,
        "funding": Asset.Funding.CAPITAL_GRANT, "capital_year": 2024,
    }  # fmt: skip
    return fields | overrides


def test_an_asset_is_added_available_and_audited(hub_a, hub_a_manager) -> None:
    asset = asset_create(hub=hub_a, by=hub_a_manager, **_cornet())

    assert asset.status == Asset.Status.AVAILABLE
    assert asset.instrument is not None
    assert asset.instrument.get_family_display() == "Brass"
    assert AuditEvent.objects.for_hub(hub_a).get(action=AuditEvent.Action.ASSET_CHANGED).detail == "HRT-C001 added"


def test_a_change_of_location_clears_the_old_place_and_names_the_fields_changed(hub_a, hub_a_manager) -> None:
    asset = asset_create(hub=hub_a, by=hub_a_manager, **_cornet())
    tutor = StaffMemberFactory.create(hub=hub_a)

    changed = asset_update(asset=asset, by=hub_a_manager, location_kind=Asset.LocationKind.TUTOR, tutor=tutor)

    asset.refresh_from_db()
    assert changed == ["location_kind", "store_name", "tutor"]
    assert (asset.store_name, asset.tutor) == ("", tutor)
    assert asset_update(asset=asset, by=hub_a_manager, tutor=tutor) == []


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"instrument": None}, "instrument", "Choose the instrument type"),
        ({"kind": Asset.Kind.EQUIPMENT, "instrument": None}, "item", "Enter what the equipment"),
        ({"adaptive": True}, "adaptive_purpose", "what the adaptive or SEND-specific asset is for"),
        ({"capital_year": None}, "capital_year", "academic year of the capital grant"),
        ({"funding": Asset.Funding.DONATION}, "capital_year", "only for assets the capital grant paid for"),
        ({"store_name": ""}, "store_name", "Enter the store's name"),
        ({"location_kind": Asset.LocationKind.SCHOOL}, "school", "Enter the school"),
    ],
)
def test_what_makes_an_asset_incomplete_is_named_by_field(db, overrides, field, message) -> None:
    problems = asset_problems(_cornet(**overrides))

    assert list(problems) == [field]
    assert message in problems[field]


def test_the_database_refuses_an_adaptive_asset_without_its_purpose(hub_a) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        AssetFactory.create(hub=hub_a, adaptive=True, adaptive_purpose="")


def test_a_repair_takes_the_asset_out_and_brings_it_back_in_its_new_condition(hub_a, hub_a_manager) -> None:
    violin = AssetFactory.create(hub=hub_a, condition=Condition.POOR)

    repair = repair_start(asset=violin, sent_on=SENT, supplier="Bows & Bridges", fault="Cracked neck", by=hub_a_manager)
    violin.refresh_from_db()
    assert violin.status == Asset.Status.IN_REPAIR
    with pytest.raises(ValidationError, match="in repair, so it cannot be lent"):
        lent(violin, learner(hub_a), by=hub_a_manager)

    repair_finish(
        repair=repair, returned_on=BACK, outcome=Repair.Outcome.REPAIRED, cost_pence=4_500, condition=Condition.GOOD,
        by=hub_a_manager,
    )  # fmt: skip

    violin.refresh_from_db()
    repair.refresh_from_db()
    assert (violin.status, violin.condition) == (Asset.Status.AVAILABLE, Condition.GOOD)
    assert (repair.outcome, repair.cost_pence, repair.returned_on) == (Repair.Outcome.REPAIRED, 4_500, BACK)


def test_an_asset_beyond_repair_is_retired_not_deleted(hub_a, hub_a_manager) -> None:
    violin = AssetFactory.create(hub=hub_a)
    repair = repair_start(asset=violin, sent_on=SENT, supplier="Bows & Bridges", fault="Crushed", by=hub_a_manager)

    repair_finish(
        repair=repair, returned_on=BACK, outcome=Repair.Outcome.BEYOND_REPAIR, cost_pence=None,
        condition=Condition.GOOD, by=hub_a_manager,
    )  # fmt: skip

    violin.refresh_from_db()
    assert (violin.status, violin.retired_on, violin.condition) == (Asset.Status.RETIRED, BACK, Condition.UNUSABLE)
    assert Asset.objects.for_hub(hub_a).in_fleet().count() == 0
    assert Asset.objects.for_hub(hub_a).count() == 1


def test_a_lent_asset_cannot_go_for_repair_or_be_retired(hub_a, hub_a_manager) -> None:
    violin = AssetFactory.create(hub=hub_a)
    lent(violin, learner(hub_a), by=hub_a_manager)

    with pytest.raises(ValidationError, match="take it back first"):
        repair_start(asset=violin, sent_on=SENT, supplier="Bows & Bridges", fault="Loose", by=hub_a_manager)
    with pytest.raises(ValidationError, match="only an available asset can be retired"):
        asset_retire(asset=violin, on=SENT, reason="Lost", by=hub_a_manager)


def test_a_repair_cannot_finish_twice_or_before_it_began(hub_a, hub_a_manager) -> None:
    repair = repair_start(
        asset=AssetFactory.create(hub=hub_a), sent_on=SENT, supplier="Bows & Bridges", fault="Loose", by=hub_a_manager
    )
    finish = {"outcome": Repair.Outcome.REPAIRED, "cost_pence": 100, "condition": Condition.GOOD, "by": hub_a_manager}

    with pytest.raises(ValidationError, match="cannot be back before it was sent"):
        repair_finish(repair=repair, returned_on=SENT - datetime.timedelta(days=1), **finish)
    repair_finish(repair=repair, returned_on=BACK, **finish)
    with pytest.raises(ValidationError, match="already finished"):
        repair_finish(repair=repair, returned_on=BACK, **finish)


def test_retiring_archives_the_asset_with_its_reason(hub_a, hub_a_manager) -> None:
    violin = AssetFactory.create(hub=hub_a)

    asset_retire(asset=violin, on=SENT, reason="Lost on a school trip", by=hub_a_manager)

    violin.refresh_from_db()
    assert (violin.status, violin.retired_reason) == (Asset.Status.RETIRED, "Lost on a school trip")
