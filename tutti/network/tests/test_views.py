"""The public pages tell a reader the same figures the database holds, and say so when a figure is not published."""

import re

import pytest
from django.urls import reverse

from tutti.network.models import FundingAllocation, LeadOrganisation, Verification
from tutti.network.tests.factories import (
    FundingAllocationFactory,
    HubAreaFactory,
    LeadAppointmentFactory,
    LocalAuthorityFactory,
    RegionFactory,
    square_path,
)

Stream = FundingAllocation.Stream
NOT_PUBLISHED = "Not published in this data"


@pytest.fixture
def east_of_england(db):
    return RegionFactory(code="E12000006", name="East of England")


@pytest.fixture
def south_east(db):
    return RegionFactory(code="E12000008", name="South East")


@pytest.fixture
def hertfordshire(east_of_england):
    area = HubAreaFactory(
        name="Hertfordshire",
        slug="hertfordshire",
        sources="https://hertsmusicservice.org.uk/hertfordshire-music-hub",
    )
    LocalAuthorityFactory(
        hub_area=area,
        name="Hertfordshire",
        ons_code="E10000015",
        dfe_code=919,
        kind="county",
        region=east_of_england,
        boundary_svg=square_path(600, 700),
    )
    LeadAppointmentFactory(
        hub_area=area,
        organisation__name="Hertfordshire Music Service",
        organisation__kind=LeadOrganisation.Kind.COUNCIL,
        organisation__website="https://hertsmusicservice.org.uk/",
    )
    source = "https://www.artscouncil.org.uk/hertfordshire-allocation"
    FundingAllocationFactory(hub_area=area, stream=Stream.REVENUE, amount_pence=167285400, source=source)
    FundingAllocationFactory(hub_area=area, stream=Stream.CAPITAL, amount_pence=54951800, source=source)
    return area


@pytest.fixture
def berkshire(south_east):
    """A hub with no lead and no figures in the data: partly confirmed."""
    area = HubAreaFactory(
        name="Berkshire", slug="berkshire", verification=Verification.PARTIAL, sources="https://example.org/berks"
    )
    LocalAuthorityFactory(
        hub_area=area, name="Reading", ons_code="E06000038", region=south_east, boundary_svg=square_path(500, 750)
    )
    LocalAuthorityFactory(
        hub_area=area, name="Slough", ons_code="E06000039", region=south_east, boundary_svg=square_path(540, 750)
    )
    return area


@pytest.fixture
def cornwall(south_east):
    """A hub that publishes only a combined total."""
    area = HubAreaFactory(name="Cornwall & Isles of Scilly", slug="cornwall-isles-of-scilly")
    LocalAuthorityFactory(hub_area=area, name="Cornwall", ons_code="E06000052", region=south_east)
    LeadAppointmentFactory(hub_area=area, organisation__name="ASONE Hub")
    FundingAllocationFactory(hub_area=area, stream=Stream.COMBINED, amount_pence=92224700)
    return area


@pytest.fixture
def network(hertfordshire, berkshire, cornwall):
    return [hertfordshire, berkshire, cornwall]


def table_body(html: str) -> str:
    return html.split('<tbody class="govuk-table__body">', 1)[1].split("</tbody>", 1)[0]


def row_order(html: str) -> list[str]:
    """The hub area names in the directory table, top to bottom."""
    return re.findall(r'<th scope="row" class="govuk-table__header"><a [^>]*>([^<]+)</a>', table_body(html))


# Home


def test_home_states_national_totals_over_published_figures_only(client, network):
    html = client.get(reverse("network:home")).content.decode()

    assert "Music Hubs in England" in html
    assert '<dd class="govuk-heading-l">3</dd>' in html  # hub areas
    assert '<dd class="govuk-heading-l">4</dd>' in html  # local authorities
    assert "£1,672,854</span>" in html
    assert "across 1 hub that publishes a revenue figure" in html
    assert "£549,518</span>" in html
    # Hertfordshire's £2,222,372 plus Cornwall's published total £922,247; Berkshire adds nothing.
    assert "£3,144,619</span>" in html
    assert "across 2 hubs that publish a total (1 with the revenue and capital split)" in html
    assert "£0" not in html


def test_home_lists_the_aims_and_strategic_functions_from_the_database(client, db):
    html = client.get(reverse("network:home")).content.decode()

    assert "Support schools and other education settings to deliver high-quality music education." in html
    for name in ["Partnerships", "Schools", "Progression and musical development", "Inclusion", "Sustainability"]:
        assert f'<dt class="govuk-summary-list__key">{name}</dt>' in html
    for name in ["network:hub_list", "network:map", "network:downloads", "api:docs"]:
        assert f'href="{reverse(name)}"' in html


# Directory


def test_directory_shows_each_hubs_figures_and_says_when_they_are_not_published(client, network):
    html = client.get(reverse("network:hub_list")).content.decode()
    body = table_body(html)

    assert "3 of 3 hub areas" in html
    for figure in ["£1,672,854", "£549,518", "£2,222,372", "£922,247"]:
        assert figure in body
    berkshire_row = body.split(">Berkshire</a>", 1)[1].split("</tr>", 1)[0]
    assert berkshire_row.count(NOT_PUBLISHED) == 4  # lead, revenue, capital, total
    assert "Partly confirmed" in berkshire_row
    assert "Reading, Slough" in berkshire_row
    assert "£0" not in html
    assert '<caption class="govuk-table__caption govuk-table__caption--m"' in html
    assert 'aria-sort="ascending"' in html  # by area, the default


def test_directory_sorts_by_money_with_unpublished_figures_last_both_ways(client, network):
    herts_two = HubAreaFactory(name="Anglia", slug="anglia")
    LocalAuthorityFactory(hub_area=herts_two, ons_code="E06000099")
    FundingAllocationFactory(hub_area=herts_two, stream=Stream.REVENUE, amount_pence=100000000)
    FundingAllocationFactory(hub_area=herts_two, stream=Stream.CAPITAL, amount_pence=32849000)

    descending = client.get(reverse("network:hub_list"), {"sort": "-revenue"}).content.decode()
    ascending = client.get(reverse("network:hub_list"), {"sort": "revenue"}).content.decode()

    assert row_order(descending) == ["Hertfordshire", "Anglia", "Berkshire", "Cornwall &amp; Isles of Scilly"]
    assert row_order(ascending) == ["Anglia", "Hertfordshire", "Berkshire", "Cornwall &amp; Isles of Scilly"]
    assert re.search(r'aria-sort="descending">\s*<a [^>]*href="\?sort=revenue"', descending)
    assert re.search(r'aria-sort="ascending">\s*<a [^>]*href="\?sort=-revenue"', ascending)


def test_directory_sorts_by_total_including_a_combined_figure(client, network):
    html = client.get(reverse("network:hub_list"), {"sort": "-total"}).content.decode()

    assert row_order(html) == ["Hertfordshire", "Cornwall &amp; Isles of Scilly", "Berkshire"]


def test_directory_sort_links_keep_the_filters(client, network):
    html = client.get(reverse("network:hub_list"), {"q": "music", "region": "E12000006"}).content.decode()

    assert 'href="?q=music&amp;region=E12000006&amp;sort=-area"' in html
    assert 'href="?q=music&amp;region=E12000006&amp;sort=revenue"' in html


def test_an_unknown_sort_falls_back_to_area_order(client, network):
    html = client.get(reverse("network:hub_list"), {"sort": "shoe-size"}).content.decode()

    assert row_order(html) == ["Berkshire", "Cornwall &amp; Isles of Scilly", "Hertfordshire"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hertfordshire music", ["Hertfordshire"]),  # lead organisation
        ("SLOUGH", ["Berkshire"]),  # local authority name, any case
        ("e10000015", ["Hertfordshire"]),  # ONS code
        ("scilly", ["Cornwall &amp; Isles of Scilly"]),  # area name
    ],
)
def test_directory_finds_hubs_by_text(client, network, query, expected):
    html = client.get(reverse("network:hub_list"), {"q": query}).content.decode()

    assert row_order(html) == expected
    assert f"{len(expected)} of 3 hub areas" in html
    assert "Clear filters" in html


def test_directory_filters_by_region(client, network):
    html = client.get(reverse("network:hub_list"), {"region": "E12000008"}).content.decode()

    assert row_order(html) == ["Berkshire", "Cornwall &amp; Isles of Scilly"]
    assert '<option value="E12000008" selected>South East</option>' in html


def test_directory_says_when_nothing_matches_and_offers_to_clear(client, network):
    html = client.get(reverse("network:hub_list"), {"q": "Atlantis"}).content.decode()

    assert "0 of 3 hub areas" in html
    assert "No hub areas match your search" in html
    assert (
        f'<a class="govuk-link" href="{reverse("network:hub_list")}">Clear the filters and show all 3 hub areas</a>'
        in html
    )
    assert "<table" not in html


def test_directory_explains_an_unknown_region(client, network):
    response = client.get(reverse("network:hub_list"), {"region": "E12999999"})
    html = response.content.decode()

    assert response.status_code == 200
    assert '<a href="#region">Choose a region from the list</a>' in html
    assert "govuk-select--error" in html


def test_directory_query_count_does_not_grow_with_hubs(client, network, django_assert_max_num_queries):
    for _index in range(10):
        area = HubAreaFactory()
        LocalAuthorityFactory.create_batch(2, hub_area=area)
        LeadAppointmentFactory(hub_area=area)
        FundingAllocationFactory(hub_area=area, stream=Stream.REVENUE)

    with django_assert_max_num_queries(10):
        client.get(reverse("network:hub_list"), {"q": "a", "region": "E12000008", "sort": "-total"})
    with django_assert_max_num_queries(7):
        client.get(reverse("network:hub_list"))


# One hub


def test_hub_page_shows_its_lead_funding_local_authorities_and_sources(client, hertfordshire, berkshire):
    html = client.get(reverse("network:hub_detail", args=["hertfordshire"])).content.decode()

    assert "<title>Hertfordshire \u2013 Tutti</title>" in html
    assert '<a class="govuk-link" href="https://hertsmusicservice.org.uk/">Hertfordshire Music Service</a>' in html
    assert "1 September 2024" in html
    assert "Confirmed by sources" in html
    for figure in ["£1,672,854", "£549,518", "£2,222,372"]:
        assert figure in html
    assert '<th scope="row" class="govuk-table__header">Hertfordshire</th>' in html
    assert re.search(r"E10000015</td>\s*<td[^>]*>919</td>\s*<td[^>]*>East of England</td>", html)
    assert 'href="https://www.artscouncil.org.uk/hertfordshire-allocation"' in html
    assert 'href="https://hertsmusicservice.org.uk/hertfordshire-music-hub"' in html
    # The locator map draws Hertfordshire highlighted and the other area as context.
    selected = html.split('<g class="tutti-map__selected">', 1)[1].split("</g>", 1)[0]
    context = html.split('<g class="tutti-map__context">', 1)[1].split("</g>", 1)[0]
    assert 'd="M600,700L640,700L640,740L600,740Z"' in selected
    assert 'd="M500,750L540,750L540,790L500,790Z"' in context


def test_hub_page_without_figures_says_not_published_and_never_zero(client, hertfordshire, berkshire):
    html = client.get(reverse("network:hub_detail", args=["berkshire"])).content.decode()

    assert html.count(NOT_PUBLISHED) >= 4  # lead, kind, lead since, funding
    assert "£0" not in html
    assert "Partly confirmed" in html
    assert 'href="https://example.org/berks"' in html
    assert "E06000038" in html
    assert "E06000039" in html


def test_hub_page_with_a_combined_total_says_the_split_is_not_published(client, cornwall):
    html = client.get(reverse("network:hub_detail", args=["cornwall-isles-of-scilly"])).content.decode()

    assert "£922,247" in html
    assert "the revenue and capital split is not published" in html
    assert "£0" not in html


def test_unknown_hub_is_not_found(client, hertfordshire):
    assert client.get(reverse("network:hub_detail", args=["atlantis"])).status_code == 404


def test_hub_page_query_count_is_fixed(client, network, django_assert_max_num_queries):
    # Six for the network's own figures, two for the parts later modules register (opportunities, documents).
    with django_assert_max_num_queries(8):
        client.get(reverse("network:hub_detail", args=["hertfordshire"]))


# Map


def test_map_draws_each_area_as_one_named_link_around_its_local_authorities(client, network):
    html = client.get(reverse("network:map")).content.decode()
    svg = html.split('<svg class="tutti-map"', 1)[1].split("</svg>", 1)[0]

    links = re.findall(r'<a href="([^"]+)" class="([^"]+)" aria-label="([^"]+)"', svg)
    assert sorted(links) == sorted(
        [
            ("/hubs/berkshire/", "tutti-step-none", f"Berkshire: {NOT_PUBLISHED}"),
            ("/hubs/cornwall-isles-of-scilly/", "tutti-step-1", "Cornwall &amp; Isles of Scilly: £922,247"),
            ("/hubs/hertfordshire/", "tutti-step-5", "Hertfordshire: £2,222,372"),
        ]
    )
    berkshire_link = svg.split('href="/hubs/berkshire/"', 1)[1].split("</a>", 1)[0]
    assert berkshire_link.count("<path ") == 2
    assert "£922,247</span>" in html
    assert "£2,222,372</span>" in html
    assert f"{NOT_PUBLISHED}</span>" in html
    assert (
        "Source: Office for National Statistics licensed under the Open Government Licence v3.0. "
        "Contains OS data © Crown copyright and database right 2024."
    ) in html
    table = table_body(html)
    assert "£2,222,372</td>" in table
    assert f'<span class="tutti-not-published">{NOT_PUBLISHED}</span>' in table


def test_map_by_number_of_local_authorities(client, network):
    html = client.get(reverse("network:map"), {"measure": "local_authorities"}).content.decode()

    assert 'aria-label="Berkshire: 2 local authorities"' in html
    assert 'aria-label="Hertfordshire: 1 local authority"' in html
    assert 'value="local_authorities" checked' in html
    assert NOT_PUBLISHED not in html.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_map_explains_an_unknown_measure_and_shows_total_funding(client, network):
    html = client.get(reverse("network:map"), {"measure": "rainfall"}).content.decode()

    assert '<a href="#measure">Choose a measure to colour the map by' in html
    assert 'aria-label="Hertfordshire: £2,222,372"' in html


def test_map_query_count_is_fixed(client, network, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(reverse("network:map"))


def test_every_page_answers_for_an_empty_network(client, db):
    for name in ["network:home", "network:hub_list", "network:map", "network:downloads"]:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert "£0" not in response.content.decode()


def test_pages_refuse_to_be_posted_to(client, network):
    assert client.post(reverse("network:hub_list")).status_code == 405


@pytest.mark.parametrize("sort", ["lead", "-lead"])
def test_directory_lists_hubs_without_a_lead_last_either_way(client, network, sort):
    html = client.get(reverse("network:hub_list"), {"sort": sort}).content.decode()

    assert row_order(html)[-1] == "Berkshire"


def test_directory_sorts_by_number_of_local_authorities(client, network):
    html = client.get(reverse("network:hub_list"), {"sort": "-local_authorities"}).content.decode()

    assert row_order(html) == ["Berkshire", "Cornwall &amp; Isles of Scilly", "Hertfordshire"]
