"""Evidence files are judged by their content, stored privately under generated names, and deleted on time."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tutti.accounts.models import AuditEvent, User
from tutti.inclusion.evidence import MAX_BYTES, EvidenceRejected, check_evidence
from tutti.inclusion.models import Criterion, EvidenceFile, RemissionApplication
from tutti.inclusion.services.applications import application_submit
from tutti.inclusion.services.decisions import application_refuse
from tutti.inclusion.services.retention import evidence_delete_expired
from tutti.inclusion.tests.factories import PLAIN_PDF, RemissionSchemeFactory, jpeg_upload, pdf_upload, png_upload
from tutti.learners.tests.factories import LearnerFactory
from tutti.network.models import HubArea

SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
WINDOWS_EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@pytest.mark.parametrize(
    ("upload", "content_type"),
    [(pdf_upload(), "application/pdf"), (png_upload(), "image/png"), (jpeg_upload(), "image/jpeg")],
    ids=["pdf", "png", "jpeg"],
)
def test_pdf_png_and_jpeg_are_accepted(upload: SimpleUploadedFile, content_type: str) -> None:
    assert check_evidence(upload).content_type == content_type


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("letter.pdf", WINDOWS_EXECUTABLE, "application/pdf"), "letter.pdf is not a PDF, JPEG"),
        (SimpleUploadedFile("photo.png", SVG_WITH_SCRIPT, "image/png"), "photo.png is not a PDF, JPEG"),
        (SimpleUploadedFile("logo.svg", SVG_WITH_SCRIPT, "image/svg+xml"), "logo.svg is not a PDF, JPEG"),
        (pdf_upload(content=PLAIN_PDF.replace(b"%%EOF", b"")), "not a complete PDF"),
        (
            pdf_upload(content=PLAIN_PDF.replace(b"/Type/Catalog", b"/Type/Catalog/OpenAction<</S/JavaScript/JS(x)>>")),
            "contains scripts or embedded files",
        ),
        (SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n" + b"0" * MAX_BYTES + b"\n%%EOF"), "larger than 5 MB"),
        (SimpleUploadedFile("gif.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/png"), "gif.png is"),
        (SimpleUploadedFile("empty.pdf", b""), "empty.pdf is empty"),
    ],
    ids=["renamed-executable", "svg-named-png", "svg", "cut-short-pdf", "pdf-with-script", "oversize", "gif", "empty"],
)
def test_other_files_are_refused_naming_the_file(upload: SimpleUploadedFile, message: str) -> None:
    with pytest.raises(EvidenceRejected, match=message):
        check_evidence(upload)


def _submit(hub: HubArea, by: User, files: list[SimpleUploadedFile]) -> RemissionApplication:
    return application_submit(
        scheme=RemissionSchemeFactory.create(hub=hub),
        learner=LearnerFactory.create(hub=hub),
        criteria=[Criterion.FREE_SCHOOL_MEALS],
        applicant_name="Mordred Fiddlesticks",
        channel=RemissionApplication.Channel.EMAIL,
        by=by,
        evidence=files,
    )


def test_evidence_is_stored_privately_under_a_generated_name(
    hub_a: HubArea, hub_a_inclusion_lead: User, evidence_root: Path
) -> None:
    application = _submit(hub_a, hub_a_inclusion_lead, [pdf_upload("Fiddlesticks benefit letter.pdf")])
    evidence = application.evidence.get()
    assert evidence.original_name == "Fiddlesticks benefit letter.pdf"
    assert "Fiddlesticks" not in evidence.storage_name
    assert evidence.storage_name.endswith(".pdf")
    assert (evidence_root / evidence.storage_name).read_bytes() == PLAIN_PDF


def test_one_bad_file_stores_none_of_them(hub_a: HubArea, hub_a_inclusion_lead: User, evidence_root: Path) -> None:
    bad = SimpleUploadedFile("letter.pdf", WINDOWS_EXECUTABLE, "application/pdf")
    with pytest.raises(EvidenceRejected):
        _submit(hub_a, hub_a_inclusion_lead, [png_upload(), bad])
    assert not RemissionApplication.objects.exists()
    assert not EvidenceFile.objects.exists()
    assert not evidence_root.exists() or not any(evidence_root.rglob("*.*"))


def test_evidence_is_deleted_after_the_retention_period_keeping_the_decision(
    hub_a: HubArea, hub_a_inclusion_lead: User, evidence_root: Path, settings: object
) -> None:
    settings.INCLUSION_EVIDENCE_RETENTION_DAYS = 30  # type: ignore[attr-defined]
    application = _submit(hub_a, hub_a_inclusion_lead, [png_upload()])
    application_refuse(application=application, by=hub_a_inclusion_lead, reason="Not eligible this year.")
    decided = RemissionApplication.objects.get().decided_at
    assert decided is not None
    stored = evidence_root / application.evidence.get().storage_name

    assert evidence_delete_expired(now=decided + datetime.timedelta(days=29)) == 0
    assert stored.exists()
    assert evidence_delete_expired(now=decided + datetime.timedelta(days=31)) == 1

    assert not stored.exists()
    evidence = application.evidence.get()
    assert (evidence.storage_name, evidence.deleted_at is not None) == ("", True)
    application.refresh_from_db()
    assert (application.status, application.decision_reason) == ("refused", "Not eligible this year.")
    assert AuditEvent.objects.for_hub(hub_a).filter(action=AuditEvent.Action.EVIDENCE_DELETED).count() == 1
    assert evidence_delete_expired(now=timezone.now() + datetime.timedelta(days=365)) == 0


def test_evidence_of_an_application_still_being_decided_is_kept(hub_a: HubArea, hub_a_inclusion_lead: User) -> None:
    _submit(hub_a, hub_a_inclusion_lead, [png_upload()])
    assert evidence_delete_expired(now=timezone.now() + datetime.timedelta(days=3650)) == 0
