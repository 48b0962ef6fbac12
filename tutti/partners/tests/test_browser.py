"""The partner list and the partnership map in a real browser, checked with axe-core, as a hub administrator."""

import importlib

import pytest
from django.apps import apps as django_apps

from tutti.accounts.models import Role
from tutti.accounts.testing import person, sign_in_browser
from tutti.core.testing.browser import open_page
from tutti.network.models import StrategicFunction
from tutti.network.tests.factories import HubAreaFactory, LocalAuthorityFactory
from tutti.partners.models import Partner
from tutti.partners.tests.factories import AgreementFactory, ContactFactory, PartnerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in_admin(page, live_server):
    # A transactional test starts from empty tables: recreate the functions and aims migration 0002 made.
    importlib.import_module("tutti.network.migrations.0002_aims_and_strategic_functions").create(django_apps, None)
    hub = HubAreaFactory.create(name="Hertfordshire", slug="hertfordshire")
    watford = LocalAuthorityFactory.create(hub_area=hub, name="Watford")
    choir = PartnerFactory.create(hub=hub, name="Watford Community Choir", kind=Partner.Kind.COMMUNITY_GROUP)
    choir.local_authorities.set([watford])
    ContactFactory.create(partner=choir, name="Imogen Fairweather")
    agreement = AgreementFactory.create(partner=choir, academic_year=2024)
    agreement.strategic_functions.set(StrategicFunction.objects.filter(slug="inclusion"))
    admin = person(hub=hub, roles=[Role.HUB_ADMINISTRATOR], email="admin@hertfordshire.example")
    sign_in_browser(page.context, admin, url=live_server.url)
    return page


def test_the_partner_list_filters_and_opens_a_partner(signed_in_admin) -> None:
    page = open_page(signed_in_admin, "/hub/partners/", title_contains="Partners")
    page.get_by_label("Kind").select_option("community_group")
    page.get_by_role("button", name="Apply filters").click()
    assert page.locator("#partners tbody th").all_inner_texts() == ["Watford Community Choir"]
    page.get_by_role("link", name="Watford Community Choir").click()
    open_page(page, page.url, title_contains="Watford Community Choir")
    assert "Imogen Fairweather" in page.locator("#contacts ~ table").first.inner_text()


def test_the_partnership_map_is_an_accessible_table(signed_in_admin) -> None:
    page = open_page(signed_in_admin, "/hub/partners/map/?year=2024/25", title_contains="Partnership map")
    row = page.locator("#partnership-map tbody tr", has_text="Inclusion")
    assert row.locator("td").nth(3).inner_text() == "1"  # the fourth kind: community group
    page.get_by_label("Columns").select_option("local_authority")
    page.get_by_role("button", name="Show map").click()
    open_page(page, page.url, title_contains="Partnership map")
    assert page.locator("#partnership-map thead th").all_inner_texts()[1] == "Watford"
