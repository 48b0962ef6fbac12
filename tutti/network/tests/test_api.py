"""The read-only JSON API: what it says about each hub area, local authority, lead and allocation."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from tutti.network.models import FundingAllocation, LeadOrganisation, LocalAuthority, Verification
from tutti.network.selectors import hub_area_summaries
from tutti.network.services import network_revision_bump
from tutti.network.tests.factories import (
    FundingAllocationFactory,
    HubAreaFactory,
    LeadAppointmentFactory,
    LeadOrganisationFactory,
    LocalAuthorityFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

Stream = FundingAllocation.Stream
HERTS_SOURCE = "https://hertsmusicservice.org.uk/hertfordshire-music-hub/music-hub-lead-organisation.aspx"


@pytest.fixture
def east_of_england():
    return RegionFactory(code="E12000006", name="East of England")


@pytest.fixture
def south_east():
    return RegionFactory(code="E12000008", name="South East")


@pytest.fixture
def hertfordshire(east_of_england):
    area = HubAreaFactory(name="Hertfordshire", slug="hertfordshire", sources=HERTS_SOURCE)
    LocalAuthorityFactory(
        ons_code="E10000015",
        dfe_code=919,
        name="Hertfordshire",
        kind=LocalAuthority.Kind.COUNTY,
        region=east_of_england,
        hub_area=area,
    )
    lead = LeadOrganisationFactory(
        name="Hertfordshire Music Service (Hertfordshire County Council)",
        kind=LeadOrganisation.Kind.COUNCIL,
        website="https://hertsmusicservice.org.uk/",
    )
    LeadAppointmentFactory(hub_area=area, organisation=lead, starts_on=datetime.date(2024, 9, 1))
    FundingAllocationFactory(
        hub_area=area, academic_year=2024, stream=Stream.REVENUE, amount_pence=167_285_400, source=HERTS_SOURCE
    )
    FundingAllocationFactory(
        hub_area=area, academic_year=2024, stream=Stream.CAPITAL, amount_pence=54_951_800, source=HERTS_SOURCE
    )
    return area


@pytest.fixture
def berkshire(south_east):
    """An area whose lead is not confirmed and whose figures are not published."""
    area = HubAreaFactory(
        name="Berkshire", slug="berkshire", verification=Verification.PARTIAL, sources="https://example.org/berkshire"
    )
    for code, name in [("E06000036", "Bracknell Forest"), ("E06000038", "Reading")]:
        LocalAuthorityFactory(ons_code=code, dfe_code=None, name=name, region=south_east, hub_area=area)
    return area


@pytest.fixture
def cornwall(south_east):
    """An area with only a combined total published, no revenue/capital split."""
    area = HubAreaFactory(name="Cornwall & Isles of Scilly", slug="cornwall-isles-of-scilly")
    LocalAuthorityFactory(ons_code="E06000052", dfe_code=908, name="Cornwall", region=south_east, hub_area=area)
    FundingAllocationFactory(hub_area=area, academic_year=2024, stream=Stream.COMBINED, amount_pence=92_224_700)
    return area


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


# Hub areas ------------------------------------------------------------------------------------


def test_hub_area_detail_gives_hertfordshire_as_published(client, hertfordshire):
    data = get_json(client, "/api/hub-areas/hertfordshire/")

    assert data == {
        "name": "Hertfordshire",
        "slug": "hertfordshire",
        "verification": "yes",
        "sources": [HERTS_SOURCE],
        "regions": ["East of England"],
        "local_authorities": [{"ons_code": "E10000015", "name": "Hertfordshire"}],
        "lead_organisation": {
            "name": "Hertfordshire Music Service (Hertfordshire County Council)",
            "kind": "council",
            "website": "https://hertsmusicservice.org.uk/",
            "appointed_from": "2024-09-01",
        },
        "funding": {
            "academic_year": "2024/25",
            "revenue_pence": 167_285_400,
            "capital_pence": 54_951_800,
            "combined_pence": None,
            "total_pence": 222_237_200,
            "sources": [HERTS_SOURCE],
        },
        "links": {
            "api": "http://testserver/api/hub-areas/hertfordshire/",
            "html": "http://testserver" + reverse("network:hub_detail", args=["hertfordshire"]),
        },
    }


def test_hub_area_without_published_figures_gives_nulls_not_zeros(client, hertfordshire, berkshire):
    data = get_json(client, "/api/hub-areas/berkshire/")

    assert data["verification"] == "partial"
    assert data["lead_organisation"] is None
    assert [la["ons_code"] for la in data["local_authorities"]] == ["E06000036", "E06000038"]
    # The latest year held is 2024/25 (Hertfordshire's); Berkshire simply has nothing published for it.
    assert data["funding"] == {
        "academic_year": "2024/25",
        "revenue_pence": None,
        "capital_pence": None,
        "combined_pence": None,
        "total_pence": None,
        "sources": [],
    }


def test_hub_area_with_only_a_combined_figure_totals_that_figure(client, cornwall):
    funding = get_json(client, "/api/hub-areas/cornwall-isles-of-scilly/")["funding"]

    assert funding["revenue_pence"] is None
    assert funding["capital_pence"] is None
    assert funding["combined_pence"] == 92_224_700
    assert funding["total_pence"] == 92_224_700


def test_hub_area_funding_is_for_the_latest_year_held(client, hertfordshire):
    FundingAllocationFactory(hub_area=hertfordshire, academic_year=2023, stream=Stream.REVENUE, amount_pence=100)

    funding = get_json(client, "/api/hub-areas/hertfordshire/")["funding"]

    assert funding["academic_year"] == "2024/25"
    assert funding["revenue_pence"] == 167_285_400


def test_no_funding_held_at_all_gives_a_null_year(client, berkshire):
    funding = get_json(client, "/api/hub-areas/berkshire/")["funding"]

    assert funding["academic_year"] is None
    assert funding["total_pence"] is None


def test_hub_area_list_agrees_with_the_selector_the_pages_use(client, hertfordshire, berkshire, cornwall):
    data = get_json(client, "/api/hub-areas/")

    summaries = hub_area_summaries()
    assert data["count"] == 3
    assert [area["slug"] for area in data["results"]] == [s.area.slug for s in summaries]
    for area, summary in zip(data["results"], summaries, strict=True):
        assert area["funding"]["total_pence"] == summary.funding.total_pence
        assert area["funding"]["revenue_pence"] == summary.funding.revenue_pence
        assert area["regions"] == summary.region_names
        assert [la["ons_code"] for la in area["local_authorities"]] == [la.ons_code for la in summary.local_authorities]


def test_hub_area_list_filters_by_region_code(client, hertfordshire, berkshire, cornwall):
    data = get_json(client, "/api/hub-areas/", region="E12000006")

    assert [area["slug"] for area in data["results"]] == ["hertfordshire"]


def test_hub_area_list_filters_by_text_in_a_local_authority_name(client, hertfordshire, berkshire):
    data = get_json(client, "/api/hub-areas/", q="reading")

    assert [area["slug"] for area in data["results"]] == ["berkshire"]


def test_hub_area_list_refuses_an_unknown_region_naming_the_parameter(client, hertfordshire):
    response = client.get("/api/hub-areas/", {"region": "E12999999"})

    assert response.status_code == 400
    assert "region" in response.json()


def test_hub_area_list_pages_with_limit_and_offset(client, hertfordshire, berkshire, cornwall):
    data = get_json(client, "/api/hub-areas/", limit=1, offset=1)

    assert data["count"] == 3
    assert [area["slug"] for area in data["results"]] == ["cornwall-isles-of-scilly"]
    assert "offset=2" in data["next"]
    assert data["previous"] is not None


def test_hub_area_list_queries_do_not_grow_with_the_number_of_areas(
    client, hertfordshire, berkshire, django_assert_num_queries
):
    # count, page, latest year, areas, their local authorities, current leads, allocations
    with django_assert_num_queries(8):
        client.get("/api/hub-areas/")
    for n in range(5):
        area = HubAreaFactory(name=f"Extra area {n}", slug=f"extra-area-{n}")
        LocalAuthorityFactory(ons_code=f"E0600090{n}", hub_area=area)
        LeadAppointmentFactory(hub_area=area)
        FundingAllocationFactory(hub_area=area)
    network_revision_bump()  # as an import does: pages cached before it are not served again
    with django_assert_num_queries(8):
        data = get_json(client, "/api/hub-areas/")
    assert data["count"] == 7


def test_unknown_hub_area_is_404(client, hertfordshire):
    response = client.get("/api/hub-areas/atlantis/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


# Local authorities ----------------------------------------------------------------------------


def test_local_authority_detail_by_ons_code(client, hertfordshire):
    data = get_json(client, "/api/local-authorities/E10000015/")

    assert data == {
        "ons_code": "E10000015",
        "dfe_code": 919,
        "name": "Hertfordshire",
        "kind": "county",
        "region": {"code": "E12000006", "name": "East of England"},
        "hub_area": "hertfordshire",
        "url": "http://testserver/api/local-authorities/E10000015/",
    }


def test_local_authority_without_a_hub_area_says_null(client, east_of_england):
    LocalAuthorityFactory(ons_code="E06000099", name="Nowhere", region=east_of_england, hub_area=None)

    assert get_json(client, "/api/local-authorities/E06000099/")["hub_area"] is None


def test_local_authorities_filter_by_region_and_by_hub_area(client, hertfordshire, berkshire, cornwall):
    by_region = get_json(client, "/api/local-authorities/", region="E12000008")
    by_area = get_json(client, "/api/local-authorities/", hub_area="berkshire")

    assert [la["ons_code"] for la in by_region["results"]] == ["E06000036", "E06000052", "E06000038"]
    assert [la["name"] for la in by_area["results"]] == ["Bracknell Forest", "Reading"]


def test_local_authority_list_queries_are_pinned(client, hertfordshire, berkshire, django_assert_num_queries):
    with django_assert_num_queries(3):  # revision, count, page with region and hub area joined
        data = get_json(client, "/api/local-authorities/")
    assert data["count"] == 3


def test_unknown_local_authority_is_404(client, hertfordshire):
    assert client.get("/api/local-authorities/E10000099/").status_code == 404


def test_local_authorities_refuse_an_unknown_hub_area_naming_the_parameter(client, hertfordshire):
    response = client.get("/api/local-authorities/", {"hub_area": "atlantis"})

    assert response.status_code == 400
    assert "hub_area" in response.json()


# Lead organisations ---------------------------------------------------------------------------


def test_lead_organisations_list_their_appointments(client, hertfordshire, berkshire):
    data = get_json(client, "/api/lead-organisations/")

    assert data["results"] == [
        {
            "name": "Hertfordshire Music Service (Hertfordshire County Council)",
            "kind": "council",
            "website": "https://hertsmusicservice.org.uk/",
            "appointments": [
                {"hub_area": "hertfordshire", "appointed_from": "2024-09-01", "appointed_until": None},
            ],
        }
    ]


def test_lead_organisations_filter_by_kind_and_hub_area(client, hertfordshire, berkshire):
    charity = LeadOrganisationFactory(name="Berkshire Music Trust", kind=LeadOrganisation.Kind.CHARITY)
    LeadAppointmentFactory(hub_area=berkshire, organisation=charity)

    by_kind = get_json(client, "/api/lead-organisations/", kind="charity")
    by_area = get_json(client, "/api/lead-organisations/", hub_area="hertfordshire")

    assert [org["name"] for org in by_kind["results"]] == ["Berkshire Music Trust"]
    assert [org["name"] for org in by_area["results"]] == ["Hertfordshire Music Service (Hertfordshire County Council)"]


def test_lead_organisation_list_queries_are_pinned(client, hertfordshire, django_assert_num_queries):
    for _ in range(4):
        LeadAppointmentFactory()
    with django_assert_num_queries(4):  # revision, count, page, appointments with their areas
        data = get_json(client, "/api/lead-organisations/")
    assert data["count"] == 5


# Allocations ----------------------------------------------------------------------------------


def test_allocations_list_each_stream_in_pence(client, hertfordshire):
    data = get_json(client, "/api/allocations/")

    assert data["results"] == [
        {
            "hub_area": "hertfordshire",
            "academic_year": "2024/25",
            "stream": "capital",
            "amount_pence": 54_951_800,
            "sources": [HERTS_SOURCE],
        },
        {
            "hub_area": "hertfordshire",
            "academic_year": "2024/25",
            "stream": "revenue",
            "amount_pence": 167_285_400,
            "sources": [HERTS_SOURCE],
        },
    ]


def test_allocations_filter_by_hub_area_year_and_stream(client, hertfordshire, cornwall):
    FundingAllocationFactory(hub_area=hertfordshire, academic_year=2023, stream=Stream.REVENUE, amount_pence=100)

    by_area = get_json(client, "/api/allocations/", hub_area="cornwall-isles-of-scilly")
    by_year = get_json(client, "/api/allocations/", academic_year="2023/24")
    by_stream = get_json(client, "/api/allocations/", stream="revenue", academic_year="2024-25")

    assert [(a["hub_area"], a["stream"]) for a in by_area["results"]] == [("cornwall-isles-of-scilly", "combined")]
    assert [(a["academic_year"], a["amount_pence"]) for a in by_year["results"]] == [("2023/24", 100)]
    assert [a["amount_pence"] for a in by_stream["results"]] == [167_285_400]


def test_allocations_refuse_a_year_that_is_not_an_academic_year(client, hertfordshire):
    response = client.get("/api/allocations/", {"academic_year": "2024/26"})

    assert response.status_code == 400
    assert "the second year must follow the first" in response.json()["academic_year"][0]


def test_allocations_refuse_an_unknown_stream_naming_the_parameter(client, hertfordshire):
    response = client.get("/api/allocations/", {"stream": "pocket-money"})

    assert response.status_code == 400
    assert "stream" in response.json()


def test_allocation_list_queries_are_pinned(client, hertfordshire, cornwall, django_assert_num_queries):
    with django_assert_num_queries(3):  # revision, count, page with the hub area joined
        data = get_json(client, "/api/allocations/")
    assert data["count"] == 3


# Read-only, JSON only -------------------------------------------------------------------------

ENDPOINTS = [
    "/api/hub-areas/",
    "/api/hub-areas/hertfordshire/",
    "/api/local-authorities/",
    "/api/local-authorities/E10000015/",
    "/api/lead-organisations/",
    "/api/allocations/",
]


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused_with_405(client, hertfordshire, url, method):
    response = getattr(client, method)(url, data=json.dumps({"name": "Changed"}), content_type="application/json")

    assert response.status_code == 405
    assert response.json() == {"detail": f'Method "{method.upper()}" not allowed.'}
    assert get_json(client, "/api/hub-areas/hertfordshire/")["name"] == "Hertfordshire"


@pytest.mark.parametrize("url", ENDPOINTS)
def test_reads_answer_head_and_options(client, hertfordshire, url):
    assert client.head(url).status_code == 200
    options = client.options(url)
    assert options.status_code == 200
    assert set(options["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_api_answers_json_even_when_a_browser_asks_for_html(client, hertfordshire):
    response = client.get("/api/hub-areas/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


# Schema and docs ------------------------------------------------------------------------------


def test_schema_validates_without_warnings(tmp_path):
    schema_file = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema_file))

    text = schema_file.read_text()
    for path in ["/api/hub-areas/", "/api/hub-areas/{slug}/", "/api/local-authorities/{ons_code}/"]:
        assert f"{path}:" in text
    assert "/api/allocations/:" in text
    assert "/api/lead-organisations/:" in text


def test_schema_is_served_and_describes_nullable_pence(client):
    response = client.get("/api/schema/", {"format": "json"})

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    funding = schema["components"]["schemas"]["Funding"]["properties"]
    assert funding["total_pence"] == {
        "type": "integer",
        "nullable": True,
        "description": "Revenue plus capital when both are published, otherwise the combined figure.",
    }
    assert set(schema["paths"]) == {
        "/api/hub-areas/",
        "/api/hub-areas/{slug}/",
        "/api/local-authorities/",
        "/api/local-authorities/{ons_code}/",
        "/api/lead-organisations/",
        "/api/allocations/",
    }


def test_docs_page_lists_every_endpoint_with_its_filters_and_a_real_example(client, hertfordshire, berkshire):
    response = client.get("/api/")

    assert response.status_code == 200
    html = response.content.decode()
    for path in [
        "/api/hub-areas/",
        "/api/hub-areas/hertfordshire/",
        "/api/local-authorities/",
        "/api/local-authorities/E10000015/",
        "/api/lead-organisations/",
        "/api/allocations/",
    ]:
        assert f"<code>GET {path}</code>" in html
    # Filters come from the filter sets, examples from the endpoints themselves.
    assert "<code>region</code>" in html
    assert "<code>academic_year</code>" in html
    assert "GET /api/allocations/?hub_area=hertfordshire&amp;academic_year=2024/25" in html
    assert "&quot;total_pence&quot;: 222237200" in html
    assert 'href="/api/schema/"' in html
    assert "Open Government Licence v3.0" in html


def test_docs_page_works_with_no_data_loaded(client):
    response = client.get("/api/")

    assert response.status_code == 200
    assert "No data is loaded yet" in response.content.decode()


@pytest.mark.browser
def test_docs_page_passes_axe(page, hertfordshire, berkshire):
    from tutti.core.testing.browser import open_page

    open_page(page, "/api/", title_contains="API")
    example = page.locator("section", has=page.get_by_role("heading", name="GET /api/hub-areas/hertfordshire/"))
    assert not example.get_by_text('"total_pence": 222237200').is_visible()
    # The example responses fold away in <details>, which opens without JavaScript.
    example.get_by_text("Example response").click()
    assert example.get_by_text('"total_pence": 222237200').is_visible()


@pytest.mark.browser
def test_docs_page_shows_its_examples_without_javascript(browser, live_server, hertfordshire):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/api/")
        example = page.locator("section", has=page.get_by_role("heading", name="GET /api/allocations/"))
        example.get_by_text("Example response").click()
        assert example.get_by_text('"amount_pence": 167285400').is_visible()
    finally:
        context.close()
