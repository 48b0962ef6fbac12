"""Writes of the opportunities module: an activity's public listing and its venue, the hub's documents.

Each change is audited in the hub's log and bumps the network revision in the same transaction: the
hub's public page, cached per revision, lists both.
"""

from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.services import audit_record
from tutti.network.services import network_revision_bump
from tutti.opportunities.models import HubDocument, Listing, PostcodeDistrict, Venue
from tutti.opportunities.postcodes import district_of
from tutti.programmes.models import Activity


@dataclass(frozen=True)
class ListingDetails:
    """What a programme manager writes about an activity for the public (see Listing's fields)."""

    is_public: bool
    kind: str
    description: str
    entry: str
    venue_name: str
    venue_address: str
    venue_postcode: str
    remission_available: bool
    what_to_bring: str
    accessibility: str
    young_people_may_apply: bool
    photo_description: str


def venue_for(*, activity: Activity, name: str, address: str, postcode: str) -> Venue:
    """The hub's venue of this name and postcode, added the first time it is named.

    The postcode's district must be in the seed data (the form says so first).
    """
    postcode = " ".join(postcode.upper().split())
    district = PostcodeDistrict.objects.get(district=district_of(postcode))
    venue, created = Venue.objects.get_or_create(
        hub_id=activity.hub_id,
        name=name.strip(),
        postcode=postcode,
        defaults={"address": address.strip(), "district": district},
    )
    if not created and venue.address != address.strip():
        venue.address = address.strip()
        venue.save(update_fields=["address", "updated_at"])
    return venue


def listing_save(
    *,
    activity: Activity,
    details: ListingDetails,
    by: User,
    photo: UploadedFile | None = None,
    remove_photo: bool = False,
    request: HttpRequest | None = None,
) -> Listing:
    """Create or change an activity's public listing (a new photo replaces the old one in storage)."""
    with transaction.atomic():
        venue = venue_for(
            activity=activity, name=details.venue_name, address=details.venue_address, postcode=details.venue_postcode
        )
        listing = Listing.objects.filter(activity=activity).first() or Listing(
            hub_id=activity.hub_id, activity=activity
        )
        for field in (
            "is_public",
            "kind",
            "description",
            "entry",
            "remission_available",
            "what_to_bring",
            "accessibility",
            "young_people_may_apply",
            "photo_description",
        ):
            setattr(listing, field, getattr(details, field))
        listing.venue, listing.updated_by = venue, by
        if (photo is not None or remove_photo) and listing.photo:
            listing.photo.delete(save=False)
        if photo is not None:
            listing.photo.save(photo.name or "photo", photo, save=False)
        if remove_photo and photo is None:
            listing.photo_description = ""
        listing.save()
        audit_record(
            action=AuditEvent.Action.PUBLIC_PAGE_CHANGED,
            hub=activity.hub,
            actor=by,
            request=request,
            detail=f"{activity.name}: public listing {'shown' if listing.is_public else 'saved, not shown'}",
        )
        network_revision_bump()
    return listing


def document_publish(
    *, hub_id: int, kind: str, title: str, file: UploadedFile, by: User, request: HttpRequest | None = None
) -> HubDocument:
    """Publish a PDF on the hub's public page (the form has checked that it is one)."""
    with transaction.atomic():
        document = HubDocument(hub_id=hub_id, kind=kind, title=title.strip(), size_bytes=file.size or 0, uploaded_by=by)
        document.file.save(file.name or "document.pdf", file, save=False)
        document.save()
        audit_record(
            action=AuditEvent.Action.PUBLIC_PAGE_CHANGED,
            hub=document.hub,
            actor=by,
            request=request,
            detail=f"Published the document {document.title}",
        )
        network_revision_bump()
    return document


def document_withdraw(*, document: HubDocument, by: User, request: HttpRequest | None = None) -> HubDocument:
    """Take a document off the hub's public page; the file is kept, as the log refers to it."""
    with transaction.atomic():
        document.withdrawn_at = timezone.now()
        document.save(update_fields=["withdrawn_at"])
        audit_record(
            action=AuditEvent.Action.PUBLIC_PAGE_CHANGED,
            hub=document.hub,
            actor=by,
            request=request,
            detail=f"Withdrew the document {document.title}",
        )
        network_revision_bump()
    return document
