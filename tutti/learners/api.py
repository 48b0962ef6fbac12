"""The hub's read-only learners API for its own signed-in people: the list page's learners and filters as JSON.

Each view is wrapped in ``hub_role_required`` like the pages (sign-in, a learner role in the current hub,
two-factor), reads through the same selectors (a tutor sees only the learners of their own activities),
filters through the list page's ``LearnerFilterSet``, and shows only the fields ``FieldAccess`` gives the
person's roles. Every call is written to the audit log: a list as an export, a learner as a view.
"""

from typing import Any, cast

from django.http import HttpRequest, HttpResponse
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request
from rest_framework.response import Response

from tutti.accounts.access import hub_object_or_404, hub_role_required
from tutti.learners import selectors
from tutti.learners.field_access import LEARNER_ROLES, FieldAccess
from tutti.learners.filters import LearnerFilterSet
from tutti.learners.models import Guardian, Learner
from tutti.learners.models.learner import LearnerQuerySet
from tutti.learners.services.learners import learner_viewed, learners_exported
from tutti.learners.views.requests import access_of, hub_of, user_of

# Serializer fields that carry each learner field FieldAccess names (the school as its URN and name).
_SERIALIZED_AS = {"school": ("school_urn", "school_name")}


class GuardianSerializer(serializers.ModelSerializer):
    class Meta:
        model = Guardian
        fields = ["name", "relationship", "email", "phone", "postcode"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        access: FieldAccess = self.context["access"]
        for name in set(self.fields) - set(access.guardian_fields):
            del self.fields[name]


class LearnerSerializer(serializers.ModelSerializer):
    """A learner with only the fields the person's roles see; choices as their codes (see the schema)."""

    school_urn = serializers.IntegerField(source="school.urn", allow_null=True, default=None)
    school_name = serializers.CharField(source="school.name", allow_null=True, default=None)
    always_shown: tuple[str, ...] = ("public_id",)

    class Meta:
        model = Learner
        fields = [
            "public_id",
            "reference",
            "first_name",
            "last_name",
            "year_group",
            "school_urn",
            "school_name",
            "date_of_birth",
            "postcode_district",
            "send",
            "gender",
            "ethnicity",
            "disadvantaged",
            "looked_after",
            "young_carer",
            "adaptations",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        access: FieldAccess = self.context["access"]
        allowed = set(self.always_shown)
        for name in access.fields:
            allowed.update(_SERIALIZED_AS.get(name, (name,)))
        for name in set(self.fields) - allowed:
            del self.fields[name]


class LearnerDetailSerializer(LearnerSerializer):
    """A learner with their guardians (the guardian details the person's roles see)."""

    guardians = serializers.SerializerMethodField()
    always_shown = ("public_id", "guardians")

    class Meta(LearnerSerializer.Meta):
        fields = [*LearnerSerializer.Meta.fields, "guardians"]

    def get_guardians(self, learner: Learner) -> list[dict[str, Any]]:
        return cast(
            list[dict[str, Any]], GuardianSerializer(learner.guardians.all(), many=True, context=self.context).data
        )


class HubLearnerFilterBackend(DjangoFilterBackend):
    """The list page's LearnerFilterSet, told the hub and what the person may see (hidden fields never filter)."""

    def get_filterset_kwargs(self, request: Any, queryset: Any, view: Any) -> dict[str, Any]:
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        kwargs["hub"], kwargs["access"] = hub_of(request), access_of(request)
        return kwargs


class LearnerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The learners the signed-in person may see in their current hub, filtered like the list page."""

    http_method_names = ["get", "head", "options"]
    authentication_classes = [SessionAuthentication]
    filter_backends = [HubLearnerFilterBackend]
    filterset_class = LearnerFilterSet
    lookup_field = "public_id"

    def get_serializer_class(self) -> type[LearnerSerializer]:
        return LearnerDetailSerializer if self.action == "retrieve" else LearnerSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "access": access_of(self.request)}

    def get_queryset(self) -> LearnerQuerySet:
        request = self.request
        hub, user, access = hub_of(request), user_of(request), access_of(request)
        if self.action == "retrieve":
            return selectors.learner_for_page(hub=hub, user=user, access=access)
        return selectors.learners_visible_to(hub=hub, user=user, access=access).select_related("school")

    def get_object(self) -> Learner:
        return hub_object_or_404(self.request, self.get_queryset(), public_id=self.kwargs["public_id"])

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        count = len(response.data["results"]) if isinstance(response.data, dict) else len(response.data)
        learners_exported(
            hub=hub_of(request), by=user_of(request), count=count, file_format="JSON (API)", request=request
        )
        return response

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        learner = self.get_object()
        learner_viewed(learner=learner, by=user_of(request), request=request)
        return Response(self.get_serializer(learner).data)


def _guarded(actions: dict[str, str]) -> Any:
    view = LearnerViewSet.as_view(dict(actions))

    @hub_role_required(*LEARNER_ROLES)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = cast(HttpResponse, view(request, *args, **kwargs))
        response["Cache-Control"] = "no-store"
        return response

    return guarded


learner_list_api = _guarded({"get": "list"})
learner_detail_api = _guarded({"get": "retrieve"})
