"""The public pages in a real browser: every page passes axe-core, and the map works by mouse and by keyboard.

The network is the real seed (43 areas, 153 local authorities with their ONS boundaries), loaded by
`manage.py load_network_seed`, so the pages are checked at their real size and shape.
"""

import importlib
import io
import re

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tutti.core.testing.browser import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the seed holds for Hertfordshire (tutti/network/seed/hubs_2024.csv).
HERTFORDSHIRE_FIGURES = ["£1,672,854", "£549,518", "£2,222,372"]


@pytest.fixture
def seeded(live_server) -> None:
    # A transactional test starts from empty tables, so the aims and functions migration 0002 made are
    # made again by the migration's own function; then the real seed, as `manage.py load_network_seed` loads it.
    reference_data = importlib.import_module("tutti.network.migrations.0002_aims_and_strategic_functions")
    reference_data.create(django_apps, None)
    call_command("load_network_seed", stdout=io.StringIO())


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/", "Music Hubs in England"),
        ("/hubs/", "Music Hubs"),
        ("/hubs/?sort=-total", "Music Hubs"),
        ("/hubs/?q=Atlantis", "Search results"),
        ("/hubs/hertfordshire/", "Hertfordshire"),
        ("/hubs/berkshire/", "Berkshire"),
        ("/map/", "Map of Music Hub areas"),
        ("/map/?measure=local_authorities", "Map of Music Hub areas"),
        ("/downloads/", "Downloads"),
    ],
)
def test_public_page_meets_wcag_22_aa(page: Page, seeded, url, title):
    open_page(page, url, title_contains=title)


def test_home_page_shows_the_aims_and_national_figures(page: Page, seeded):
    open_page(page, "/", title_contains="Music Hubs in England")

    expect(page.get_by_role("heading", name="The three aims of the National Plan for Music Education")).to_be_visible()
    expect(page.get_by_text("Sustainability", exact=True)).to_be_visible()
    expect(page.locator(".tutti-figures")).to_contain_text("43")


def test_clicking_a_map_area_opens_its_hub(page: Page, seeded):
    open_page(page, "/map/", title_contains="Map of Music Hub areas")
    area = page.locator('svg.tutti-map a[href="/hubs/hertfordshire/"]')
    expect(area).to_have_attribute("aria-label", "Hertfordshire: £2,222,372")

    area.click()

    expect(page).to_have_url(re.compile(r"/hubs/hertfordshire/$"))
    open_page(page, page.url, title_contains="Hertfordshire")
    for figure in HERTFORDSHIRE_FIGURES:
        expect(page.get_by_text(figure, exact=True)).to_be_visible()


def test_keyboard_reaches_a_map_area_and_follows_it(page: Page, seeded):
    open_page(page, "/map/", title_contains="Map of Music Hub areas")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('svg.tutti-map') !== null"):
            break
    else:
        pytest.fail("Sixty presses of Tab never reached an area on the map")

    name = page.evaluate("document.activeElement.getAttribute('aria-label')")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    # The focused area is drawn in the focus colour, so a keyboard user can see where they are.
    fill = page.evaluate("getComputedStyle(document.activeElement.querySelector('path')).fill")
    assert fill == "rgb(255, 221, 0)", f"{name} has fill {fill} when focused"

    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(name.split(":")[0])


def test_directory_filters_and_sorts_without_javascript(browser, live_server, seeded):
    # axe-core needs JavaScript, so this page is not opened through open_page: the tests above check it.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/hubs/")
        page.get_by_label("Search").fill("E10000015")
        page.get_by_role("button", name="Show hubs").click()

        expect(page.locator("#result-count")).to_have_text("1 of 43 hub areas")
        expect(page.locator("tbody tr")).to_have_count(1)
        expect(page.locator("tbody")).to_contain_text("Hertfordshire")

        page.get_by_role("link", name="Clear filters").click()
        page.get_by_role("link", name=re.compile(r"^Total")).click()
        expect(page.locator("th[aria-sort=ascending]")).to_contain_text("Total")
        page.get_by_role("link", name=re.compile(r"^Total")).click()
        expect(page.locator("th[aria-sort=descending]")).to_contain_text("Total")
        first_total = page.locator("tbody tr").first.locator("td").nth(4)
        expect(first_total).not_to_contain_text("Not published")
        expect(page.locator("tbody tr").last.locator("td").nth(4)).to_have_text("Not published in this data")
    finally:
        context.close()


@pytest.mark.parametrize("measure", ["total_funding", "local_authorities"])
def test_the_map_tables_figures_are_all_in_view_on_a_laptop_screen(browser, live_server, seeded, measure):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    open_page(page, f"/map/?measure={measure}", title_contains="Map of Music Hub areas")

    region = page.locator(".tutti-table-scroll").filter(has=page.locator("#map-table-caption"))
    cut_off = region.evaluate("(region) => region.scrollWidth - region.clientWidth")
    assert cut_off <= 0, f"the table beside the map is cut off by {cut_off} pixels"
    context.close()
