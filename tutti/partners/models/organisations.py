"""Partner organisations of a hub and the people to contact at each."""

import uuid
from typing import ClassVar

from django.db import models
from django.urls import reverse

from tutti.accounts.tenancy import HubScopedQuerySet
from tutti.network.models import TimestampedModel


class PartnerQuerySet(HubScopedQuerySet["Partner"]):
    def current(self) -> "PartnerQuerySet":
        """Partners not archived."""
        return self.filter(archived_at__isnull=True)

    def archived(self) -> "PartnerQuerySet":
        return self.filter(archived_at__isnull=False)


class Partner(TimestampedModel):
    """An organisation the hub works with: a school, a college, a community group, a music service...

    Archived rather than deleted, so agreements, shares and interactions keep pointing at it.
    """

    class Kind(models.TextChoices):
        SCHOOL = "school", "School"
        FURTHER_HIGHER_EDUCATION = "further_higher_education", "Further or higher education"
        LOCAL_AUTHORITY = "local_authority", "Local authority or its music service"
        COMMUNITY_GROUP = "community_group", "Community group"
        MUSIC_ORGANISATION = "music_organisation", "Music organisation"
        CULTURAL_ORGANISATION = "cultural_organisation", "Cultural organisation"
        INDUSTRY = "industry", "Industry"
        CHARITY = "charity", "Charity or trust"
        EARLY_YEARS = "early_years", "Early years"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PROSPECTIVE = "prospective", "Prospective"
        ACTIVE = "active", "Active"
        FORMER = "former", "Former"

    # Partners can be the subject of the interactions log (tutti.partners.subjects).
    is_interaction_subject: ClassVar[bool] = True

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="partners")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    local_authorities = models.ManyToManyField(
        "network.LocalAuthority", blank=True, related_name="+", help_text="The local authorities it serves."
    )
    website = models.URLField(blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)

    objects = PartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["hub", "name"], name="partner_name_unique_in_hub")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:partner_detail", kwargs={"public_id": self.public_id})

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class Contact(TimestampedModel):
    """A person to contact at a partner organisation; read through the partner, so through its hub."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name
