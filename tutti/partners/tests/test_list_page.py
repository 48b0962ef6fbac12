"""The partners list as a person uses it: its filter controls, pages that keep the filters, its empty states."""

import datetime

from django.test import Client
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.core.testing.lists import assert_filter_controls, links
from tutti.network.models import HubArea
from tutti.partners.models import BoardMember, Partner
from tutti.partners.tests.factories import PartnerFactory

LIST = reverse("partners:partner_list")


def test_every_filter_is_the_right_control_with_a_plain_first_choice(hub_a: HubArea, hub_a_admin: User) -> None:
    page = sign_in(Client(), hub_a_admin).get(LIST).content.decode()

    assert_filter_controls(
        page,
        selects={
            "kind": "All kinds",
            "status": "All statuses",
            "local_authority": "All local authorities",
            "show": "Current only",
            "sort": "Name",
        },
        text=("q",),
    )


def test_the_list_shows_fifty_a_page_with_the_total_and_keeps_the_filters_across_pages(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    for number in range(55):
        PartnerFactory.create(hub=hub_a, name=f"Choir {number:02}", kind=Partner.Kind.COMMUNITY_GROUP)
    PartnerFactory.create(hub=hub_a, name="Zither school", kind=Partner.Kind.MUSIC_ORGANISATION)
    client = sign_in(Client(), hub_a_admin)

    first = client.get(LIST, {"kind": "community_group", "sort": "-name"}).content.decode()
    assert "55 partners" in first
    assert "Showing 1 to 50 of 55 partners" in first
    next_page = links(first)["Next page"]
    assert next_page == "?kind=community_group&sort=-name&page=2"

    second = client.get(LIST + next_page).content.decode()
    assert "Showing 51 to 55 of 55 partners" in second
    assert "Choir 00" in second  # the last of the reversed order
    assert "Zither school" not in second
    assert "Choir 54" not in second


def test_an_empty_list_with_no_filter_says_there_are_none_yet_and_offers_to_add_one(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    page = sign_in(Client(), hub_a_admin).get(LIST).content.decode()

    assert "No partners yet" in page
    assert links(page)["add the first"] == reverse("partners:partner_new")
    assert "match these filters" not in page


def test_an_empty_list_under_a_filter_says_nothing_matches_and_how_to_clear_it(
    hub_a: HubArea, hub_a_admin: User
) -> None:
    PartnerFactory.create(hub=hub_a, kind=Partner.Kind.COMMUNITY_GROUP)

    page = sign_in(Client(), hub_a_admin).get(LIST, {"kind": "school"}).content.decode()

    assert "No partners match these filters" in page
    assert links(page)["Clear the filters"] == LIST


def test_the_board_pages_its_members_and_says_when_there_are_none_yet(hub_a: HubArea, hub_a_admin: User) -> None:
    client = sign_in(Client(), hub_a_admin)
    board = reverse("partners:board")

    empty = client.get(board).content.decode()
    for number in range(51):
        BoardMember.objects.create(
            hub=hub_a, name=f"Member {number:02}", role="Member", term_starts_on=datetime.date(2024, 9, 1)
        )
    second = client.get(board, {"page": "2"}).content.decode()

    assert "No board members yet" in empty
    assert links(empty)["add the first"] == reverse("partners:board_member_new")
    assert "Showing 51 to 51 of 51 board members" in second
    assert "Member 50" in second


def test_a_choice_the_list_does_not_offer_is_refused_naming_the_filter(hub_a: HubArea, hub_a_admin: User) -> None:
    response = sign_in(Client(), hub_a_admin).get(LIST, {"kind": "orchestra", "sort": "shoe size"})
    page = response.content.decode()

    assert "<title>Error: " in page
    assert '<a href="#id_kind">Kind must be one of the choices in the list</a>' in page
    assert '<a href="#id_sort">Sort by must be one of the choices in the list</a>' in page
