"""Deleting evidence files a set period after the decision (INCLUSION_EVIDENCE_RETENTION_DAYS).

The decision record stays: who decided what, when and why, and which files were sent and when. Only the
files' content goes, from the private storage, and each record is marked deleted.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count

from tutti.accounts.models import AuditEvent
from tutti.accounts.services import audit_record
from tutti.inclusion.models import EvidenceFile, RemissionApplication
from tutti.inclusion.services.applications import evidence_storage
from tutti.network.models import HubArea


def evidence_delete_expired(*, now: datetime) -> int:
    """Delete the stored evidence of applications decided (approved or refused) more than the retention
    period before ``now``; returns how many files were deleted. Each hub's log records its count."""
    cutoff = now - timedelta(days=settings.INCLUSION_EVIDENCE_RETENTION_DAYS)
    expired = EvidenceFile.objects.kept().filter(
        application__status__in=RemissionApplication.DECIDED, application__decided_at__lte=cutoff
    )
    storage = evidence_storage()
    per_hub = dict(expired.values("hub_id").annotate(files=Count("pk")).values_list("hub_id", "files"))
    deleted = 0
    for evidence in expired.iterator():
        with transaction.atomic():
            EvidenceFile.objects.filter(pk=evidence.pk).update(storage_name="", deleted_at=now)
            storage.delete(evidence.storage_name)
        deleted += 1
    for hub in HubArea.objects.filter(pk__in=per_hub):
        audit_record(
            action=AuditEvent.Action.EVIDENCE_DELETED,
            hub=hub,
            actor=None,
            detail=f"{per_hub[hub.pk]} evidence file(s) deleted {settings.INCLUSION_EVIDENCE_RETENTION_DAYS} days "
            "after the decision",
        )
    return deleted
