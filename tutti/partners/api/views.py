"""Read-only API of the current hub's partners, filtered by the list page's filter set.

Session authentication (the signed-in person's browser session) and the same role rule as the list
page; another hub's partner is a 404. GET, HEAD and OPTIONS only.
"""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.decorators import method_decorator
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, viewsets
from rest_framework.authentication import SessionAuthentication

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.partners import selectors
from tutti.partners.api.serializers import PartnerSerializer
from tutti.partners.filters import PartnerFilterSet
from tutti.partners.models import Agreement, Partner, PartnerQuerySet
from tutti.partners.roles import MONEY_READERS, READERS
from tutti.partners.views.requests import hub_of, roles_of


class HubPartnerFilterBackend(DjangoFilterBackend):
    """Builds the filter set with the request's hub, so its local authority choices are the hub's own."""

    def get_filterset_kwargs(self, request: Any, queryset: QuerySet[Partner], view: Any) -> dict[str, Any]:
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        kwargs["hub"] = hub_of(request)
        return kwargs


@method_decorator(hub_role_required(*READERS), name="dispatch")
class PartnerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The hub's partners with their local authorities (ONS codes) and agreements."""

    http_method_names = ["get", "head", "options"]
    authentication_classes = [SessionAuthentication]
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilterSet
    filter_backends = [HubPartnerFilterBackend]
    lookup_field = "public_id"
    lookup_value_regex = "[0-9a-f-]{36}"  # a malformed id is a 404, never a failed UUID lookup

    def get_queryset(self) -> PartnerQuerySet:
        agreements = Agreement.objects.prefetch_related("strategic_functions", "aims").order_by("-academic_year")
        return selectors.partners_listed(hub_of(self.request)).prefetch_related(
            Prefetch("agreements", queryset=agreements)
        )

    def get_object(self) -> Partner:
        request: HttpRequest = self.request
        return hub_object_or_404(request, self.get_queryset(), public_id=self.kwargs["public_id"])

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        context["sees_money"] = bool(roles_of(self.request) & MONEY_READERS)
        return context
