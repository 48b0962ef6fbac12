"""Merging two records of the same child into one, keeping every piece of history."""

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.learners.models import Consent, Guardian, Learner, Milestone
from tutti.learners.services.learners import EDITABLE_FIELDS

# Values that mean "nothing recorded": the kept record takes the other's answer in their place.
_UNRECORDED = ("", None, "not_known", "NOBT")


class MergeRefused(Exception):
    """The two records cannot be merged (different hubs, the same record, or one already merged)."""


def _fill_gaps(*, keep: Learner, merge: Learner) -> list[str]:
    filled = []
    for name in EDITABLE_FIELDS:
        if getattr(keep, name) in _UNRECORDED and getattr(merge, name) not in _UNRECORDED:
            setattr(keep, name, getattr(merge, name))
            filled.append(name)
    return filled


def _drop_repeated_guardians(keep: Learner) -> None:
    """After the move, the same parent recorded on both records is one guardian (the older row stays)."""
    seen: set[tuple[str, ...]] = set()
    for guardian in Guardian.objects.filter(learner=keep).order_by("pk"):
        key = (
            guardian.name.casefold(),
            guardian.relationship,
            guardian.email.casefold(),
            guardian.phone.replace(" ", ""),
        )
        if key in seen:
            guardian.delete()
        else:
            seen.add(key)


@transaction.atomic
def learners_merge(*, keep: Learner, merge: Learner, by: User, request: HttpRequest | None = None) -> Learner:
    """Merge ``merge`` into ``keep``: its guardians, consents, milestones, enrolments and attendance move to
    ``keep``, gaps in ``keep``'s details are filled from it, and it stays as a pointer (``merged_into``) so
    its reference still leads to the child. Audited in the hub's log with both references.
    """
    if keep.pk == merge.pk:
        raise MergeRefused("A record cannot be merged into itself.")
    if keep.hub_id != merge.hub_id:
        raise MergeRefused("Records of different hubs cannot be merged.")
    locked = {learner.pk: learner for learner in Learner.objects.select_for_update().filter(pk__in=[keep.pk, merge.pk])}
    keep, merge = locked[keep.pk], locked[merge.pk]
    if keep.merged_into_id or merge.merged_into_id:
        raise MergeRefused("One of these records has already been merged into another.")

    Guardian.objects.filter(learner=merge).update(learner=keep)
    Consent.objects.filter(learner=merge).update(learner=keep)
    Milestone.objects.filter(learner=merge).update(learner=keep)
    Learner.objects.filter(merged_into=merge).update(merged_into=keep)
    _drop_repeated_guardians(keep)
    filled = _fill_gaps(keep=keep, merge=merge)
    if filled:
        keep.save()
    merge.merged_into = keep
    merge.merged_at = timezone.now()
    merge.save(update_fields=["merged_into", "merged_at", "updated_at"])
    audit_record(
        action=AuditEvent.Action.LEARNERS_MERGED,
        hub=keep.hub,
        actor=by,
        request=request,
        detail=f"{merge.reference} merged into {keep.reference}"
        + (f"; filled from it: {', '.join(filled)}" if filled else ""),
    )
    return keep
