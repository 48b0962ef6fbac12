"""Importing an existing asset register: all or nothing, line-numbered problems, a re-run changes nothing."""

import pytest

from tutti.accounts.models import AuditEvent
from tutti.instruments.models import Asset
from tutti.instruments.services.importing import assets_import
from tutti.network.importing.problems import ImportRejectedError
from tutti.programmes.tests.factories import StaffMemberFactory
from tutti.schools.tests.factories import SchoolFactory

HEADER = "Asset Tag,Kind,Type,Item,Size,Make,Serial Number,Adaptive,Adaptive Purpose,Kept At,Store,School URN,Tutor,Purchase Date,Cost,Funding,Capital Year\n"  # noqa: E501


def _csv(*lines: str) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode()


def _good(school_urn: int) -> bytes:
    return _csv(
        "HRT-V001,Instrument,Violin,,3/4,Stentor,S100,N,,Store,Hertford store,,,01/10/2024,£249.00,"
        "Capital grant,2024/25",
        f"HRT-V002,instrument,violin,,1/2,Stentor,S101,,,school,,{school_urn},,2024-10-01,199,capital,2024/25",
        "HRT-E001,Equipment,,Music stands (set of 10),,,,N,,Store,Hertford store,,,,120,Donation,",
        "HRT-A001,Instrument,Adaptive instrument,,,Clarinet,,Y,Played with one hand,Tutor,,,Ada Lovelace,,1450.50,"
        "Capital grant,2024/25",
    )


@pytest.fixture
def school(hub_a):
    return SchoolFactory.create(local_authority__hub_area=hub_a)


@pytest.fixture
def tutor(hub_a):
    return StaffMemberFactory.create(hub=hub_a, first_name="Ada", last_name="Lovelace")


def test_a_good_register_is_imported_and_a_second_run_changes_nothing(hub_a, hub_a_manager, school, tutor) -> None:
    first = assets_import(hub=hub_a, data=_good(school.urn), by=hub_a_manager)
    second = assets_import(hub=hub_a, data=_good(school.urn), by=hub_a_manager)

    assert (first.added, first.updated, first.unchanged) == (4, 0, 0)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 4)
    violin, small, adaptive = (
        Asset.objects.for_hub(hub_a).get(asset_tag=tag) for tag in ("HRT-V001", "HRT-V002", "HRT-A001")
    )
    assert (violin.cost_pence, violin.capital_year, violin.store_name) == (249_00, 2024, "Hertford store")
    assert (small.school, small.location_kind) == (school, Asset.LocationKind.SCHOOL)
    assert (adaptive.tutor, adaptive.adaptive, adaptive.cost_pence) == (tutor, True, 1450_50)
    assert Asset.objects.for_hub(hub_a).get(asset_tag="HRT-E001").funding == Asset.Funding.DONATION
    assert AuditEvent.objects.for_hub(hub_a).filter(action=AuditEvent.Action.ASSETS_IMPORTED).count() == 2


def test_a_changed_line_updates_that_asset_only(hub_a, hub_a_manager, school, tutor) -> None:
    assets_import(hub=hub_a, data=_good(school.urn), by=hub_a_manager)
    changed = _good(school.urn).replace(b"Stentor,S100", b"Hidersine,S100")

    summary = assets_import(hub=hub_a, data=changed, by=hub_a_manager)

    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 3)
    assert Asset.objects.for_hub(hub_a).get(asset_tag="HRT-V001").make == "Hidersine"


def test_every_bad_line_is_reported_by_number_and_nothing_is_written(hub_a, hub_a_manager, school) -> None:
    data = _csv(
        "HRT-V001,Instrument,Violin,,,,,N,,Store,Main,,,01/10/2024,249,Capital grant,2024/25",
        "HRT-V002,Instrument,Kazoo,,,,,N,,Store,Main,,,31/02/2024,abc,Capital grant,2024/25",
        "HRT-V003,Instrument,Violin,,,,,Y,,Store,Main,,,,,Capital grant,",
        f"HRT-V004,Instrument,Violin,,,,,N,,School,,{school.urn + 1},,,,Grant from a friend,",
        "HRT-V001,Instrument,Violin,,,,,N,,Store,Main,,,,,Donation,",
    )

    with pytest.raises(ImportRejectedError) as rejected:
        assets_import(hub=hub_a, data=data, by=hub_a_manager)

    assert [str(problem) for problem in rejected.value.problems] == [
        "line 3, Cost: 'abc' is not an amount of money",
        "line 3, Purchase Date: '31/02/2024' is not a date written DD/MM/YYYY",
        "line 3, Type: 'Kazoo' is not an instrument type of Tutti's list (like Violin, Cornet, Ukulele)",
        "line 4, Adaptive Purpose: Enter what the adaptive or SEND-specific asset is for",
        "line 4, Capital Year: Enter the academic year of the capital grant that paid for it, like 2024/25",
        "line 5, Funding: 'Grant from a friend' is not one of capital grant, other grant, donation or hub funds",
        f"line 5, School URN: URN '{school.urn + 1}' is not a school of this hub's area",
        "line 6, Asset Tag: the same asset tag as line 2",
    ]
    assert not Asset.objects.for_hub(hub_a).exists()


def test_a_header_with_a_missing_or_unknown_column_is_refused(hub_a, hub_a_manager) -> None:
    with pytest.raises(ImportRejectedError, match="missing column\\(s\\) Funding; unknown column\\(s\\) Colour"):
        assets_import(hub=hub_a, data=b"Asset Tag,Kind,Colour\nX1,Instrument,Red\n", by=hub_a_manager)
