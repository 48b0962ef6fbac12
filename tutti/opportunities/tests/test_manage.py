"""The hub's side: a programme manager lists an activity publicly; an administrator publishes PDFs."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from tutti.accounts.models import AuditEvent, User
from tutti.accounts.testing import sign_in
from tutti.network.models import HubArea
from tutti.opportunities.models import HubDocument, Listing
from tutti.programmes.models import Activity
from tutti.programmes.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

LISTING = {
    "is_public": "on",
    "kind": "ensemble",
    "description": "A Saturday string orchestra for young players of grade 3 and above.",
    "entry": "open",
    "venue_name": "Marlborough Music Centre",
    "venue_address": "Watling Street, St Albans",
    "venue_postcode": "al1 2qb",
    "what_to_bring": "Your instrument and a pencil.",
}


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "purple").save(buffer, format="PNG")
    return SimpleUploadedFile("orchestra.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def activity(hub_a: HubArea) -> Activity:
    return ActivityFactory.create(hub=hub_a, name="Saturday strings")


def test_the_activity_page_links_to_its_public_listing(hub_a_manager: User, activity: Activity) -> None:
    page = sign_in(Client(), hub_a_manager).get(f"/hub/programmes/activities/{activity.public_id}/").content.decode()
    assert f'href="/hub/opportunities/activities/{activity.public_id}/listing/">Public listing' in page


def test_a_manager_lists_an_activity_and_families_find_it(hub_a_manager: User, activity: Activity) -> None:
    client = sign_in(Client(), hub_a_manager)
    response = client.post(f"/hub/opportunities/activities/{activity.public_id}/listing/", LISTING)
    assert response.status_code == 302
    listing = Listing.objects.get(activity=activity)
    assert (listing.venue.postcode, listing.venue.district_id, listing.is_public) == ("AL1 2QB", "AL1", True)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.PUBLIC_PAGE_CHANGED, hub=activity.hub).exists()
    public = Client().get(f"/opportunities/{listing.public_id}/").content.decode()
    assert "Saturday string orchestra" in public
    assert "Marlborough Music Centre" in public
    assert "Your instrument and a pencil." in public


def test_a_venue_postcode_outside_the_data_is_named_and_the_form_keeps_what_was_typed(
    hub_a_manager: User, activity: Activity
) -> None:
    client = sign_in(Client(), hub_a_manager)
    page = client.post(
        f"/hub/opportunities/activities/{activity.public_id}/listing/", {**LISTING, "venue_postcode": "ZZ9 9ZZ"}
    ).content.decode()
    assert 'href="#id_venue_postcode">The finder cannot place postcode district ZZ9 on the map' in page
    assert "A Saturday string orchestra" in page
    assert not Listing.objects.exists()


def test_a_photo_must_be_an_image_and_be_described(hub_a_manager: User, activity: Activity) -> None:
    client = sign_in(Client(), hub_a_manager)
    url = f"/hub/opportunities/activities/{activity.public_id}/listing/"
    fake = SimpleUploadedFile("orchestra.png", b"not an image", content_type="image/png")
    page = client.post(url, {**LISTING, "photo": fake, "photo_description": "Players"}).content.decode()
    assert "Upload a valid image" in page
    page = client.post(url, {**LISTING, "photo": png()}).content.decode()
    assert "Describe what the photo shows" in page
    assert client.post(url, {**LISTING, "photo": png(), "photo_description": "Young violinists"}).status_code == 302
    listing = Listing.objects.get()
    public = Client().get(f"/opportunities/{listing.public_id}/").content.decode()
    assert 'alt="Young violinists"' in public
    photo = Client().get(f"/opportunities/{listing.public_id}/photo/")
    assert photo.status_code == 200
    assert photo.getvalue().startswith(b"\x89PNG")


def test_an_administrator_publishes_a_pdf_on_the_hub_page(hub_a_admin: User, hub_a: HubArea) -> None:
    client = sign_in(Client(), hub_a_admin)
    assert "Birmingham" not in Client().get("/hubs/hertfordshire/").content.decode()  # cached now
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%fake but well begun\n", content_type="application/pdf")
    response = client.post(
        "/hub/opportunities/documents/", {"kind": "local_plan", "title": "Local Plan for Music Education", "file": pdf}
    )
    assert response.status_code == 302
    document = HubDocument.objects.get()
    hub_page = Client().get("/hubs/hertfordshire/").content.decode()
    assert (
        f'href="/opportunities/documents/{document.public_id}/" download>Local Plan for Music Education (PDF'
        in hub_page
    )
    download = Client().get(f"/opportunities/documents/{document.public_id}/")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="Local Plan for Music Education.pdf"'


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.docx", b"PK\x03\x04", "“plan.docx” is not a PDF: choose a file ending in .pdf."),
        ("plan.pdf", b"<html>", "“plan.pdf” is named .pdf but is not a PDF file."),
    ],
)
def test_only_a_pdf_is_published(hub_a_admin: User, name: str, content: bytes, message: str) -> None:
    client = sign_in(Client(), hub_a_admin)
    upload = SimpleUploadedFile(name, content)
    page = client.post(
        "/hub/opportunities/documents/", {"kind": "other", "title": "Plan", "file": upload}
    ).content.decode()
    assert message in page
    assert not HubDocument.objects.exists()


def test_a_withdrawn_document_leaves_the_hub_page(hub_a_admin: User, hub_a: HubArea) -> None:
    client = sign_in(Client(), hub_a_admin)
    pdf = SimpleUploadedFile("policy.pdf", b"%PDF-1.7\n", content_type="application/pdf")
    client.post("/hub/opportunities/documents/", {"kind": "charging_policy", "title": "Charging policy", "file": pdf})
    document = HubDocument.objects.get()
    assert "Charging policy" in Client().get("/hubs/hertfordshire/").content.decode()
    client.post(f"/hub/opportunities/documents/{document.public_id}/withdraw/")
    assert "Charging policy" not in Client().get("/hubs/hertfordshire/").content.decode()
    assert Client().get(f"/opportunities/documents/{document.public_id}/").status_code == 404


def test_a_new_listing_shows_on_the_cached_finder_at_once(hub_a_manager: User, activity: Activity) -> None:
    assert "Saturday strings" not in Client().get("/opportunities/").content.decode()  # cached now
    sign_in(Client(), hub_a_manager).post(f"/hub/opportunities/activities/{activity.public_id}/listing/", LISTING)
    assert "Saturday strings" in Client().get("/opportunities/").content.decode()
