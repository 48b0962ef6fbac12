"""Public pages of the national network: home, directory, one hub, map and downloads.

Every figure comes from `selectors.hub_area_summaries()`; the views only choose which summaries
and hand them to the table, map or download builders.
"""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tutti.core import academic_year
from tutti.core.csv_files import CSV_CONTENT_TYPE
from tutti.network import downloads as download_files
from tutti.network.caching import cached_public_page
from tutti.network.hub_page import parts_for
from tutti.network.map import MEASURES, MEASURES_BY_KEY, build_map
from tutti.network.models import Aim, StrategicFunction
from tutti.network.selectors import hub_area_summaries, latest_funding_year, national_totals
from tutti.network.tables import HubDirectory


def _year_context(year: int | None) -> dict[str, object]:
    return {"year": year, "year_label": academic_year.label(year) if year is not None else None}


@require_safe
@cached_public_page
def home(request: HttpRequest) -> HttpResponse:
    year = latest_funding_year()
    summaries = hub_area_summaries(year=year)
    return render(
        request,
        "network/home.html",
        {
            "totals": national_totals(summaries),
            "aims": Aim.objects.all(),
            "functions": StrategicFunction.objects.all(),
            **_year_context(year),
        },
    )


@require_safe
@cached_public_page
def hub_list(request: HttpRequest) -> HttpResponse:
    directory = HubDirectory.build(request.GET)
    return render(request, "network/hub_list.html", directory.context())


@require_safe
@cached_public_page
def hub_detail(request: HttpRequest, slug: str) -> HttpResponse:
    year = latest_funding_year()
    # All areas, not just this one: the locator map draws England's other areas around it.
    summaries = hub_area_summaries(year=year, boundaries=True)
    summary = next((s for s in summaries if s.area.slug == slug), None)
    if summary is None:
        raise Http404(f"No hub area is called {slug!r}")
    hub_map = build_map(summaries)
    return render(
        request,
        "network/hub_detail.html",
        {
            "summary": summary,
            "area": summary.area,
            "hub_map": hub_map,
            "map_area": hub_map.area(slug),
            "parts": parts_for(summary.area),
            **_year_context(year),
        },
    )


@require_safe
@cached_public_page
def hub_map(request: HttpRequest) -> HttpResponse:
    requested = request.GET.get("measure", "")
    measure_error = None
    if requested and requested not in MEASURES_BY_KEY:
        choices = " or ".join(measure.label.lower() for measure in MEASURES)
        measure_error = f"Choose a measure to colour the map by: {choices}"
    year = latest_funding_year()
    summaries = hub_area_summaries(year=year, boundaries=True)
    hub_map = build_map(summaries, requested if not measure_error else None)
    return render(
        request,
        "network/map.html",
        {"hub_map": hub_map, "measures": MEASURES, "measure_error": measure_error, **_year_context(year)},
    )


@require_safe
@cached_public_page
def downloads(request: HttpRequest) -> HttpResponse:
    return render(request, "network/downloads.html", {**_year_context(latest_funding_year())})


def _attachment(content: str | bytes, *, content_type: str, filename: str) -> HttpResponse:
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@require_safe
@cached_public_page
def lead_organisations_csv(request: HttpRequest) -> HttpResponse:
    return _attachment(
        download_files.lead_organisations_csv(),
        content_type=CSV_CONTENT_TYPE,
        filename="hub-lead-organisations.csv",
    )


def _hub_areas_download(builder: Callable[..., str | bytes], *, content_type: str, extension: str) -> HttpResponse:
    """The one funding table, as CSV or XLSX: both from the same summaries, so they never disagree."""
    year = latest_funding_year()
    return _attachment(
        builder(hub_area_summaries(year=year), year=year),
        content_type=content_type,
        filename=f"hub-areas-and-funding.{extension}",
    )


@require_safe
@cached_public_page
def hub_areas_csv(request: HttpRequest) -> HttpResponse:
    return _hub_areas_download(download_files.hub_areas_csv, content_type=CSV_CONTENT_TYPE, extension="csv")


@require_safe
@cached_public_page
def hub_areas_xlsx(request: HttpRequest) -> HttpResponse:
    return _hub_areas_download(
        download_files.hub_areas_xlsx, content_type=download_files.XLSX_CONTENT_TYPE, extension="xlsx"
    )
