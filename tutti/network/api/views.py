"""The national network's read-only JSON API, and the page that documents it.

Every endpoint answers GET, HEAD and OPTIONS only; anything else is 405. Lists are paginated with
`limit` and `offset`. Hub areas take their figures from `selectors.hub_area_summaries()`, the same
function the pages and downloads use.
"""

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponseBase, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django_filters import FilterSet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from tutti.core import academic_year
from tutti.network.api import filters, serializers
from tutti.network.caching import cached_public_page
from tutti.network.filters import HubAreaFilterSet
from tutti.network.models import FundingAllocation, HubArea, LeadAppointment, LeadOrganisation, LocalAuthority
from tutti.network.selectors import hub_area_summaries, hub_area_summary, latest_funding_year

READ_ONLY_METHODS = ["get", "head", "options"]


@method_decorator(cached_public_page, name="dispatch")
class ReadOnlyViewSet(viewsets.GenericViewSet):
    """Lists and details only: the API publishes data, it never takes any."""

    http_method_names = READ_ONLY_METHODS
    filter_backends = [DjangoFilterBackend]
    # Public data for anyone: no sign-in, so no session lookup and no CSRF on any request.
    authentication_classes = []


@extend_schema_view(
    list=extend_schema(summary="List hub areas", description="Every hub area, filtered by region or text."),
    retrieve=extend_schema(summary="One hub area", description="One hub area by its slug; 404 if there is none."),
)
class HubAreaViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ReadOnlyViewSet):
    """Hub areas with their local authorities, current lead organisation and latest published funding."""

    queryset = HubArea.objects.all()
    serializer_class = serializers.HubAreaSerializer
    filterset_class = HubAreaFilterSet
    lookup_field = "slug"

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Filter and paginate the areas, then summarise only that page: a fixed number of queries.
        areas = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        if areas is None:
            areas = list(self.filter_queryset(self.get_queryset()))
        data = self.get_serializer(hub_area_summaries(areas=areas), many=True).data
        return self.get_paginated_response(data) if self.paginator is not None else Response(data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(hub_area_summary(self.get_object())).data)


@extend_schema_view(
    list=extend_schema(summary="List local authorities"),
    retrieve=extend_schema(summary="One local authority", description="By ONS code; 404 if there is none."),
)
class LocalAuthorityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ReadOnlyViewSet):
    """England's upper-tier local authorities, looked up by ONS code."""

    queryset = LocalAuthority.objects.select_related("region", "hub_area")
    serializer_class = serializers.LocalAuthoritySerializer
    filterset_class = filters.LocalAuthorityFilterSet
    lookup_field = "ons_code"
    lookup_value_regex = "E[0-9]{8}"


@extend_schema_view(list=extend_schema(summary="List lead organisations"))
class LeadOrganisationViewSet(mixins.ListModelMixin, ReadOnlyViewSet):
    """Hub Lead Organisations and the areas they have been appointed to lead."""

    queryset = LeadOrganisation.objects.prefetch_related(
        Prefetch("appointments", queryset=LeadAppointment.objects.select_related("hub_area"))
    )
    serializer_class = serializers.LeadOrganisationSerializer
    filterset_class = filters.LeadOrganisationFilterSet


@extend_schema_view(list=extend_schema(summary="List funding allocations"))
class FundingAllocationViewSet(mixins.ListModelMixin, ReadOnlyViewSet):
    """Every funding allocation held, one row per hub area, academic year and stream."""

    queryset = FundingAllocation.objects.select_related("hub_area")
    serializer_class = serializers.FundingAllocationSerializer
    filterset_class = filters.FundingAllocationFilterSet


# The documentation page -----------------------------------------------------------------------


@dataclass(frozen=True)
class FilterDoc:
    name: str
    description: str


@dataclass(frozen=True)
class EndpointDoc:
    """One endpoint as the docs page lists it, with a real request and the response it gives now."""

    path: str
    summary: str
    filters: list[FilterDoc]
    example_request: str
    example_response: str | None


PAGINATION_FILTERS = [
    FilterDoc("limit", "How many results to return (at most 100 by default)."),
    FilterDoc("offset", "How many results to skip, for the next page."),
]


def _filter_docs(filterset_class: type[FilterSet]) -> list[FilterDoc]:
    """The query parameters a filter set accepts, described by the filter set itself so they cannot drift."""
    return [
        FilterDoc(name, str(field.extra.get("help_text") or field.label or name))
        for name, field in filterset_class.base_filters.items()
    ] + PAGINATION_FILTERS


def _example(request: HttpRequest, view: Callable[..., Any], path: str, params: dict[str, str], **kwargs: str) -> str:
    """Ask the endpoint itself for the example, so the page shows exactly what the API answers today."""
    sub_request = copy.copy(request)
    sub_request.method = "GET"
    sub_request.path = sub_request.path_info = path
    query = QueryDict(mutable=True)
    query.update(params)
    sub_request.META = {**request.META, "QUERY_STRING": query.urlencode()}  # the page cache keys on it
    query._mutable = False  # what Django gives a view
    sub_request.GET = query  # type: ignore[assignment]
    response = view(sub_request, **kwargs)
    if callable(getattr(response, "render", None)):
        response.render()
    return json.dumps(json.loads(response.content), indent=2, ensure_ascii=False)


def _request_line(path: str, params: dict[str, str]) -> str:
    query = QueryDict(mutable=True)
    query.update(params)
    return f"GET {path}" + (f"?{query.urlencode(safe='/')}" if params else "")


def _endpoint(
    request: HttpRequest,
    *,
    view: Callable[..., Any],
    path: str,
    summary: str,
    filterset_class: type[FilterSet] | None,
    params: dict[str, str],
    show_example: bool = True,
    **kwargs: str,
) -> EndpointDoc:
    return EndpointDoc(
        path=path,
        summary=summary,
        filters=_filter_docs(filterset_class) if filterset_class else [],
        example_request=_request_line(path, params),
        example_response=_example(request, view, path, params, **kwargs) if show_example else None,
    )


def _example_area(year: int | None) -> HubArea | None:
    """An area with published funding makes the best example; any area will do otherwise."""
    if year is not None:
        funded: QuerySet[HubArea] = HubArea.objects.filter(allocations__academic_year=year).distinct()
        if (area := funded.first()) is not None:
            return area
    return HubArea.objects.first()


@cached_public_page
def api_docs(request: HttpRequest) -> HttpResponseBase:
    """The API's documentation page, rendered by our own template (no third-party UI, no CDN, no JavaScript)."""
    year = latest_funding_year()
    area = _example_area(year)
    slug = area.slug if area else "hertfordshire"
    local_authority = LocalAuthority.objects.filter(hub_area=area).first() if area else None
    ons_code = local_authority.ons_code if local_authority else "E10000015"
    hub_areas_path = reverse("api:hub-area-list")
    local_authorities_path = reverse("api:local-authority-list")
    allocation_params = {"hub_area": slug} | ({"academic_year": academic_year.label(year)} if year else {})
    endpoints = [
        _endpoint(
            request,
            view=HubAreaViewSet.as_view({"get": "list"}),
            path=hub_areas_path,
            summary="Every hub area with its regions, local authorities, current lead organisation and "
            "funding for the latest academic year held.",
            filterset_class=HubAreaFilterSet,
            params={"limit": "1"},
        ),
        _endpoint(
            request,
            view=HubAreaViewSet.as_view({"get": "retrieve"}),
            path=reverse("api:hub-area-detail", args=[slug]),
            summary="One hub area, by its slug (the last part of its page's address).",
            filterset_class=None,
            params={},
            show_example=area is not None,
            slug=slug,
        ),
        _endpoint(
            request,
            view=LocalAuthorityViewSet.as_view({"get": "list"}),
            path=local_authorities_path,
            summary="England's upper-tier local authorities with their ONS and DfE codes, region and hub area.",
            filterset_class=filters.LocalAuthorityFilterSet,
            params={"hub_area": slug},
        ),
        _endpoint(
            request,
            view=LocalAuthorityViewSet.as_view({"get": "retrieve"}),
            path=reverse("api:local-authority-detail", args=[ons_code]),
            summary="One local authority, by its ONS code.",
            filterset_class=None,
            params={},
            show_example=local_authority is not None,
            ons_code=ons_code,
        ),
        _endpoint(
            request,
            view=LeadOrganisationViewSet.as_view({"get": "list"}),
            path=reverse("api:lead-organisation-list"),
            summary="Hub Lead Organisations and the hub areas they have been appointed to lead, with dates.",
            filterset_class=filters.LeadOrganisationFilterSet,
            params={"hub_area": slug},
        ),
        _endpoint(
            request,
            view=FundingAllocationViewSet.as_view({"get": "list"}),
            path=reverse("api:allocation-list"),
            summary="Every funding allocation held: one row per hub area, academic year and stream, with its source.",
            filterset_class=filters.FundingAllocationFilterSet,
            params=allocation_params,
        ),
    ]
    return render(
        request,
        "network/api/docs.html",
        {"endpoints": endpoints, "schema_url": request.build_absolute_uri(reverse("api:schema"))},
    )
