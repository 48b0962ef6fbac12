"""Recording interactions with partners and schools, and completing their follow-ups."""

from collections.abc import Iterable
from datetime import date

from django.db import models, transaction
from django.utils import timezone

from tutti.accounts.models import Membership, User
from tutti.network.models import HubArea
from tutti.partners.models import Interaction
from tutti.partners.subjects import is_subject


class InteractionRefused(ValueError):
    """The interaction or follow-up cannot be recorded as asked; the message says why."""


def _active_member_ids(hub: HubArea, users: Iterable[User]) -> set[int]:
    ids = {user.pk for user in users}
    return set(Membership.objects.for_hub(hub).active().filter(user_id__in=ids).values_list("user_id", flat=True))


@transaction.atomic
def interaction_record(
    *,
    hub: HubArea,
    subject: models.Model,
    kind: Interaction.Kind | str,
    occurred_on: date,
    participants: Iterable[User],
    notes: str,
    other_participants: str = "",
    follow_up: str | None = None,
    follow_up_due: date | None = None,
    follow_up_owner: User | None = None,
    by: User,
) -> Interaction:
    """Log one interaction of the hub with a subject (a partner, a school's engagement...).

    The subject must have opted in (tutti.partners.subjects) and belong to the same hub; participants
    and the follow-up's owner must be active members of the hub. A follow-up needs a due date and an owner.
    """
    if not is_subject(subject):
        raise InteractionRefused(f"{subject!r} cannot be the subject of an interaction")
    if getattr(subject, "hub_id", None) != hub.pk:
        raise InteractionRefused(f"{subject} does not belong to {hub}")
    people = list(participants)
    follow_up = (follow_up or "").strip()
    if follow_up and (follow_up_due is None or follow_up_owner is None):
        raise InteractionRefused("A follow-up needs a due date and an owner")
    if not follow_up and (follow_up_due is not None or follow_up_owner is not None):
        raise InteractionRefused("A due date or owner was given without a follow-up")
    members = _active_member_ids(hub, [*people, *([follow_up_owner] if follow_up_owner else [])])
    outsiders = [str(person) for person in people if person.pk not in members]
    if outsiders:
        raise InteractionRefused(f"Not active members of {hub}: {', '.join(outsiders)}")
    if follow_up_owner is not None and follow_up_owner.pk not in members:
        raise InteractionRefused(f"The follow-up's owner {follow_up_owner} is not an active member of {hub}")
    interaction = Interaction.objects.create(
        hub=hub,
        subject=subject,
        kind=kind,
        occurred_on=occurred_on,
        other_participants=other_participants.strip(),
        notes=notes.strip(),
        follow_up=follow_up,
        follow_up_due=follow_up_due if follow_up else None,
        follow_up_owner=follow_up_owner if follow_up else None,
        recorded_by=by,
    )
    interaction.participants.set(people)
    return interaction


@transaction.atomic
def follow_up_complete(*, interaction: Interaction, by: User, on: date | None = None) -> Interaction:
    """Mark the interaction's follow-up done today (or on the given day); doing it twice changes nothing."""
    if not interaction.follow_up:
        raise InteractionRefused("This interaction has no follow-up to complete")
    if interaction.follow_up_done_on is not None:
        return interaction
    interaction.follow_up_done_on = on or timezone.localdate()
    interaction.follow_up_done_by = by
    interaction.save(update_fields=["follow_up_done_on", "follow_up_done_by", "updated_at"])
    return interaction
