"""A learner's guardians and the consents given or refused for them (an append-only history)."""

from typing import Any

from django.conf import settings
from django.db import models

from tutti.accounts.tenancy import HubScopedQuerySet


class GuardianQuerySet(HubScopedQuerySet["Guardian"]):
    pass


class Guardian(models.Model):
    """A parent or carer the hub contacts about a learner."""

    class Relationship(models.TextChoices):
        MOTHER = "mother", "Mother"
        FATHER = "father", "Father"
        PARENT = "parent", "Parent"
        STEP_PARENT = "step_parent", "Step-parent"
        GRANDPARENT = "grandparent", "Grandparent"
        FOSTER_CARER = "foster_carer", "Foster carer"
        CARER = "carer", "Carer"
        OTHER = "other", "Other"

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    learner = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, related_name="guardians")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=20, choices=Relationship.choices, default=Relationship.PARENT)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    postcode = models.CharField("Address postcode", max_length=8, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GuardianQuerySet.as_manager()

    class Meta:
        ordering = ["learner", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_relationship_display()})"


class ConsentIsAppendOnly(Exception):
    """Raised when code tries to change or delete a consent record: a new decision is a new record."""


class ConsentQuerySet(HubScopedQuerySet["Consent"]):
    def update(self, **kwargs: Any) -> int:
        # The one change allowed: a merge moves a learner's history to the learner who is kept.
        if set(kwargs) != {"learner"}:
            raise ConsentIsAppendOnly("A consent record cannot be changed; record a new decision instead.")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ConsentIsAppendOnly("Consent records cannot be deleted.")

    def latest_per_kind(self) -> dict[str, "Consent"]:
        """The decision now in force for each kind: the most recent one recorded."""
        latest: dict[str, Consent] = {}
        for consent in self.order_by("decided_on", "recorded_at", "pk"):
            latest[consent.kind] = consent
        return latest


class Consent(models.Model):
    """One decision, given or refused, about photography or data sharing, with the words the family saw.

    Never edited or deleted: a changed mind is a new record, and the latest decision is the one in force.
    """

    class Kind(models.TextChoices):
        PHOTOGRAPHY = "photography", "Photography and filming"
        DATA_SHARING = "data_sharing", "Sharing data with partners"

    class Decision(models.TextChoices):
        GIVEN = "given", "Given"
        REFUSED = "refused", "Refused"

    hub = models.ForeignKey("network.HubArea", on_delete=models.PROTECT, related_name="+")
    learner = models.ForeignKey("learners.Learner", on_delete=models.PROTECT, related_name="consents")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    decided_on = models.DateField()
    given_by = models.CharField(
        max_length=200, help_text="Who decided: a guardian's name, or the learner when old enough."
    )
    wording = models.TextField(help_text="The words shown to the person deciding, exactly.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_decision_display()} on {self.decided_on:%d/%m/%Y}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ConsentIsAppendOnly("A consent record cannot be changed; record a new decision instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ConsentIsAppendOnly("Consent records cannot be deleted.")
