"""Partners, agreements, shares and the board: what the services allow and refuse."""

import datetime

import pytest

from tutti.accounts.models import User
from tutti.network.models import FundingAllocation, HubArea, LocalAuthority, StrategicFunction
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.partners import selectors, services
from tutti.partners.models import Partner, PassThroughShare
from tutti.partners.tests.factories import PartnerFactory

START, END = datetime.date(2024, 9, 1), datetime.date(2025, 8, 31)


def _allocate(hub: HubArea, *, revenue_pence: int, capital_pence: int, year: int = 2024) -> None:
    FundingAllocation.objects.create(hub_area=hub, academic_year=year, stream="revenue", amount_pence=revenue_pence)
    FundingAllocation.objects.create(hub_area=hub, academic_year=year, stream="capital", amount_pence=capital_pence)


@pytest.fixture
def watford(hub_a: HubArea) -> LocalAuthority:
    return LocalAuthorityFactory.create(hub_area=hub_a, name="Watford")


def test_partner_create_refuses_another_hubs_local_authority(hub_a: HubArea, hub_b: HubArea, hub_a_admin: User) -> None:
    elsewhere = LocalAuthorityFactory.create(hub_area=hub_b, name="Solihull")
    with pytest.raises(services.PartnerRefused, match="Not local authorities of Hertfordshire: Solihull"):
        services.partner_create(
            hub=hub_a, name="Band", kind=Partner.Kind.COMMUNITY_GROUP, local_authorities=[elsewhere], by=hub_a_admin
        )


def test_partner_names_are_unique_in_a_hub_ignoring_case(hub_a: HubArea, hub_b: HubArea, hub_a_admin: User) -> None:
    services.partner_create(hub=hub_a, name="Watford Palace Theatre", kind="cultural_organisation", by=hub_a_admin)
    with pytest.raises(services.PartnerRefused, match="already has a partner called watford palace theatre"):
        services.partner_create(hub=hub_a, name="watford palace theatre", kind="other", by=hub_a_admin)
    services.partner_create(hub=hub_b, name="Watford Palace Theatre", kind="other", by=hub_a_admin)


def test_archiving_keeps_the_partner_and_its_agreements_but_leaves_the_list(hub_a: HubArea, hub_a_admin: User) -> None:
    partner = PartnerFactory.create(hub=hub_a)
    services.agreement_create(
        partner=partner, academic_year=2024, strategic_functions=[], aims=[], commitments="x",
        starts_on=START, ends_on=END, by=hub_a_admin,
    )  # fmt: skip
    services.partner_archive(partner=partner, by=hub_a_admin)
    assert list(selectors.partner_filterset(hub=hub_a, data=None).qs) == []
    assert partner.agreements.count() == 1
    services.partner_unarchive(partner=partner, by=hub_a_admin)
    assert list(selectors.partner_filterset(hub=hub_a, data=None).qs) == [partner]


def test_one_agreement_per_partner_per_year_and_it_cannot_end_before_it_starts(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    partner = PartnerFactory.create(hub=hub_a, name="Herts Jazz")
    inclusion = StrategicFunction.objects.get(slug="inclusion")
    agreement = services.agreement_create(
        partner=partner, academic_year=2024, strategic_functions=[inclusion], aims=[], commitments="Jazz days",
        cash_pence=250_000, starts_on=START, ends_on=END, by=hub_a_admin,
    )  # fmt: skip
    assert list(agreement.strategic_functions.all()) == [inclusion]
    with pytest.raises(services.AgreementRefused, match="Herts Jazz already has an agreement for 2024/25"):
        services.agreement_create(
            partner=partner, academic_year=2024, strategic_functions=[], aims=[], commitments="again",
            starts_on=START, ends_on=END, by=hub_a_admin,
        )  # fmt: skip
    with pytest.raises(services.AgreementRefused, match=r"ends .* before it starts"):
        services.agreement_create(
            partner=partner, academic_year=2025, strategic_functions=[], aims=[], commitments="later",
            starts_on=END, ends_on=START, by=hub_a_admin,
        )  # fmt: skip


def _share(hub: HubArea, partner: Partner, la: LocalAuthority, pence: int, by: User) -> PassThroughShare:
    return services.pass_through_share_record(
        hub=hub, academic_year=2024, local_authority=la, partner=partner, amount_pence=pence, by=by
    )


def test_shares_may_add_up_to_the_allocation_but_not_beyond(
    hub_a: HubArea, hub_a_admin: User, watford: LocalAuthority
) -> None:
    _allocate(hub_a, revenue_pence=800_00, capital_pence=200_00)  # £1,000 in all
    first, second = PartnerFactory.create(hub=hub_a), PartnerFactory.create(hub=hub_a)
    _share(hub_a, first, watford, 600_00, hub_a_admin)
    _share(hub_a, second, watford, 400_00, hub_a_admin)  # exactly the allocation: allowed
    with pytest.raises(services.ShareRefused) as refusal:
        _share(hub_a, second, watford, 400_01, hub_a_admin)
    assert str(refusal.value) == (
        "Shares for 2024/25 would total £1,000.01 (£600 already recorded plus £400.01), "
        "more than Hertfordshire's allocation of £1,000"
    )
    summary = selectors.shares_of_year(hub=hub_a, academic_year=2024)
    assert (summary.total_pence, summary.allocation_pence, summary.remaining_pence) == (1000_00, 1000_00, 0)


def test_recording_a_share_again_replaces_its_amount(
    hub_a: HubArea, hub_a_admin: User, watford: LocalAuthority
) -> None:
    _allocate(hub_a, revenue_pence=800_00, capital_pence=200_00)
    partner = PartnerFactory.create(hub=hub_a)
    _share(hub_a, partner, watford, 900_00, hub_a_admin)
    _share(hub_a, partner, watford, 950_00, hub_a_admin)  # replaces, so 950 <= 1000 is fine
    assert list(PassThroughShare.objects.values_list("amount_pence", flat=True)) == [950_00]


def test_a_share_is_refused_when_the_allocation_is_not_published(
    hub_a: HubArea, hub_a_admin: User, watford: LocalAuthority
) -> None:
    with pytest.raises(services.ShareRefused, match="No allocation for 2024/25 is published for Hertfordshire"):
        _share(hub_a, PartnerFactory.create(hub=hub_a), watford, 1_00, hub_a_admin)


def test_a_share_is_refused_for_another_hubs_authority_or_an_archived_partner(
    hub_a: HubArea, hub_b: HubArea, hub_a_admin: User, watford: LocalAuthority
) -> None:
    _allocate(hub_a, revenue_pence=800_00, capital_pence=200_00)
    elsewhere = LocalAuthorityFactory.create(hub_area=hub_b, name="Solihull")
    with pytest.raises(services.ShareRefused, match="Solihull is not a local authority of Hertfordshire"):
        _share(hub_a, PartnerFactory.create(hub=hub_a), elsewhere, 1_00, hub_a_admin)
    archived = services.partner_archive(partner=PartnerFactory.create(hub=hub_a), by=hub_a_admin)
    with pytest.raises(services.ShareRefused, match="is archived"):
        _share(hub_a, archived, watford, 1_00, hub_a_admin)


def test_board_terms_cannot_end_before_they_start(hub_a: HubArea, hub_a_admin: User) -> None:
    member = services.board_member_add(
        hub=hub_a, name="Priya Shah", organisation="Hertfordshire County Council", role="Chair",
        term_starts_on=START, term_ends_on=END, by=hub_a_admin,
    )  # fmt: skip
    assert list(selectors.board_of(hub_a)) == [member]
    with pytest.raises(services.AgreementRefused, match="cannot end before it starts"):
        services.board_member_add(
            hub=hub_a, name="X", organisation="", role="Member", term_starts_on=END, term_ends_on=START, by=hub_a_admin
        )
