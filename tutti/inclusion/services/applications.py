"""A family's application: submitted online (the family portal) or recorded by staff from paper or email,
its evidence, the family's reply to a question, withdrawal, and next year's renewals."""

import uuid
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest

from tutti.accounts.models import AuditEvent, User
from tutti.inclusion.evidence import CheckedFile, check_evidence
from tutti.inclusion.models import LASTING_CRITERIA, Criterion, EvidenceFile, RemissionApplication, RemissionScheme
from tutti.inclusion.services.audit import inclusion_audit
from tutti.learners.models import Learner

Status = RemissionApplication.Status


def evidence_storage() -> Storage:
    """The private storage evidence lives in (STORAGES["evidence"]), looked up each time so tests can move it."""
    return storages["evidence"]


def _store(*, application: RemissionApplication, checked: Sequence[tuple[str, CheckedFile]], by: User) -> None:
    """Write the checked files under generated names, with their records; a failure part-way removes the
    files already written (the records roll back with the transaction)."""
    storage = evidence_storage()
    written: list[str] = []
    try:
        for original_name, file in checked:
            name = storage.save(f"{application.hub_id}/{uuid.uuid4().hex}.{file.extension}", ContentFile(file.content))
            written.append(name)
            EvidenceFile.objects.create(
                hub=application.hub,
                application=application,
                storage_name=name,
                original_name=original_name[:200],
                content_type=file.content_type,
                size_bytes=len(file.content),
                uploaded_by=by,
            )
    except Exception:
        for name in written:
            storage.delete(name)
        raise


def _check_all(files: Iterable[UploadedFile]) -> list[tuple[str, CheckedFile]]:
    """Check every file before storing any: one bad file stores none (EvidenceRejected names it)."""
    return [(upload.name or "evidence", check_evidence(upload)) for upload in files]


@transaction.atomic
def application_submit(
    *,
    scheme: RemissionScheme,
    learner: Learner,
    criteria: Iterable[Criterion],
    applicant_name: str,
    channel: RemissionApplication.Channel,
    by: User,
    evidence: Iterable[UploadedFile] = (),
    family_note: str = "",
    request: HttpRequest | None = None,
) -> RemissionApplication:
    """A guardian's application for one child, with its evidence files (all checked before any is stored).

    Refused (ValidationError naming the field) when the child already has a live application this year,
    when no criterion is chosen, or when household income is chosen and the scheme sets no threshold.
    """
    chosen = sorted({Criterion(code) for code in criteria})
    if learner.hub_id != scheme.hub_id:
        raise ValidationError({"learner": "This child is not one of the hub's learners."})
    if not chosen:
        raise ValidationError({"criteria": "Choose at least one of the circumstances that apply."})
    if Criterion.LOW_INCOME in chosen and scheme.income_threshold_pence is None:
        raise ValidationError({"criteria": "This year's scheme sets no household income threshold."})
    if scheme.applications.live().filter(learner=learner).exists():
        raise ValidationError(
            {"learner": f"{learner.reference} already has an application under the {scheme.year_label} scheme."}
        )
    checked = _check_all(evidence)
    application = RemissionApplication.objects.create(
        hub=scheme.hub,
        scheme=scheme,
        learner=learner,
        criteria=[str(code) for code in chosen],
        applicant_name=applicant_name.strip(),
        channel=channel,
        family_note=family_note.strip(),
        submitted_by=by,
    )
    _store(application=application, checked=checked, by=by)
    inclusion_audit(
        action=AuditEvent.Action.REMISSION_APPLICATION_RECORDED,
        hub=scheme.hub,
        by=by,
        request=request,
        detail=f"{learner.reference} {scheme.year_label}: {application.get_channel_display().lower()}, "
        f"{len(checked)} evidence file{'s' if len(checked) != 1 else ''}",
    )
    return application


@transaction.atomic
def evidence_add(
    *, application: RemissionApplication, files: Iterable[UploadedFile], by: User, request: HttpRequest | None = None
) -> RemissionApplication:
    """Add evidence to an application still being decided; when the lead had asked for more, the family's
    reply puts it back among those waiting for a decision."""
    application = RemissionApplication.objects.select_for_update().get(pk=application.pk)
    if not application.is_open:
        raise ValidationError({"files": "Evidence can only be added while the application is being decided."})
    checked = _check_all(files)
    if not checked:
        raise ValidationError({"files": "Choose a file to add."})
    _store(application=application, checked=checked, by=by)
    if application.status == Status.MORE_INFORMATION:
        application.status = Status.SUBMITTED
        application.save(update_fields=["status", "updated_at"])
    inclusion_audit(
        action=AuditEvent.Action.EVIDENCE_UPLOADED,
        hub=application.hub,
        by=by,
        request=request,
        detail=f"{application.learner.reference} {application.scheme.year_label}: {len(checked)} file(s)",
    )
    return application


@transaction.atomic
def application_reply(
    *, application: RemissionApplication, note: str, by: User, request: HttpRequest | None = None
) -> RemissionApplication:
    """The family's answer to what the lead asked, in words; the application waits for a decision again."""
    application = RemissionApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != Status.MORE_INFORMATION:
        raise ValidationError({"note": "Nothing was asked of the family on this application."})
    if not note.strip():
        raise ValidationError({"note": "Write the family's answer."})
    application.family_note = f"{application.family_note}\n\n{note.strip()}".strip()
    application.status = Status.SUBMITTED
    application.save(update_fields=["family_note", "status", "updated_at"])
    inclusion_audit(
        action=AuditEvent.Action.REMISSION_APPLICATION_RECORDED,
        hub=application.hub,
        by=by,
        request=request,
        detail=f"{application.learner.reference} {application.scheme.year_label}: the family replied",
    )
    return application


@transaction.atomic
def application_withdraw(
    *, application: RemissionApplication, by: User, request: HttpRequest | None = None
) -> RemissionApplication:
    """The family withdraws an application not yet approved (a waiting one leaves the list)."""
    application = RemissionApplication.objects.select_for_update().get(pk=application.pk)
    if application.status not in (*RemissionApplication.OPEN, Status.WAITING):
        raise ValidationError(
            {"status": f"An application {application.get_status_display().lower()} cannot be withdrawn."}
        )
    application.awards.all().delete()
    application.status = Status.WITHDRAWN
    application.waiting_position = None
    application.committed_pence = 0
    application.save(update_fields=["status", "waiting_position", "committed_pence", "updated_at"])
    inclusion_audit(
        action=AuditEvent.Action.REMISSION_APPLICATION_RECORDED,
        hub=application.hub,
        by=by,
        request=request,
        detail=f"{application.learner.reference} {application.scheme.year_label}: withdrawn",
    )
    return application


@transaction.atomic
def renewals_carry(*, scheme: RemissionScheme, by: User, request: HttpRequest | None = None) -> int:
    """Carry last year's approvals on a lasting criterion (looked after, previously looked after, EHC plan)
    into this scheme as renewals for the inclusion lead to confirm, without a fresh application.

    Only the lasting criteria carry over; a child who already has a live application this year, or whose
    approval was carried before, is left alone. Returns how many renewals were made.
    """
    last_year = RemissionScheme.objects.for_hub(scheme.hub).in_year(scheme.academic_year - 1).first()
    if last_year is None:
        return 0
    already = scheme.applications.live().values("learner_id")
    approved = (
        last_year.applications.filter(status=Status.APPROVED, renewed_by__isnull=True)
        .exclude(learner_id__in=already)
        .select_related("learner")
    )
    made = 0
    for previous in approved:
        lasting = sorted(code for code in previous.criteria if code in LASTING_CRITERIA)
        if not lasting:
            continue
        RemissionApplication.objects.create(
            hub=scheme.hub,
            scheme=scheme,
            learner=previous.learner,
            criteria=lasting,
            applicant_name=previous.applicant_name,
            channel=RemissionApplication.Channel.RENEWAL,
            renewal_of=previous,
            submitted_by=by,
        )
        made += 1
    if made:
        inclusion_audit(
            action=AuditEvent.Action.REMISSION_APPLICATION_RECORDED,
            hub=scheme.hub,
            by=by,
            request=request,
            detail=f"{scheme.year_label}: {made} renewal(s) carried from {last_year.year_label} to confirm",
        )
    return made
