"""The schools list: filter controls with plain first choices, pages that keep the filters, empty states."""

from django.test import Client
from django.urls import reverse

from tutti.accounts.models import User
from tutti.accounts.testing import sign_in
from tutti.core.testing.lists import assert_filter_controls, form_controls, links
from tutti.network.models import HubArea, LocalAuthority
from tutti.schools.tests.factories import SchoolFactory

LIST = reverse("schools:list")


def test_every_filter_is_the_right_control_and_open_is_offered_once(
    hub_a: HubArea, hub_a_admin: User, trafford: LocalAuthority
) -> None:
    page = sign_in(Client(), hub_a_admin).get(LIST).content.decode()

    assert_filter_controls(
        page,
        selects={
            "phase": "All phases",
            "local_authority": "All local authorities",
            "engaged": "All schools",
            "status": "Open",
            "sort": "Name",
        },
        text=("q",),
    )
    assert form_controls(page)["status"].options == ["Open", "Closed", "Open and closed"]
    assert "% free school meals" in form_controls(page)["sort"].options


def test_schools_page_by_fifty_keeping_the_filters(hub_a: HubArea, hub_a_admin: User, trafford: LocalAuthority) -> None:
    for number in range(51):
        SchoolFactory.create(local_authority=trafford, name=f"Stretford School {number:02}", phase="primary")
    client = sign_in(Client(), hub_a_admin)

    first = client.get(LIST, {"phase": "primary"}).content.decode()

    assert "Showing 1 to 50 of 51 schools" in first
    assert links(first)["Next page"] == "?phase=primary&page=2"
    assert "Stretford School 50" in client.get(LIST, {"phase": "primary", "page": "2"}).content.decode()


def test_an_area_with_no_schools_yet_offers_the_import_to_its_administrator(
    hub_a: HubArea, hub_a_admin: User, trafford: LocalAuthority
) -> None:
    page = sign_in(Client(), hub_a_admin).get(LIST).content.decode()

    assert "No schools yet" in page
    assert links(page)["import them from a GIAS extract"] == reverse("schools:register_import")
