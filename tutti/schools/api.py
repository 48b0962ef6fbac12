"""The hub's read-only schools API for its own signed-in staff: the list page's schools and filters as JSON.

Each view is wrapped in ``hub_role_required`` like the pages (sign-in, the hub's staff roles, two-factor),
and reads through ``selectors.hub_schools(hub=request.hub)``, so a school outside the hub's area is a 404.
"""

from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, serializers, viewsets
from rest_framework.authentication import SessionAuthentication

from tutti.accounts.access import hub_role_required
from tutti.accounts.models import STAFF_ROLES
from tutti.network.models import HubArea
from tutti.schools import selectors
from tutti.schools.filters import SchoolFilterSet
from tutti.schools.models import School, SchoolQuerySet


class SchoolSerializer(serializers.ModelSerializer):
    """A school with this hub's engagement in the current academic year."""

    local_authority = serializers.CharField(source="local_authority.ons_code")
    local_authority_name = serializers.CharField(source="local_authority.name")
    engaged = serializers.BooleanField(help_text="The hub recorded its engagement or taught there this academic year.")
    plan_status = serializers.CharField(allow_null=True, help_text="Music Development Plan status this year.")

    class Meta:
        model = School
        fields = [
            "urn",
            "name",
            "establishment_type",
            "type_group",
            "phase",
            "statutory_low_age",
            "statutory_high_age",
            "local_authority",
            "local_authority_name",
            "number_of_pupils",
            "percent_fsm",
            "postcode",
            "website",
            "status",
            "opened_on",
            "closed_on",
            "latitude",
            "longitude",
            "state_funded",
            "engaged",
            "plan_status",
        ]


class HubSchoolFilterBackend(DjangoFilterBackend):
    """The list page's SchoolFilterSet, told which hub's local authorities to offer."""

    def get_filterset_kwargs(self, request: Any, queryset: Any, view: Any) -> dict[str, Any]:
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        kwargs["hub"] = request.hub
        return kwargs


class SchoolViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The schools of the signed-in person's hub, filtered like the list page."""

    http_method_names = ["get", "head", "options"]
    authentication_classes = [SessionAuthentication]
    serializer_class = SchoolSerializer
    filter_backends = [HubSchoolFilterBackend]
    filterset_class = SchoolFilterSet
    lookup_field = "urn"
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> SchoolQuerySet:
        hub = cast(HubArea, self.request.hub)  # type: ignore[attr-defined]
        queryset = selectors.hub_schools(hub=hub, year=selectors.current_year())
        if self.action == "retrieve":
            return queryset  # one school by URN, open or closed
        return queryset.order_by("name", "urn")


def _guarded(actions: dict[str, str]) -> Any:
    view = SchoolViewSet.as_view(dict(actions))

    @hub_role_required(*STAFF_ROLES)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return cast(HttpResponse, view(request, *args, **kwargs))

    return guarded


school_list_api = _guarded({"get": "list"})
school_detail_api = _guarded({"get": "retrieve"})
