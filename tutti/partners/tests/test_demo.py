"""The demo partners: what load_demo_partners adds is there, and a second run adds nothing, even after a person
renamed, edited or archived a demo partner in between."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from tutti.accounts.models import Role, User
from tutti.accounts.testing import person
from tutti.network.models import HubArea
from tutti.network.tests.factories import LocalAuthorityFactory
from tutti.partners.demo import load_partners
from tutti.partners.models import Agreement, BoardMember, Contact, Interaction, Partner
from tutti.partners.services import partner_archive, partner_update

TODAY = datetime.date(2026, 11, 30)


@pytest.fixture
def demo_hubs(db: None) -> dict[str, HubArea]:
    hubs = {}
    for slug, name in (("hertfordshire", "Hertfordshire"), ("birmingham", "Birmingham")):
        hubs[slug] = HubArea.objects.create(name=name, slug=slug)
        LocalAuthorityFactory.create(hub_area=hubs[slug])
        person(hub=hubs[slug], roles=[Role.HUB_ADMINISTRATOR], email=f"admin@{slug}.example")
    return hubs


def holdings(hub: HubArea) -> tuple[int, int, int, int, int]:
    return (
        Partner.objects.for_hub(hub).count(),
        Contact.objects.filter(partner__hub=hub).count(),
        Agreement.objects.for_hub(hub).count(),
        Interaction.objects.for_hub(hub).count(),
        BoardMember.objects.for_hub(hub).count(),
    )


def test_the_demo_hub_gets_partners_agreements_interactions_and_a_board(demo_hubs: dict[str, HubArea]) -> None:
    herts = demo_hubs["hertfordshire"]
    counts = load_partners(hub=herts, today=TODAY)

    assert holdings(herts) == (5, 5, 3, 4, 4)
    assert (counts.partners, counts.contacts, counts.agreements, counts.interactions, counts.board_members) == (
        5, 5, 3, 4, 4,
    )  # fmt: skip
    orchestra = Partner.objects.for_hub(herts).get(name="Brambleford Youth Orchestra Trust")
    agreement = Agreement.objects.for_hub(herts).get(partner=orchestra)
    assert (agreement.academic_year, agreement.cash_pence) == (2026, 1_200_000)
    assert (agreement.starts_on, agreement.ends_on) == (datetime.date(2026, 9, 1), datetime.date(2027, 8, 31))
    assert [function.slug for function in agreement.strategic_functions.order_by("position")] == [
        "partnerships",
        "progression",
    ]
    follow_up = Interaction.objects.for_hub(herts).about(orchestra).get()
    assert follow_up.follow_up_owner == User.objects.get(email="admin@hertfordshire.example")
    assert follow_up.occurred_on == datetime.date(2026, 9, 11)
    assert Interaction.objects.for_hub(herts).filter(occurred_on__gt=TODAY).count() == 0
    assert Partner.objects.for_hub(herts).filter(status=Partner.Status.PROSPECTIVE).count() == 1


def test_a_second_run_adds_nothing_after_partners_were_renamed_edited_and_archived(
    demo_hubs: dict[str, HubArea],
) -> None:
    herts = demo_hubs["hertfordshire"]
    admin = User.objects.get(email="admin@hertfordshire.example")
    load_partners(hub=herts, today=TODAY)
    samba = Partner.objects.for_hub(herts).get(name="Quaverley Community Samba")
    partner_update(
        partner=samba,
        name="Quaverley Samba School",
        kind=Partner.Kind.MUSIC_ORGANISATION,
        status=Partner.Status.FORMER,
        local_authorities=[],
        website="https://samba.example",
        by=admin,
    )
    partner_archive(partner=Partner.objects.for_hub(herts).get(name="Hollowmere Arts Centre"), by=admin)
    before = holdings(herts)

    counts = load_partners(hub=herts, today=TODAY + datetime.timedelta(days=30))

    assert not any(vars(counts).values())
    assert holdings(herts) == before
    renamed = Partner.objects.for_hub(herts).get(pk=samba.pk)
    assert (renamed.name, renamed.status) == ("Quaverley Samba School", Partner.Status.FORMER)  # left as edited
    assert Partner.objects.for_hub(herts).archived().get().name == "Hollowmere Arts Centre"


def test_birmingham_gets_its_own_two_partners_and_nothing_of_hertfordshire(demo_hubs: dict[str, HubArea]) -> None:
    birmingham = demo_hubs["birmingham"]
    load_partners(hub=birmingham, today=TODAY)
    assert sorted(Partner.objects.for_hub(birmingham).values_list("name", flat=True)) == [
        "Copperkettle Steel Pan Collective",
        "Marrowfield Sound Lab",
    ]
    assert Partner.objects.for_hub(demo_hubs["hertfordshire"]).count() == 0


@override_settings(DEBUG=True)
def test_the_command_loads_both_hubs_once(demo_hubs: dict[str, HubArea], capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_demo_partners")
    first = capsys.readouterr().out
    assert "hertfordshire: added 5 partners, 5 contacts" in first
    assert "birmingham: added 2 partners" in first
    call_command("load_demo_partners")
    assert capsys.readouterr().out.count("demo partners already loaded; nothing added") == 2


@override_settings(DEBUG=False)
def test_the_command_refuses_without_debug(demo_hubs: dict[str, HubArea]) -> None:
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo_partners")


@override_settings(DEBUG=True)
def test_the_command_says_to_load_the_accounts_first(db: None) -> None:
    HubArea.objects.create(name="Hertfordshire", slug="hertfordshire")
    with pytest.raises(CommandError, match="has no hub administrator: run load_demo_accounts first"):
        call_command("load_demo_partners")
