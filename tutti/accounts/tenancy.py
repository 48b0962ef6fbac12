"""Hub tenancy: the one way every hub-owned record is read.

Every model whose rows belong to a hub has a ``hub`` foreign key to ``network.HubArea`` and a default
manager built from :class:`HubScopedQuerySet`, so a view reads through it::

    partner = get_object_or_404(Partner.objects.for_hub(request.hub), public_id=public_id)

and another hub's record is simply not found (a 404), never fetched and compared afterwards.
``check_hub_scoped_models`` (a system check, so ``manage.py check`` and the tests run it) fails for a
model that links to a hub without the scoped manager, unless it is listed in PUBLIC_HUB_LINKED_MODELS.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.apps import apps
from django.core import checks
from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tutti.accounts.models import User
    from tutti.network.models import HubArea

_M = TypeVar("_M", bound=models.Model)

# Models that link to a hub area but hold the national network's public data, not a hub's own records.
PUBLIC_HUB_LINKED_MODELS = frozenset(
    {
        "network.LocalAuthority",  # which hub area a local authority sits in: public ONS/ACE data
        "network.LeadAppointment",  # which organisation leads a hub area: published by ACE
        "network.FundingAllocation",  # each hub's grant: published by ACE
    }
)


class HubScopedQuerySet(models.QuerySet[_M]):
    """A queryset of records that belong to a hub, read only through a hub or a person's memberships."""

    hub_field = "hub"

    def for_hub(self, hub: "HubArea | None") -> Self:
        """The records of one hub; nothing at all when there is no hub (the national team has none)."""
        if hub is None:
            return self.none()
        return self.filter(**{self.hub_field: hub})

    def visible_to(self, user: "User | AnonymousUser") -> Self:
        """The records of every hub where the person holds an active membership; nothing when signed out."""
        if not user.is_authenticated:
            return self.none()
        membership_model = apps.get_model("accounts", "Membership")
        hub_ids = membership_model.objects.filter(user=user, hub__isnull=False, disabled_at__isnull=True).values(
            "hub_id"
        )
        return self.filter(**{f"{self.hub_field}__in": hub_ids})


def _links_to_hub(model: type[models.Model]) -> bool:
    hub_model = apps.get_model("network", "HubArea")
    return any(
        isinstance(field, models.ForeignKey) and field.related_model is hub_model
        for field in model._meta.get_fields()
        if field.concrete
    )


def models_missing_hub_scope(candidates: Iterable[type[models.Model]] | None = None) -> list[str]:
    """Labels of models (every installed one by default) that link to a hub area without the scoped manager."""
    missing = []
    for model in apps.get_models() if candidates is None else candidates:
        label = model._meta.label
        if label in PUBLIC_HUB_LINKED_MODELS or not _links_to_hub(model):
            continue
        queryset = model._default_manager.get_queryset()
        if not isinstance(queryset, HubScopedQuerySet):
            missing.append(label)
    return sorted(missing)


def check_hub_scoped_models(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """System check: every model holding a hub's records reads through HubScopedQuerySet."""
    return [
        checks.Error(
            f"{label} links to a hub area but its default manager is not built from HubScopedQuerySet.",
            hint="Use HubScopedQuerySet.as_manager() (tutti.accounts.tenancy), or list the model in "
            "PUBLIC_HUB_LINKED_MODELS if its rows are the national network's public data.",
            id="tutti.accounts.E001",
        )
        for label in models_missing_hub_scope()
    ]
