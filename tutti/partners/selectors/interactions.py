"""Reading the interactions log: a subject's interactions and a person's open follow-ups."""

from django.db import models
from django.db.models import F

from tutti.accounts.models import Membership, User
from tutti.network.models import HubArea
from tutti.partners.models import Interaction, InteractionQuerySet


def interactions_for(*, hub: HubArea | None, subject: models.Model) -> InteractionQuerySet:
    """The hub's interactions about one subject, newest first, with their people loaded (three queries)."""
    return (
        Interaction.objects.for_hub(hub)
        .about(subject)
        .select_related("follow_up_owner", "follow_up_done_by", "recorded_by")
        .prefetch_related("participants")
        .order_by("-occurred_on", "-pk")
    )


def follow_ups_for(*, hub: HubArea | None, user: User) -> InteractionQuerySet:
    """The open follow-ups the person owns in the hub, earliest due first (so overdue ones lead)."""
    return (
        Interaction.objects.for_hub(hub)
        .open_follow_ups()
        .filter(follow_up_owner=user)
        .prefetch_related("subject")
        .order_by(F("follow_up_due").asc(nulls_last=True), "occurred_on", "pk")
    )


def hub_people(hub: HubArea | None) -> models.QuerySet[User]:
    """The hub's active members: who can take part in an interaction or own a follow-up."""
    member_ids = Membership.objects.for_hub(hub).active().values("user_id")
    return User.objects.filter(pk__in=member_ids).order_by("first_name", "last_name", "email")
