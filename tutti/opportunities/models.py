"""The public side of a hub's activities: where they happen, how they are described, what the hub publishes."""

import uuid

from django.conf import settings
from django.db import models

from tutti.accounts.tenancy import HubScopedQuerySet


class PostcodeDistrict(models.Model):
    """The approximate centre of a postcode district (AL1, SG12), from the ONS-derived seed data."""

    district = models.CharField(max_length=4, primary_key=True)
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        ordering = ["district"]

    def __str__(self) -> str:
        return self.district


class VenueQuerySet(HubScopedQuerySet["Venue"]):
    pass


class Venue(models.Model):
    """Where a hub's public activity meets; its position is its postcode district's centre."""

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=8)
    district = models.ForeignKey(PostcodeDistrict, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VenueQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "name", "postcode"], name="opportunities_one_venue_per_place"),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.postcode}"


class ListingQuerySet(HubScopedQuerySet["Listing"]):
    def published(self) -> "ListingQuerySet":
        return self.filter(is_public=True)


class Listing(models.Model):
    """How one of a hub's activities is shown to families: what it is in plain words, where, how to join.

    Who it is for, the fee and the SEND adaptations are the activity's own (programmes); the listing adds
    what only the public needs. One per activity, by label, so programmes needs nothing from this module.
    """

    class Kind(models.TextChoices):
        LESSONS = "lessons", "Lessons"
        ENSEMBLE = "ensemble", "Ensemble or band"
        CHOIR = "choir", "Choir"
        MUSIC_CENTRE = "music_centre", "Music centre"
        HOLIDAY_COURSE = "holiday_course", "Holiday course"
        EVENT = "event", "Event or concert"

    class Entry(models.TextChoices):
        OPEN = "open", "No audition"
        AUDITION = "audition", "By audition"

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    activity = models.OneToOneField("programmes.Activity", on_delete=models.CASCADE, related_name="listing")
    is_public = models.BooleanField("Show it to the public", default=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(help_text="In plain words, for a parent or a young person.")
    entry = models.CharField("How to get in", max_length=10, choices=Entry.choices, default=Entry.OPEN)
    venue = models.ForeignKey(Venue, on_delete=models.PROTECT, related_name="listings")
    remission_available = models.BooleanField(
        "Fee remission available", default=False, help_text="Families on a low income can ask for a reduced fee."
    )
    what_to_bring = models.TextField(blank=True)
    accessibility = models.TextField("Access", blank=True, help_text="Step-free access, toilets, parking, quiet room.")
    young_people_may_apply = models.BooleanField(
        "Young people aged 13 or over may register interest themselves", default=False
    )
    photo = models.ImageField(upload_to="opportunities/photos/", blank=True)
    photo_description = models.CharField(
        "Photo description", max_length=200, blank=True, help_text="What the photo shows, for people who cannot see it."
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["activity__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(photo="") | ~models.Q(photo_description=""),
                name="opportunities_photo_described",
            ),
        ]

    def __str__(self) -> str:
        return f"Listing of {self.activity}"


class HubDocumentQuerySet(HubScopedQuerySet["HubDocument"]):
    pass


class HubDocument(models.Model):
    """A document the hub publishes (its Local Plan, its charging and remission policy), as a PDF."""

    class Kind(models.TextChoices):
        LOCAL_PLAN = "local_plan", "Local Plan for Music Education"
        CHARGING_POLICY = "charging_policy", "Charging and remission policy"
        OTHER = "other", "Other document"

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="opportunities/documents/")
    size_bytes = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = HubDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-uploaded_at"]

    def __str__(self) -> str:
        return self.title
